/**
 * Round 16 (who14): a clause of "whether" has its own polarity, as one of "if" has: "he did not know whether Gadhafi
 * would seek entry into Algeria" denies the knowing, not the entry; nor does a negation carry over points of ellipsis
 * into it ("unable to substantiate ... whether or not there was a shooting").
 */
import { describe, expect, it } from 'vitest';
import { claimOf, supports, type ClaimOptions } from '../../src/decide/claim.js';
import { loadLexicon } from '../../src/decide/lexicon.js';
import { loadWordVectors } from '../../src/embed/word-vectors.js';
import { ROOT } from '../helpers/paths.js';

const vectors = loadWordVectors({ root: ROOT });
const lexicon = loadLexicon();
const opts: ClaimOptions = { weight: () => 1, vectors, lexicon: () => lexicon };
const check = (claim: string, sentence: string) => supports(claimOf(claim, opts), sentence, opts);

describe('a clause of "whether"', () => {
  it('given "had no idea if X" against "did not know whether X", when checked, then X is said the same way round', () => {
    const s = check('he had no idea if gadhafi himself would try to get into algeria', 'The ambassador said he did not know whether Moammar Gadhafi was expected to seek entry into Algeria.');
    expect(s.contradicted).toBe(false);
    expect(s.contrary).toBe(0);
  });

  it('given points of ellipsis before "whether or not", when checked, then the negation before them does not reach the clause', () => {
    const s = check("they couldn't confirm whether there really was a shooting at the apartment", '"We (have been) unable to substantiate ... whether or not there was an actual shooting at the apartment."');
    expect(s.contradicted).toBe(false);
    expect(s.contrary).toBe(0);
  });

  it('given a claim that X happened against "did not know whether X", when checked, then the knowing it denies still counts against "knew"', () => {
    const s = check('he knew whether gadhafi would seek entry into algeria', 'He did not know whether Gadhafi would seek entry into Algeria.');
    expect(s.contrary).toBeGreaterThan(0);
  });
});
