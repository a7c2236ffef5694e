/**
 * Round 17 (who16): agreeing, offering or refusing to do something is said, so its subject is the speaker of a
 * "who offered to …?" / "who refused to …?" question ("Sicard agreed to teach Gallaudet his method").
 */
import { describe, expect, it } from 'vitest';
import { reportedSpeaker } from '../../src/select/reported.js';

describe('an undertaking reported as speech', () => {
  it.each([
    ['Sicard agreed to teach Gallaudet his method and Gallaudet went to Paris to learn French signs.', 'Sicard', 'agreed to'],
    ['However, the schools refused to share their instructional techniques and methods.', 'the schools', 'refused to'],
    ['The neighbour offered to drive them home.', 'The neighbour', 'offered to'],
  ])('given "%s", when read, then its subject is the speaker', (s, who, cue) => {
    expect(reportedSpeaker(s)).toMatchObject({ speaker: who, cue });
  });

  it('given "agreed" without "to" and a verb ("They agreed on a price."), when read, then there is no speaker', () => {
    expect(reportedSpeaker('They agreed on a price.')).toBeNull();
  });
});
