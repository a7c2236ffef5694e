/**
 * The signals that say how well one sentence answers a question. Each is a
 * number, mostly in 0..1; `model.ts` combines them into one probability,
 * with weights fitted on data by `npm run calibrate -- --fit`.
 */
import { term, terms, wordTerms } from '../retrieve/terms.js';
import { typeNounKind, type AnswerType } from '../understand/answer-type.js';
import { typeNear } from './answer-evidence.js';
import { candidatesOfType, entitiesOf } from './entities.js';
import type { TermStats } from './idf.js';

/**
 * A request about a topic — "quote the passage about X", or "what else?" after an answer — is met by a
 * sentence that covers this share of the topic's words (with its neighbours), not only by one that
 * would answer a question alone.
 */
export const TOPIC_RELEVANCE = 0.5;

export const FEATURES = ['cov', 'covNear', 'covPara', 'bigram', 'missMax', 'missKnown', 'oov', 'typeHit', 'typeMiss', 'typeNear', 'rankInv', 'shortQ', 'novel', 'prefix', 'softOov', 'softKnown'] as const;
export type FeatureName = (typeof FEATURES)[number];
export type Features = Record<FeatureName, number>;

/** The question, analysed once for all its candidate sentences. */
export interface QuestionTerms {
  terms: string[];
  /** Adjacent content-term pairs, in order ("division labour"). */
  bigrams: Set<string>;
  /** Each term's weight: its IDF, or for a term the documents never use, {@link TermStats.unseen} of its word. */
  idf: Map<string, number>;
  weight: number;
  type: AnswerType | null;
  /** A narrower kind of the type the question names: a year ("what year…"), a count ("how many…"). */
  precise?: 'year' | 'count';
  /** The word that names the kind of answer ("city" in "which city…"), as a term, and its kind: met by an entity of that kind. */
  typeTerm?: { term: string; kind: Exclude<AnswerType, 'agent' | 'ordinal'> };
}

/**
 * The entities that meet the word naming the kind of answer ("what year", "what's the name of", "which person"):
 * years and dates, numbers, titles, people. Not places or organisations: any capitalised run after "in" or "at" is
 * tagged a place and any other one an organisation, so "which city…" or "which network…" would be met by nearly every
 * sentence of a story (on the natural sets each cost an off-topic refusal; places named by compromise alone too).
 */
function metBy(kind: Exclude<AnswerType, 'agent' | 'ordinal'>, text: string): string[] {
  return kind === 'place' || kind === 'organization' ? [] : (entitiesOf(text)[kind] ?? []);
}

const YEAR = /\b(?:1[0-9]{3}|20[0-9]{2})s?\b/;
const ORDINAL_ONLY = /^(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d+(?:st|nd|rd|th))$/i;
const precision = (text: string, type: AnswerType | null): QuestionTerms['precise'] =>
  type === 'date' && /\b(?:what|which|in what|the) years?\b/i.test(text) ? 'year' : type === 'number' && /\bhow many\b/i.test(text) ? 'count' : undefined;

/** "How many people …": the people are what is counted ("wounded two other family members", "five were killed"), not a word the answer repeats. */
const COUNTED_PEOPLE = /\b(how\s+many\s+)(?:people|ppl|persons)\b/giu;

export function questionTerms(text: string, stats: TermStats, type: AnswerType | null): QuestionTerms {
  const seq: string[] = [];
  const idf = new Map<string, number>();
  const precise = precision(text, type);
  for (const { word: w, term: t } of wordTerms(precise === 'count' ? text.replace(COUNTED_PEOPLE, '$1') : text)) {
    seq.push(t);
    if (!idf.has(t)) idf.set(t, stats.known(t) ? stats.idf(t) : stats.unseen(w));
  }
  const uniq = [...idf.keys()];
  const bigrams = new Set<string>();
  for (let i = 1; i < seq.length; i++) bigrams.add(`${seq[i - 1]} ${seq[i]}`);
  const noun = type ? typeNounKind(text) : null;
  const nounTerm = noun ? term(noun.word) : null;
  const typeTerm = noun && nounTerm && idf.has(nounTerm) ? { term: nounTerm, kind: noun.kind } : undefined;
  return { terms: uniq, bigrams, idf, weight: uniq.reduce((a, t) => a + idf.get(t)!, 0) || 1, type, precise, ...(typeTerm ? { typeTerm } : {}) };
}

export interface SentenceText {
  text: string;
  /** Neighbouring sentences in the paragraph and the names its pronouns stand for. */
  near: string;
  /** The terms of the sentence's whole paragraph (shared by its sentences). */
  paragraphTerms: ReadonlySet<string>;
  rank: number;
  /** What soft (semantic) matching adds beyond exact matches, when a semantic signal is available. */
  soft?: { oov: number; known: number };
}

const share = (q: QuestionTerms, has: (t: string) => boolean) => q.terms.reduce((a, t) => a + (has(t) ? q.idf.get(t)! : 0), 0) / q.weight;

