/**
 * Quote requests by topic read every sentence of the searched document against the topic (round 14, quote12): the
 * search reads the request's own words and misses a paragraph that says the topic in other words, which the topic
 * matcher would meet ("he gets hurt working out" for "when he was exercising", "caught on camera running around nude"
 * for "videotaped … streaking").
 */
import { describe, expect, it } from 'vitest';
import { runPhrasings, type Phrasing } from '../helpers/phrasings.js';

const ask = async (p: Phrasing) => (await runPhrasings([p]))[0]!;

describe('quote requests for a topic the search does not find, through the engine', () => {
  it('given "the couple caught on camera running around nude" on a story whose ¶4 has "a naked couple was videotaped … streaking" (the search finds ¶5, ¶12, ¶6, ¶7 and ¶1), when asked, then ¶4 is quoted, verbatim', { timeout: 60_000 }, async () => {
    const r = await ask({ doc: 'machu-picchu', q: 'the couple caught on camera running around nude', expect: 'quote:4' });
    expect(r.problem).toBeNull();
  });

  it('given "pls paste the bit where he gets hurt working out" on a story that says he broke ribs "when he was exercising" (¶1, ¶2; the search finds ¶7 and ¶10), when asked, then ¶1 or ¶2 is quoted', { timeout: 60_000 }, async () => {
    expect((await ask({ doc: 'harry-reid', q: 'pls paste the bit where he gets hurt working out', expect: 'quote:1|2' })).problem).toBeNull();
  });
});
