/**
 * The claim check judges meaning, not word overlap: WordNet synonyms (also of phrases), antonyms,
 * negation agreed word by word, shortened words, and a fitted probability over what it found.
 */
import { describe, expect, it } from 'vitest';
import { CLAIM_PROBABILITY, claimOf, claimProbability, meetsClaim, supports, type ClaimOptions } from '../../src/decide/claim.js';
import { loadLexicon } from '../../src/decide/lexicon.js';
import { loadWordVectors } from '../../src/embed/word-vectors.js';
import { ROOT } from '../helpers/paths.js';

const vectors = loadWordVectors({ root: ROOT });
const lexicon = loadLexicon();
const withWordNet: ClaimOptions = { weight: () => 1, vectors, lexicon: () => lexicon };
const vectorsOnly: ClaimOptions = { weight: () => 1, vectors };
const check = (claim: string, sentence: string, o: ClaimOptions = withWordNet) => supports(claimOf(claim, o), sentence, o);
const meets = (claim: string, sentence: string, o: ClaimOptions = withWordNet) => meetsClaim(check(claim, sentence, o));

const WAYNE = 'Rapper Lil Wayne will go directly to jail after he is sentenced by a Manhattan judge Tuesday afternoon.';
const KLUGMAN = 'Jack Klugman died Monday at his California home, his son Adam said.';
const MARSHALL = `" 'You know, that's a good actor, he's not showing that she's spitting all over him.' That's why he hired me."`;
const UN = '“We need to ensure that multilateralism and joint action – rather than polarized initiatives – bridge our efforts to address the challenges of today’s world,” he told the heads.';
const PODCAST = '"My dad was my favorite podcast guest.';

describe('synonyms from WordNet', () => {
  it('given a claim in other words that WordNet calls synonyms ("straight" / "directly"), when checked, then it is met; with word vectors alone the word is missing', () => {
    expect(vectors.similarity('straight', 'directly')).toBeLessThan(0.5);
    expect(check('Lil Wayne would go straight to jail', WAYNE).missing).toEqual([]);
    expect(meets('Lil Wayne would go straight to jail', WAYNE)).toBe(true);
    expect(check('Lil Wayne would go straight to jail', WAYNE, vectorsOnly).missing).toEqual(['straight']);
  });

  it('given a phrasal verb ("passed away"), when the sentence has its one-word synonym ("died"), then verb and particle are both met', () => {
    const s = check('Klugman passed away at home', KLUGMAN);
    expect(s.missing).toEqual([]);
    expect(meetsClaim(s)).toBe(true);
  });
});

describe('antonyms', () => {
  it('given a claim word whose antonym the sentence holds ("terrible" / "good"), when checked, then it counts against the claim', () => {
    expect(vectors.similarity('bad', 'good')).toBeGreaterThanOrEqual(0.7); // the vectors alone would take one for the other
    expect(meets('Klugman was a bad actor', MARSHALL, vectorsOnly)).toBe(true);
    expect(meets('Klugman was a bad actor', MARSHALL)).toBe(false);
    expect(check('Klugman was a terrible actor', MARSHALL).contrary).toBeGreaterThan(0);
  });

  it('given a phrase\'s particle that has an antonym in the sentence ("passed away" / "home"), when the phrase is met, then the particle is not against the claim', () => {
    expect(lexicon.antonyms('away', 'home')).toBe(true);
    expect(check('Klugman passed away at home', KLUGMAN).contrary).toBe(0);
  });
});

describe('negation, word by word', () => {
  it('given "not X" in the claim and "rather than X" in the sentence, when checked, then they agree; X asserted is contrary', () => {
    expect(meets('joint action, not polarized initiatives, should bridge our efforts', UN)).toBe(true);
    const s = check('polarized initiatives should address the challenges', UN);
    expect(s.contrary).toBeGreaterThan(0);
    expect(meetsClaim(s)).toBe(false);
  });

  it('given "but" between two clauses of the claim, when analysed, then each word keeps its own clause\'s polarity', () => {
    const c = claimOf('the gun was found but it was not his', withWordNet);
    expect(c.predicate.map((w) => [w.word, w.negated])).toEqual([['gun', false], ['found', false]]);
    const d = claimOf('the bus was searched but the police found no gun', withWordNet);
    expect(d.predicate.find((w) => w.word === 'gun')?.negated).toBe(true);
    expect(d.predicate.find((w) => w.word === 'bus')?.negated).toBe(false);
  });

  it('given "least" before a claim word ("his least favorite guest"), when the sentence says "favorite", then it is said the other way round', () => {
    const s = check('his dad was his least favorite podcast guest', PODCAST);
    expect(s.contradicted).toBe(true);
    expect(meets('his dad was his favorite podcast guest', PODCAST)).toBe(true);
  });
});

describe('shortened words', () => {
  it('given a word the vectors do not know that begins a sentence word ("fav" → "favorite"), when checked, then it is met', () => {
    expect(vectors.vector('fav')).toBeUndefined();
    expect(check('his dad was his fav podcast guest', PODCAST).missing).toEqual([]);
  });
});

describe('the fitted probability', () => {
  it('given more of the claim held, when scored, then the probability rises; held the other way round, it falls', () => {
    const base = { share: 0.5, near: 0, contrary: 0, verbMissing: 0, lone: 0 };
    expect(claimProbability({ ...base, share: 0.9 })).toBeGreaterThan(claimProbability(base));
    expect(claimProbability({ ...base, contrary: 0.5 })).toBeLessThan(claimProbability(base));
    expect(claimProbability({ ...base, share: 1 })).toBeGreaterThanOrEqual(CLAIM_PROBABILITY);
    expect(claimProbability({ ...base, share: 0.3 })).toBeLessThan(CLAIM_PROBABILITY);
  });

  it('given a sentence that holds the claim the other way round, when decided, then it never meets it however high its probability', () => {
    expect(meetsClaim({ share: 1, contrary: 0.5, contradicted: true, missing: [], p: 0.99 })).toBe(false);
  });
});
