import { describe, expect, it } from 'vitest';
import { antecedent, describedPerson, reportedSpeaker } from '../../src/select/reported.js';
import type { StoredDocument } from '../../src/types.js';

describe('reportedSpeaker', () => {
  it.each([
    ['Among several issues discussed today, delegates said coordination would be made more effective.', 'delegates'],
    ['"It\'s not his gun, they know whose gun it is," Wayne\'s attorney, Stacey Richman, said after a hearing last month.', 'Stacey Richman'],
    ['Veteran actor William Shatner tweeted: "Condolences go out to the family."', 'Veteran actor William Shatner'],
    ['"My dad was my favorite podcast guest," Chris Hardwick tweeted Saturday.', 'Chris Hardwick'],
    ['Much work remains to be done, according to a press release on the meeting.', 'a press release'],
    ['“We must act,” said Mr. Annan.', 'Mr. Annan'],
    ['According to police, Wayne had a .40-caliber pistol on his tour bus.', 'police'],
    ['Jane Smith, 45, said the house was empty.', 'Jane Smith'],
    ['Chris Hardwick, who hosts the aftershow for AMC\'s most-watched series, "Walking Dead," said he decided to continue.', 'Chris Hardwick'],
    ['The person familiar with the case would not confirm where Wayne would serve his sentence.', 'The person familiar with the case'],
    ['Secretary-General Kofi Annan today re-emphasized the need for regional organizations to work more closely.', 'Secretary-General Kofi Annan'],
    // Round 7: long reporters, "X, who said …", "according to X who …".
    ['Some 500 to 600 homes were ordered to evacuate, said Iowa City Mayor Regenia Bailey.', 'Iowa City Mayor Regenia Bailey'],
    ['The head of the regional police force in the north said the bomb was remote-controlled.', 'The head of the regional police force in the north'],
    ['The bomb went off near the market, and police said it was planned.', 'police'],
    ['Republican Walter Jones of North Carolina, who said he will go to his grave apologizing for his vote, could not commit.', 'Republican Walter Jones'],
    ['Saddam let the world think he had weapons, according to an FBI agent who interviewed the dictator after his capture.', 'an FBI agent'],
    ['Five people died, according to police spokesman Usman Anwar.', 'police spokesman Usman Anwar'],
  ])('given "%s", then the speaker is %s', (s, who) => {
    expect(reportedSpeaker(s)?.speaker).toBe(who);
  });

  it('given a sentence that ends with its reporter ("…, authorities say."), when it opens with another speaker ("She told …"), then the reporter is the speaker', () => {
    const s = 'She told the witness she provided these drugs to people at house parties, authorities say.';
    expect(reportedSpeaker(s, () => 'Kristin Davis')?.speaker).toBe('authorities');
    expect(reportedSpeaker('The deal was signed on Monday, he said.', () => 'Andrew Miller')?.speaker).toBe('Andrew Miller');
  });

  it.each(['The meetings began in 1994.', 'He said nothing.'])('given "%s", then no speaker is named', (s) => {
    expect(reportedSpeaker(s)).toBeNull();
  });
});

describe('reported speech by "he" or "she"', () => {
  it('given "He said …" and whom "he" stands for, when the speaker is named, then it is that person', () => {
    expect(reportedSpeaker('He said he was grateful that he had a chance to tell his father.', () => 'Chris Hardwick')?.speaker).toBe('Chris Hardwick');
    expect(reportedSpeaker('He said he was grateful.')).toBeNull();
  });

  it('given a sentence before that names a known speaker by surname and another person, when "he" is resolved, then the known speaker wins', () => {
    const text = 'Klugman, who won two Emmys, also starred in "Quincy, M.E." as Dr. R. Quincy. He told Larry King in 2001 that he played Madison.';
    const second = text.indexOf('He told');
    const doc = { id: 'k', text, sentences: [{ start: 0, end: second - 1, paragraph: 4 }, { start: second, end: text.length, paragraph: 5 }] } as unknown as StoredDocument;
    expect(antecedent(doc, second, ['Jack Klugman'])).toBe('Jack Klugman');
    expect(antecedent(doc, 0, ['Jack Klugman'])).toBeNull();
  });
});

