import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/ingest/document.js';
import { analyzeQuotations, canonicalSpeaker, filterQuotations, findQuotations } from '../../src/quotes/index.js';
import { looksLikeTitle } from '../../src/quotes/titles.js';

/** Paragraphs in the shapes of the CNN stories the issue lists (straight quote marks, as CNN copy has them). */
const quotes = (text: string) => findQuotations(buildDocument({ id: 't', path: 't', text }));
const who = (text: string) => quotes(text).map((q) => [q.quote, q.speaker]);

describe('attribution on news copy', () => {
  const congress = [
    'Rep. Barbara Lee said she "can\'t say" if she\'d oppose expanded military operations.',
    'To get her support, Obama has to outline a plan that is "strategic, targeted and limited," Lee told CNN.',
    'Republican Walter Jones of North Carolina, who said he will go to his grave apologizing for his vote for war in 2002, couldn\'t commit his support.',
    '"I\'ve always regretted that vote," he told CNN of his vote that authorized U.S. intervention in Iraq. "I think here we go again."',
    'Jones said it "depends" on what the President says.',
    'Rounding out the vocal antiwar trio, Massachusetts Democrat James McGovern, said he\'s "very uneasy" about the prospect of expanded war. He said he has "a million questions" about potential action in Syria.',
  ].join('\n\n');

  it('given party- and state-prefixed names and "Rep.", when attributed, then each quote goes to its member of Congress by full name', () => {
    expect(who(congress)).toEqual([
      ["can't say", 'Barbara Lee'],
      ['strategic, targeted and limited', 'Barbara Lee'],
      ["I've always regretted that vote", 'Walter Jones'],
      ['I think here we go again.', 'Walter Jones'],
      ['depends', 'Walter Jones'],
      ['very uneasy', 'James McGovern'],
      ['a million questions', 'James McGovern'],
    ]);
    expect(canonicalSpeaker('Rep. Barbara Lee')).toBe('Barbara Lee');
    expect(canonicalSpeaker('Massachusetts Democrat James McGovern')).toBe('James McGovern');
  });

  it('given "he told CNN of his vote", when the addressee is read, then it is CNN alone', () => {
    expect(quotes(congress).find((q) => q.quote.startsWith("I've always"))!.addressee).toBe('CNN');
  });

  it('given a name that says nothing about gender, when the text later calls the person "she", then "she" never resolves to a man', () => {
    const text = [
      'Mayor Quorra Vance opened the session on Sunday. She thanked the volunteers.',
      'Then Dax Ilori spoke about the levee. He said the sandbags had held.',
      '"We held the line," she said.',
    ].join('\n\n');
    expect(who(text)).toEqual([['We held the line', 'Quorra Vance']]);
  });

  it('given an attribution in the sentence after a quotation ending in ?" (“…?” Correspondent Scott Pelley asked.), when attributed, then it is that speaker', () => {
    const text = [
      'Hussein claimed he didn\'t anticipate an invasion, agent George Piro said on "60 Minutes," scheduled for Sunday broadcast.',
      '"He thought the United States would retaliate with the same type of attack as we did in 1998," Piro said.',
      '"He didn\'t believe the U.S. would invade?" Correspondent Scott Pelley asked.',
      '"No, not initially," Piro answered.',
      '"And at that point, it would go into what he called the secret war," the agent said.',
    ].join('\n\n');
    const qs = quotes(text);
    expect(qs.map((q) => [q.quote, q.speaker, q.cue])).toEqual([
      ['60 Minutes', null, null],
      ['He thought the United States would retaliate with the same type of attack as we did in 1998', 'George Piro', 'said'],
      ["He didn't believe the U.S. would invade?", 'Scott Pelley', 'asked'],
      ['No, not initially', 'George Piro', 'answered'],
      ['And at that point, it would go into what he called the secret war', 'George Piro', 'said'],
    ]);
    // What the lead line needs: filtering by a speaker returns only that speaker's quotations.
    expect(filterQuotations(qs, { speaker: 'Piro' }).map((q) => q.speaker)).toEqual(['George Piro', 'George Piro', 'George Piro']);
    expect(filterQuotations(qs, { speaker: 'Scott Pelley' }).map((q) => q.quote)).toEqual(["He didn't believe the U.S. would invade?"]);
  });

  it('given titles in quotation marks (a show, a podcast, an acronym), when attributed, then they get no speaker and do not cut the addressee', () => {
    const text = [
      'Fans of "Dancing With the Stars" know how grueling the competition can be.',
      '"It was the hardest year of my life," Sasha Grant told Billboard\'s "Pop Shop" podcast.',
      '\'DWTS\' thinks big for 17th season cast',
      '"I have lung cancer," she said.',
    ].join('\n\n');
    const qs = quotes(text);
    expect(qs.map((q) => [q.quote, q.speaker])).toEqual([
      ['Dancing With the Stars', null],
      ['It was the hardest year of my life', 'Sasha Grant'],
      ['Pop Shop', null],
      ['DWTS', null],
      ['I have lung cancer', 'Sasha Grant'],
    ]);
    expect(qs[1]!.addressee).toBe('Billboard\'s "Pop Shop" podcast');
  });

  it('given straight marks with spaces on both sides (\' " Harper recalled. " And …), when paired, then each quotation is its own span', () => {
    const text = [
      'Valerie Harper\'s husband, Tony Cacciotti, encouraged her to sign on.',
      '"I hope you dance! I hope you dance," Harper told CNN on Wednesday. " And that\'s what I\'m saying to everybody. Dance."',
      '"I said, \'Give me one good reason,\' " Harper recalled. "He said, \'You have cancer! Get up there.\'"',
    ].join('\n\n');
    expect(who(text)).toEqual([
      ['I hope you dance! I hope you dance', 'Valerie Harper'],
      ["And that's what I'm saying to everybody. Dance.", 'Valerie Harper'],
      ["I said, 'Give me one good reason,'", 'Valerie Harper'],
      ['Give me one good reason', 'Valerie Harper'],
      ["He said, 'You have cancer! Get up there.'", 'Valerie Harper'],
      ['You have cancer! Get up there.', 'Tony Cacciotti'],
    ]);
  });

  it('given group and unnamed speakers (mourners, one mourner, one official), when attributed, then the group is the speaker', () => {
    const text = [
      '"Father!" mourners cried as the hearse passed.',
      '"We cannot believe he is gone," one mourner told state-run Korean Central News Agency.',
      'The river crested despite what one official called a "Herculean effort" to hold back the water.',
    ].join('\n\n');
    const qs = quotes(text);
    expect(qs.map((q) => [q.quote, q.speaker, q.addressee])).toEqual([
      ['Father!', 'mourners', null],
      ['We cannot believe he is gone', 'one mourner', 'state-run Korean Central News Agency'],
      ['Herculean effort', 'one official', null],
    ]);
  });

  it('given speech verbs posted, wrote, answered and a participle (…, posting: “…”), when attributed, then the speaker right there is found', () => {
    const text = [
      '"The most leftie opening ceremony I have ever seen!" wrote Aidan Burley, a Conservative Party MP who was fired as an aide in David Cameron\'s government.',
      '"Bring back red arrows, Shakespeare and the Stones!" he added minutes later.',
      'Burley backpedaled after the strong online backlash against his comments, posting: "Seems my tweet has been misunderstood."',
      '@legallyblondekf wrote: "Your move China."',
      '"I felt indescribable despair," Zachary Quinto posted.',
    ].join('\n\n');
    expect(who(text)).toEqual([
      ['The most leftie opening ceremony I have ever seen!', 'Aidan Burley'],
      ['Bring back red arrows, Shakespeare and the Stones!', 'Aidan Burley'],
      ['Seems my tweet has been misunderstood.', 'Aidan Burley'],
      ['Your move China.', '@legallyblondekf'],
      ['I felt indescribable despair', 'Zachary Quinto'],
    ]);
  });

  it('given a document quoted with "reads the brief" / "states the brief", when attributed, then the document is the source', () => {
    const text = '"He is convicted of turning his back on Islam," reads the brief. "He has stated that he is a Christian," states the brief.';
    expect(who(text)).toEqual([
      ['He is convicted of turning his back on Islam', 'the brief'],
      ['He has stated that he is a Christian', 'the brief'],
    ]);
  });

  it('given a nested quotation attributed with "I said", when attributed, then "I" is the speaker of the quotation around it', () => {
    const { quotations } = analyzeQuotations(buildDocument({ id: 't', path: 't', text: '"I said, \'Give me one good reason,\' and he laughed," Valerie Harper recalled.' }));
    expect(quotations.map((q) => [q.quote, q.speaker])).toEqual([
      ["I said, 'Give me one good reason,' and he laughed", 'Valerie Harper'],
      ['Give me one good reason', 'Valerie Harper'],
    ]);
  });
});

