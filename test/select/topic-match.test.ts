import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWordVectors } from '../../src/embed/word-vectors.js';
import { documentVocabulary } from '../../src/retrieve/typo.js';
import { term } from '../../src/retrieve/terms.js';
import { amountAsked, createTopicMatcher, holdsAmount, namesSomeoneAbsent, PARTIAL_FROM, TOPIC_KIN } from '../../src/select/topic-match.js';
import { createNearWords, KIND_OF } from '../../src/understand/near-words.js';
import { TOPIC_RELEVANCE } from '../../src/select/features.js';

const vectors = loadWordVectors({ root: path.resolve(import.meta.dirname, '../..') });
const weight = () => 1;

describe('topic-match: how much of a requested topic a sentence covers', () => {
  it('given a topic word the sentence says in other words, when matched without WordNet, then it counts by its cosine and meets the topic', () => {
    // (with WordNet, "lawyer" and "attorney" share a synonym set and count TOPIC_KIN: see below)
    const cover = createTopicMatcher(vectors, weight, undefined, undefined, () => null);
    const c = cover('his lawyer', 'Wayne’s attorney, Stacey Richman, said after a hearing.', '');
    expect(c).toBeCloseTo(vectors.similarity('lawyer', 'attorney'), 3);
    expect(c).toBeGreaterThanOrEqual(TOPIC_RELEVANCE);
  });

  it('given a topic word held by a neighbouring sentence, when matched, then it counts in full', () => {
    expect(createTopicMatcher(vectors, weight)('the bail', 'She was released on Tuesday.', 'Her bail was set at $100,000.')).toBe(1);
  });

  it('given a two-word topic whose second word is only near its first ("the world cup"), when matched against a sentence about the world, then the sentence word met by one topic word does not meet the other', () => {
    const text = 'We have to work together in a much more complicated world than a decade ago.';
    expect(vectors.similarity('cup', 'world')).toBeGreaterThan(0.6);
    expect(createTopicMatcher(vectors, weight)('the world cup', text, '')).toBeCloseTo(0.5, 3);
    expect(createTopicMatcher(vectors, weight)('the world cup', text, '')).toBeLessThan(0.51);
  });

  it('given the documents\' near words, when a topic word\'s near match is not among its nearest, then it does not count ("trial" ~ "bail", while the story\'s nearest are prosecutors and hearing)', () => {
    const story = ['She was released on bail on Tuesday.', 'A preliminary hearing is scheduled.', 'Prosecutors said she would be convicted.'];
    const near = createNearWords(documentVocabulary(story), vectors);
    const s = 'She was released on bail on Tuesday.';
    expect(near.of('trial')).not.toContain('bail');
    // (without WordNet, which since round 9 also says "trial" and "bail" are unrelated: see below)
    const noKin = () => null;
    expect(createTopicMatcher(vectors, weight, undefined, undefined, noKin)('trial', s, '')).toBeGreaterThan(0.6);
    expect(createTopicMatcher(vectors, weight, near, undefined, noKin)('trial', s, '')).toBe(0);
    expect(createTopicMatcher(vectors, weight, near, undefined, noKin)('trial', 'A preliminary hearing is scheduled.', '')).toBeGreaterThan(0.6);
  });

  it('given a topic of several words none of which the sentence holds, when matched, then near words alone do not meet it; one word of it held, they count', () => {
    const cover = createTopicMatcher(vectors, weight);
    const s = 'She faces a maximum sentence of 20 years in prison for each count, if convicted.';
    expect(vectors.similarity('verdict', 'sentence')).toBeGreaterThan(0.6);
    expect(vectors.similarity('trial', 'convicted')).toBeGreaterThan(0.6);
    expect(cover('her trial verdict', s, '')).toBe(0);
    expect(cover('her prison verdict', s, '')).toBeGreaterThan(0.8);
  });
});


