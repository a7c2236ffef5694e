/**
 * Typo tolerance toward the document's own vocabulary: a query word the
 * documents never use ("Anan", "councel") is mapped to a close word they do
 * use ("Annan", "council"), names first; a final g dropped in chat ("livin")
 * is put back when the lexicon knows the -ing word. Real words are never "corrected":
 * a word of the English lexicon (when one is given, e.g. the word-vector
 * vocabulary) or of the documents stays as it is.
 *
 * Distance is optimal-string-alignment (Damerau–Levenshtein with adjacent
 * transpositions), bounded: 1 edit for words of 4–7 letters, 2 from 8 on;
 * shorter words are left alone. The first letter must match (people rarely
 * misspell it), unless the only edit is a swap of the first two letters.
 *
 * @example
 * const vocab = documentVocabulary(['Kofi Annan told the Security Council…']);
 * const fix = createTypoCorrector(vocab);
 * fix.correct('Anan'); // { from: 'Anan', to: 'annan', term: 'annan', distance: 1 }
 * fix.correctText('What did Anan tell the councel?').text; // 'What did annan tell the council?'
 */
import { term } from './terms.js';

export interface VocabEntry {
  /** How many texts (chunks) hold the term. */
  df: number;
  /** Mostly written capitalised mid-sentence: a name. */
  name: boolean;
  /** The most common lower-cased surface form (what a corrected query says). */
  surface: string;
}

/** Index term → entry. */
export type Vocabulary = Map<string, VocabEntry>;

export interface Correction {
  from: string;
  to: string;
  term: string;
  distance: number;
}

export interface TypoCorrector {
  /** A close document word for a word the documents don't use, or null (known, too short, a real word, or nothing close). */
  correct(word: string): Correction | null;
  /** The text with every correctable word replaced by its document form (other characters untouched). */
  correctText(text: string): { text: string; corrections: Correction[] };
}

/**
 * The vocabulary of a set of texts (one entry per index term), for {@link createTypoCorrector}.
 * A term is a name when most of its occurrences that don't start a sentence are capitalised.
 */
export function documentVocabulary(texts: Iterable<string>): Vocabulary {
  const acc = new Map<string, { df: number; caps: number; lower: number; forms: Map<string, number> }>();
  for (const text of texts) {
    const seen = new Set<string>();
    let sentenceStart = true;
    for (const seg of new Intl.Segmenter('en', { granularity: 'word' }).segment(text)) {
      if (!seg.isWordLike) {
        if (/[.!?]/.test(seg.segment)) sentenceStart = true;
        continue;
      }
      const w = seg.segment;
      const t = term(w);
      const atStart = sentenceStart;
      sentenceStart = false;
      if (!t) continue;
      const e = acc.get(t) ?? { df: 0, caps: 0, lower: 0, forms: new Map() };
      if (!seen.has(t)) {
        e.df++;
        seen.add(t);
      }
      if (!atStart) {
        if (/^\p{Lu}/u.test(w)) e.caps++;
        else e.lower++;
      }
      const form = w.toLowerCase();
      e.forms.set(form, (e.forms.get(form) ?? 0) + 1);
      acc.set(t, e);
    }
  }
  const out: Vocabulary = new Map();
  for (const [t, e] of acc) {
    const surface = [...e.forms.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
    out.set(t, { df: e.df, name: e.caps > e.lower, surface });
  }
  return out;
}

/** Edits allowed for a word of this length. */
export const maxEdits = (length: number) => (length < 4 ? 0 : length < 8 ? 1 : 2);

/**
 * @param opts.isWord A lexicon check (lower-cased word → is it English?). Words it knows are never corrected.
 */
export function createTypoCorrector(vocab: Vocabulary, opts: { isWord?: (word: string) => boolean } = {}): TypoCorrector {
  const entries = [...vocab.entries()];
  const cache = new Map<string, Correction | null>();
  const correct = (word: string): Correction | null => {
    const lower = word.normalize('NFKC').toLowerCase();
    if (cache.has(lower)) return cache.get(lower)!;
    const result = compute(word, lower);
    if (cache.size > 10_000) cache.clear();
    cache.set(lower, result);
    return result;
  };
  const compute = (word: string, lower: string): Correction | null => {
    const t = term(word);
    // A negation typed without its apostrophe ("wont", "didnt") is not a typo for "won" or "dint".
    if (!t || vocab.has(t) || !/^[a-z]+$/.test(lower) || NEGATION_WITHOUT_APOSTROPHE.test(lower)) return null;
    // A final g dropped in chat ("livin", "drivin", "talkin"): the -ing word, when the lexicon knows it and not the word as typed.
    if (opts.isWord && lower.length >= 4 && lower.endsWith('in') && !opts.isWord(lower) && opts.isWord(`${lower}g`)) return { from: word, to: `${word}g`, term: term(`${lower}g`) ?? t, distance: 1 };
    const budget = maxEdits(lower.length);
    if (!budget || opts.isWord?.(lower)) return null;
    let best: { t: string; e: VocabEntry; d: number } | null = null;
    for (const [ct, e] of entries) {
      const form = e.surface;
      if (Math.abs(form.length - lower.length) > budget) continue;
      if (form[0] !== lower[0] && !(form[0] === lower[1] && form[1] === lower[0])) continue;
      const d = Math.min(osa(lower, form, budget), osa(t, ct, budget));
      if (d > budget) continue;
      if (!best || d < best.d || (d === best.d && better(e, best.e))) best = { t: ct, e, d };
    }
    return best ? { from: word, to: best.e.surface, term: best.t, distance: best.d } : null;
  };
  return {
    correct,
    correctText(text) {
      const corrections: Correction[] = [];
      let out = '';
      for (const seg of WORDS.segment(text)) {
        const c = seg.isWordLike ? correct(seg.segment) : null;
        if (c) corrections.push(c);
        out += c ? c.to : seg.segment;
      }
      return { text: out, corrections };
    },
  };
}

const NEGATION_WITHOUT_APOSTROPHE = /^(?:is|was|are|were|do|does|did|has|have|had|ca|wo|would|should|could|must|need)nt$/u;

/** One word segmenter for every question (making one costs more than segmenting a question). */
const WORDS = new Intl.Segmenter('en', { granularity: 'word' });

/** Names first, then the more frequent term. */
const better = (a: VocabEntry, b: VocabEntry) => (a.name !== b.name ? a.name : a.df > b.df);

/**
 * Optimal string alignment distance, or `bound + 1` as soon as it must exceed `bound`.
 *
 * @example
 * osa('councel', 'council', 2); // 1
 * osa('anan', 'annan', 1); // 1
 */
export function osa(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(n + 1);
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > bound) return bound + 1;
    prev2 = prev;
    prev = cur;
  }
  return Math.min(prev[n]!, bound + 1);
}

