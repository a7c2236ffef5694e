import { describe, expect, it } from 'vitest';
import { meanRouge, rouge, rougeTokens } from '../../src/eval/rouge.js';

describe('ROUGE', () => {
  it('given text, when tokenised, then it is lowercased, split on anything but letters and digits, and words over three letters are Porter-stemmed', () => {
    expect(rougeTokens("The U.S. Army's 12,000 soldiers were running")).toEqual(['the', 'u', 's', 'armi', 's', '12', '000', 'soldier', 'were', 'run']);
  });

  it('given rouge-score’s own example, when scored, then precision, recall and F match it', () => {
    // google-research rouge-score: target "testing one two", prediction "testing" → rouge1 P=1, R=1/3, F=0.5.
    const s = rouge('testing', 'testing one two');
    expect(s.rouge1).toEqual({ p: 1, r: 1 / 3, f: 0.5 });
    expect(s.rouge2.f).toBe(0);
  });

  it('given a hand-counted pair, when scored, then ROUGE-1/2 clip counts and cross sentence breaks, and ROUGE-L is the summary-level union LCS', () => {
    // candidate tokens: the cat sat | it purr (5); reference: the cat sat on the mat (6); unigram matches the, cat, sat = 3.
    const s = rouge('The cat sat.\nIt purred.', 'the cat sat on the mat');
    expect(s.rouge1.p).toBeCloseTo(3 / 5);
    expect(s.rouge1.r).toBeCloseTo(3 / 6);
    // bigrams: the-cat, cat-sat, sat-it, it-purr (4) vs 5 in the reference; 2 match.
    expect(s.rouge2.p).toBeCloseTo(2 / 4);
    expect(s.rouge2.r).toBeCloseTo(2 / 5);
    // Union LCS per reference sentence: [a b x] ∩ [a b c d] = a b; [c y d] ∩ [a b c d] = c d → 4 of 6 either way.
    const l = rouge('a b c d\ne f', 'a b x\nc y d').rougeL;
    expect(l.p).toBeCloseTo(4 / 6);
    expect(l.r).toBeCloseTo(4 / 6);
    // Sentence order does not matter to the union: "c d" and "a b" each match their part of "a b c d" (plain LCS would give 2 of 4).
    expect(rouge('c d\na b', 'a b c d').rougeL.r).toBeCloseTo(1);
  });

  it('given an empty side, when scored, then every figure is 0; given several, when averaged, then the mean is per figure', () => {
    expect(rouge('', 'a b').rouge1).toEqual({ p: 0, r: 0, f: 0 });
    expect(rouge('!!!', 'a b').rougeL.f).toBe(0);
    const m = meanRouge([rouge('a b', 'a b'), rouge('c', 'a b')]);
    expect(m.rouge1.f).toBeCloseTo(0.5);
  });
});
