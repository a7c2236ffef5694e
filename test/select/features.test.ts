import { describe, expect, it } from 'vitest';
import { questionTerms, sentenceFeatures } from '../../src/select/features.js';
import { entitiesOf } from '../../src/select/entities.js';
import type { TermStats } from '../../src/select/idf.js';
import { fitLogistic, fitSentenceModel, type Question } from '../../src/select/fit.js';
import { termStats } from '../../src/select/idf.js';
import { probability } from '../../src/select/model.js';

const stats: TermStats = { idf: (t) => (t === 'annan' ? 0.5 : 2), maxIdf: 3, known: (t) => t !== 'nato', unseen: () => 3 };
const s = (text: string, rank = 1) => ({ text, near: '', paragraphTerms: new Set<string>(), rank });

describe('sentence features', () => {
  it('given a sentence with all of the question\'s words, then its coverage is 1; with the rarer half missing, less than half', () => {
    const q = questionTerms('When did the high-level meetings begin?', stats, 'date');
    expect(sentenceFeatures(q, s('High-level meetings began in 1994.'), stats).cov).toBeGreaterThan(0.3);
    const all = questionTerms('meetings began', stats, null);
    expect(sentenceFeatures(all, s('The meetings began in 1994.'), stats).cov).toBe(1);
  });

  it('given a "when" question, then a sentence with a year has the type and one without has not', () => {
    const q = questionTerms('When did the meetings begin?', stats, 'date');
    expect(sentenceFeatures(q, s('The meetings began in 1994.'), stats)).toMatchObject({ typeHit: 1, typeMiss: 0 });
    expect(sentenceFeatures(q, s('The meetings began slowly.'), stats)).toMatchObject({ typeHit: 0, typeMiss: 1 });
  });

  it('given "what year" or "how many", then only a year or a count is the asked-for answer (not a weekday, not an ordinal)', () => {
    const year = questionTerms('What year did the meetings begin?', stats, 'date');
    expect(sentenceFeatures(year, s('The meetings began in 1994.'), stats).typeHit).toBe(1);
    expect(sentenceFeatures(year, s('The meetings began on Wednesday.'), stats).typeHit).toBe(0);
    expect(sentenceFeatures(questionTerms('When did the meetings begin?', stats, 'date'), s('The meetings began on Wednesday.'), stats).typeHit).toBe(1);
    const count = questionTerms('How many organizations came?', stats, 'number');
    expect(sentenceFeatures(count, s('More than 20 organizations came.'), stats).typeHit).toBe(1);
    expect(sentenceFeatures(count, s('It was the seventh meeting of organizations.'), stats).typeHit).toBe(0);
  });

  it('given "how many people …", then "people" is what is counted, not a word the sentence must hold; elsewhere it stays', () => {
    for (const q of ['How many people did he wound?', 'how many ppl did he wound']) expect(questionTerms(q, stats, 'number').terms, q).toEqual(questionTerms('How many did he wound?', stats, 'number').terms);
    expect(questionTerms('Which people did he wound?', stats, 'agent').terms).toContain(questionTerms('people', stats, null).terms[0]);
    const q = questionTerms('How many people did he wound?', stats, 'number');
    expect(sentenceFeatures(q, s('He also wounded two other family members.'), stats).cov).toBe(1);
  });

  it('given "what year …", then a sentence with a year meets the word "year" though it never says it; one without a year does not', () => {
    const q = questionTerms('What year was the charity set up?', stats, 'date');
    const withYear = sentenceFeatures(q, s('In 1998, Gupta set up the charity.'), stats);
    const noYear = sentenceFeatures(q, s('Gupta set up the charity on a Monday.'), stats);
    expect(withYear.cov).toBe(1);
    expect(withYear.missMax).toBe(0);
    expect(noYear.cov).toBeLessThan(1);
    expect(noYear.missMax).toBeGreaterThan(0);
  });

  it('given "which network …" or "which city …", then a capitalised run does not meet the word "network" or "city" (both kinds are tagged too loosely)', () => {
    const q = questionTerms('Which network aired the show?', stats, 'organization');
    expect(sentenceFeatures(q, s('The show was aired from Westfield every week.'), stats).cov).toBeLessThan(1);
    const city = questionTerms('Which city is the university in?', stats, 'place');
    expect(sentenceFeatures(city, s('The university is a private research university in Pittsburgh, Pennsylvania.'), stats).cov).toBeLessThan(1);
  });

  it('given a "who" question, then a name that is only the question\'s own word does not count as the answer', () => {
    const q = questionTerms('Who did Annan speak to?', stats, 'agent');
    expect(sentenceFeatures(q, s('Annan spoke at length.'), stats).typeHit).toBe(0);
    expect(sentenceFeatures(q, s('Annan spoke to the African Union.'), stats).typeHit).toBe(1);
  });

  it('given a question word the document never uses, then it counts as out of vocabulary', () => {
    const q = questionTerms('Should NATO be disbanded?', stats, null);
    expect(sentenceFeatures(q, s('NATO was there.'), stats).oov).toBeGreaterThan(0);
  });

  it('given a question word whose family the sentence holds ("marry" ~ "marriage"), then the family share counts it; an unrelated sentence gets none', () => {
    const q = questionTerms('Who did Emma marry?', stats, 'agent');
    const f = sentenceFeatures(q, s('the marriage of Emma and King Ethelred'), stats);
    expect(f.cov).toBeLessThan(1);
    expect(f.prefix).toBeGreaterThan(0);
    expect(sentenceFeatures(q, s('Emma stayed in Normandy.'), stats).prefix).toBe(0);
  });

  it('given a common English word and a rare one the document never uses, then the common one weighs less in the question', () => {
    const ranks: Record<string, number> = { main: 300, wolfson: 48_000 };
    const own = termStats({ chunks: [{ docId: 'd', start: 0, end: 30 }] as never, docById: new Map([['d', { text: 'The two principal challenges.' }]]) as never }, { rank: (w) => ranks[w] });
    expect(own.unseen('main')).toBeLessThan(own.unseen('Wolfson'));
    expect(own.unseen('Wolfson')).toBeCloseTo(own.maxIdf, 1);
    expect(own.unseen('xqzvw')).toBe(own.maxIdf);
    const q = questionTerms('What are the two main challenges?', own, null);
    expect(sentenceFeatures(q, s('The two principal challenges.'), own).cov).toBeGreaterThan(sentenceFeatures(questionTerms('What are the two Wolfson challenges?', own, null), s('The two principal challenges.'), own).cov);
  });

  it('given adjacent question words in the same order, then the bigram share rises', () => {
    const q = questionTerms('division of labour', stats, null);
    expect(sentenceFeatures(q, s('a truly effective division of labour'), stats).bigram).toBe(1);
    expect(sentenceFeatures(q, s('labour and its division'), stats).bigram).toBe(0);
  });
});

