/**
 * Round 15 (who13): reported speech without quotation marks reads every verb of saying the quotation index knows, and
 * verbs of holding or showing a view, when what was said follows as a "that" clause ("Opponents of affirmative action
 * argue that …", "Many believe that …", "Reports have shown that …") or precedes as a quotation ("“It is a miracle,
 * this,” he declared."); an adverb in -ly between a pronoun or name and its verb is no word of the speaker; a
 * sentence the splitter kept whole after "p.m." still has its reporter found after the inner full stop.
 */
import { describe, expect, it } from 'vitest';
import { reportedSpeaker, withoutAdverb } from '../../src/select/reported.js';

describe('reported speech with a content clause', () => {
  it.each([
    ['Opponents of affirmative action argue that these policies are outdated and lead to reverse discrimination.', 'Opponents of affirmative action'],
    ['Many believe that the diversity of current American society suggests that affirmative action policies succeeded.', 'Many'],
    ['Reports have shown that minorities and women have faced discrimination in schools and businesses for many years.', 'Reports'],
    ['Police found that the door had been forced.', 'Police'],
  ])('given "%s", when read, then the speaker is %s', (s, who) => {
    expect(reportedSpeaker(s)?.speaker).toBe(who);
  });

  it('given a verb of saying only the wider list knows right after a quotation, when its subject is "he", then "he" is whom the caller says', () => {
    expect(reportedSpeaker('"It is a miracle, this," he declared.', () => 'Selingman')?.speaker).toBe('Selingman');
  });

  it.each([
    'Meg sighed and looked down.',
    'He laughed at the joke.',
    'Police found the body near the river.',
    'The study shows how cells divide.',
  ])('given narration with such a verb but no "that" clause or quotation ("%s"), when read, then there is no speaker', (s) => {
    expect(reportedSpeaker(s)).toBeNull();
  });

  it('given a verb of saying as the infinitive of another verb ("few analysts were willing to predict … that"), when read, then its subject is no speaker', () => {
    expect(reportedSpeaker('But few analysts were willing to predict Tuesday that the revolt would spread to other countries.')).toBeNull();
  });
});

describe('the speaker without an adverb', () => {
  it('given "He presently told her that …", when read, then "he" is the speaker (whom the caller says), not "He presently"', () => {
    expect(reportedSpeaker('He presently told her that he intended to leave Baden on the morrow.', () => 'Bernard')?.speaker).toBe('Bernard');
    expect(reportedSpeaker('Smith repeatedly said he was innocent.')?.speaker).toBe('Smith');
  });

  it('given a noun in -ly after a determiner ("the family"), when read, then it stays the speaker', () => {
    expect(withoutAdverb('the family')).toBe('the family');
    expect(withoutAdverb('His family')).toBe('His family');
    expect(reportedSpeaker('The family said it was grateful.')?.speaker).toBe('The family');
  });
});

describe('a reporter after a full stop inside one sentence', () => {
  it('given "… at 10:30 p.m. His friends say …" kept as one sentence, when read, then the friends are the speaker', () => {
    expect(reportedSpeaker('He goes to bed at 10:30 p.m. His friends say his lifestyle is very healthy.')?.speaker).toBe('His friends');
  });
});
