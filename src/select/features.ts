/**
 * The signals that say how well one sentence answers a question. Each is a
 * number, mostly in 0..1; `model.ts` combines them into one probability,
 * with weights fitted on data by `npm run calibrate -- --fit`.
 */
import { terms } from '../retrieve/terms.js';
import type { AnswerType } from '../understand/answer-type.js';
import { candidatesOfType } from './entities.js';
import type { TermStats } from './idf.js';

export const FEATURES = ['cov', 'covNear', 'covPara', 'bigram', 'missMax', 'missKnown', 'oov', 'typeHit', 'typeMiss', 'rankInv', 'shortQ', 'novel', 'soft'] as const;
export type FeatureName = (typeof FEATURES)[number];
export type Features = Record<FeatureName, number>;

/** The question, analysed once for all its candidate sentences. */
export interface QuestionTerms {
  terms: string[];
  /** Adjacent content-term pairs, in order ("division labour"). */
  bigrams: Set<string>;
  weight: number;
  type: AnswerType | null;
}

export function questionTerms(text: string, stats: TermStats, type: AnswerType | null): QuestionTerms {
  const seq = terms(text);
  const uniq = [...new Set(seq)];
  const bigrams = new Set<string>();
  for (let i = 1; i < seq.length; i++) bigrams.add(`${seq[i - 1]} ${seq[i]}`);
  return { terms: uniq, bigrams, weight: uniq.reduce((a, t) => a + stats.idf(t), 0) || 1, type };
}

export interface SentenceText {
  text: string;
  /** Neighbouring sentences in the paragraph and the names its pronouns stand for. */
  near: string;
  /** The terms of the sentence's whole paragraph (shared by its sentences). */
  paragraphTerms: ReadonlySet<string>;
  rank: number;
  /** Soft (semantic) similarity to the question in 0..1, when a semantic signal is available. */
  soft?: number;
}

const share = (q: QuestionTerms, stats: TermStats, has: (t: string) => boolean) => q.terms.reduce((a, t) => a + (has(t) ? stats.idf(t) : 0), 0) / q.weight;

/**
 * @example
 * const q = questionTerms('When did the meetings begin?', stats, 'date');
 * sentenceFeatures(q, { text: 'Meetings began in 1994.', near: '', paragraphTerms: new Set(), rank: 1 }, stats).typeHit; // 1
 */
export function sentenceFeatures(q: QuestionTerms, s: SentenceText, stats: TermStats): Features {
  const seq = terms(s.text);
  const own = new Set(seq);
  const near = new Set(seq);
  for (const t of terms(s.near)) near.add(t);
  const inPara = (t: string) => near.has(t) || s.paragraphTerms.has(t);
  let bigramHits = 0;
  for (let i = 1; i < seq.length; i++) if (q.bigrams.has(`${seq[i - 1]} ${seq[i]}`)) bigramHits++;
  const missing = q.terms.filter((t) => !near.has(t));
  const missMax = missing.reduce((m, t) => Math.max(m, stats.idf(t)), 0) / (stats.maxIdf || 1);
  // A missing word the document uses elsewhere points to another passage; one it never uses may be a paraphrase.
  const missKnown = missing.filter((t) => stats.known(t)).reduce((m, t) => Math.max(m, stats.idf(t)), 0) / (stats.maxIdf || 1);
  const oov = q.terms.reduce((a, t) => a + (stats.known(t) ? 0 : stats.idf(t)), 0) / q.weight;
  const qset = new Set(q.terms);
  let typeHit = 0;
  if (q.type) {
    // An entity of the asked-for type that is not just the question's own words.
    typeHit = candidatesOfType(s.text, q.type).some((e) => {
      const ts = terms(e);
      return ts.length === 0 ? /\d/.test(e) : ts.some((t) => !qset.has(t));
    })
      ? 1
      : 0;
  }
  const novel = seq.length ? seq.filter((t) => !qset.has(t)).length / seq.length : 0;
  return {
    cov: share(q, stats, (t) => own.has(t)),
    covNear: share(q, stats, (t) => near.has(t)),
    covPara: share(q, stats, inPara),
    bigram: q.bigrams.size ? Math.min(1, bigramHits / q.bigrams.size) : 0,
    missMax,
    missKnown,
    oov,
    typeHit,
    typeMiss: q.type && !typeHit ? 1 : 0,
    rankInv: 1 / Math.max(1, s.rank),
    shortQ: 1 / Math.max(1, q.terms.length),
    novel,
    soft: s.soft ?? 0,
  };
}
