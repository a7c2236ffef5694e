import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanClaim } from '../../src/verify/claim.js';
import { differences } from '../../src/verify/differences.js';
import { exactSpans } from '../../src/verify/exact.js';
import { matchForm, normalizeStyle } from '../../src/verify/normalize.js';
import { verifyClaim } from '../../src/verify/verify.js';
import { corpus } from './helpers.js';

const { docs, quotations } = corpus();
const annan = docs[0]!;

describe('style normalisation', () => {
  it('given curly quotes, dashes and runs of whitespace, when normalised, then only they change and every character maps back to its source offset', () => {
    const src = '“We  need”\u00a0–\n‘now’ — can’t';
    const n = normalizeStyle(src);
    expect(n.text).toBe('"We need" - \'now\' - can\'t');
    for (let i = 0; i < n.text.length; i++) if (n.text[i] !== ' ') expect(matchForm(src[n.map[i]!]!).text).toBe(matchForm(n.text[i]!).text);
    expect(n.map[n.text.length]).toBe(src.length);
    expect(normalizeStyle('We Need… ok.').text).toBe('We Need… ok.'); // case, ellipsis, punctuation untouched
    expect(matchForm('‘a’ “b”').text).toBe('"a" "b"');
  });
});

describe('exact', () => {
  it('given the words with straight quotes, hyphens and extra spaces, when looked up, then the source offsets hold the document’s own characters', () => {
    const [s] = exactSpans(annan, 'joint action - rather than   polarized initiatives - bridge');
    expect(annan.text.slice(s!.start, s!.end)).toBe('joint action – rather than polarized initiatives – bridge');
  });

  it('given part of a word, when looked up, then it is not found (whole words only)', () => {
    expect(exactSpans(annan, 'e need to ensure')).toEqual([]);
    expect(exactSpans(annan, 'We need to ensur')).toEqual([]);
  });

  it('given an exact quote, when verified, then it is cited verbatim at every offset with its speaker and no differences', () => {
    const v = verifyClaim('“We need to ensure that multilateralism and joint action - rather than polarized initiatives - bridge our efforts”', docs, quotations);
    expect(v.verdict).toBe('exact');
    expect(v.speaker).toBe('Kofi Annan');
    expect(v.differences).toEqual([]);
    expect(v.citations).toHaveLength(1);
    const c = v.citations[0]!;
    expect(c).toMatchObject({ doc: annan.id, paragraph: 2 });
    expect(annan.text.slice(c.start, c.end)).toBe(c.quote);
    expect(c.quote).toBe('We need to ensure that multilateralism and joint action – rather than polarized initiatives – bridge our efforts');
  });

  it('given narration, when verified exact, then no speaker is claimed', () => {
    const v = verifyClaim('the 15-member body also discussed', docs, quotations);
    expect(v.verdict).toBe('exact');
    expect(v.speaker).toBeNull();
  });
});

