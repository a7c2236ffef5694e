/**
 * Round 9 (nat6): what a natural question's answer looks like — ages, lengths of time, ordinals, filler — and whom a "he"/"she" can stand for.
 */
import { describe, expect, it } from 'vitest';
import { questionTerms, sentenceFeatures } from '../../src/select/features.js';
import { nameGender, pronounGender, sentenceContext } from '../../src/select/context.js';
import type { TermStats } from '../../src/select/idf.js';
import type { StoredDocument } from '../../src/types.js';
import { buildDocument } from '../../src/ingest/document.js';
import { answerType } from '../../src/understand/answer-type.js';

const stats: TermStats = { idf: () => 2, maxIdf: 3, known: () => true, unseen: () => 3 };
const s = (text: string) => ({ text, near: '', paragraphTerms: new Set<string>(), rank: 1 });

describe('precise kinds of number', () => {
  it('given "how old", then an age answers and another number does not', () => {
    const q = questionTerms('How old was his father?', stats, 'number');
    expect(sentenceFeatures(q, s('He thanked his 72-year-old father.'), stats).typeHit).toBe(1);
    expect(sentenceFeatures(q, s('Jack Klugman died Monday. He was 90.'), stats).typeHit).toBe(1);
    expect(sentenceFeatures(q, s('Philip Markoff, 23, a student, is charged.'), stats).typeHit).toBe(1);
    expect(sentenceFeatures(q, s('His father won four titles in 1963.'), stats).typeHit).toBe(0);
  });

  it('given "how long", then a length of time answers and a bare count does not', () => {
    const q = questionTerms('How long is his prison sentence?', stats, 'number');
    expect(sentenceFeatures(q, s('He is expected to get a one-year prison sentence.'), stats).typeHit).toBe(1);
    expect(sentenceFeatures(q, s('He starred in the show from 1976 to 1983.'), stats).typeHit).toBe(1);
    expect(sentenceFeatures(q, s('He has two prison sentences.'), stats).typeHit).toBe(0);
  });

  it('given "how many", then "one" said in words is a count', () => {
    const q = questionTerms('How many guns did police find?', stats, 'number');
    expect(sentenceFeatures(q, s('Police found one pistol on the bus.'), stats).typeHit).toBe(1);
  });
});

describe('filler words in a question', () => {
  it('given "once" or "actually", then they are not terms a sentence must hold', () => {
    expect(questionTerms('Was she actually shot once?', stats, null).terms).toEqual(['shoot']);
  });
});

describe('ordinals', () => {
  it('given "what number meeting was this one", then an ordinal is asked for', () => {
    expect(answerType('what number meeting was this one')).toBe('ordinal');
  });
});

describe('whom "he" or "she" stands for', () => {
  it('given pronouns of one gender, then that gender; of both or none, then none', () => {
    expect(pronounGender('She said it was hard.')).toBe('female');
    expect(pronounGender('He told her so.')).toBeNull();
    expect(pronounGender('They left.')).toBeNull();
    expect(nameGender('Sally Mason', 'said Sally Mason')).toBe('female');
    expect(nameGender('Annan', 'Mr. Annan said')).toBe('male');
    expect(nameGender('Biven', 'Biven said')).toBeNull();
  });

  it('given "she" after a sentence naming a man first and then a woman, then she is the woman', () => {
    const text = 'Title\n\nThe building was designed by Stephen Holl and run by Sally Mason.\nShe said the art was saved.\n';
    const doc = buildDocument({ id: 'd', path: 'd', text }) as StoredDocument;
    const she = doc.sentences.find((x) => text.slice(x.start, x.end).startsWith('She'))!;
    expect(sentenceContext(doc, she.start, [])?.inherited).toBe('Sally Mason');
    const text2 = 'Title\n\nThe building was designed by Stephen Holl.\nShe said the art was saved.\n';
    const doc2 = buildDocument({ id: 'd2', path: 'd2', text: text2 }) as StoredDocument;
    const she2 = doc2.sentences.find((x) => text2.slice(x.start, x.end).startsWith('She'))!;
    expect(sentenceContext(doc2, she2.start, [])?.inherited ?? null).toBeNull();
  });
});
