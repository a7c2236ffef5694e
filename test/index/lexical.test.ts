/**
 * The BM25 index normalises documents and queries with the same terms():
 * spelling variants, irregular forms and contractions meet in the index.
 */
import { describe, expect, it } from 'vitest';
import { buildLexicalIndex, loadLexicalIndex } from '../../src/index/lexical.js';

const items = [
  { id: 'a#1', text: 'The division of labour between organisations began in 1994.' },
  { id: 'a#2', text: 'The children ran to the theatre.' },
  { id: 'a#3', text: 'She said it was a closed-door meeting.' },
];

describe('lexical index', () => {
  it('given British spellings and irregular forms in the text, when queried with American and base forms, then they are found', () => {
    const lex = buildLexicalIndex(items);
    expect(lex.search('labor organization begin', 5)[0]?.id).toBe('a#1');
    expect(lex.search('child run theater', 5)[0]?.id).toBe('a#2');
  });

  it('given a query of pronouns and contractions only, then nothing matches (no "whatd", no "she")', () => {
    const lex = buildLexicalIndex(items);
    expect(lex.search("what'd she say", 5)).toEqual([]);
  });

  it('given a saved index, when loaded, then it searches the same', () => {
    const lex = loadLexicalIndex(JSON.stringify(buildLexicalIndex(items).toJSON()));
    expect(lex.search('labor', 5).map((h) => h.id)).toEqual(['a#1']);
  });
});
