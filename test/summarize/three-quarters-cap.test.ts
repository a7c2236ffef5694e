import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summaryLength } from '../../src/summarize/length.js';

/** README (Summaries): lengths are shares of the document's sentences, "never all of them (at most three quarters)". */
describe('summary length cap', () => {
  it('given any document of two or more sentences, when any length is asked, then the summary holds at most three quarters of them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5000 }), fc.constantFrom('short', 'medium', 'long'), (n, l) => summaryLength(l as 'short', n) <= Math.max(1, 0.75 * n)),
    );
  });

  it('given 7 sentences, when a long summary (at least 6) is asked, then it is cut to 5, three quarters rounded down', () => {
    expect(summaryLength('long', 7)).toBe(5);
    expect(summaryLength('long', 8)).toBe(6);
  });
});
