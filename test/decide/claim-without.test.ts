/**
 * Round 16 (who14): "without" denies its object, not the verb before it: "choose one without any embroidery" says
 * "choose one" and denies "embroidery"; "he left without saying goodbye" says he left.
 */
import { describe, expect, it } from 'vitest';
import { claimOf, supports, type ClaimOptions } from '../../src/decide/claim.js';
import { loadLexicon } from '../../src/decide/lexicon.js';
import { loadWordVectors } from '../../src/embed/word-vectors.js';
import { ROOT } from '../helpers/paths.js';

const vectors = loadWordVectors({ root: ROOT });
const lexicon = loadLexicon();
const opts: ClaimOptions = { weight: () => 1, vectors, lexicon: () => lexicon };
const negated = (claim: string) => Object.fromEntries(claimOf(claim, opts).predicate.map((w) => [w.word, !!w.negated]));

describe('"without" in a claim', () => {
  it('given "X without Y", when read, then only Y is negated', () => {
    expect(negated('choose a dead horse without any embroidery')).toMatchObject({ choose: false, dead: false, horse: false, embroidery: true });
  });

  it('given a sentence saying the same with its own "without" in another clause than the rest, when checked, then it is met the same way round', () => {
    const s = supports(claimOf('choose a dead horse without any embroidery', opts), 'There are scores of dead horses on the field; choose one without any embroidery or insignia.', opts);
    expect(s.contradicted).toBe(false);
    expect(s.contrary).toBe(0);
    expect(s.share).toBe(1);
  });

  it('given a claim that the thing denied was had ("with embroidery"), when checked against "without any embroidery", then it is said the other way round', () => {
    const s = supports(claimOf('choose a horse with embroidery', opts), 'Choose a horse without any embroidery.', opts);
    expect(s.contrary).toBeGreaterThan(0);
  });

  it('given "left without saying goodbye", when "he said goodbye" is checked, then it is said the other way round, and "he left" is met', () => {
    expect(supports(claimOf('he said goodbye', opts), 'He left without saying goodbye.', opts).contrary).toBeGreaterThan(0);
    const left = supports(claimOf('he left the house', opts), 'He left the house without saying goodbye.', opts);
    expect(left.contrary).toBe(0);
    expect(left.share).toBe(1);
  });
});
