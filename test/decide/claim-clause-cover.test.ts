/**
 * Round 17 (who15): how much of a clause a claim accounts for (`covered`) leaves out a named speaker's attribution
 * ("Brown explains …") and the words that carry nothing — fillers, placeholders and light verbs ("everyone", "come",
 * "again") — unless the claim holds them: a claim restating reported speech ("who told everybody to come again for
 * dinner?") need not repeat them.
 */
import { describe, expect, it } from 'vitest';
import { claimOf, saysClaim, supports, type ClaimOptions } from '../../src/decide/claim.js';
import { loadLexicon } from '../../src/decide/lexicon.js';
import { loadWordVectors } from '../../src/embed/word-vectors.js';
import { ROOT } from '../helpers/paths.js';

const vectors = loadWordVectors({ root: ROOT });
const lexicon = loadLexicon();
const opts: ClaimOptions = { weight: () => 1, vectors, lexicon: () => lexicon };
const check = (claim: string, sentence: string) => supports(claimOf(claim, opts), sentence, opts);

describe('words that carry nothing are no part of what a clause says', () => {
  it('given reported speech restated without its fillers, when checked, then its clause counts as covered and the sentence says the claim', () => {
    const s = check('told everybody to come again for dinner', 'Pam told everyone to come back for dinner again.');
    // Of "Pam", "everyone", "come", "back", "dinner", "again" only "Pam", "back" and "dinner" say anything.
    expect(s.features!.covered).toBeCloseTo(1 / 3);
    expect(saysClaim(s)).toBe(true);
  });

  it('given a clause of content words only, when checked, then every word of it counts', () => {
    expect(check('cooked dinner', 'Pam cooked dinner.').features!.covered).toBeCloseTo(2 / 3);
  });

  it('given a claim holding a filler the clause holds, when checked, then the word counts as the claim\'s', () => {
    expect(check('she shot him once', 'She shot him once.').features!.covered).toBe(1);
  });
});

describe('a named speaker\'s attribution is no part of what its clause says', () => {
  it('given reported speech by a named speaker restated whole, when checked, then the name and its verb of saying do not count against the claim', () => {
    expect(check('therapy helped him control his anger', 'Brown explains that therapy helped him control his anger.').features!.covered).toBe(1);
  });

  it('given a described speaker ("the singer explains …"), when checked, then the clause is read whole', () => {
    expect(check('therapy helped him control his anger', 'The singer explains that therapy helped him control his anger.').features!.covered).toBeLessThan(1);
  });
});
