/**
 * The follow-up phrasing sets (test/fixtures/phrasings/followup-*.jsonl, written before running them): Discord-style
 * follow-ups over the default document and three CNN stories, each asked after the question in its `after`.
 */
import { describe, expect, it } from 'vitest';
import { loadPhrasings, runPhrasings } from '../helpers/phrasings.js';

/** Floors at the figures measured when the sets were finished (tune 10/16, held out 5/7); tune raised to 11 in round 8 (orderLean). */
const BAR = { 'followup-tune': 11, 'followup-heldout': 5 } as const;

describe.each(['followup-tune', 'followup-heldout'] as const)('the %s follow-up set', (split) => {
  it(`given each follow-up asked after its earlier question, when answered, then at least ${BAR[split]} are handled right (and every quote is verbatim)`, { timeout: 120_000 }, async () => {
    const results = await runPhrasings(loadPhrasings(split));
    expect(results.filter((r) => r.problem === 'quote not verbatim')).toEqual([]);
    expect(results.filter((r) => !r.problem).length).toBeGreaterThanOrEqual(BAR[split]);
  });
});

describe('off-topic follow-ups', () => {
  it('given "did he win the world cup tho" after a question about Annan, when answered, then it is refused', { timeout: 60_000 }, async () => {
    const [r] = await runPhrasings(loadPhrasings('followup-tune').filter((p) => /world cup/.test(p.q)));
    expect(r!.answer.refused).toBe(true);
  });
});
