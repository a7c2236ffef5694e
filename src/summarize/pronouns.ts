/**
 * "He"/"she" without its person. A summary sentence cut out of its context
 * must not leave the reader asking who "he" is: its he/she/him/his/her must
 * follow a name in the same sentence, belong to a quotation whose speaker the
 * quotation index knows (and stand outside the quoted words: in
 * “…,” he told the Council, "he" is the speaker), or refer to a person named
 * in an earlier sentence of the summary.
 */
import type { Span } from '../types.js';

const PRONOUN = /\b(?:he|she|him|his|her|hers|himself|herself)\b/gi;
/** A capitalised word: the shape of a name. */
const CAPITALISED = /\b\p{Lu}[\p{L}'’-]*\p{L}|\b\p{Lu}\b/gu;
/** Capitalised words that are not names. */
const NOT_NAMES = new Set(
  [
    'i', 'a', 'an', 'the', 'this', 'that', 'these', 'those', 'he', 'she', 'his', 'her', 'it', 'its', 'we', 'they', 'you', 'our', 'their', 'in', 'on', 'at',
    'for', 'but', 'and', 'or', 'so', 'if', 'when', 'while', 'after', 'before', 'as', 'with', 'from', 'by', 'to', 'of', 'there', 'here', 'what', 'who',
    'mr', 'mrs', 'ms', 'dr', 'sir', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
    'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'cnn', 'today', 'yesterday', 'last', 'one', 'two',
  ],
);

/** The name-shaped words of a text, with their offsets within it. */
export function names(text: string): { word: string; at: number }[] {
  const out: { word: string; at: number }[] = [];
  for (const m of text.matchAll(CAPITALISED)) {
    const word = m[0].replace(/['’]s$/, '');
    if (!NOT_NAMES.has(word.toLowerCase())) out.push({ word, at: m.index });
  }
  return out;
}

/** Offset (within `text`) of the first he/she-type pronoun, or -1. */
export function firstPronoun(text: string): number {
  PRONOUN.lastIndex = 0;
  const m = PRONOUN.exec(text);
  return m ? m.index : -1;
}

export interface PronounContext {
  /** The sentence text. */
  text: string;
  /** Quoted spans inside the sentence (offsets within `text`) whose speaker the quotation index knows. */
  attributedQuotes: Span[];
  /** The text before this sentence in its document (the last few sentences are enough). */
  before: string;
}

/**
 * The name a sentence's first he/she refers to, as far as it can tell:
 * null when the sentence needs none (no such pronoun, a name comes first, or
 * the pronoun is the known speaker of the sentence's quotation); else the
 * last name before it in the document (`''` when there is none).
 *
 * @example
 * antecedentNeeded({ text: '“We need…,” he told them.', attributedQuotes: [{ start: 0, end: 12 }], before: '' }); // null
 * antecedentNeeded({ text: 'He left.', attributedQuotes: [], before: 'Piro met Saddam.' });                          // 'Saddam'
 */
export function antecedentNeeded(c: PronounContext): string | null {
  const p = firstPronoun(c.text);
  if (p < 0) return null;
  if (names(c.text.slice(0, p)).length) return null;
  const inQuote = (at: number) => c.attributedQuotes.some((q) => q.start <= at && at < q.end);
  // "…," he said: a pronoun outside quotation marks in a sentence whose quotation has a known speaker is that speaker,
  // as long as no he/she inside the quoted words is left without a name before it.
  if (c.attributedQuotes.length && !inQuote(p)) {
    const quotedOrphan = [...c.text.matchAll(PRONOUN)].some((m) => inQuote(m.index) && !names(c.text.slice(0, m.index)).length);
    if (!quotedOrphan) return null;
  }
  const prior = names(c.before);
  return prior.length ? prior[prior.length - 1]!.word : '';
}
