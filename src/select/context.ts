/**
 * What a sentence means beyond its own words: who "he" or "she" is (from the
 * quotation index, else the last person named just before it in the
 * paragraph or the one before), and its neighbours in the paragraph.
 * Computed once per document, lazily.
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
const cache = new WeakMap<StoredDocument, Map<number, SentenceContext>>();

function build(doc: StoredDocument, quotations: Quotation[]): Map<number, SentenceContext> {
  const out = new Map<number, SentenceContext>();
  const mine = quotations.filter((q) => q.doc === doc.id && q.speaker);
  const ss = doc.sentences;
  const textOf = (i: number) => doc.text.slice(ss[i]!.start, ss[i]!.end);
  const quotationAt = (i: number) => mine.find((q) => q.start < ss[i]!.end && ss[i]!.start < q.end) ?? null;
  const speakerAt = (i: number) => quotationAt(i)?.speaker ?? null;
  const personIn = (i: number) => {
    const people = entitiesOf(textOf(i)).person;
    // The first person named is most often the subject a later "he" or "she" continues with.
    return people?.length ? people[0]! : speakerAt(i);
  };
  for (let i = 0; i < ss.length; i++) {
    const s = ss[i]!;
    const text = textOf(i);
    let inherited = speakerAt(i);
    if (!inherited && PRONOUN.test(text) && !entitiesOf(text).person?.length) {
      // The last person named in the three sentences before, within this paragraph or the previous one.
      for (let j = i - 1; j >= Math.max(0, i - 3) && !inherited; j--) if (Math.abs(ss[j]!.paragraph - s.paragraph) <= 1) inherited = personIn(j);
    }
    const same = (j: number) => j >= 0 && j < ss.length && ss[j]!.paragraph === s.paragraph;
    out.set(s.start, { i, paragraph: s.paragraph, inherited, quotation: quotationAt(i), before: same(i - 1) ? textOf(i - 1) : '', after: same(i + 1) ? textOf(i + 1) : '' });
  }
  return out;
}

/** The context of the sentence starting at `start` in `doc`. */
export function sentenceContext(doc: StoredDocument, start: number, quotations: Quotation[]): SentenceContext | undefined {
  let m = cache.get(doc);
  if (!m) cache.set(doc, (m = build(doc, quotations)));
  return m.get(start);
}
