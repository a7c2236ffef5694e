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
}

/**
 * @example
 * const stats = termStats(index);
 * stats.idf('annan') < stats.idf('ASEAN'.toLowerCase());
 */
export function termStats(index: Pick<LoadedIndex, 'chunks' | 'docById'>): TermStats {
  const df = new Map<string, number>();
  for (const c of index.chunks) {
    const text = index.docById.get(c.docId)!.text.slice(c.start, c.end);
    for (const t of new Set(terms(text))) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const n = Math.max(1, index.chunks.length);
  const idf = (t: string) => Math.log(1 + (n - (df.get(t) ?? 0) + 0.5) / ((df.get(t) ?? 0) + 0.5));
  return { idf, maxIdf: idf('\u0000never'), known: (t) => df.has(t) };
}
