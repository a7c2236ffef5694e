/**
 * A quote request that names the speaker among its topic words ("annan's exact words on …") is met by that speaker's
 * quotation even when the quoted sentence never names him: whom the sentence's words belong to (its quotation's
 * speaker, or the person its pronouns stand for) counts as a word of its neighbourhood for the topic (round 16, quote14).
 */
import { describe, expect, it } from 'vitest';
import { runPhrasings } from '../helpers/phrasings.js';

describe('a quote request naming the speaker, through the engine', () => {
  it('given "gimme annan\'s exact words on teaming up instead of everyone going it alone" on the default document, whose ¶2 and ¶3 are quotations attributed to "he" (Kofi Annan is named only in ¶1), when asked, then ¶2 or ¶3 is quoted, not ¶1', { timeout: 60_000 }, async () => {
    const [r] = await runPhrasings([{ doc: 'default', q: "gimme annan's exact words on teaming up instead of everyone going it alone", expect: 'quote:2|3' }]);
    expect(r!.problem).toBeNull();
  });
});
