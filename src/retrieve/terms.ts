/**
 * Terms for lexical matching: Unicode word segmentation (Intl.Segmenter),
 * lower-casing, English stopwords (`stopword`) and Porter stemming (`stemmer`).
 * One definition serves the BM25 index, the answer scorer and the evaluators.
 */
import { stemmer } from 'stemmer';
import { eng } from 'stopword';

const STOP = new Set<string>([...eng, 'said', 'says', 'say', 'tell', 'told', 'did', 'does', 'do', 'what', 'which', 'who', 'whom', 'where', 'when', 'why', 'how', 'much', 'many', 'also', 'else', 'document', 'article', 'text', 's']);
const words = new Intl.Segmenter('en', { granularity: 'word' });

/** Normalise one word into its index term, or null for a stopword / non-word. */
export function term(word: string): string | null {
  const w = word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’'`]s$/u, '')
    .replace(/[’'`]/gu, '');
  if (!w || STOP.has(w) || !/[\p{L}\p{N}]/u.test(w)) return null;
  return /^\p{N}+$/u.test(w) ? w : stemmer(w);
}

/** Words of a text (Intl.Segmenter word-like segments), in order. */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const seg of words.segment(text)) if (seg.isWordLike) out.push(seg.segment);
  return out;
}

/**
 * Content terms of a text, in order, duplicates kept.
 *
 * @example
 * terms('What did Annan tell the Council?'); // ['annan', 'council']
 */
export function terms(text: string): string[] {
  const hit = memo.get(text);
  if (hit) return hit;
  const out = Object.freeze(computeTerms(text)) as string[]; // shared: a mutation would throw
  if (text.length <= MEMO_MAX_CHARS) {
    if (memo.size >= MEMO_MAX_ENTRIES) memo.clear();
    memo.set(text, out);
  }
  return out;
}

/**
 * Sentences and paragraphs are re-read on every question: their terms are
 * remembered (bounded; cleared when full). Callers must not mutate the result.
 */
const memo = new Map<string, string[]>();
const MEMO_MAX_ENTRIES = 50_000;
const MEMO_MAX_CHARS = 4_000;

function computeTerms(text: string): string[] {
  const out: string[] = [];
  for (const w of wordsOf(text)) {
    const t = term(w);
    if (t) out.push(t);
  }
  return out;
}

/** Whether a word is a stopword (used to keep question words like "where" out of queries). */
export const isStopword = (w: string) => STOP.has(w.toLowerCase());
