/**
 * Round 13 (who11): word forms in the claim check — "going to" before a verb is the future, as "will"; a compound written as one word or as two ("drill pipe" / "drillpipe").
 */
import { describe, expect, it } from 'vitest';
import { claimOf, supports, type ClaimOptions } from '../../src/decide/claim.js';
import { loadLexicon } from '../../src/decide/lexicon.js';
import { loadWordVectors } from '../../src/embed/word-vectors.js';
import { ROOT } from '../helpers/paths.js';

const vectors = loadWordVectors({ root: ROOT });
const lexicon = loadLexicon();
const opts: ClaimOptions = { weight: () => 1, vectors, lexicon: () => lexicon };
const words = (claim: string) => claimOf(claim, opts).predicate.map((w) => w.word.toLowerCase());

describe('"going to" as the future', () => {
  it('given "is going to be executed", when read, then "going" is no word a sentence must hold and "will be executed" holds the claim', () => {
    expect(words('nadarkhani is going to be executed for rape')).not.toContain('going');
    const s = supports(claimOf('nadarkhani is going to be executed for rape', opts), 'Pastor Youcef Nadarkhani will be executed for several charges of rape, the agency reported.', opts);
    expect(s.missing).toEqual([]);
  });

  it('given "going to" before a place ("going to prison"), when read, then "going" stays a claim word', () => {
    expect(words('wayne is going to prison')).toContain('going');
  });
});

describe('a compound written as one word or as two', () => {
  it('given "drill pipe" in the claim and "drillpipe" in the sentence, when checked, then both claim words are held', () => {
    const s = supports(claimOf('they would sever the drill pipe', opts), 'We are bringing out equipment to sever the drillpipe, a BP advisor said.', opts);
    expect(s.missing).toEqual([]);
  });

  it('given "drillpipe" in the claim and "drill pipe" in the sentence, when checked, then the claim word is held', () => {
    const s = supports(claimOf('they would sever the drillpipe', opts), 'We are bringing out equipment to sever the drill pipe, a BP advisor said.', opts);
    expect(s.missing).toEqual([]);
  });
});
