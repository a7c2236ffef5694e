/**
 * "How many …?" and "What year …?" (round 15, nat13): a sentence without a count or a year answers no better than the
 * best sentence with one, so with none the question is refused: a sentence with every word of the question but no
 * number ("Every month, Julia and her cousins would go to visit their grandparents." for "how many cousins does julia
 * have") says nothing about how many.
 */
import { describe, expect, it } from 'vitest';
import { runPhrasings, type Phrasing } from '../helpers/phrasings.js';

const ask = async (p: Phrasing) => (await runPhrasings([p]))[0]!;

describe('count and year questions need a count or a year, through the engine', () => {
  it('given "how many cousins does julia have" on a story that mentions her cousins but never how many, when asked, then it is refused', { timeout: 60_000 }, async () => {
    const r = await ask({ doc: 'nat8-julia', q: 'how many cousins does julia have', expect: 'refuse' });
    expect(r.problem).toBeNull();
    expect(r.answer.reason).toBe('low-confidence');
  });

  it('given "how many ppl has goonj helped" on a story that says GOONJ helps the community but gives no number, when asked, then it is refused', { timeout: 60_000 }, async () => {
    expect((await ask({ doc: 'nat8-goonj', q: 'how many ppl has goonj helped', expect: 'refuse' })).problem).toBeNull();
  });

  it('given "How many colleges does the university have?" on a story that says it has seven, when asked, then the sentence with the count is quoted (¶3)', { timeout: 60_000 }, async () => {
    expect((await ask({ doc: 'nat8-cmu', q: 'How many colleges does the university have?', expect: 'q:3' })).problem).toBeNull();
  });
});
