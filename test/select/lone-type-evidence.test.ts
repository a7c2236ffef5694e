/**
 * Answer-type evidence beside the question's words (round 16, nat14): when one sentence alone holds an answer of the
 * asked kind beside a question word, its log-odds rise on top of the fitted model (select.ts, TYPE_NEAR_LIFT), so a
 * question asked in other words is answered from it; not when several sentences have such an answer, and not for
 * "who is X's Y?" or "what is X's Y?" when the sentence lacks Y (a name beside X is X's own).
 */
import { describe, expect, it } from 'vitest';
import { runPhrasings, type Phrasing } from '../helpers/phrasings.js';

const ask = async (p: Phrasing) => (await runPhrasings([p]))[0]!;

describe('one sentence alone with an answer of the asked kind beside the question words, through the engine', () => {
  it('given "how old was jamey" on a story saying "14-year-old Jamey Rodemeyer", when asked, then ¶1 is quoted', { timeout: 60_000 }, async () => {
    expect((await ask({ doc: 'tune-quinto', q: 'how old was jamey', expect: 'q:1' })).problem).toBeNull();
  });

  it('given "who got picked ahed of him at barca" (typo, other words), when asked, then the sentence naming who was ahead of him (¶6) is quoted', { timeout: 60_000 }, async () => {
    expect((await ask({ doc: 'tune-maxwell', q: 'who got picked ahed of him at barca', expect: 'q:6' })).problem).toBeNull();
  });

  it('given a name asked for that the story never gives, where several sentences hold a name beside a question word, when asked, then it stays refused', { timeout: 60_000 }, async () => {
    expect((await ask({ doc: 'nat9-david', q: 'whats the name of davids dog', expect: 'refuse' })).problem).toBeNull();
    expect((await ask({ doc: 'klugman', q: "whats klugmans wife's name", expect: 'refuse' })).problem).toBeNull();
  });

  it('given "who is X\'s Y?" where the story never names Y, when asked, then a name beside X (X\'s own) does not answer it', { timeout: 60_000 }, async () => {
    expect((await ask({ doc: 'nat8-cmu', q: "who is cmu's president", expect: 'refuse' })).problem).toBeNull();
    expect((await ask({ doc: 'lil-wayne', q: "who is lil wayne's girlfriend", expect: 'refuse' })).problem).toBeNull();
  });

  it('given "what is X\'s Y?" where the sentence beside X lacks Y, when asked, then that name (X\'s own) is not quoted as the answer', { timeout: 60_000 }, async () => {
    // "Rapper Lil Wayne will go directly to jail …" (¶1) is no real name; ¶2's "Dwayne Carter, as he is known legally" is.
    expect((await ask({ doc: 'lil-wayne', q: "what is lil wayne's real name?", expect: 'q:2' })).problem ?? '').not.toMatch(/¶1/);
  });
});
