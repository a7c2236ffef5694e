import { describe, expect, it } from 'vitest';
import { termStats } from '../../src/select/idf.js';

const text = 'Guinea-Bissau is a country in West Africa. Its capital is Bissau.';
const index = { chunks: [{ docId: 'd', start: 0, end: 41 }, { docId: 'd', start: 42, end: text.length }], docById: new Map([['d', { text }]]) } as never;
const RANK: Record<string, number> = { people: 80, years: 120, ppl: 30_000, yrs: 25_000 };

describe('termStats.unseen: a chat shortening weighs as the word it stands for (round 17)', () => {
  const stats = termStats(index, { rank: (w) => RANK[w] });

  it.each([
    ['ppl', 'people'],
    ['yrs', 'years'],
  ])('given "%s" (which the document never uses), when weighed, then it weighs what "%s" weighs, not what a rare word does', (short, word) => {
    expect(stats.unseen(short)).toBeCloseTo(stats.unseen(word), 9);
    expect(stats.unseen(short)).toBeLessThan(0.6 * stats.maxIdf);
  });
});