/** Shortest common beginning for two terms to count as one word's family ("marri"/"marriag", "prospect"/"prospector"). */
const FAMILY_PREFIX = 5;
const family = (a: string, b: string) => a.length >= FAMILY_PREFIX && b.length >= FAMILY_PREFIX && a.slice(0, FAMILY_PREFIX) === b.slice(0, FAMILY_PREFIX);

/**
 * @example
 * const q = questionTerms('When did the meetings begin?', stats, 'date');
 * sentenceFeatures(q, { text: 'Meetings began in 1994.', near: '', paragraphTerms: new Set(), rank: 1 }, stats).typeHit; // 1
 */
/** A sentence's terms, in order and as sets (its own, and with its neighbours'): the same for every question. */
interface SentenceTerms {
  seq: string[];
  own: Set<string>;
  near: Set<string>;
}
const sentenceMemo = new Map<string, Map<string, SentenceTerms>>();
const SENTENCE_MEMO_MAX = 20_000;

/** Remembered per sentence (bounded): every question that reads it shares them. Callers must not mutate them. */
export function sentenceTerms(text: string, nearText: string): SentenceTerms {
  let byNear = sentenceMemo.get(text);
  const hit = byNear?.get(nearText);
  if (hit) return hit;
  const seq = terms(text);
  const own = new Set(seq);
  const near = new Set(seq);
  for (const t of terms(nearText)) near.add(t);
  if (!byNear) {
    if (sentenceMemo.size >= SENTENCE_MEMO_MAX) sentenceMemo.clear();
    sentenceMemo.set(text, (byNear = new Map()));
  }
  const out = { seq, own, near };
  byNear.set(nearText, out);
  return out;
}

export function sentenceFeatures(q: QuestionTerms, s: SentenceText, stats: TermStats): Features {
  const { seq, own, near } = sentenceTerms(s.text, s.near);
  const qset = new Set(q.terms);
  let typeHit = 0;
  let beside = 0;
  let met: string | null = null;
  if (q.type) {
    // An entity of the asked-for type that is not just the question's own words.
    // "What year…" is answered by a year, not "Wednesday"; "how many…" by a count, not "the seventh".
    const accepts = (e: string) => {
      if ((q.precise === 'year' && !YEAR.test(e)) || (q.precise === 'count' && ORDINAL_ONLY.test(e))) return false;
      const ts = terms(e);
      return ts.length === 0 ? /\d/.test(e) : ts.some((t) => !qset.has(t));
    };
    typeHit = candidatesOfType(s.text, q.type).some(accepts) ? 1 : 0;
    // ...and standing beside the question's words (./answer-evidence.ts).
    beside = typeHit ? typeNear(qset, q.type, s.text, accepts) : 0;
    // The word naming the kind of answer ("what year…") is met by an entity of exactly that kind ("In 1998").
    if (typeHit && q.typeTerm && metBy(q.typeTerm.kind, s.text).some(accepts)) met = q.typeTerm.term;
  }
  const inOwn = (t: string) => own.has(t) || t === met;
  const inNear = (t: string) => near.has(t) || t === met;
  const inPara = (t: string) => inNear(t) || s.paragraphTerms.has(t);
  let bigramHits = 0;
  for (let i = 1; i < seq.length; i++) if (q.bigrams.has(`${seq[i - 1]} ${seq[i]}`)) bigramHits++;
  const missing = q.terms.filter((t) => !inNear(t));
  const missMax = missing.reduce((m, t) => Math.max(m, q.idf.get(t)!), 0) / (stats.maxIdf || 1);
  // A missing word the document uses elsewhere points to another passage; one it never uses may be a paraphrase.
  const missKnown = missing.filter((t) => stats.known(t)).reduce((m, t) => Math.max(m, stats.idf(t)), 0) / (stats.maxIdf || 1);
  const oov = share(q, (t) => !stats.known(t) && t !== met);
  const novel = seq.length ? seq.filter((t) => !qset.has(t)).length / seq.length : 0;
  return {
    cov: share(q, inOwn),
    covNear: share(q, inNear),
    covPara: share(q, inPara),
    bigram: q.bigrams.size ? Math.min(1, bigramHits / q.bigrams.size) : 0,
    missMax,
    missKnown,
    oov,
    typeHit,
    typeMiss: q.type && !typeHit ? 1 : 0,
    typeNear: beside,
    rankInv: 1 / Math.max(1, s.rank),
    shortQ: 1 / Math.max(1, q.terms.length),
    novel,
    // A missing word whose family the sentence holds ("marry" ~ "marriage", which the stemmer keeps apart).
    prefix: share(q, (t) => !inOwn(t) && seq.some((x) => family(t, x))),
    softOov: s.soft?.oov ?? 0,
    softKnown: s.soft?.known ?? 0,
  };
}
