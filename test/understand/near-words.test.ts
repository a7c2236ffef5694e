import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWordVectors } from '../../src/embed/word-vectors.js';
import { documentVocabulary } from '../../src/retrieve/typo.js';
import { createNearWords } from '../../src/understand/near-words.js';

const vectors = loadWordVectors({ root: path.resolve(import.meta.dirname, '../..') });
const story = [
  '"It\'s not his gun, they know whose gun it is," Wayne\'s attorney, Stacey Richman, said after a hearing last month.',
  'Rapper Lil Wayne will go directly to jail after he is sentenced by a Manhattan judge Tuesday afternoon.',
  'His sentencing was delayed three weeks so he could get some dental work done.',
];

describe('near-words: a request word in the documents\' words', () => {
  const near = createNearWords(documentVocabulary(story), vectors);

  it('given a word the documents never use, when looked up, then its nearest document words come first ("lawyer" → attorney)', () => {
    expect(near.of('lawyer')[0]).toBe('attorney');
    expect(near.of('lawyer').length).toBeLessThanOrEqual(2);
  });

  it('given a word the documents use, or one nothing in them is near, when looked up, then nothing is added', () => {
    expect(vectors.similarity('judge', 'attorney')).toBeGreaterThan(0.6);
    expect(near.of('judge')).toEqual([]);
    expect(near.of('gun')).toEqual([]);
    expect(near.of('tattoos')).toEqual([]);
  });

  it('given a request\'s topic, when expanded for retrieval, then the near words follow the words as asked', () => {
    expect(near.expand('his lawyer')).toBe(`his lawyer ${near.of('lawyer').join(' ')}`);
    expect(near.expand('the gun')).toBe('the gun');
  });
});

describe('near-words: WordNet kin among the documents\' words (round 9)', () => {
  const hardwick = ['His father, Billy Hardwick, died of an apparent heart attack a day earlier.', "After he retired, he opened Billy Hardwick's All-Star Lanes in Memphis, Tennessee."];
  const near = createNearWords(documentVocabulary([...story, ...hardwick]), vectors);

  it('given a word the documents never use and WordNet relates to one they do, when looked up, then that word is searched for too ("teeth" → dental, "death" → died, "alley" → Lanes)', () => {
    expect(near.of('teeth')).toContain('dental');
    expect(near.of('death').map((w) => w.toLowerCase())).toContain('died');
    expect(near.of('alley').map((w) => w.toLowerCase())).toContain('lanes');
  });

  it('given a phrase WordNet knows ("passing away"), when a request is expanded, then the documents\' word for it is searched for', () => {
    expect(near.expand('his dad passing away').split(' ')).toContain('died');
  });

  it('given no lexicon, when looked up, then only the vectors\' near words are added', () => {
    const plain = createNearWords(documentVocabulary([...story, ...hardwick]), vectors, { lexicon: () => null });
    expect(plain.of('teeth')).not.toContain('dental');
  });
});
