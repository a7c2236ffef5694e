import { describe, expect, it } from 'vitest';
import { looseQuoteTopic, quoteSpeaker, quoteTopic, withoutAddress, withoutRequestWords } from '../../src/understand/request.js';
import { terms } from '../../src/retrieve/terms.js';

describe('request words never count as content words', () => {
  it.each([
    ['Quote the exact words about capacity-building', 'capacity-building'],
    ['Show me the passage on multilateralism', 'multilateralism'],
    ['Cite the verbatim excerpt regarding clear guidelines', 'clear guidelines'],
  ])('given "%s", when request words are removed, then only the topic is searched for', (q, topic) => {
    expect(terms(withoutRequestWords(quoteTopic(q)!))).toEqual(terms(topic));
    expect(terms(withoutRequestWords(q)).filter((t) => !terms(topic).includes(t))).not.toContain(terms('quote')[0]);
  });

  it('given a natural question, when request words are removed, then its own content words stay (a "show" that is a TV show stays)', () => {
    expect(withoutRequestWords('What show does Chris Hardwick host?')).toBe('What show does Chris Hardwick host?');
  });

  it('given a court\'s sentence ("his prison sentence", "Markoff\'s sentence"), then "sentence" is a content word, while "the sentence mentioning X" stays a request word', () => {
    expect(withoutRequestWords('how long is his prison sentence gonna be')).toBe('how long is his prison sentence gonna be');
    expect(withoutRequestWords("what was markoff's sentence?")).toBe("what was markoff's sentence?");
    expect(withoutRequestWords('who said he served his sentence')).toBe('who said he served his sentence');
    expect(withoutRequestWords('Can you quote the sentence mentioning ASEAN?')).toBe('Can you the mentioning ASEAN?');
    expect(withoutRequestWords('which sentences talk about the budget')).toBe('which talk about the budget');
  });

  it('given a question with no request shape, then there is no quote topic', () => {
    expect(quoteTopic('When did the meetings begin?')).toBeNull();
  });
});

describe('looseQuoteTopic: the topic of a quote request phrased any way', () => {
  it.each([
    ['gimme the line about the podcast', 'podcast'],
    ['what were his exact words about the judge?', 'his judge'],
    ["lemme see the wording on Annan's peacekeeping plan", "Annan's peacekeeping plan"],
    ['pls paste where it talks abt the security council', 'security council'],
    ['yo quote me something on polarized initiatives', 'polarized initiatives'],
  ])('given "%s", then the topic is "%s"', (q, topic) => {
    expect(looseQuoteTopic(q)).toBe(topic);
  });

  it('given a request made of request words only, then there is no topic', () => {
    expect(looseQuoteTopic('show me the exact quote please')).toBeNull();
  });
});

describe('quoteSpeaker: whose words a quote request asks for', () => {
  it.each([
    ["give me Quintana's exact words about Froome", 'Quintana'],
    ["give me biden's exact words", 'biden'],
    ['quote the bit where froome talks about quintana fading', 'froome'],
    ['Quote what Mormontoy said about local rules', 'Mormontoy'],
  ])('given "%s", then the speaker is "%s"', (q, speaker) => {
    expect(quoteSpeaker(q)).toBe(speaker);
  });

  it.each(['show me where it talks about the admission tickets', 'quote the part about the exercise equipment', "give me the article's exact words on bail"])('given "%s" (the text itself or nobody), then there is no speaker', (q) => {
    expect(quoteSpeaker(q)).toBeNull();
  });
});

describe('withoutAddress: a request starts after "hey bot" / "@verbatim"', () => {
  it.each([
    ['hey bot quote the section on X', 'quote the section on X'],
    ['@verbatim summarize this', 'summarize this'],
    ['yo, bot: show me paragraph 2', 'show me paragraph 2'],
  ])('given "%s", then the request is "%s"', (q, want) => {
    expect(withoutAddress(q)).toBe(want);
  });

  it('given a message that is only an address, then it is kept whole', () => {
    expect(withoutAddress('hey bot')).toBe('hey bot');
  });
});

describe('colloquial person words are not topic words', () => {
  it.each([
    ['can u paste the bit about the israeli guy', 'israeli'],
    ['Quote the passage about the Israeli guy', 'Israeli'],
    ['quote the part about the guy', 'guy'],
  ])('given "%s", then the topic is "%s" (the text says "man" or a name, never "guy")', (q, topic) => {
    expect(terms(withoutRequestWords(quoteTopic(q) ?? looseQuoteTopic(q)!))).toEqual(terms(topic));
  });
});

