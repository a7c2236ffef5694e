/**
 * What a sentence means beyond its own words: who "he" or "she" is (from the
 * quotation index, else the first person named just before it in the
 * paragraph or the one before), and its neighbours in the paragraph.
 * Computed per sentence on first use and remembered per document.
 */
import type { Quotation, StoredDocument } from '../types.js';
import { entitiesOf } from './entities.js';

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
      inherited = personNamed(t) ?? quotationAt(j)?.speaker ?? (PRONOUN.test(t) ? (sentenceContext(doc, ss[j]!.start, quotations)?.inherited ?? null) : null);
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