describe('entities', () => {
  it('given a sentence, then years, ordinals and names are tagged', () => {
    expect(entitiesOf('High-level meetings began in 1994.').date).toContain('1994');
    expect(entitiesOf('Today’s talks formed the seventh High-Level Meeting.').ordinal).toContain('seventh');
    expect(entitiesOf('He addressed the African Union and NATO.').organization?.join(' ')).toMatch(/African Union/);
  });
});

describe('the sentence model', () => {
  it('given examples where coverage separates answers from non-answers, when fitted, then coverage gets a positive weight and ranks them', () => {
    const zero = { cov: 0, covNear: 0, covPara: 0, bigram: 0, missMax: 0, missKnown: 0, oov: 0, typeHit: 0, typeMiss: 0, typeNear: 0, rankInv: 1, shortQ: 0.2, novel: 0.5, prefix: 0, softOov: 0, softKnown: 0 };
    const examples = Array.from({ length: 200 }, (_, i) => {
      const cov = (i % 10) / 10;
      return { f: { ...zero, cov }, y: (cov > 0.55 ? 1 : 0) as 0 | 1 };
    });
    const w = fitLogistic(examples, { features: ['cov'] });
    expect(w.w.cov).toBeGreaterThan(0);
    expect(probability({ ...zero, cov: 0.9 }, w)).toBeGreaterThan(0.5);
    expect(probability({ ...zero, cov: 0.1 }, w)).toBeLessThan(0.5);
  });

  it('given questions whose near misses cover more of the question but lack the answer type, when fitted per question, then the gold sentence ranks first in each', () => {
    const zero = { cov: 0, covNear: 0, covPara: 0, bigram: 0, missMax: 0, missKnown: 0, oov: 0, typeHit: 0, typeMiss: 0, typeNear: 0, rankInv: 1, shortQ: 0.2, novel: 0.5, prefix: 0, softOov: 0, softKnown: 0 };
    // Each question: one gold sentence (coverage c, with the type), one near miss (coverage c + 0.1, no type), many far ones.
    const questions: Question[] = Array.from({ length: 60 }, (_, i) => {
      const c = 0.4 + (i % 5) / 10;
      return [
        { f: { ...zero, cov: c, typeHit: 1 }, y: 1 },
        { f: { ...zero, cov: c + 0.1, typeMiss: 1 }, y: 0 },
        // Far ones hold the type as often as not: in bulk, the type says little.
        ...Array.from({ length: 20 }, (_, j) => ({ f: { ...zero, cov: (j % 4) / 10, typeHit: j % 2, typeMiss: 1 - (j % 2) }, y: 0 as const })),
      ];
    });
    const w = fitSentenceModel(questions, { features: ['cov', 'typeHit'] });
    for (const q of questions) {
      const best = q.reduce((a, b) => (probability(b.f, w) > probability(a.f, w) ? b : a));
      expect(best.y).toBe(1);
    }
  });
});
