import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWordVectors } from '../../src/embed/word-vectors.js';
import { documentVocabulary } from '../../src/retrieve/typo.js';
import { createRegister } from '../../src/understand/register.js';

const vectors = loadWordVectors({ root: path.resolve(import.meta.dirname, '../..') });
const similarity = (a: string, b: string) => vectors.similarity(a, b);
const story = [
  'According to police, Wayne had a .40-caliber pistol on his tour bus where he was living.',
  'His father, Billy Hardwick, died of an apparent heart attack; his children were with him.',
  'The body was discovered by a neighbour at the meeting place.',
];

describe('register: a question\'s words read as the documents\' words', () => {
  const standard = createRegister(documentVocabulary(story), similarity);

  it('given informal words the documents never use, when read, then the standard word they do use is searched for', () => {
    expect(standard('where did the cops arrest him')).toBe('where did the police arrest him');
    expect(standard("what happened to chris's dad")).toBe("what happened to chris's father");
    expect(standard('how many kids were there?')).toBe('how many children were there?');
  });

  it('given a dropped g, when the -ing form is the documents\' word, then it is read as that word', () => {
    expect(standard("where was he livin' then")).toBe("where was he living' then");
    expect(standard('where was he livin')).toBe('where was he living');
  });

  it('given a WordNet synonym the word vectors also place close, when the documents use it, then it replaces the word', () => {
    expect(standard('who found the body')).toBe('who discovered the body');
  });

  it('given a word the documents use, a standard word they never use, or a word of a phrase, when read, then it stays as typed', () => {
    const withDad = createRegister(documentVocabulary(['My dad was my favorite podcast guest; his father won titles.']), similarity);
    expect(withDad('what did he tweet about his dad')).toBe('what did he tweet about his dad');
    expect(standard('who is his mom')).toBe('who is his mom');
    expect(standard('was he goin home')).toBe('was he goin home');
    expect(standard('when did his dad pass away')).toBe('when did his father pass away');
    // "away" alone is WordNet's and the vectors' "off" (0.86); in "pass away" it is a word of the phrase ("died").
    const withOff = createRegister(documentVocabulary(['He died the day he set off.']), similarity);
    expect(withOff('when did he pass away')).toBe('when did he pass away');
    expect(standard('was the meeting place open')).toBe('was the meeting place open');
  });

  it('given a parent named in another register, when the documents use another word for that parent, then that word is searched for', () => {
    const childish = createRegister(documentVocabulary(['Her mommy took her to the dog pound.', 'Daddy said yes.']));
    expect(childish('where did her mom take her')).toBe('where did her mommy take her');
    expect(childish('what did shelly\'s dad say')).toBe("what did shelly's daddy say");
    // The standard word first when the documents use it, as before.
    expect(standard('who is his daddy')).toBe('who is his father');
  });

  it('given a question word spelt as in chat, when the documents do not use that spelling, then it is read as the question word', () => {
    const asked = ['wat kind of gun was it', 'wher was the body found', 'wen did he die'];
    expect(asked.map(standard)).toEqual(['what kind of gun was it', 'where was the body discovered', 'when did he die']);
    const thai = createRegister(documentVocabulary(['They visited Wat Pho, the oldest wat in Bangkok.']));
    expect(thai('which wat did they visit')).toBe('which wat did they visit');
  });

  it('given no word vectors, when a question is read, then no WordNet synonym is taken (WordNet alone is too loose)', () => {
    expect(createRegister(documentVocabulary(story))('who found the body')).toBe('who found the body');
  });
});
