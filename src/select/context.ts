/**
 * What a sentence means beyond its own words: who "he" or "she" is (from the
 * quotation index, else the first person named just before it in the
 * paragraph or the one before), and its neighbours in the paragraph.
 * Computed per sentence on first use and remembered per document.
 */
import type { Quotation, StoredDocument } from '../types.js';
import { entitiesOf } from './entities.js';
import { firstNameGender } from '../quotes/names.js';

export interface SentenceContext {
  /** Index into doc.sentences. */
  i: number;
  paragraph: number;
  /** Names the sentence refers to by pronoun ("he told the Council" → "Kofi Annan"). */
  inherited: string | null;
  /** The quotation with a known speaker that the sentence holds, if any. */
  quotation: Quotation | null;
  /** Text of the previous and next sentence in the same paragraph. */
  before: string;
  after: string;
}

const PRONOUN = /\b(?:he|she|him|her|his|hers|himself|herself)\b/i;
/** A name after a title compromise may not know as a person ("Secretary-General Kofi Annan", "Mr. Annan"). */
const TITLED = /\b(?:Mr|Mrs|Ms|Dr|Sir|Dame|Secretary-General|President|Minister|Prime Minister|Senator|Judge|Rev|Chancellor|King|Queen)\.?\s+((?:[\p{Lu}][\p{L}’'-]+)(?:\s+[\p{Lu}][\p{L}’'-]+){0,2})/u;

/** The person a sentence names first: compromise's people, else a titled name. */
const personNamed = (text: string) => entitiesOf(text).person?.[0] ?? TITLED.exec(text)?.[1] ?? null;

const MALE = /\b(?:he|him|his|himself)\b/i;
const FEMALE = /\b(?:she|her|hers|herself)\b/i;
/** The gender a sentence's third-person pronouns give, when they give one ("she told …" → female). */
export const pronounGender = (text: string): 'male' | 'female' | null => (MALE.test(text) === FEMALE.test(text) ? null : MALE.test(text) ? 'male' : 'female');
const TITLE_GENDER: Record<string, 'male' | 'female'> = { mr: 'male', sir: 'male', king: 'male', mrs: 'female', ms: 'female', dame: 'female', queen: 'female' };
/** A name's gender from its title or first name ("Mr. Annan", "Sally Mason"), when either says. */
export function nameGender(name: string, text: string): 'male' | 'female' | null {
  const title = new RegExp(`\\b(Mr|Mrs|Ms|Sir|Dame|King|Queen)\\.?\\s+${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).exec(text)?.[1];
  if (title) return TITLE_GENDER[title.toLowerCase()] ?? null;
  const words = name.split(/\s+/);
  return words.length >= 2 ? firstNameGender(words[0]) : null;
}

/**
 * The first person a sentence names whom a "he" or "she" can stand for: one whose name says another gender than the
 * pronoun's is passed over ("Sally Mason … she said" is not Stephen Holl). Null when the sentence names none that agrees.
 */
function agreeingPerson(text: string, gender: 'male' | 'female' | null): string | null {
  const named = [...(entitiesOf(text).person ?? []), ...(TITLED.exec(text)?.[1] ? [TITLED.exec(text)![1]!] : [])];
  if (!gender) return named[0] ?? null;
  return named.find((n) => nameGender(n, text) !== (gender === 'male' ? 'female' : 'male')) ?? null;
}

interface DocCache {
  index: Map<number, number>;
  quotations: Quotation[];
  contexts: Map<number, SentenceContext>;
}
const cache = new WeakMap<StoredDocument, DocCache>();

function docCache(doc: StoredDocument, quotations: Quotation[]): DocCache {
  let c = cache.get(doc);
  if (!c) {
    c = { index: new Map(doc.sentences.map((s, i) => [s.start, i])), quotations: quotations.filter((q) => q.doc === doc.id && q.speaker), contexts: new Map() };
    cache.set(doc, c);
  }
  return c;
}

/** The context of the sentence starting at `start` in `doc`. */
export function sentenceContext(doc: StoredDocument, start: number, quotations: Quotation[]): SentenceContext | undefined {
  const c = docCache(doc, quotations);
  const hit = c.contexts.get(start);
  // (Recursion through "he" chains is bounded by the sentence count and memoised.)
  if (hit) return hit;
  const i = c.index.get(start);
  if (i === undefined) return undefined;
  const ss = doc.sentences;
  const s = ss[i]!;
  const textOf = (j: number) => doc.text.slice(ss[j]!.start, ss[j]!.end);
  const quotationAt = (j: number) => c.quotations.find((q) => q.start < ss[j]!.end && ss[j]!.start < q.end) ?? null;
  const quotation = quotationAt(i);
  const text = textOf(i);
  let inherited = quotation?.speaker ?? null;
  if (!inherited && PRONOUN.test(text) && !personNamed(text)) {
    // The first person named is most often the subject a later "he" or "she" continues with; a sentence that
    // itself says "he" passes on whom it inherited.
    const j = i - 1;
    if (j >= 0 && Math.abs(ss[j]!.paragraph - s.paragraph) <= 1) {
      const t = textOf(j);
      // The pronoun's gender, where the sentence's pronouns agree on one, must not contradict the name's.
      const g = pronounGender(text);
      const agrees = (n: string | null | undefined) => (n && (!g || nameGender(n, t) !== (g === 'male' ? 'female' : 'male')) ? n : null);
      inherited = agreeingPerson(t, g) ?? agrees(quotationAt(j)?.speaker) ?? (PRONOUN.test(t) ? agrees(sentenceContext(doc, ss[j]!.start, quotations)?.inherited) : null);
    }
  }
  const same = (j: number) => j >= 0 && j < ss.length && ss[j]!.paragraph === s.paragraph;
  const ctx: SentenceContext = { i, paragraph: s.paragraph, inherited, quotation, before: same(i - 1) ? textOf(i - 1) : '', after: same(i + 1) ? textOf(i + 1) : '' };
  c.contexts.set(start, ctx);
  return ctx;
}

/** The text a sentence is scored (and entity-tagged) as: its own words and whom its pronouns stand for. */
export const scoredText = (text: string, c: SentenceContext | undefined): string => `${text} ${c?.inherited ?? ''}`;

/** The text of a sentence's neighbours in its paragraph, as scored with it. */
export const nearText = (c: SentenceContext | undefined): string => `${c?.before ?? ''} ${c?.after ?? ''}`;
