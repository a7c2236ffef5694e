import { describe, expect, it } from 'vitest';
import { antecedentNeeded, names, peopleOf } from '../../src/summarize/pronouns.js';

const people = new Set(['Saddam', 'Hussein', 'George', 'Piro', 'Kofi', 'Annan']);

describe('he/she and their person', () => {
  it('given a sentence with no he/she, or a name before it, when checked, then it needs nobody', () => {
    expect(antecedentNeeded({ text: 'The council met on Monday.', attributedQuotes: [], before: '', people })).toBeNull();
    expect(antecedentNeeded({ text: 'Mr. Annan said his report was ready.', attributedQuotes: [], before: '', people })).toBeNull();
  });

  it('given “…,” he told them with a known speaker, when checked, then "he" is the speaker and it needs nobody', () => {
    const text = '“We need to ensure that multilateralism and joint action bridge our efforts,” he told the heads.';
    expect(antecedentNeeded({ text, attributedQuotes: [{ start: 0, end: 78 }], before: 'Kofi Annan spoke.', speaker: 'Kofi Annan', people })).toBeNull();
  });

  it('given a he inside the speaker’s own words, when checked, then it needs the last other person named before', () => {
    const text = '"He thought the United States would retaliate," Piro said.';
    const before = 'Saddam Hussein let the world think he had weapons. Agent George Piro interviewed him.';
    expect(antecedentNeeded({ text, attributedQuotes: [{ start: 0, end: 47 }], before, speaker: 'George Piro', people })).toBe('Hussein');
  });

  it('given no person named before, when checked, then the person is unknown', () => {
    expect(antecedentNeeded({ text: 'He left early.', attributedQuotes: [], before: 'The United States and CNN agreed.', people })).toBe('');
  });

  it('given short quoted titles and acronyms, when names are listed, then they are not names', () => {
    expect(names('Piro said on "60 Minutes" that WMD and CNN were topics').map((n) => n.word)).toEqual(['Piro']);
  });

  it('given speakers and titled names, when people are listed, then both are in', () => {
    expect([...peopleOf('Mr. Annan met President George Bush and agent George Piro.', ['Kofi Annan'])].sort()).toEqual(['Annan', 'Bush', 'George', 'Kofi', 'Piro']);
  });
});
