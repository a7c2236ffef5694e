/**
 * The extractive answerer: picks the sentences that answer the question from
 * the retrieved passages and returns them as verbatim, cited quotations —
 * or refuses plainly when nothing answers. No LLM involved.
 */
import type { LoadedIndex } from '../index/store.js';
import { terms } from '../retrieve/terms.js';
import type { Answer, Attribution, Passage, Quotation, Quote, StoredDocument } from '../types.js';
import type { Resolved } from './followup.js';
import type { QuoteIntent } from './intent.js';
import { quoteAt } from './verify.js';
import { answerLead } from '../present/lead.js';

export interface ExtractiveOptions {
  maxQuotes: number;
  /** Below this sentence score the answer is a refusal (calibrated on data; see README). */
  threshold: number;
}

/** Document frequencies over chunks, for IDF weights. Build once per index. */
export interface TermStats {
  idf(term: string): number;
  /** Soft (word-vector) coverage of the question by a sentence, in [0, 1], when available (src/embed/word-vectors-match.ts). */
  soft?: ((question: string, sentence: string, idf: (t: string) => number) => number) | null;
}

export function termStats(index: LoadedIndex, soft?: TermStats['soft']): TermStats {
  const df = new Map<string, number>();
  for (const c of index.chunks) {
    const text = index.docById.get(c.docId)!.text.slice(c.start, c.end);
    for (const t of new Set(terms(text))) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const n = Math.max(1, index.chunks.length);
  return { idf: (t) => Math.log(1 + (n - (df.get(t) ?? 0) + 0.5) / ((df.get(t) ?? 0) + 0.5)), soft };
}

const byDocCache = new WeakMap<Quotation[], Map<string, Quotation[]>>();
/** The index's quotations grouped by document, computed once per quotation list (not per question). */
function quotationsByDoc(all: Quotation[]): Map<string, Quotation[]> {
  let m = byDocCache.get(all);
  if (!m) {
    m = new Map();
    for (const q of all) (m.get(q.doc) ?? m.set(q.doc, []).get(q.doc)!).push(q);
    byDocCache.set(all, m);
  }
  return m;
}

/** lexsem: how much the soft (word-vector) coverage beyond the exact one adds to a candidate's rank. */
const SOFT_RANK_WEIGHT = 0.5;

type QType = 'where' | 'when' | 'who' | 'number' | 'other';

function questionType(q: string): QType {
  const s = q.toLowerCase();
  if (/\bwhere\b/.test(s)) return 'where';
  if (/\bwhen\b|\bwhat (?:year|day|date|month|time)\b|\bhow long ago\b/.test(s)) return 'when';
  if (/\bhow (?:many|much)\b|\bwhat (?:number|percentage|proportion)\b/.test(s)) return 'number';
  if (/^\s*(?:and\s+)?who(?:m|se)?\b/.test(s)) return 'who';
  return 'other';
}

const TYPE_CUES: Record<QType, RegExp | null> = {
  where: /\b(?:in|at|near|outside|inside|from)\s+(?:a\s+|an\s+|the\s+)?(?:[A-Z][\p{L}-]+|closed-door|headquarters)|\bheadquarters\b|\bvenue\b/u,
  when: /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tomorrow|ago|earlier|later|since|January|February|March|April|May|June|July|August|September|October|November|December|\d{4})\b/u,
  number: /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|several)\b/i,
  who: /\b(?:[A-Z][\p{L}-]+\s+){0,2}[A-Z][\p{L}-]+\b/u,
  other: null,
};

interface Candidate {
  doc: StoredDocument;
  paragraph: number;
  start: number;
  end: number;
  /** Ranking score. */
  score: number;
  /** How well it answers at all (refusal decision). */
  coverage: number;
  attribution?: Attribution;
}

const overlaps = (a: { doc: string; start: number; end: number }, b: { doc: string; start: number; end: number }) => a.doc === b.doc && a.start < b.end && b.start < a.end;

/** Sentences of a document that overlap a span. */
function sentencesOver(doc: StoredDocument, start: number, end: number) {
  return doc.sentences.filter((s) => s.start < end && start < s.end);
}

/**
 * @example
 * const answer = answerExtractive({ question, resolved, intent, passages, index, stats, options: { maxQuotes: 3, threshold: 0.3 } });
 */
