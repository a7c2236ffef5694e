/**
 * Round 16 (who14): a question reported with "if" or "whether" after a verb of asking is reported speech ("Henry asked if
 * he could be moved next to the window", "Max asked Greg if he wanted to walk …"); after other verbs "if" opens a
 * condition, not what was said.
 */
import { describe, expect, it } from 'vitest';
import { reportedSpeaker } from '../../src/select/reported.js';

describe('a reported question', () => {
  it.each([
    ['As soon as it seemed appropriate, Henry asked if he could be moved next to the window.', 'Henry'],
    ['Max asked Greg if he wanted to walk to the store together.', 'Max'],
    ['The nurse asked whether he was comfortable.', 'The nurse'],
  ])('given "%s", when read, then the one asking is the speaker (%s)', (s, who) => {
    expect(reportedSpeaker(s)?.speaker).toBe(who);
  });

  it('given "she asked whether …", when read, then "she" is whom the caller says', () => {
    expect(reportedSpeaker('She asked whether the plan would work.', () => 'Sally')?.speaker).toBe('Sally');
  });

  it.each(['He asked to leave early.', 'The children found if they ran they could catch the bus.'])('given a verb of asking without an "if" clause, or "if" after a verb that is no asking ("%s"), when read, then there is no speaker', (s) => {
    expect(reportedSpeaker(s)).toBeNull();
  });
});
