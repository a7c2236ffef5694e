/**
 * Round 9 (quote6): quote requests by topic, most in other words than the paragraph's ("his father's death" for "died",
 * "the awards he won" for "two Emmys"), a person or role with a topic ("paste what his lawyer said about the gun"),
 * off-topic quote requests and paragraphs in odd shapes ("paragraph 3 and the last one"), over the default document and
 * the tuning-side stories, written before running any; every third line held out (quote6-heldout, never tuned on, run
 * only for counts). Before → after: tune 17/30 → 21/30, held-out 6/15 → 9/15. quote6-offtopic: 26 off-topic quote
 * requests written later as a tuning set (main refused 17), all refused now. The bars guard what was reached.
 * Round 11 (quote8): label21's set over ten new tuning-side stories, written blind — topics in other words, someone's
 * words by name ("venus's exact words after the match"), summaries, paragraphs, off-topic quote requests; every third
 * line held out (quote8-heldout, counts only). Before → after: tune 38/50 → 42/50 (off-topic refused 2/8 → 6/8), held-out
 * 18/25 → 19/25 (off-topic refused 2/7 → 3/7). Round 13 (quote10, amounts: "the score and how long the match lasted"):
 * tune 42 → 43/50, held-out 19/25 unchanged. Round 13 second wave (quote11, topics that are clauses: "Wozniacki getting
 * knocked out"): quote6-tune 22 → 23/30, quote8-tune 43 → 45/50, held-out unchanged (bars 0.76 / 0.9; at 0.77 / 0.92 they fail, seen).
 */
import { describe, expect, it } from 'vitest';
import { loadPhrasings, runPhrasings } from '../helpers/phrasings.js';

const BAR = { 'quote6-tune': 0.76, 'quote6-heldout': 0.6, 'quote6-offtopic': 1, 'quote8-tune': 0.9, 'quote8-heldout': 0.76 };

describe.each(['quote6-tune', 'quote6-heldout', 'quote6-offtopic', 'quote8-tune', 'quote8-heldout'] as const)('the %s phrasing set', (split) => {
  it(`given each phrasing, when asked, then at least ${Math.round(BAR[split] * 100)}% are handled right (and every quote is verbatim)`, { timeout: 120_000 }, async () => {
    const results = await runPhrasings(loadPhrasings(split));
    const right = results.filter((r) => !r.problem).length;
    // The held-out part reports its count only, so that nobody tunes on its items.
    const wrong = split.endsWith('-heldout') ? `${right}/${results.length}` : results.filter((r) => r.problem).map((r) => `${r.p.q} → ${r.problem}`).join('\n');
    expect(results.every((r) => r.problem !== 'quote not verbatim')).toBe(true);
    expect(right / results.length, wrong).toBeGreaterThanOrEqual(BAR[split] - 1e-9);
  });
});