export function answerExtractive(input: {
  question: string;
  resolved: Resolved;
  intent: QuoteIntent;
  passages: Passage[];
  index: LoadedIndex;
  stats: TermStats;
  options: ExtractiveOptions;
  exclude?: { doc: string; start: number; end: number }[];
  /** Quotations from the quotation index that match the question's intent, best first. */
  quoted?: Quotation[];
}): Answer {
  const { question, resolved, intent, passages, index, stats, options } = input;
  const exclude = [...(input.exclude ?? []), ...resolved.shown];
  const qTerms = [...new Set(terms(resolved.standalone))];
  const ctxTerms = [...new Set(terms(resolved.context))].filter((t) => !qTerms.includes(t));
  const weight = (ts: string[]) => ts.reduce((a, t) => a + stats.idf(t), 0);
  const qWeight = weight(qTerms) || 1;
  const qtype = questionType(resolved.standalone);
  const cue = TYPE_CUES[qtype];

  // 1. Attribution questions answer from the quotation index first.
  const fromIndex = input.quoted ?? [];
  const candidates = new Map<string, Candidate>();
  const prevFirst = resolved.focus[0];
  const lean = qTerms.length === 0; // "Where was that?": the question's type carries the meaning
  const consider = (doc: StoredDocument, s: { start: number; end: number; paragraph: number }, base: number, attribution?: Attribution, indexed = false) => {
    const key = `${doc.id}:${s.start}`;
    const text = doc.text.slice(s.start, s.end);
    const sTerms = new Set(terms(text));
    const hit = qTerms.filter((t) => sTerms.has(t));
    const coverage = weight(hit) / qWeight;
    // lexsem: soft term matching (word vectors), when the engine has them, orders candidates only:
    // counted in the confidence it cut off-topic refusals from 64% to 26% (README "Word vectors").
    const softBonus = stats.soft ? SOFT_RANK_WEIGHT * (stats.soft(resolved.standalone, text, stats.idf) - coverage) : 0;
    const ctx = ctxTerms.length ? weight(ctxTerms.filter((t) => sTerms.has(t))) / (weight(ctxTerms) || 1) : 0;
    const typed = !!cue && (cue.test(text) || (qtype === 'where' && !!attribution?.setting));
    const near = prevFirst && prevFirst.doc === doc.id && Math.abs(prevFirst.paragraph - s.paragraph) <= 1 ? 0.3 : 0;
    // Confidence decides whether to answer at all; the bonuses only order the candidates.
    // A quotation-index match answers "what did X tell Y" by construction (the speaker may be "he").
    const confidence = Math.max(indexed ? 1 : 0, coverage + 0.3 * ctx + near + (lean && typed ? 0.3 : 0));
    const score = confidence + (typed ? (lean ? 0.2 : 0.15) : 0) + base + softBonus;
    const prev = candidates.get(key);
    if (!prev || prev.score < score) candidates.set(key, { doc, paragraph: s.paragraph, start: s.start, end: s.end, score, coverage: confidence, attribution: attribution ?? prev?.attribution });
  };
  fromIndex.forEach((q, i) => {
    const doc = index.docById.get(q.doc);
    if (!doc) return;
    const attribution: Attribution = { speaker: q.speaker, cue: q.cue, addressee: q.addressee, setting: q.setting, words: { start: q.start, end: q.end } };
    // Earlier matches are better ones (filterQuotations ranks them); a named addressee beats a setting.
    const base = 1 - 0.02 * i + (intent?.kind === 'said-to' && q.addressee ? 0.1 : 0);
    for (const s of sentencesOver(doc, q.start, q.end)) consider(doc, s, base, attribution, true);
  });
  // 2. Sentences of the retrieved passages, weighted by the passage's rank.
  for (const p of passages) {
    const doc = index.docById.get(p.chunk.docId);
    if (!doc) continue;
    const rankBonus = 0.1 / p.rank;
    for (const s of p.chunk.sentences) consider(doc, { ...s, paragraph: p.chunk.paragraph }, rankBonus);
  }
  // 3. A follow-up about "that" may be answered next to what was just quoted, even if retrieval missed it.
  if (prevFirst) {
    const doc = index.docById.get(prevFirst.doc);
    for (const s of doc?.sentences ?? []) if (s.paragraph > 0 && Math.abs(s.paragraph - prevFirst.paragraph) <= 1) consider(doc!, s, 0);
  }
  // Attach attribution to any chosen sentence that holds a known quotation.
  for (const c of candidates.values()) {
    if (c.attribution) continue;
    const q = quotationsByDoc(index.quotations).get(c.doc.id)?.find((x) => x.start < c.end && c.start < x.end && x.speaker);
    if (q) c.attribution = { speaker: q.speaker, cue: q.cue, addressee: q.addressee, setting: q.setting, words: { start: q.start, end: q.end } };
  }

  const ranked = [...candidates.values()]
    .filter((c) => !exclude.some((e) => overlaps({ doc: c.doc.id, start: c.start, end: c.end }, e)))
    .sort((a, b) => b.score - a.score || a.start - b.start);
  const best = ranked[0];
  const confident = ranked.reduce((m, c) => Math.max(m, c.coverage), 0);
  const answered = best && (confident >= options.threshold || fromIndex.length > 0);
  if (!answered) {
    const more = resolved.kind === 'more' && resolved.shown.length > 0;
    return {
      question,
      lead: more
        ? 'That is all the document says on this — every relevant passage has been quoted above.'
        : "The document doesn't say. Nothing in it answers that question closely enough to quote.",
      quotes: [],
      refused: true,
      reason: more ? 'exhausted' : best ? `best sentence's confidence ${confident.toFixed(2)} < ${options.threshold}` : 'nothing retrieved',
      mode: 'extractive',
      confidence: confident,
    };
  }
  const floor = best.score * 0.6;
  const chosen = ranked.filter((c) => c.score >= floor && (c.coverage >= options.threshold || c.score >= 0.9)).slice(0, options.maxQuotes);
  const quotes: Quote[] = chosen.map((c) => {
    const q = quoteAt(c.doc, c.start, c.end, c.paragraph);
    return c.attribution ? { ...q, attribution: c.attribution } : q;
  });
  // The speaker the quotation index matched for the person asked about (aliases resolved), if any of it is quoted.
  const matched = fromIndex.find((x) => quotes.some((q) => q.doc === x.doc && q.start < x.end && x.start < q.end))?.speaker ?? null;
  return { question, lead: answerLead(intent, quotes, matched), quotes, refused: false, mode: 'extractive', confidence: confident };
}
