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