describe('a reporter named by a title ("The ambassador said …")', () => {
  const text = 'Mourad Benmehidi, the Algerian ambassador to the United Nations, said he relayed the news. Talks went on. The ambassador said he did not know. The spokesman said nothing more.';
  const starts = ['Mourad', 'Talks', 'The ambassador', 'The spokesman'].map((w) => text.indexOf(w));
  const doc = { id: 'g', text, sentences: starts.map((start, i) => ({ start, end: (starts[i + 1] ?? text.length + 1) - 1, paragraph: i + 1 })) } as unknown as StoredDocument;

  it('given a name with an appositive before its verb ("Mourad Benmehidi, the Algerian ambassador …, said"), then the name is the speaker', () => {
    expect(reportedSpeaker(text.slice(0, starts[1]! - 1))?.speaker).toBe('Mourad Benmehidi');
  });

  it('given "The ambassador said" after the ambassador was named, when resolved, then the speaker is that person; a title named before by nobody stays as written', () => {
    expect(describedPerson(doc, starts[2]!, 'ambassador')).toBe('Mourad Benmehidi');
    expect(reportedSpeaker('The ambassador said he did not know.', () => null, (n) => describedPerson(doc, starts[2]!, n))?.speaker).toBe('Mourad Benmehidi');
    expect(reportedSpeaker('The spokesman said nothing more.', () => null, (n) => describedPerson(doc, starts[3]!, n))?.speaker).toBe('The spokesman');
  });
});

describe('a reporter known by a role the document names later or long before (round 8)', () => {
  const paras = [
    'Saddam let the world think he had weapons, according to an FBI agent who interviewed the dictator.',
    'Hussein claimed he did not expect an invasion, agent George Piro said.',
    'During the months Piro talked to Saddam Hussein, the agent hinted to the Iraqi that he answered to Bush, CBS said.',
    'Talks went on.',
    'More talks.',
    'Even more talks.',
    '"It would go into a secret war," the agent said.',
    'The family will file a complaint, a lawyer representing the family said Thursday.',
    '"We are in our right," Ceccaldi, a French attorney, said. Marcel Ceccaldi spoke in Paris.',
  ];
  const text = paras.join(' ');
  const starts = paras.map((p) => text.indexOf(p));
  const doc = { id: 's', text, sentences: paras.map((p, i) => ({ start: starts[i]!, end: starts[i]! + p.length, paragraph: i + 1 })) } as unknown as StoredDocument;
  const at = (i: number) => (noun: string) => describedPerson(doc, starts[i]!, noun);

  it('given "according to an FBI agent who …" before the agent is named, when resolved, then the agent named in the next paragraphs', () => {
    expect(reportedSpeaker(paras[0]!, () => null, at(0))?.speaker).toBe('George Piro');
  });

  it('given "…, the agent said" more than three paragraphs after "agent George Piro", when resolved, then Piro — not Hussein, whose "the agent" is no appositive', () => {
    expect(describedPerson(doc, starts[6]!, 'agent')).toBe('George Piro');
  });

  it('given "a lawyer representing the family said", when the document calls a man "a French attorney" after, then his fuller name', () => {
    expect(reportedSpeaker(paras[7]!, () => null, at(7))?.speaker).toBe('Marcel Ceccaldi');
  });

  it('given a description with no person named so, then it stays as written', () => {
    expect(reportedSpeaker('The Department of Education is coordinating, a spokesman told CNN.', () => null, at(3))?.speaker).toBe('a spokesman');
  });
});

describe('more reporting verbs (round 10)', () => {
  it('given "Tunisians complained that …", when read, then the Tunisians are its speaker', () => {
    expect(reportedSpeaker("Tunisians complained that the president's family and supporters had grown rich.")?.speaker).toBe('Tunisians');
  });
});
