import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/ingest/document.js';
import { findQuotations } from '../../src/quotes/index.js';
import { sentenceStartBefore } from '../../src/quotes/sentence-bounds.js';

/**
 * Files of nothing but quotation marks (or of thousands of tiny quotations in one paragraph) are ingested in
 * linear time: before round 17, 40 kB of `"a" "b"` lines took 9 minutes and 8 kB of `"!"` over a second.
 */
const timed = (text: string) => {
  const t0 = performance.now();
  const qs = findQuotations(buildDocument({ id: 'hostile.txt', path: 'hostile.txt', text }));
  return { qs, ms: performance.now() - t0 };
};

describe('hostile files in the quotation finder', () => {
  it('a paragraph of thousands of tiny quotations is read in linear time', () => {
    const { qs, ms } = timed('"a" "b"\n'.repeat(4000)); // 32 kB, 8000 quotations in one paragraph
    expect(qs.length).toBe(8000);
    expect(ms).toBeLessThan(15_000);
  }, 120_000);

  it('one sentence of thousands of quotations is read in linear time', () => {
    const { qs, ms } = timed('"a" '.repeat(8000)); // 32 kB
    expect(qs.length).toBe(8000);
    expect(ms).toBeLessThan(15_000);
  }, 120_000);

  it('quotations with no letter or digit in them are no quotations (and cost nothing)', () => {
    const { qs, ms } = timed('"!" '.repeat(20000) + 'Then Ann said "yes" and left.'); // 80 kB
    expect(qs.map((q) => q.quote)).toEqual(['yes']);
    expect(ms).toBeLessThan(15_000);
  }, 120_000);

  // Round 18: the per-quotation lookups of the builder (names in the quotations after a "he", the quotations before
  // it in the dialogue, a quotation opening in a sentence) were walks over every quotation: 12 000 `"Hi," he said.`
  // took 43 s. They are binary searches now.
  it('a paragraph of thousands of attributed quotations ("…," he said.) is read in linear time', () => {
    const { qs, ms } = timed('"Hi," he said. '.repeat(6000)); // 90 kB
    expect(qs.length).toBe(6000);
    expect(ms).toBeLessThan(6_000);
  }, 120_000);

  it('files of quotation marks only, and one huge unclosed quotation, give a verbatim answer quickly', () => {
    for (const text of ['"'.repeat(50000), '“”'.repeat(25000), "'".repeat(50000), '"a'.repeat(25000), 'He said "' + 'more words. '.repeat(8000)]) {
      const { qs, ms } = timed(text);
      for (const q of qs) expect(text.slice(q.start, q.end)).toBe(q.quote);
      expect(ms).toBeLessThan(15_000);
    }
  }, 120_000);
});

/** The scan sentenceStartBefore makes for short regions (and made for every region before round 17). */
function reference(text: string, floor: number, pos: number): number {
  const END = /[.!?…]["”’)]*\s+(?=["“‘'(\p{Lu}\p{N}])/gu;
  const ABBREV = /(?:^|[\s(])(?:Mr|Mrs|Ms|Mx|Dr|Prof|St|Sr|Jr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Rev|Hon|No|vs|Inc|Corp|Ltd|Co|Maj|Sgt|Det|Insp|Supt|Cmdr|Adm|(?:[A-Z]\.){0,3}[A-Z])\.$/;
  const region = text.slice(floor, pos + 1);
  let start = floor;
  for (let m = END.exec(region); m; m = END.exec(region)) {
    if (m.index + m[0].length > pos - floor) break;
    if (ABBREV.test(region.slice(Math.max(0, m.index - 6), m.index + 1))) continue;
    start = floor + m.index + m[0].length;
  }
  return start;
}

describe('sentenceStartBefore over long regions', () => {
  it('finds the same sentence start as the plain scan', () => {
    const piece = fc.constantFrom('Mr. ', 'U.S. ', 'He left. ', 'She said. “', '”', '. ', '! ', 'word ', 'x', '\n', 'A', 'a. B', '." ', '…  (');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 2000, maxLength: 4000 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 30 }), (parts, probes) => {
        const text = parts.join('');
        for (const [a, b] of probes) {
          const floor = a % 40;
          const pos = Math.min(text.length - 1, 4200 + (b % Math.max(1, text.length - 4200)));
          if (pos - floor <= 4096) continue;
          expect(sentenceStartBefore(text, floor, pos)).toBe(reference(text, floor, pos));
        }
      }),
      { numRuns: 40 },
    );
  });
});
