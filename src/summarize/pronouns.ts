/**
 * "He"/"she" without its person. A summary sentence cut out of its context
 * must not leave the reader asking who "he" is: its he/she/him/his/her must
 * follow a name in the same sentence, belong to a quotation whose speaker the
 * quotation index knows (and stand outside the quoted words: in
 * “…,” he told the Council, "he" is the speaker), or refer to a person named
 * in the summary sentence just before it (so that a reader resolves it the
 * way the document does).
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

/** Short quoted titles ("60 Minutes", 'DWTS'): not people, blanked out before looking for names. */
const QUOTED_TITLE = /["“‘'][^"“”‘’'\s]+(?:\s[^"“”‘’'\s]+){0,3}["”’']/g;

/** The name-shaped words of a text (outside short quoted titles), with their offsets within it. */
export function names(text: string): { word: string; at: number }[] {
  const out: { word: string; at: number }[] = [];
  const plain = text.replace(QUOTED_TITLE, (m) => ' '.repeat(m.length));
  for (const m of plain.matchAll(CAPITALISED)) {
    const word = m[0].replace(/['’]s$/, '');
    // All-capital words are acronyms (CNN, WMD), not people.
    if (!NOT_NAMES.has(word.toLowerCase()) && !(word.length > 1 && word === word.toUpperCase())) out.push({ word, at: m.index });
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
  /** The speaker of the sentence's quotation: a he/she inside their own words is someone else. */
  speaker?: string | null;
  /** Words known to name people in this document (see {@link peopleOf}); only these can be a he/she's person. */
  people: ReadonlySet<string>;
}

/** A title before a name: "Mr. Annan", "President Bush", "agent George Piro". */
const HONORIFIC = /\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|President|Secretary-General|Secretary|Minister|Prime Minister|Governor|Gov|Senator|Sen|Representative|Rep|Judge|Justice|King|Queen|Prince|Princess|Pope|Bishop|General|Gen|Colonel|Col|Captain|Capt|Officer|Sergeant|Sgt|Detective|Professor|Prof|agent|Correspondent|correspondent|spokesman|spokeswoman|actress|actor|singer|star|coach|manager|chief|leader)\.?\s+((?:\p{Lu}[\p{L}'’-]+\s?){1,3})/gu;

/**
 * The words that name people in a document: the quotation index's speakers
 * and names after a title ("Mr. Annan", "agent George Piro").
 *
 * @example
 * peopleOf('Mr. Annan spoke.', ['Kofi Annan']); // Set { 'Kofi', 'Annan' }
 */
export function peopleOf(text: string, speakers: readonly (string | null)[]): Set<string> {
  const out = new Set<string>();
  const add = (name: string) => {
    for (const w of name.split(/\s+/)) if (/^\p{Lu}/u.test(w)) out.add(w.replace(/['’]s$/, ''));
  };
  for (const s of speakers) if (s) add(s);
  for (const m of text.matchAll(HONORIFIC)) add(m[1]!.trim());
  return out;
}

/**
 * The name a sentence's first he/she refers to, as far as it can tell:
 * null when the sentence needs none (no such pronoun, a name comes first, or
 * the pronoun is the known speaker of the sentence's quotation); else the
 * last person named before it in the document (`''` when there is none, and
 * then only the sentence just before it in the document can carry it).
 *
 * @example
 * antecedentNeeded({ text: '“We need…,” he told them.', attributedQuotes: [{ start: 0, end: 12 }], before: '', people: new Set() }); // null
 * antecedentNeeded({ text: 'He left.', attributedQuotes: [], before: 'Piro met Saddam.', people: new Set(['Piro']) });            // 'Piro'
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
  const self = new Set(inQuote(p) && c.speaker ? c.speaker.split(/\s+/) : []);
  const prior = names(c.before).filter((n) => c.people.has(n.word) && !self.has(n.word));
  return prior.length ? prior[prior.length - 1]!.word : '';
}