describe('topic-match: WordNet kin (round 9)', () => {
  const cover = createTopicMatcher(vectors, weight);

  it('given a topic phrase WordNet knows ("passing away") and a sentence saying it in one word ("died"), when matched, then both of its words are met', () => {
    expect(vectors.similarity('passing', 'died')).toBeLessThan(0.6);
    expect(cover('his dad passing away', 'His father, Billy Hardwick, died of an apparent heart attack a day earlier.', '')).toBeGreaterThanOrEqual(TOPIC_RELEVANCE);
  });

  it('given a topic word whose derived form the sentence holds ("death" / "died"), when matched, then it counts nearly in full', () => {
    const c = cover('death', 'His father died of an apparent heart attack.', '');
    expect(c).toBeCloseTo(TOPIC_KIN, 3);
  });

  it('given a topic noun one WordNet step from a sentence word ("awards" / "Emmys", "teeth" / "dental"), when matched, then it counts as a kind of it', () => {
    expect(cover('awards', 'Klugman, who won two Emmys for his role in the early 1970s sitcom.', '')).toBeCloseTo(TOPIC_KIN * KIND_OF, 3);
    expect(cover('his teeth', 'His sentencing was delayed three weeks so he could get some dental work done.', '')).toBeGreaterThanOrEqual(TOPIC_RELEVANCE);
  });

  it('given an off-topic word WordNet does not relate to any sentence word ("tattoos", "mom" against "father"), when matched, then kin adds nothing', () => {
    expect(cover('his tattoos', 'His sentencing was delayed three weeks so he could get some dental work done.', '')).toBe(0);
    expect(cover('his mom', 'His father, Billy Hardwick, died of an apparent heart attack a day earlier.', '')).toBeLessThan(TOPIC_RELEVANCE);
  });

  it('given no kin (a matcher built without the lexicon), when matched, then only the word vectors count, as before', () => {
    const plain = createTopicMatcher(vectors, weight, undefined, undefined, () => null);
    expect(plain('death', 'His father died of an apparent heart attack.', '')).toBeLessThan(TOPIC_KIN);
  });
});

describe('topic-match: near vectors WordNet contradicts (round 9)', () => {
  const cover = createTopicMatcher(vectors, weight);

  it('given a one-word topic near a sentence word by the vectors only, where WordNet knows both and relates them not ("sister" / "father"), when matched, then it is not met', () => {
    const s = 'His father, Billy Hardwick, died of an apparent heart attack a day earlier.';
    expect(vectors.similarity('sister', 'father')).toBeGreaterThan(0.6);
    expect(createTopicMatcher(vectors, weight, undefined, undefined, () => null)('his sister', s, '')).toBeGreaterThan(0.6);
    expect(cover('his sister', s, '')).toBe(0);
  });

  it('given a topic of several words, none held, whose weightiest word only the vectors meet ("climate change"), when matched, then it is not met', () => {
    const s = 'Kofi Annan today re-emphasized the need for regional organizations and the United Nations to work ever more closely in tackling the myriad issues of global security.';
    expect(cover('climate change', s, '')).toBe(0);
  });
});

describe('topic-match: partial credit for a word near in meaning, when the passage holds the topic\'s last word (round 10)', () => {
  const lottery = 'This is why he won the green card lottery but it is his bad luck that he arrived one day before 9/11.';
  const partial = (a: string, b: string) => (vectors.similarity(a, b) - PARTIAL_FROM) / (1 - PARTIAL_FROM);

  it('given "the visa lottery" against "the green card lottery" (visa ~ card 0.55, under the soft floor), when matched, then "visa" counts in proportion to how far its cosine rises above PARTIAL_FROM and the topic is met', () => {
    expect(vectors.similarity('visa', 'card')).toBeLessThan(0.6);
    expect(vectors.similarity('visa', 'card')).toBeGreaterThan(PARTIAL_FROM);
    const c = createTopicMatcher(vectors, weight)('the visa lottery', lottery, '');
    expect(c).toBeCloseTo((1 + partial('visa', 'card')) / 2, 2);
    expect(c).toBeGreaterThan(TOPIC_RELEVANCE);
  });

  it('given the same words with the unmet one last ("the lottery visa": its head not met), when matched, then no partial credit: only "lottery" counts', () => {
    expect(createTopicMatcher(vectors, weight)('the lottery visa', lottery, '')).toBeCloseTo(0.5, 3);
  });

  it('given a last word the passage does not hold as itself ("contract"), or holds only as a WordNet kind of it ("awards" / "Emmys"), when matched, then no partial credit for the other words', () => {
    const s = 'Klugman, who won two Emmys for his role in the early 1970s sitcom, also starred in Quincy.';
    expect(vectors.similarity('contract', 'role')).toBeGreaterThan(PARTIAL_FROM);
    expect(createTopicMatcher(vectors, weight)('his contract sitcom', s, '')).toBeGreaterThan(0.5 + 0.01);
    expect(createTopicMatcher(vectors, weight)('his sitcom contract', s, '')).toBeCloseTo(0.5, 3);
    const heavyAwards = (t: string) => (t === term('awards') ? 2 : 1);
    expect(createTopicMatcher(vectors, heavyAwards)('his contract awards', s, '')).toBeCloseTo((2 * TOPIC_KIN * KIND_OF) / 3, 3);
  });

  it('given a topic word near only a word of the neighbouring sentence ("hopeless" ~ "despair"), when matched, then the neighbour counts for the partial credit too', () => {
    const s = 'When I found out he killed himself, I felt deeply troubled.';
    const next = 'I felt indescribable despair.';
    expect(createTopicMatcher(vectors, weight)('how hopeless he felt', s, next)).toBeCloseTo((1 + partial('hopeless', 'despair')) / 2, 2);
    expect(createTopicMatcher(vectors, weight)('how hopeless he felt', s, '')).toBeLessThan((1 + partial('hopeless', 'despair')) / 2 - 0.01);
  });
});


