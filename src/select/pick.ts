/**
 * Which of the ranked sentences become quotes: the best one, then the best
 * of each other paragraph that is nearly as good, then the rest — so one
 * passage does not take every quote slot by rank alone.
 */
import type { Scored } from './select.js';

/** A sentence is quoted only when it is at least this share of the best one's probability. */
export const RELATIVE_FLOOR = 0.5;

/**
 * With `byRank` (a follow-up in a conversation: src/decide/conversation.ts, quotesByRank) the sentences are taken
 * in order of probability alone, a paragraph's second sentence before another paragraph's best.
 *
 * @example
 * pick(ranked, { maxQuotes: 3, floor: 0.3 }).map((c) => c.paragraph); // [7, 2, 7]
 */
export function pick(ranked: Scored[], opts: { maxQuotes: number; floor: number; byRank?: boolean }): Scored[] {
  const best = ranked[0];
  if (!best) return [];
  const good = ranked.filter((c) => c.p >= Math.max(opts.floor, best.p * RELATIVE_FLOOR));
  const chosen: Scored[] = [];
  const paragraphs = new Set<string>();
  // First the best sentence of each paragraph, in order of probability…
  for (const c of good) {
    if (chosen.length >= opts.maxQuotes) break;
    const key = `${c.doc.id}#${c.paragraph}`;
    if (paragraphs.has(key) && !opts.byRank) continue;
    paragraphs.add(key);
    chosen.push(c);
  }
  // …then further sentences of the same paragraphs.
  for (const c of good) {
    if (chosen.length >= opts.maxQuotes) break;
    if (!chosen.includes(c)) chosen.push(c);
  }
  return chosen.sort((a, b) => b.p - a.p);
}
