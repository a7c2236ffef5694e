/**
 * The WordNet relations the claim check uses (src/decide/lexicon.ts): synonyms in any inflection and of
 * phrases, antonyms with satellites counted as their head; the shipped table is the one the builder makes.
 */
import { describe, expect, it } from 'vitest';
import { lexiconFrom, loadLexicon } from '../../src/decide/lexicon.js';

describe('lexiconFrom', () => {
  const lex = lexiconFrom({ synsets: ['die|pass away|perish', 'directly|straight'], antonyms: ['bad|good', 'good|terrible'] });

  it('given words of one synonym set in other inflections ("passed away", "died"), when compared, then they are synonyms', () => {
    expect(lex.synonyms('passed away', 'died')).toBe(true);
    expect(lex.synonyms('straight', 'directly')).toBe(true);
    expect(lex.synonyms('straight', 'died')).toBe(false);
  });

  it('given an antonym pair in either order, when compared, then they are antonyms; synonyms are not', () => {
    expect(lex.antonyms('good', 'terrible')).toBe(true);
    expect(lex.antonyms('terrible', 'good')).toBe(true);
    expect(lex.antonyms('straight', 'directly')).toBe(false);
  });
});

describe('the shipped WordNet table', () => {
  const lex = loadLexicon();

  it('given satellite adjectives ("terrible", "complicated"), when compared with their head\'s antonym, then they are antonyms', () => {
    expect(lex.antonyms('terrible', 'good')).toBe(true);
    expect(lex.antonyms('simpler', 'complicated')).toBe(true);
    expect(lex.antonyms('thankful', 'grateful')).toBe(false);
  });

  it('given a phrasal verb and its synonym, when compared, then they are synonyms', () => {
    expect(lex.synonyms('passed away', 'died')).toBe(true);
    expect(lex.synonyms('thankful', 'grateful')).toBe(true);
  });

  it('given the table loaded twice, then it is read once', () => {
    expect(loadLexicon()).toBe(lex);
  });
});
