/**
 * Quote requests for an amount (round 13): "how much it cost", "the money he has to pay", "how much silverware he
 * won" are met by the sentence that holds the amount, though the search, which reads words, does not find it.
 */
import { describe, expect, it } from 'vitest';
import { runPhrasings, type Phrasing } from '../helpers/phrasings.js';

const ask = async (p: Phrasing) => (await runPhrasings([p]))[0]!;

describe('quote requests for an amount, through the engine', () => {
  it('given "give me the exact words on how much money he owes" on a story whose fine is "$250,000" (no money word in it), when asked, then that sentence is quoted, verbatim', { timeout: 60_000 }, async () => {
    const r = await ask({ doc: 'tune-alamo', q: 'give me the exact words on how much money he owes', expect: 'quote:4' });
    expect(r.problem).toBeNull();
  });

  it('given "give me the exact words on how much silverware he won at barca" on a story that counts "10 trophies" (not "silverware"), when asked, then the count is quoted', { timeout: 60_000 }, async () => {
    expect((await ask({ doc: 'tune-maxwell', q: 'give me the exact words on how much silverware he won at barca', expect: 'quote:5' })).problem).toBeNull();
  });

  it('given a money request on a story that names no sum ("an undisclosed fee"), when asked, then it is refused', { timeout: 60_000 }, async () => {
    expect((await ask({ doc: 'tune-maxwell', q: 'quote the part about how much PSG paid for him', expect: 'refuse' })).problem).toBeNull();
  });
});
