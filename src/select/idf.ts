/**
 * Inverse document frequencies over an index's chunks, for weighting the
 * question's terms. Built once per index.
 */
import type { LoadedIndex } from '../index/store.js';
import { terms } from '../retrieve/terms.js';

export interface TermStats {
  idf(term: string): number;
  /** The largest IDF any term can have here (a term in no chunk). */
  maxIdf: number;
  /** Does any chunk contain the term? */
  known(term: string): boolean;
  /**
   * The weight of a word no chunk contains (by its written form): the largest IDF, scaled down for
   * common English words by their frequency rank when one is known — "main", "kind" or "speak"
   * missing from a document says less than "Wolfson" missing.
   */
  unseen(word: string): number;
}

/** Frequency rank at and beyond which an unseen word weighs the full largest IDF (the word list's length). */
export const RARE_RANK = 50_000;

/**
 * @example
 * const stats = termStats(index);
 * stats.idf('annan') < stats.idf('ASEAN'.toLowerCase());
 */
export function termStats(index: Pick<LoadedIndex, 'chunks' | 'docById'>, background: { rank?: (word: string) => number | undefined } = {}): TermStats {
  const df = new Map<string, number>();
  for (const c of index.chunks) {
    const text = index.docById.get(c.docId)!.text.slice(c.start, c.end);
    for (const t of new Set(terms(text))) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const n = Math.max(1, index.chunks.length);
  const idf = (t: string) => Math.log(1 + (n - (df.get(t) ?? 0) + 0.5) / ((df.get(t) ?? 0) + 0.5));
  const maxIdf = idf('\u0000never');
  const unseen = (word: string) => {
    const r = background.rank?.(word.toLowerCase());
    return r ? maxIdf * Math.min(1, Math.log(r + 1) / Math.log(RARE_RANK)) : maxIdf;
  };
  return { idf, maxIdf, known: (t) => df.has(t), unseen };
}
