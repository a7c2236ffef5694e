import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/ingest/document.js';
import { candidates } from '../../src/summarize/candidates.js';
import { cosine } from '../../src/summarize/centrality.js';

const doc = (text: string) => buildDocument({ id: 'c', path: 'c', text });

describe('summary candidates', () => {
  it('given a body sentence under four words that is no caption, when candidates are read, then it is left out (and kept when loose)', () => {
    const d = doc('Budget talks\n\nThe committee met on Monday to review the budget. He agreed. Members will publish the figures next week.');
    const texts = candidates([d]).map((c) => c.text);
    expect(texts).toContain('The committee met on Monday to review the budget.');
    expect(texts).not.toContain('He agreed.');
    expect(candidates([d], [], { loose: true }).map((c) => c.text)).toContain('He agreed.');
  });
});

describe('cosine', () => {
  it('given vectors of any length, when compared, then only their directions count', () => {
    expect(cosine(Float32Array.from([3, 4]), Float32Array.from([6, 8]))).toBeCloseTo(1);
    expect(cosine(Float32Array.from([3, 0]), Float32Array.from([0, 5]))).toBeCloseTo(0);
    expect(cosine(Float32Array.from([0, 0]), Float32Array.from([1, 1]))).toBe(0);
  });
});
