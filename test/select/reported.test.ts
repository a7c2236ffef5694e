import { describe, expect, it } from 'vitest';
import { reportedSpeaker } from '../../src/select/reported.js';

describe('reportedSpeaker', () => {
  it.each([
    ['Among several issues discussed today, delegates said coordination would be made more effective.', 'delegates'],
    ['"It\'s not his gun, they know whose gun it is," Wayne\'s attorney, Stacey Richman, said after a hearing last month.', 'Stacey Richman'],
    ['Veteran actor William Shatner tweeted: "Condolences go out to the family."', 'Veteran actor William Shatner'],
    ['"My dad was my favorite podcast guest," Chris Hardwick tweeted Saturday.', 'Chris Hardwick'],
    ['Much work remains to be done, according to a press release on the meeting.', 'a press release'],
    ['“We must act,” said Mr. Annan.', 'Mr. Annan'],
  ])('given "%s", then the speaker is %s', (s, who) => {
    expect(reportedSpeaker(s)?.speaker).toBe(who);
  });

  it.each(['The meetings began in 1994.', 'He said nothing.'])('given "%s", then no speaker is named', (s) => {
    expect(reportedSpeaker(s)).toBeNull();
  });
});
