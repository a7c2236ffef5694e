/**
 * Performance guards of the quotation index: what a hostile file (thousands of quotation marks and nothing else)
 * must not cost. Real text never reaches them.
 */
import type { QuoteSpan } from './marks.js';

/**
 * The quotations with a letter or digit in them: “!”, “…” and “” quote no words anyone could ask about, and a
 * paragraph of thousands of them made every later quotation's sentence and paragraph scans quadratic. Nested
 * quotations keep their parents (a parent holds its child's letters).
 *
 * @example
 * withWords('"!" and "yes"', spans).length; // 1
 */
export function withWords(text: string, spans: QuoteSpan[]): QuoteSpan[] {
  return capQuotations(allWithWords(text, spans));
}

/** {@link withWords} before the {@link MAX_QUOTATIONS} cap. */
export function allWithWords(text: string, spans: QuoteSpan[]): QuoteSpan[] {
  const kept = spans.map((s) => /[\p{L}\p{N}]/u.test(text.slice(s.start, s.end)));
  if (kept.every(Boolean)) return spans;
  const index = new Map<number, number>();
  const out: QuoteSpan[] = [];
  spans.forEach((s, i) => {
    if (!kept[i]) return;
    index.set(i, out.length);
    out.push({ ...s, parent: s.parent === null ? null : (index.get(s.parent) ?? null) });
  });
  return out;
}

/**
 * Most quotations one document's index holds: a 2 MB novel has some 20 000; a file of 250 000 tiny quotations (`"a"
 * "a" …`) took minutes in the per-quotation lookups of the builder. Past it, the rest are left out (parents come
 * before their children, so the kept ones stay whole). The quotations left out are still quotations to the candidate
 * readers (masked, and where a sentence's reading stops), or the last kept ones read the whole rest of the file.
 */
export const MAX_QUOTATIONS = 50_000;
/** The first {@link MAX_QUOTATIONS} of `spans` (the same array when there are no more). */
export const capQuotations = (spans: QuoteSpan[]) => (spans.length > MAX_QUOTATIONS ? spans.slice(0, MAX_QUOTATIONS) : spans);
