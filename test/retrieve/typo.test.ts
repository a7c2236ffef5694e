/**
 * Typo tolerance toward the document's own vocabulary, on the shipped default
 * document: misspelled names and words map to what the document says; real
 * words (in the document or in the lexicon) are never "corrected".
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTypoCorrector, documentVocabulary, maxEdits, osa } from '../../src/retrieve/typo.js';
import { loadWordVectors } from '../../src/embed/word-vectors.js';

const root = path.resolve(import.meta.dirname, '../..');
const text = fs.readFileSync(path.join(root, 'documents/un-news-annan-regional-cooperation.txt'), 'utf8');
const paragraphs = text.split(/\n\s*\n/);
const vocab = documentVocabulary(paragraphs);
const lexicon = loadWordVectors({ root });
const fix = createTypoCorrector(vocab, { isWord: lexicon.isWord });

describe('typo correction toward the document vocabulary', () => {
  it('given the document, then names are recognised as names', () => {
    expect(vocab.get('annan')?.name).toBe(true);
    expect(vocab.get('council')?.df).toBeGreaterThan(0);
  });

  it('given a misspelled name or word, when corrected, then it becomes the document word', () => {
    expect(fix.correct('Anan')).toMatchObject({ to: 'annan', term: 'annan', distance: 1 });
    expect(fix.correct('councel')).toMatchObject({ to: 'council', distance: 1 });
    expect(fix.correct('cooperaton')?.to).toBe('cooperation');
    expect(fix.correct('multilaterism')).toBeNull(); // already the same stem as "multilateralism": BM25 finds it as is
    expect(fix.correct('secuirty')?.to).toBe('security'); // a swap
  });

  it('given a typo equally close to a name and to a commoner word, then the name wins', () => {
    const v = documentVocabulary(['Then Mara spoke.', 'The mark was high.', 'The mark fell.', 'The mark rose.']);
    expect(v.get('mara')).toMatchObject({ name: true, df: 1 });
    expect(v.get('mark')).toMatchObject({ name: false, df: 3 });
    expect(createTypoCorrector(v).correct('Maro')?.to).toBe('mara');
  });

  it('given a word the document already uses (any form), then nothing is corrected', () => {
    expect(fix.correct('Annan')).toBeNull();
    expect(fix.correct('councils')).toBeNull();
    expect(fix.correct('labor')).toBeNull(); // the document says "labour"
  });

  it('given a correct rare English word the document lacks, then it is NOT corrected', () => {
    // "notions" is one edit from the document's "nations", "rational" from "national": real words stay as they are.
    expect(fix.correct('notions')).toBeNull();
    expect(fix.correct('rational')).toBeNull();
    expect(fix.correct('seriously')).toBeNull();
    expect(fix.correct('clarify')).toBeNull();
    // Without the lexicon the same word would be pulled to the document's word: the guard is what stops it.
    expect(createTypoCorrector(vocab).correct('notions')?.to).toBe('nations');
  });

  it('given short words or far-off words, then nothing is corrected', () => {
    expect(fix.correct('NATA')).toMatchObject({ to: 'nato' }); // 4 letters: 1 edit allowed
    expect(fix.correct('UM')).toBeNull(); // too short to guess
    expect(fix.correct('Zzyzx')).toBeNull();
    expect(maxEdits(3)).toBe(0);
    expect(maxEdits(7)).toBe(1);
    expect(maxEdits(8)).toBe(2);
  });

  it('given a question with typos, when the text is corrected, then only the typos change', () => {
    const r = fix.correctText('What did Anan tell the councel on Wednesday?');
    expect(r.text).toBe('What did annan tell the council on Wednesday?');
    expect(r.corrections.map((c) => c.from)).toEqual(['Anan', 'councel']);
  });

  it('given a negation typed without its apostrophe ("wont", "didnt"), when corrected, then it stays a negation (not "won")', () => {
    const wont = createTypoCorrector(documentVocabulary(['He won two Emmys and did not stop.']), { isWord: () => false });
    expect(wont.correct('wont')).toBeNull();
    expect(wont.correct('didnt')).toBeNull();
    expect(wont.correct('wonn')?.to).toBe('won');
  });

  it('given a final g dropped in chat ("livin", "drivin"), when corrected, then the -ing word the lexicon knows is read', () => {
    expect(fix.correct('livin')).toMatchObject({ to: 'living', term: 'live' });
    expect(fix.correctText('where was he Drivin to').text).toBe('where was he Driving to');
    // A word that is itself English stays ("cabin", "within"), and "ahed" is no dropped g.
    expect(fix.correct('cabin')).toBeNull();
    expect(fix.correct('within')).toBeNull();
    expect(createTypoCorrector(vocab).correct('livin')).toBeNull(); // no lexicon: nothing to know "living" by
  });

  it('osa counts a transposition as one edit and stops past the bound', () => {
    expect(osa('councel', 'council', 2)).toBe(1);
    expect(osa('ab', 'ba', 1)).toBe(1);
    expect(osa('kitten', 'sitting', 1)).toBe(2);
    expect(osa('abc', 'abc', 0)).toBe(0);
  });
});
