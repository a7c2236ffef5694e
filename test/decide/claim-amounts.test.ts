/**
 * Round 15 (who13): "a"/"an" counts one of what follows ("a dollar", "in an hour"), so a claim that counts the same
 * thing otherwise ("five dollars") or gives another length of time ("in an hour" / "in five minutes") says otherwise.
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

describe('amounts with an article', () => {
  it('given "five dollars" against "a dollar", when checked, then the sentence says otherwise', () => {
    expect(check('they each got five dollars', "We've each got a dollar, and the army wouldn't be much helped by our giving that.").contrary).toBeGreaterThan(0);
    expect(check('they each got a dollar', "We've each got a dollar.").contrary).toBe(0);
  });

  it('given "in an hour" against "in five minutes", when checked, then the sentence says otherwise; the same length does not', () => {
    expect(check('the food would be on the table in an hour', 'It shall all be on table in five minutes.').contrary).toBeGreaterThan(0);
    expect(check('the food would be on the table in five minutes', 'It shall all be on table in five minutes.').contrary).toBe(0);
    expect(check('they talked for an hour', 'They talked for sixty minutes.').contrary).toBe(0);
  });
});