describe('a topic naming someone the documents never name (round 11, quote8)', () => {
  const knows = (...words: string[]) => (t: string) => words.map((w) => term(w)).includes(t);
  it('given "jeb\'s brother george" over documents that name Jeb but no George, then it names someone absent', () => {
    expect(namesSomeoneAbsent("jeb's brother george", knows('jeb', 'brother'))).toBe(true);
  });

  it('given the same topic over documents that name George too, or a topic naming no one, then it does not', () => {
    expect(namesSomeoneAbsent("jeb's brother george", knows('jeb', 'george'))).toBe(false);
    expect(namesSomeoneAbsent('her sister not being fully fit', () => false)).toBe(false);
  });
});

describe('topic-match: an amount asked for (round 13)', () => {
  const cover = createTopicMatcher(vectors, weight);
  const fined = 'In addition to his sentence, Alamo was fined $250,000, court documents showed.';
  const appeal = 'His lawyer filed an appeal Friday.';
  const trophies = 'In his two full seasons with the Catalan giants, Maxwell collected a remarkable 10 trophies; three Spanish Super Cups and one Champions League.';

  it('given a topic of money words ("the money he has to pay"), when matched against a sentence holding a sum of money and one holding none, then the first meets it in full and the second not at all', () => {
    expect(cover('the money he has to pay', fined, '')).toBe(1);
    expect(cover('the money he has to pay', appeal, '')).toBe(0);
  });

  it('given a money topic ("how much it cost"), when a sentence holds a count but no sum of money, then it is not met; "the numbers" is met by the count', () => {
    const s = 'Both Williams sisters won two matches on Friday.';
    expect(holdsAmount(s, true)).toBe(false);
    expect(cover('how much it cost', s, '')).toBe(0);
    expect(cover('the numbers', s, '')).toBe(1);
  });

  it('given a year only ("in July 2009"), when asked whether it holds an amount, then it does not', () => {
    expect(holdsAmount('He joined Barcelona from Inter Milan in July 2009.', false)).toBe(false);
    expect(holdsAmount('She was not 100% fit.', false)).toBe(true);
  });

  it('given "how much silverware he won", when matched against a sentence counting trophies (silverware ~ trophies), then the count meets the amount asked for, and the topic is met', () => {
    expect(amountAsked('how much silverware he won')).toMatchObject({ counted: ['silverware'] });
    const without = createTopicMatcher(vectors, weight)('silverware he won', trophies, '');
    expect(cover('how much silverware he won', trophies, '')).toBeGreaterThan(without);
    expect(cover('how much silverware he won', trophies, '')).toBeGreaterThanOrEqual(TOPIC_RELEVANCE);
  });

  it('given "how many leaders …" against a sentence counting presidents (round 16, quote14), when matched, then the thing counted is met by the word after the count, as kin, and the topic is met', () => {
    const s = 'Since its independence from France in 1960, Gabon has had three presidents.';
    const topic = "how many leaders they've had since the french left";
    expect(amountAsked(topic)).toMatchObject({ counted: ['leaders'] });
    expect(cover(topic, s, '')).toBeGreaterThanOrEqual(TOPIC_RELEVANCE);
    // "leaders" counts as kin of "presidents" (TOPIC_KIN of its weight), no longer unmet beside the amount it asks for.
    expect(cover('how many leaders', s, '')).toBeCloseTo((1 + TOPIC_KIN) / 2, 3);
  });

  it('given "how big the country is" (round 16, quote14), when read, then a size is asked for, counted in units of area or length, and "big" is not a word to find: a sentence measuring the country in square kilometres beside one naming the country meets it in full', () => {
    expect(amountAsked('how big the country is')?.counted).toEqual(expect.arrayContaining(['square', 'kilometres', 'miles']));
    expect(cover('how big the country is', 'It covers 36,125 square kilometres (13,948 sq mi).', 'Guinea-Bissau is a country in West Africa.')).toBe(1);
  });

  it('given "how many" about a thing the sentence does not count ("how many goals he won" against "10 trophies"), when matched, then the amount adds nothing', () => {
    expect(cover('how many goals he won', trophies, '')).toBe(cover('goals he won', trophies, ''));
  });

  it('given "the score and how long the match lasted", when matched against the sentence with "6-1 6-2 in just 54 minutes", then the score and the span of time count, and the topic is met', () => {
    const s = 'It was defending champion Serena who looked the least affected as she won 6-1 6-2 in just 54 minutes.';
    expect(amountAsked('the score and how long the match lasted')).toMatchObject({ counted: expect.arrayContaining(['minutes']) });
    expect(cover('the score and how long the match lasted', s, '')).toBeGreaterThanOrEqual(TOPIC_RELEVANCE);
    expect(cover('the score and how long the match lasted', s, '')).toBeGreaterThan(cover('the match lasted', s, ''));
  });

  it('given topics that name no amount ("his lawyer", "the budget", "how much he drank"), when read, then no amount is asked for', () => {
    expect(amountAsked('his lawyer')).toBeNull();
    expect(amountAsked('the budget')).toBeNull();
    expect(amountAsked('how much he drank')).toBeNull();
  });
});

