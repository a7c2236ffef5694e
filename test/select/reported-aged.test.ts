/**
 * Round 17 (who16): the news names again whom it just named by age and trade ("Chris Brown has some words of advice …
 * The 25-year-old R&B and hip-hop artist explains that …"): such a speaker is the person the sentences before named,
 * as a pronoun would be, and the description is read whole (its age and "R&B" are words of it).
 */
import { describe, expect, it } from 'vitest';
import { reportedSpeaker } from '../../src/select/reported.js';

describe('a speaker described by age', () => {
  it.each([
    ['The 25-year-old R&B and hip-hop artist explains that therapy has been crucial in helping him.', 'explains'],
    ['The 61-year-old said he would run again.', 'said'],
  ])('given "%s", when read, then the speaker is the person named before', (s, cue) => {
    expect(reportedSpeaker(s, () => 'Chris Brown')).toMatchObject({ speaker: 'Chris Brown', cue });
  });

  it('given a description by trade without an age ("The artist explains that …"), when read, then it is kept as written', () => {
    expect(reportedSpeaker('The artist explains that therapy has helped.', () => 'Chris Brown')?.speaker).toBe('The artist');
  });
});
