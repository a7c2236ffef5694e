/**
 * Round 15 (who13): a quotation its attribution breaks mid-sentence (“I have never understood,” said Bernard, “why you
 * insist …”) is checked as the one sentence it is, so a negation in its first part holds where the claim's does.
 */
import { describe, expect, it } from 'vitest';
import { claimOf, supports, unbroken, type ClaimOptions } from '../../src/decide/claim.js';
import { loadLexicon } from '../../src/decide/lexicon.js';
import { loadWordVectors } from '../../src/embed/word-vectors.js';
import { ROOT } from '../helpers/paths.js';

const vectors = loadWordVectors({ root: ROOT });
const lexicon = loadLexicon();
const opts: ClaimOptions = { weight: () => 1, vectors, lexicon: () => lexicon };

describe('a quotation broken by its attribution', () => {
  it('given a quotation that goes on in lower case after "said Bernard,", when joined, then it reads as one sentence', () => {
    expect(unbroken('"I have never understood," said Bernard, "why you insist upon ignoring that charming incident."')).toBe('"I have never understood why you insist upon ignoring that charming incident."');
    expect(unbroken('‘A man,’ said Mr. Grewgious, with his usual air of repeating a lesson, ‘cannot have his rest broken.’')).toBe('‘A man cannot have his rest broken.’');
    expect(unbroken('"It was a revelation," Barchi said a few weeks later, "that the response could swamp everything."')).toBe('"It was a revelation that the response could swamp everything."');
  });

  it('given a new sentence after the attribution, when joined, then it stays apart', () => {
    for (const t of ['"We must act," he said, "And now."', '"Don\'t move," he said. "You were just in the position."']) expect(unbroken(t)).toBe(t);
  });

  it('given a claim negated as a whole and the broken quotation negated in its first part, when checked through claimCheck, then it is not said the other way round', async () => {
    const { claimCheck } = await import('../../src/decide/claim.js');
    const text = '"I have never understood," said Bernard, "why you insist upon ignoring that charming incident."';
    const check = claimCheck({ kind: 'who-said', about: 'he never understood why she insists on ignoring that charming incident' }, opts)!;
    const s = check({ doc: { id: 'd', text }, start: 0, end: text.length, attribution: { speaker: 'Bernard' } });
    expect(s.contradicted).toBe(false);
    expect(s.contrary).toBe(0);
    // Read as written, the "why" part is said without "never": the other way round from the claim.
    expect(supports(claimOf('he never understood why she insists on ignoring that charming incident', opts), text, opts).contrary).toBeGreaterThan(0);
  });
});
