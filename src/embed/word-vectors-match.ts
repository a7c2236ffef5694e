/**
 * Soft term matching between a question and a sentence with word vectors:
 * each content word of the question counts by how well the sentence holds it
 * — 1 for the same term (src/retrieve/terms.ts), else its best cosine to a
 * sentence word when that reaches `floor` ("biggest" ~ "largest", "began" ~
 * "start") — weighted by the term's IDF. The result is in [0, 1], like the
 * exact-match coverage it generalises (with no vectors it equals it).
 *
 * @example
 * const wv = loadWordVectors({ root });
 * softCoverage('What is the biggest city?', 'Paris is the largest city.', { vectors: wv, idf: () => 1 }); // ≈ 0.93
 */
import { term, wordsOf } from '../retrieve/terms.js';
import { WORD_VECTORS_MODEL } from './word-vectors-embedder.js';
import { dot, loadWordVectors, type WordVectors } from './word-vectors.js';

export interface SoftMatchOptions {
  vectors: WordVectors;
  /** IDF of an index term (e.g. the answerer's TermStats). */
  idf: (t: string) => number;
  /** Cosines below this count as no match (GloVe puts unrelated words at ≈ 0.1–0.4). */
  floor?: number;
}

/** Measured on SQuAD (tuning articles only): see README "Word vectors". */
export const DEFAULT_SOFT_FLOOR = 0.6;

export interface ContentWord {
  term: string;
  /** The word lower-cased (what its vector is looked up by). */
  key: string;
  vector: Float32Array | undefined;
}

/** Sentence texts remembered per vector table: a corpus's sentences are re-read on every question (cleared when full). */
const SENTENCE_MEMO_MAX = 50_000;
/**
 * Question texts remembered: only the latest few (a question's words are read once per candidate sentence while
 * it is answered, and never again). Every question is a new text, so a memo shared with the sentences (as before)
 * grew by ~1 KB a question until its 50,000-entry bound — ~7 MB of the worker's heap over 10,000 questions.
 */
export const QUESTION_MEMO_MAX = 64;
const memos = new WeakMap<WordVectors, { sentences: Map<string, ContentWord[]>; questions: Map<string, ContentWord[]> }>();

/** Content words of a text (one per distinct term), with their vectors; remembered per text (see the bounds above). */
export function contentWords(text: string, vectors: WordVectors, side: 'sentences' | 'questions'): ContentWord[] {
  let memo = memos.get(vectors);
  if (!memo) memos.set(vectors, (memo = { sentences: new Map(), questions: new Map() }));
  const m = memo[side];
  const hit = m.get(text);
  if (hit) return hit;
  const seen = new Set<string>();
  const out: ContentWord[] = [];
  for (const w of wordsOf(text)) {
    const t = term(w);
    if (!t || seen.has(t)) continue;
    seen.add(t);
    out.push({ term: t, key: w.toLowerCase(), vector: vectors.vector(w) });
  }
  if (side === 'sentences') {
    if (m.size >= SENTENCE_MEMO_MAX) m.clear();
  } else if (m.size >= QUESTION_MEMO_MAX) m.delete(m.keys().next().value!); // the oldest question goes
  if (text.length <= 4_000) m.set(text, out);
  return out;
}

/** Question texts remembered for these vectors (tests: the bound holds). */
export function rememberedQuestions(vectors: WordVectors): number {
  return memos.get(vectors)?.questions.size ?? 0;
}

/**
 * How well a single question word is matched by the sentence's words: 1 exact, else the best cosine ≥ floor, else 0.
 * Each cosine is computed where it is needed: a memo of them per question word (as before) found a cosine already
 * computed for ~15% of the look-ups on the bench's questions, and cost more than the products it saved — a Map per
 * question word and an entry per sentence word (~22 KB of garbage per answer, the most of any function).
 */
export function bestMatch(q: ContentWord, sentence: ContentWord[], floor: number): number {
  let best = 0;
  const qv = q.vector;
  for (const s of sentence) {
    if (s.term === q.term) return 1;
    if (qv && s.vector) {
      const c = dot(qv, s.vector);
      if (c > best) best = c;
    }
  }
  return best >= floor ? best : 0;
}

/** IDF-weighted soft coverage of the question's content words by the sentence, in [0, 1]; 0 when the question has none. */
export function softCoverage(question: string, sentence: string, opts: SoftMatchOptions): number {
  const floor = opts.floor ?? DEFAULT_SOFT_FLOOR;
  const q = contentWords(question, opts.vectors, 'questions');
  if (!q.length) return 0;
  const s = contentWords(sentence, opts.vectors, 'sentences');
  let num = 0;
  let den = 0;
  for (const w of q) {
    const idf = opts.idf(w.term);
    den += idf;
    num += idf * bestMatch(w, s, floor);
  }
  return den > 0 ? num / den : 0;
}

/** What soft matching adds beyond exact matches, as IDF shares of the question's weight. */
export interface SoftGains {
  /** Question words the documents never use, matched by a near word of the sentence ("main" ~ "principal"). */
  oov: number;
  /** Question words the documents use elsewhere but this sentence lacks, matched by a near word of it. */
  known: number;
}

/**
 * The soft matches of the question words the sentence does not hold exactly, split by whether the
 * documents use the word at all: a paraphrase of a word the document never uses says something
 * different from a near miss of a word another passage holds. Each is in [0, 1]; with
 * {@link softCoverage}, exact share + oov + known = soft coverage.
 *
 * @example
 * softGains('What are the two main challenges?', 'the two principal challenges', { vectors, idf, known: (t) => t !== 'main' });
 * // { oov: ≈ 0.3, known: 0 }
 */
export function softGains(question: string, sentence: string, opts: SoftMatchOptions & { known: (t: string) => boolean }): SoftGains {
  const floor = opts.floor ?? DEFAULT_SOFT_FLOOR;
  const q = contentWords(question, opts.vectors, 'questions');
  const s = contentWords(sentence, opts.vectors, 'sentences');
  let den = 0;
  let oov = 0;
  let known = 0;
  for (const w of q) {
    const idf = opts.idf(w.term);
    den += idf;
    const m = bestMatch(w, s, floor);
    if (m >= 1 || m === 0) continue;
    if (opts.known(w.term)) known += idf * m;
    else oov += idf * m;
  }
  return den > 0 ? { oov: oov / den, known: known / den } : { oov: 0, known: 0 };
}

/**
 * The soft matcher for an engine whose embedder is the word-vector one
 * (`EMBEDDING_MODEL=word-vectors`; recognised by its id, so wrappers such as
 * the eval's cache keep it), else null: the sentence scorer then matches
 * terms exactly, as before.
 */
export function softMatcherFor(embedderId: string | null | undefined, root: string): ((question: string, sentence: string, idf: (t: string) => number) => number) | null {
  if (!embedderId?.startsWith(`${WORD_VECTORS_MODEL}:`)) return null;
  const vectors = loadWordVectors({ root });
  return (question, sentence, idf) => softCoverage(question, sentence, { vectors, idf });
}
