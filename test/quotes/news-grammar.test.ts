/**
 * Attribution shapes of news copy met while tuning on CNN stories (Abg-CoQA
 * stories outside both labelled sets, and the CNN/Daily Mail sample): names
 * in appositives, jobs before names, descriptions that stand for a person
 * ("the 30-year-old"), nationalities, passives, titles mid-sentence.
 * Synthetic paragraphs in those shapes; straight quote marks as CNN uses them.
 */
import { describe, expect, it } from 'vitest';
import { who } from './who.js';


describe('names in appositives and after jobs', () => {
  it('given "X\'s attorney, Name, said" and "Name, father of …, who …, told", when attributed, then the name (not the role, not the name inside the aside)', () => {
    expect(who('The rapper was arrested in 2007.', '"It\'s not his gun," Wayne\'s attorney, Stacey Richman, said after a hearing.')).toEqual([["It's not his gun", 'Stacey Richman']]);
    expect(who('Her attorney, Mark Howard, said his client "denies every charge."')).toEqual([['denies every charge.', 'Mark Howard']]);
    expect(who('Jim Sitton, father of 6-year-old Makayla, who was killed, told CNN affiliate WPTV that he would "sleep a little better tonight."')).toEqual([['sleep a little better tonight.', 'Jim Sitton']]);
  });

  it('given a job in lower case or an office and rank before the name, when attributed, then the name', () => {
    expect(who('The Lions won 59-8.', '"It was a good run-out," Lions head coach Warren Gatland said after the match.')).toEqual([['It was a good run-out', 'Warren Gatland']]);
    expect(who('"The evidence is weak," said Franklin County Sheriff\'s Office spokesman Jeff Williams.')).toEqual([['The evidence is weak', 'Jeff Williams']]);
    expect(who('"We are ready," said Los Angeles Police Department Sgt. Mike Lopez.')).toEqual([['We are ready', 'Mike Lopez']]);
    expect(who('"We will appeal," said the prosecutor\'s spokeswoman, Lisa Park.')).toEqual([['We will appeal', 'Lisa Park']]);
  });

  it('given "U.S. Attorney Name, said in a statement" after a quote, when attributed, then the initialism does not end the sentence', () => {
    expect(who('Prosecutors said she will be supervised. "This office has zero tolerance," Preet Bharara, Manhattan U.S. Attorney, said in a statement.')).toEqual([
      ['This office has zero tolerance', 'Preet Bharara'],
    ]);
  });
});

describe('people named by description', () => {
  it('given "the 30-year-old" or "the South African" as speaker, when attributed, then the person the story is about', () => {
    expect(
      who(
        '(CNN) -- Branden Grace completed his victory on Sunday after pressure from Denmark\'s Thorbjorn Olesen.',
        'Grace, winning for the fifth time, ended two ahead of Olesen.',
        '"It feels awesome," the South African told the official European Tour website.',
        'He has now targeted Rory McIlroy in the battle for Europe.',
        '"It\'s definitely in my sights," he said.',
      ),
    ).toEqual([
      ['It feels awesome', 'Branden Grace'],
      ["It's definitely in my sights", 'Branden Grace'],
    ]);
    expect(
      who(
        'Fernando Alonso ended 2011 in a Santa Claus outfit.',
        'Alonso was fourth, behind Red Bull\'s Sebastian Vettel, while teammate Felipe Massa was sixth.',
        '"This is the time when one is always optimistic," the 30-year-old told Ferrari\'s website.',
      ),
    ).toEqual([['This is the time when one is always optimistic', 'Fernando Alonso']]);
  });

  it('given a nationality before a name, when attributed, then it is not part of the name; given "a native New Yorker", then no one is called that', () => {
    expect(who('American Bobby Gordon trails by six minutes. He said: "We had big scary moments."')).toEqual([['We had big scary moments.', 'Bobby Gordon']]);
    expect(who('Don McLean, a native New Yorker, became what he called the "generation lost in space."')).toEqual([['generation lost in space.', 'Don McLean']]);
  });

  it('given "the couple said", when attributed, then the couple (not the previous speaker)', () => {
    expect(who('Her mother, Ruth, told CNN: "She never gave up."', '"We are grateful," the couple said in a statement.')).toEqual([
      ['She never gave up.', 'Ruth'],
      ['We are grateful', 'the couple'],
    ]);
  });
});

describe('dialogue told inside a quotation', () => {
  it('given "Garry Marshall called me … He said, ‘No …’" inside someone\'s quote, when attributed, then the nested words go to the man the teller named', () => {
    const q = who(
      'Jack Klugman starred as Dr. R. Quincy from 1976 to 1983.',
      'He told Larry King in 2001 that he played Madison on Broadway.',
      '"So when Garry Marshall called me, I thought he\'d seen me do it. He said, \'No, I never saw you.\' I said, \'So why did you want me?\'"',
    );
    expect(q.slice(1)).toEqual([
      ['No, I never saw you.', 'Garry Marshall'],
      ['So why did you want me?', 'Jack Klugman'],
    ]);
  });
});

describe('a quotation paragraph with no attribution of its own', () => {
  it('given first-person words after a sentence about a person, when attributed, then that person; after a headline (no full stop), then no one', () => {
    expect(who('The 46-year-old Jurgen Klinsmann will be introduced on Monday.', 'Klinsmann expressed his delight at his appointment.', '"I\'m excited about the challenge ahead."')).toEqual([
      ["I'm excited about the challenge ahead.", 'Jurgen Klinsmann'],
    ]);
    expect(who('Bob Bradley sacked as United States national coach', '"We look forward to the leadership he will provide."')).toEqual([['We look forward to the leadership he will provide.', null]]);
  });
});

describe('what is not speech', () => {
  it('given a passive naming verb ("she was branded a …"), when attributed, then nobody said it', () => {
    expect(who('When Saleha Begum got home she was branded a "slut."')).toEqual([['slut.', null]]);
  });

  it('given a title mid-sentence followed by ", said he …", when attributed, then the title has no speaker', () => {
    expect(who('Ann Fox, who hosts the aftershow for AMC\'s series, "Night Talk," said she would go on.', '"No," she said.')).toEqual([
      ['Night Talk', null],
      ['No', 'Ann Fox'],
    ]);
  });
});
