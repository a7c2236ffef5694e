/**
 * The compiled lemmatizer gives wink-lemmatizer's answer for every word
 * WordNet knows, every exception, their inflections and a few awkward keys.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { compileLemmaData } from '../../src/text/lemma-data.js';
import { lemmatizerFrom, type Lemmatizer } from '../../src/text/lemmatizer.js';

const require = createRequire(import.meta.url);
const wink = require('wink-lemmatizer') as Lemmatizer;

describe('lemmatizerFrom(compileLemmaData())', () => {
  const data = compileLemmaData();
  const ours = lemmatizerFrom(data);

  it('given every WordNet word and exception, inflected every way the rules undo, when lemmatized as verb, noun and adjective, then every answer is wink-lemmatizer’s', () => {
    const base = new Set<string>([
      ...Object.keys(require('wink-lexicon/src/wn-words.js') as object),
      ...data.adjective.filter((_, i) => i % 2 === 0),
      ...data.noun.filter((_, i) => i % 2 === 0),
      ...data.verb.filter((_, i) => i % 2 === 0),
      'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '', 's', 'es', 'ing', 'ed', 'ies', 'men',
    ]);
    const suffixes = ['', 's', 'es', 'ed', 'ing', 'ies', 'er', 'est', 'ses', 'xes', 'zes', 'ves', 'ches', 'shes', 'men'];
    let checked = 0;
    const wrong: string[] = [];
    for (const b of base) {
      for (const suffix of suffixes) {
        const w = b + suffix;
        for (const pos of ['verb', 'noun', 'adjective'] as const) {
          checked++;
          if (ours[pos](w) !== wink[pos](w)) wrong.push(`${pos}(${w}): ${ours[pos](w)} ≠ ${wink[pos](w)}`);
        }
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(3_000_000);
  }, 120_000);

  it('given the compiled data, then it is far smaller than wink-lexicon’s tables', () => {
    expect(JSON.stringify(data).length).toBeLessThan(1_500_000);
  });
});
