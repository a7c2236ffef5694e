/**
 * Answer-type evidence beside the question's words: does the sentence hold
 * an entity of the asked-for kind (tagged in ./entities.ts) within a few
 * words of a word the question used? "How many members does the Council
 * have?" is met by "the 15-member body", where "15" stands next to
 * "member"; a number three clauses away from every question word is weaker
 * evidence. The entity must not hold any of the question's own words.
 */
import { term, wordsOf } from '../retrieve/terms.js';
import { memoPerText } from '../text/text-memo.js';
import type { AnswerType } from '../understand/answer-type.js';
import { candidatesOfType } from './entities.js';

/** How many words apart an entity and a question word may stand. */
export const NEAR_WORDS = 4;

interface Word {
  start: number;
  end: number;
  term: string | null;
}

/** The sentence's words with their offsets and terms (remembered per text: many questions read one sentence). */
const wordsWithOffsets = memoPerText((text: string): Word[] => {
  const out: Word[] = [];
  let from = 0;
  for (const w of wordsOf(text)) {
    const start = text.indexOf(w, from);
    if (start < 0) continue;
    from = start + w.length;
    out.push({ start, end: from, term: term(w) });
  }
  return out;
}, 20_000);

/**
 * 1 when an entity of the type sits within {@link NEAR_WORDS} words of a question term (the entity's own words not
 * counting), else 0. `accept` filters entities further (a year for "what year…").
 *
 * @example
 * typeNear('How many members does the Council have?', new Set(['member', 'council']), 'number', 'the 15-member body met'); // 1
 */
export function typeNear(questionTerms: ReadonlySet<string>, type: AnswerType, text: string, accept: (entity: string) => boolean = () => true): number {
  const words = wordsWithOffsets(text, null);
  const asked = words.map((w, i) => (w.term && questionTerms.has(w.term) ? i : -1)).filter((i) => i >= 0);
  if (!asked.length) return 0;
  for (const e of candidatesOfType(text, type)) {
    if (!accept(e)) continue;
    for (let at = text.indexOf(e); at >= 0; at = text.indexOf(e, at + 1)) {
      const end = at + e.length;
      // Word indices the entity covers.
      const inside = words.map((w, i) => (w.start < end && at < w.end ? i : -1)).filter((i) => i >= 0);
      if (!inside.length) continue;
      const [first, last] = [inside[0]!, inside[inside.length - 1]!];
      // An entity holding a question word is what the question is about, not its answer ("Kofi Annan" for "who did Annan meet?").
      if (inside.some((i) => words[i]!.term && questionTerms.has(words[i]!.term!))) continue;
      if (asked.some((i) => (i < first && first - i <= NEAR_WORDS) || (i > last && i - last <= NEAR_WORDS))) return 1;
    }
  }
  return 0;
}