describe('close and not-found', () => {
  it('given a reworded quote, when verified, then close: the real words cited verbatim, the speaker, and a word-level diff', () => {
    const v = verifyClaim('We need to make sure that multilateralism and joint action', docs, quotations);
    expect(v.verdict).toBe('close');
    expect(v.citations[0]!.quote).toBe('We need to ensure that multilateralism and joint action');
    expect(annan.text.slice(v.citations[0]!.start, v.citations[0]!.end)).toBe(v.citations[0]!.quote);
    expect(v.speaker).toBe('Kofi Annan');
    expect(v.differences).toEqual([{ document: 'ensure', claim: 'make sure' }]);
  });

  it('given a case or punctuation change only, when verified, then it is close, never exact', () => {
    expect(verifyClaim('we need to ensure that multilateralism and joint action', docs, quotations).verdict).toBe('close');
    expect(verifyClaim('We have heard promises before and we have seen them broken', docs, quotations)).toMatchObject({ verdict: 'close', differences: [{ document: ',', claim: '' }] });
  });

  it('given an invented quote, when verified, then not-found, plainly, with no passage', () => {
    const v = verifyClaim('The United Nations has failed the world and must be dissolved', docs, quotations);
    expect(v).toMatchObject({ verdict: 'not-found', citations: [], speaker: null, differences: [] });
  });

  it('given a partly right quote, when verified, then not exact and the real words are shown with what differs', () => {
    const v = verifyClaim('Clinics are running out of supplies and doctors are leaving the country', docs, quotations);
    expect(v.verdict).not.toBe('exact');
    expect(v.citations[0]!.quote).toBe('Clinics are running out of supplies');
    expect(v.differences).toEqual([{ document: '', claim: 'and doctors are leaving the country' }]);
  });

  it('given any single-word change of an exact quote, when verified, then it is never called exact', () => {
    // Exact quotes: runs of 5–12 words from the default document's body sentences.
    const sentences = annan.sentences.filter((s) => s.paragraph > 0).map((s) => annan.text.slice(s.start, s.end).split(/\s+/));
    const edits = ['replace', 'delete', 'insert', 'case', 'plural', 'punct'] as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: sentences.length - 1 }),
        fc.nat(),
        fc.integer({ min: 5, max: 12 }),
        fc.nat(),
        fc.constantFrom(...edits),
        fc.constantFrom('not', 'never', 'people', 'Council', 'the', 'peace', 'war'),
        (si, startSeed, len, wordSeed, edit, other) => {
          const words = sentences[si]!;
          const n = Math.min(len, words.length);
          const start = startSeed % (words.length - n + 1);
          const quote = words.slice(start, start + n);
          expect(verifyClaim(quote.join(' '), [annan], quotations).verdict).toBe('exact');
          const k = wordSeed % quote.length;
          const w = quote[k]!;
          const changed = [...quote];
          if (edit === 'replace') changed[k] = w === other ? `${other}s` : other;
          else if (edit === 'delete') changed.splice(k, 1);
          else if (edit === 'insert') changed.splice(k, 0, other);
          else if (edit === 'case') changed[k] = w === w.toUpperCase() ? w.toLowerCase() : w.toUpperCase();
          else if (edit === 'plural') changed[k] = /s$/.test(w) ? w.slice(0, -1) : `${w}s`;
          else changed[k] = /[.,;:!?]$/.test(w) ? w.slice(0, -1) : `${w},`;
          const claim = changed.join(' ');
          fc.pre(claim !== quote.join(' ')); // "1994" has no case: no change
          // A change that happens to spell other words of the document is not a rewording of it (checked on the raw text).
          fc.pre(!annan.text.replace(/\s+/g, ' ').includes(claim));
          expect(verifyClaim(claim, [annan], quotations).verdict).not.toBe('exact');
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('claims people paste', () => {
  it('given a claim in quotation marks with invisible characters, when cleaned, then only the outer marks and the invisibles go', () => {
    expect(cleanClaim('  “We are rationing\u200b insulin,”  ')).toBe('We are rationing insulin,');
    expect(cleanClaim('"We can\'t wait"')).toBe("We can't wait");
    expect(cleanClaim("'We will cut emissions,' said Ms. Lopez")).toBe("'We will cut emissions,' said Ms. Lopez");
  });

  it('given nothing to check or too much, when cleaned, then a clear message, never a crash', () => {
    expect(() => cleanClaim(' “ ” ')).toThrow(/Paste the words to check/);
    expect(() => cleanClaim('a')).toThrow(/too short to check/);
    expect(() => cleanClaim(' “the” ')).toThrow(/too short to check/);
    expect(cleanClaim('NATO')).toBe('NATO');
    expect(cleanClaim('we can')).toBe('we can');
    expect(() => cleanClaim('x'.repeat(1001))).toThrow(/1,001 characters long; please check at most 1,000/);
  });

  it('given two texts, when differences are listed, then style is not a difference and words are', () => {
    expect(differences('“Clinics are running out of supplies.”', '"Clinics are running out of medicine."')).toEqual([{ document: 'supplies', claim: 'medicine' }]);
    expect(differences('joint action – rather', 'joint action - rather')).toEqual([]);
  });
});

describe('the README’s examples', () => {
  it('given the three claims the README shows, when verified against the default document, then exact, close with its two differences, and not found with nothing shown', () => {
    const exact = verifyClaim('We need to ensure that multilateralism and joint action - rather than polarized initiatives - bridge our efforts', [annan], quotations);
    expect(exact).toMatchObject({ verdict: 'exact', speaker: 'Kofi Annan', citations: [{ paragraph: 2 }] });
    const close = verifyClaim('There is a better understanding that we have to work together in a much more complicated world than ten years ago', [annan], quotations);
    expect(close).toMatchObject({ verdict: 'close', speaker: 'Kofi Annan', citations: [{ paragraph: 3, quote: 'There is a better recognition that we have to work together in a much more complicated world than a decade ago' }] });
    expect(close.differences).toEqual([
      { document: 'recognition', claim: 'understanding' },
      { document: 'a decade', claim: 'ten years' },
    ]);
    expect(verifyClaim('Regional organizations should stay out of peace and security', [annan], quotations)).toMatchObject({ verdict: 'not-found', citations: [] });
  });
});

describe('related, not found', () => {
  it('given a claim that shares a few words with a sentence, when verified, then not found with that whole sentence, verbatim, and what differs', () => {
    const v = verifyClaim('Nobody is hungry in the region', docs, quotations);
    expect(v.verdict).toBe('not-found');
    expect(v.citations.map((q) => q.quote)).toEqual(['Food insecurity is rising across the region.']);
    const doc = docs.find((d) => d.id === v.citations[0]!.doc)!;
    expect(doc.sentences.some((s) => s.start === v.citations[0]!.start && s.end === v.citations[0]!.end)).toBe(true);
    expect(v.differences.length).toBeGreaterThan(0);
  });
});
