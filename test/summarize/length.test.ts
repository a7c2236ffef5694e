import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summaryLength } from '../../src/summarize/length.js';

describe('summary length', () => {
  it('given documents of different sizes, when lengths are asked, then they grow with the document within bounds', () => {
    expect([9, 30, 60].map((n) => ['short', 'medium', 'long'].map((l) => summaryLength(l as 'short', n)))).toEqual([
      [3, 5, 6],
      [3, 6, 11],
      [5, 10, 20],
    ]);
  });

  it('given any document, when any length is asked, then it is at least one sentence and never all of them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5000 }), fc.constantFrom('short', 'medium', 'long'), (n, l) => {
        const k = summaryLength(l as 'short', n);
        return k >= 1 && k < n;
      }),
    );
    expect(summaryLength('long', 1)).toBe(1);
    expect(summaryLength('short', 0)).toBe(0);
  });
});
