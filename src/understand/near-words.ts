/**
 * A topic in other words than the document's: "quote the part about the
 * money" when the text says "funding", "his lawyer" when it says "attorney",
 * "a counselor" for "therapist". Each word of the request that the documents
 * never use is looked up among the words they do use, by word-vector cosine
 * (the shipped GloVe-derived vectors, embeddings/word-vectors-50k.bin); the
 * nearest ones (at most `max`, each at least `floor`) are added to what is
 * searched for, so retrieval finds the passage. Scoring does not read them:
 * the sentence scorer's own soft signal (select/features.ts softOov/softKnown)
 * weighs a near word by its cosine.
 *
 * @example
 * const near = createNearWords(documentVocabulary(texts), vectors);
 * near.expand('the part about his lawyer'); // 'the part about his lawyer attorney'
 */
import { term, wordsOf } from '../retrieve/terms.js';
import type { Vocabulary } from '../retrieve/typo.js';
import { dot, type WordVectors } from '../embed/word-vectors.js';

/** Cosine below which a document word is not the request word in other words (measured on the quote5/quote4 tuning sets). */
export const NEAR_WORD_FLOOR = 0.6;
/** Document words added per request word. */
export const NEAR_WORD_MAX = 2;

export interface NearWords {
  /** The document's words nearest to one word the documents never use ([] for a word they use, or one with no vector); `known`: to a word they use, too. */
  of(word: string, known?: boolean): string[];
  /** The text with each unknown word's near document words appended (the text itself when there are none). */
  expand(text: string): string;
}

interface Row {
  term: string;
  surface: string;
  vector: Float32Array;
}

const MEMO_MAX = 10_000;

/**
 * @param vocab The documents' words (src/retrieve/typo.ts documentVocabulary).
 * @param vectors Word vectors; words without one are never near anything.
 */
export function createNearWords(vocab: Vocabulary, vectors: WordVectors, opts: { floor?: number; max?: number } = {}): NearWords {
  const floor = opts.floor ?? NEAR_WORD_FLOOR;
  const max = opts.max ?? NEAR_WORD_MAX;
  let rows: Row[] | null = null;
  // Built on first use: a question whose words the documents all use never pays for it.
  const table = () =>
    (rows ??= [...vocab].flatMap(([t, e]) => {
      const v = vectors.vector(e.surface);
      return v ? [{ term: t, surface: e.surface, vector: v }] : [];
    }));
  const memo = new Map<string, string[]>();
  const of = (word: string, known = false): string[] => {
    const lower = word.toLowerCase();
    const key = known ? `+${lower}` : lower;
    const hit = memo.get(key);
    if (hit) return hit;
    const t = term(word);
    const v = t && (known || !vocab.has(t)) ? vectors.vector(lower) : undefined;
    const found: { surface: string; c: number }[] = [];
    if (v) {
      const seen = new Set<string>();
      for (const r of table()) {
        const c = dot(v, r.vector);
        if (c >= floor && r.term !== t && !seen.has(r.term)) {
          seen.add(r.term);
          found.push({ surface: r.surface, c });
        }
      }
    }
    const out = found.sort((a, b) => b.c - a.c).slice(0, max).map((x) => x.surface);
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(key, out);
    return out;
  };
  return {
    of,
    expand(text) {
      const extra = [...new Set(wordsOf(text).flatMap((w) => of(w)))];
      return extra.length ? `${text} ${extra.join(' ')}` : text;
    },
  };
}