describe('topic-match: a topic that is a clause, its subject held and its last word not (round 13, quote11)', () => {
  const cover = createTopicMatcher(vectors, weight);
  const wozniacki = 'Serena is one, and the other -- 10th-ranked Caroline Wozniacki -- crashed out in the quarterfinals on Friday against Swiss No. 63 Stefanie Vogele.';
  const partial = (a: string, b: string) => (vectors.similarity(a, b) - PARTIAL_FROM) / (1 - PARTIAL_FROM);

  it('given "Wozniacki getting knocked out" against "Wozniacki -- crashed out" (knocked ~ crashed, under the soft floor), when matched, then the verb counts in part by the sentence\'s verb and the topic is met', () => {
    expect(vectors.similarity('knocked', 'crashed')).toBeLessThan(0.6);
    expect(vectors.similarity('knocked', 'crashed')).toBeGreaterThan(PARTIAL_FROM);
    const c = cover('Wozniacki getting knocked out', wozniacki, '');
    expect(c).toBeCloseTo((1 + partial('knocked', 'crashed')) / 2, 2);
    expect(c).toBeGreaterThan(TOPIC_RELEVANCE);
  });

  it('given a topic with no verb whose last word is not held ("Wozniacki\'s coach"), when matched, then no partial credit: only the name counts', () => {
    expect(cover("Wozniacki's coach", wozniacki, '')).toBeCloseTo(0.5, 3);
  });

  it('given a clause whose verb the passage has only a noun near ("the students protesting" against "complaints"), when matched, then the noun does not count for the verb', () => {
    const s = 'Complaints by the students reached the board.';
    expect(vectors.similarity('protesting', 'complaints')).toBeGreaterThan(PARTIAL_FROM + 0.15);
    expect(vectors.similarity('protesting', 'reached')).toBeLessThan(PARTIAL_FROM);
    expect(cover('the students protesting', s, '')).toBeCloseTo(0.5, 3);
  });
});
