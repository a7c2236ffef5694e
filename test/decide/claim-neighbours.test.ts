/**
 * A claim word is met by a sentence word near it in its own neighbourhood of the word vectors: each among the other's
 * NEIGHBOURS nearest words in the vocabulary, with the same inflection, even under the fixed cosine floor.
 */
import { describe, expect, it } from 'vitest';
import { CLAIM_SOFT_FLOOR, NEIGHBOURS, claimOf, meetsClaim, supports, type ClaimOptions } from '../../src/decide/claim.js';
import { loadLexicon } from '../../src/decide/lexicon.js';
import { loadWordVectors } from '../../src/embed/word-vectors.js';
import { ROOT } from '../helpers/paths.js';

const vectors = loadWordVectors({ root: ROOT });
const lexicon = loadLexicon();
const opts: ClaimOptions = { weight: () => 1, vectors, lexicon: () => lexicon };
const check = (claim: string, sentence: string) => supports(claimOf(claim, opts), sentence, opts);

const KUZNETSOVA = '"I felt colossal pressure. But if I was playing that rubber in the year 2004, I think I would feel really tight and jittery," she told the Fed Cup website.';
const OFFER = 'According to Hirsch\'s lawyer Robert Offer, he consumed an "enormous amount of alcohol that night" and has since checked himself into an alcohol rehabilitation facility.';
const SERENA = '"Venus has had a great week, and honestly, if she hadn\'t had to play so many matches, it would have been a much tougher match," Serena Williams said after comfortably beating her older sibling on Saturday.';

describe('words near each other in their own neighbourhood', () => {
  it('given a claim word under the cosine floor that is among its sentence word\'s nearest and the other way round ("enormous" / "colossal"), when checked, then it is met', () => {
    const cos = vectors.similarity('enormous', 'colossal');
    expect(cos).toBeLessThan(CLAIM_SOFT_FLOOR);
    expect(vectors.amongNearest('enormous', 'colossal', NEIGHBOURS) && vectors.amongNearest('colossal', 'enormous', NEIGHBOURS)).toBe(true);
    const s = check('she felt enormous pressure', KUZNETSOVA);
    expect(s.missing).toEqual([]);
    expect(meetsClaim(s)).toBe(true);
  });

  it('given a past form for a past form ("drank" / "consumed"), when checked, then the verb is met', () => {
    expect(vectors.similarity('drank', 'consumed')).toBeLessThan(CLAIM_SOFT_FLOOR);
    expect(check('he drank an enormous amount of alcohol', OFFER).missing).toEqual([]);
  });

  it('given mutual neighbours of another inflection ("opponent" / "beating": one topic, not one meaning), when checked, then the claim word stays missing', () => {
    expect(vectors.amongNearest('opponent', 'beating', NEIGHBOURS) && vectors.amongNearest('beating', 'opponent', NEIGHBOURS)).toBe(true);
    expect(check('Wozniacki was the toughest opponent of the week', SERENA).missing).toContain('opponent');
  });

  it('given words of one inflection far apart in their neighbourhoods although their cosine is that of a paraphrase ("stop" / "even"), when checked, then the word stays missing', () => {
    const cos = vectors.similarity('stop', 'even');
    expect(cos).toBeGreaterThan(vectors.similarity('satisfying', 'gratifying'));
    expect(cos).toBeLessThan(CLAIM_SOFT_FLOOR);
    expect(vectors.amongNearest('stop', 'even', NEIGHBOURS)).toBe(false);
    expect(check('the talks should stop', 'The talks went on even after the deadline.').missing).toContain('stop');
  });
});