describe('looksLikeTitle', () => {
  it('given titles and names, when tested, then they read as titles; given speech and phrases, then they do not', () => {
    for (const t of ['60 Minutes', 'Dancing With the Stars', 'DWTS', 'Pop Shop', 'The Block is Hot', 'All about Eve', 'Come to the Stable', 'On the Road.']) expect([t, looksLikeTitle(t)]).toEqual([t, true]);
    for (const t of ['Herculean effort', 'Father!', 'I have lung cancer', 'We is ready.', "Council's a a", 'considering.', 'Seems my tweet has been misunderstood. I was talking']) expect([t, looksLikeTitle(t)]).toEqual([t, false]);
  });
});

describe('pronouns and lead-ins', () => {
  it('given a quotation paragraph after a lead-in sentence ("He told Larry King that …"), when attributed, then the lead-in\'s subject is the speaker', () => {
    const text = [
      'Jack Klugman, who won two Emmys, also starred in "Quincy, M.E." as medical examiner Dr. R. Quincy from 1976 to 1983.',
      'He told Larry King in 2001 that he played Madison on Broadway before the TV show debuted.',
      '"So when Garry Marshall called me, I thought he had seen me do it on Broadway."',
    ].join('\n\n');
    expect(who(text)).toEqual([
      ['Quincy, M.E.', null],
      ['So when Garry Marshall called me, I thought he had seen me do it on Broadway.', 'Jack Klugman'],
    ]);
  });

  it('given "she said" after a sentence of reported speech ("…, Phillips said."), when attributed, then "she" is that last speaker, not the subject of the sentence', () => {
    const text = [
      'Actress Celeste Holm died at her home in New York on Sunday, her niece, Amy Phillips, confirmed.',
      'Holm was admitted to Roosevelt Hospital a week ago, but her husband took her home on Friday, Phillips said.',
      '"She passed peacefully in her own bed," she said.',
    ].join('\n\n');
    expect(who(text)).toEqual([['She passed peacefully in her own bed', 'Amy Phillips']]);
  });
});
