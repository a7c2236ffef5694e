import { describe, expect, it } from 'vitest';
import { hypernymsFrom, loadHypernyms } from '../../src/understand/hypernyms.js';

describe('hypernyms: WordNet nouns one step apart, and adjectives of a noun', () => {
  it('given the shipped table, when asked, then a kind and what it is a kind of are related both ways ("dad" / "father", "emmy" / "award", "dental" / "tooth")', () => {
    const h = loadHypernyms()!;
    expect(h.related('dad', 'father')).toBe(true);
    expect(h.related('father', 'dad')).toBe(true);
    expect(h.related('award', 'emmy')).toBe(true);
    expect(h.related('dental', 'tooth')).toBe(true);
  });

  it('given the shipped table, when asked, then unrelated words and too general hypernyms ("person": hundreds of kinds) are not related', () => {
    const h = loadHypernyms()!;
    expect(h.related('mother', 'father')).toBe(false);
    expect(h.related('lawyer', 'person')).toBe(false);
    expect(h.related('tattoo', 'tooth')).toBe(false);
  });

  it('given a table, when read, then each line is a word and the words one step above it', () => {
    const h = hypernymsFrom({ kinds: ['dad|father|parent'] });
    expect(h.around('dad')).toEqual(['father', 'parent']);
    expect(h.around('father')).toEqual(['dad']);
    expect(h.related('father', 'parent')).toBe(false);
  });
});
