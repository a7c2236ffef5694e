/**
 * Round 15 (who13): the first word of a two-word connective ("instead of") is not rewritten toward a document's word
 * ("rather"), which would leave "rather of": a phrase the claim check does not read as a negation.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWordVectors } from '../../src/embed/word-vectors.js';
import { documentVocabulary } from '../../src/retrieve/typo.js';
import { createRegister } from '../../src/understand/register.js';

const vectors = loadWordVectors({ root: path.resolve(import.meta.dirname, '../..') });
const similarity = (a: string, b: string) => vectors.similarity(a, b);
const story = ['Opponents argue that these policies favor one group over another based upon racial preference rather than achievement.'];

describe('register: connectives stay whole', () => {
  const standard = createRegister(documentVocabulary(story), similarity);

  it('given "instead of" in a question about a document that writes "rather than", when read, then "instead of" stays as typed', () => {
    expect(standard('who said they favor one group by race instead of achievement')).toBe('who said they favor one group by race instead of achievement');
  });
});
