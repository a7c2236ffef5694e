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
/** How many sentences back a pronoun may look for its person. */
const LOOK_BACK = 3;

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
  if (!inherited && PRONOUN.test(text) && !entitiesOf(text).person?.length) {
    for (let j = i - 1; j >= Math.max(0, i - LOOK_BACK) && !inherited; j--) {
      if (Math.abs(ss[j]!.paragraph - s.paragraph) > 1) break;
      // The first person named is most often the subject a later "he" or "she" continues with.
      inherited = entitiesOf(textOf(j)).person?.[0] ?? quotationAt(j)?.speaker ?? null;
    }
  }
  const same = (j: number) => j >= 0 && j < ss.length && ss[j]!.paragraph === s.paragraph;
  const ctx: SentenceContext = { i, paragraph: s.paragraph, inherited, quotation, before: same(i - 1) ? textOf(i - 1) : '', after: same(i + 1) ? textOf(i + 1) : '' };
  c.contexts.set(start, ctx);
  return ctx;
}
