/**
 * Our own phrasing sets (test/fixtures/phrasings/: quote, paragraph and summary requests, who-said
 * including claims nobody made, chit-chat, other languages, natural questions), on the default
 * document and three CNN stories, written before looking at any answer. The README quotes these
 * figures; each split must stay at or above its bar.
 */
import { describe, expect, it } from 'vitest';
import { loadPhrasings, runPhrasings } from '../helpers/phrasings.js';

// The target is 90%; measured: tune 73/82 (89.0%), held-out 43/49 (87.8%). The bars guard those figures.
const BAR = { tune: 0.89, heldout: 0.87 };

describe.each(['tune', 'heldout'] as const)('the %s phrasing set', (split) => {
  it(`given each phrasing, when asked, then at least ${BAR[split] * 100}% are handled right (and every quote is verbatim)`, { timeout: 120_000 }, async () => {
    const results = await runPhrasings(loadPhrasings(split));
    const wrong = results.filter((r) => r.problem).map((r) => `${r.p.q} → ${r.problem}`);
    expect(results.every((r) => r.problem !== 'quote not verbatim')).toBe(true);
    expect((results.length - wrong.length) / results.length, wrong.join('\n')).toBeGreaterThanOrEqual(BAR[split]);
  });
});
