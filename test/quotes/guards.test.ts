import { describe, expect, it } from 'vitest';
import { capQuotations, MAX_QUOTATIONS, withWords } from '../../src/quotes/guards.js';
import type { QuoteSpan } from '../../src/quotes/marks.js';

/** Spans over `"x" ` repeated: the i-th quotes text[4i + 1, 4i + 2). */
const spansOver = (text: string): QuoteSpan[] =>
  Array.from({ length: text.length / 4 }, (_, i) => ({ open: 4 * i, close: 4 * i + 2, start: 4 * i + 1, end: 4 * i + 2, family: 'double' as QuoteSpan['family'], depth: 0, parent: null, paragraphs: [0], reopenings: [] }));

describe('the quotation index guards', () => {
  it('given more quotations than the cap, when guarded, then exactly the first MAX_QUOTATIONS are kept, in order', () => {
    const text = '"a" '.repeat(MAX_QUOTATIONS + 3);
    const spans = spansOver(text);
    const kept = withWords(text, spans);
    expect(kept).toHaveLength(MAX_QUOTATIONS);
    expect(kept[0]).toBe(spans[0]);
    expect(kept.at(-1)).toBe(spans[MAX_QUOTATIONS - 1]);
    expect(capQuotations(spans.slice(0, MAX_QUOTATIONS))).toHaveLength(MAX_QUOTATIONS);
  });

  it('given quotations with no letter or digit beside ones with words, when guarded, then only those with words stay and a nested one keeps its parent', () => {
    // "!" "7" "a 'b'" "…"
    const text = '"!" "7" "a \'b\'" "…"';
    const span = (open: number, close: number, depth: number, parent: number | null): QuoteSpan => ({ open, close, start: open + 1, end: close, family: 'double' as QuoteSpan['family'], depth, parent, paragraphs: [0], reopenings: [] });
    const spans = [span(0, 2, 0, null), span(4, 6, 0, null), span(8, 14, 0, null), span(11, 13, 1, 2), span(16, 18, 0, null)];
    const kept = withWords(text, spans);
    expect(kept.map((s) => text.slice(s.start, s.end))).toEqual(['7', "a 'b'", 'b']);
    expect(kept[2]!.parent).toBe(1);
  });
});