describe('quote requests by topic, more shapes (round 9)', () => {
  it.each([
    ['gimme the passage re: him going to prison', 'him going to prison'],
    ['the bit about which groups showed up, word for word', 'which groups showed up'],
    ['the bit about how he landed the role, copy paste it', 'how he landed the role'],
    ['paste what his lawyer said about the gun', 'the gun'],
    ['quote what it says about the jockey', 'the jockey'],
    ['show me where shatner paid tribute', 'shatner paid tribute'],
    ['quote the mayor on the flooding', 'the flooding'],
    ["the mayor's words on the flooding", 'the flooding'],
    ['anything in there about the flooding?', 'the flooding'],
    ['is there a quote about the flooding', 'the flooding'],
    ['the sandbags part pls', 'sandbags'],
    ['sandbags quote?', 'sandbags'],
    ["the line about the dead guy's identity pls", 'the dead identity'],
  ])('given "%s", then the topic is "%s"', (q, topic) => {
    expect(quoteTopic(q)).toBe(topic);
  });

  it.each([
    ['paste what his lawyer said about the gun', 'his lawyer'],
    ['quote the mayor on the flooding', 'the mayor'],
    ["the mayor's words on the flooding", 'mayor'],
  ])('given "%s", then the speaker is "%s"', (q, speaker) => {
    expect(quoteSpeaker(q)).toBe(speaker);
  });

  it.each(['Quote what was said about mediation efforts', 'the part where he got to say i love you to his dad'])('given "%s" (an auxiliary or a pronoun where a name would be), then there is no speaker', (q) => {
    expect(quoteSpeaker(q)).toBeNull();
  });

  it.each(['that was the best part', 'what is the best part', 'the hardest part'])('given the remark "%s", then it is no quote request', (q) => {
    expect(quoteTopic(q)).toBeNull();
  });
});

describe('quote requests by topic, more shapes (round 10)', () => {
  it.each([
    ['show me what hes being charged with', "what he's being charged with"],
    ['what did maxwell say about why he picked paris, word for word', 'why he picked paris'],
    ['whered it say it was all square after day one', 'it was all square after day one'],
    ['the bit where the club and the studio wont comment', 'the club and the studio will not comment'],
  ])('given "%s", then the topic is "%s" (contractions typed bare spelt out)', (q, topic) => {
    expect(quoteTopic(q)).toBe(topic);
  });

  it('given "what did maxwell say about why he picked paris, word for word", then the speaker is maxwell', () => {
    expect(quoteSpeaker('what did maxwell say about why he picked paris, word for word')).toBe('maxwell');
  });

  it.each(['what did he say about the fine', 'show me what you can do'])('given "%s" (no "word for word", or about the bot), then it is no quote request by these shapes', (q) => {
    expect(quoteTopic(q)).toBeNull();
  });
});

describe('quote requests by topic, round 11 (quote8)', () => {
  it.each([
    ['Show me where the writer says he has mixed feelings about McDonnell.', 'he has mixed feelings about McDonnell'],
    ['find me where the author talks about the ratings', 'the ratings'],
  ])('given "%s" (the story\'s own writer is "it"), then the topic is "%s"', (q, topic) => {
    expect(quoteTopic(q)).toBe(topic);
  });
});

describe("someone's words by name, round 11 (quote8)", () => {
  it.each([
    ["give me venus's exact words after the match", 'venus', 'venus'],
    ["the mayor's remarks in response", 'mayor', 'mayor'],
  ])('given "%s" (the occasion of the words, not a topic), then the speaker is "%s" and the topic is only them', (q, speaker, topic) => {
    expect(quoteSpeaker(q)).toBe(speaker);
    expect(quoteTopic(q)).toBe(topic);
  });

  it('given "paste the bit about what hillary said in response", then the words asked for are hillary\'s', () => {
    expect(quoteSpeaker('paste the bit about what hillary said in response')).toBe('hillary');
  });

  it('given "What exactly did Grace say about catching McIlroy?" ("exactly" asks for the words, as "word for word" does), then it is a quote request of Grace\'s words on catching McIlroy', () => {
    expect(quoteTopic('What exactly did Grace say about catching McIlroy?')).toBe('catching McIlroy');
    expect(quoteSpeaker('What exactly did Grace say about catching McIlroy?')).toBe('Grace');
  });
});
