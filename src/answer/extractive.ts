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
import { filterQuotations } from './quotations.js';
import { quoteAt } from './verify.js';

export interface ExtractiveOptions {
  maxQuotes: number;
  /** Below this sentence score the answer is a refusal (calibrated on data; see README). */
  threshold: number;
}

/** Document frequencies over chunks, for IDF weights. Build once per index. */
export interface TermStats {
  idf(term: string): number;
}

export function termStats(index: LoadedIndex): TermStats {
  const df = new Map<string, number>();
  for (const c of index.chunks) {
    const text = index.docById.get(c.docId)!.text.slice(c.start, c.end);
    for (const t of new Set(terms(text))) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const n = Math.max(1, index.chunks.length);
  return { idf: (t) => Math.log(1 + (n - (df.get(t) ?? 0) + 0.5) / ((df.get(t) ?? 0) + 0.5)) };
}

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
  score: number;
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
  const fromIndex = intent ? quotationsFor(intent, index.quotations) : [];
  const candidates = new Map<string, Candidate>();
  const consider = (doc: StoredDocument, s: { start: number; end: number; paragraph: number }, base: number, attribution?: Attribution) => {
    const key = `${doc.id}:${s.start}`;
    const text = doc.text.slice(s.start, s.end);
    const sTerms = new Set(terms(text));
    const hit = qTerms.filter((t) => sTerms.has(t));
    const coverage = weight(hit) / qWeight;
    const ctx = ctxTerms.length ? weight(ctxTerms.filter((t) => sTerms.has(t))) / (weight(ctxTerms) || 1) : 0;
    const typeBonus = cue && cue.test(text) ? 0.25 : 0;
    const inFocus = resolved.focus.some((f) => f.doc === doc.id && Math.abs(f.paragraph - s.paragraph) <= 1) ? 0.2 : 0;
    const score = coverage + 0.25 * ctx + typeBonus + inFocus + base;
    const prev = candidates.get(key);
    if (!prev || prev.score < score) candidates.set(key, { doc, paragraph: s.paragraph, start: s.start, end: s.end, score, coverage, attribution: attribution ?? prev?.attribution });
  };
  for (const q of fromIndex) {
    const doc = index.docById.get(q.doc);
    if (!doc) continue;
    const attribution: Attribution = { speaker: q.speaker, cue: q.cue, addressee: q.addressee, setting: q.setting };
    for (const s of sentencesOver(doc, q.start, q.end)) consider(doc, s, 1, attribution);
  }
  // 2. Sentences of the retrieved passages, weighted by the passage's rank.
  for (const p of passages) {
    const doc = index.docById.get(p.chunk.docId);
    if (!doc) continue;
    const rankBonus = 0.15 / p.rank;
    for (const s of p.chunk.sentences) consider(doc, { ...s, paragraph: p.chunk.paragraph }, rankBonus);
  }
  // Attach attribution to any chosen sentence that holds a known quotation.
  for (const c of candidates.values()) {
    if (c.attribution) continue;
    const q = index.quotations.find((x) => x.doc === c.doc.id && x.start < c.end && c.start < x.end && x.speaker);
    if (q) c.attribution = { speaker: q.speaker, cue: q.cue, addressee: q.addressee, setting: q.setting };
  }

  const ranked = [...candidates.values()]
    .filter((c) => !exclude.some((e) => overlaps({ doc: c.doc.id, start: c.start, end: c.end }, e)))
    .sort((a, b) => b.score - a.score || a.start - b.start);
  const best = ranked[0];
  const answered = best && (best.score >= options.threshold || fromIndex.length > 0);
  if (!answered) {
    const more = resolved.kind === 'more' && resolved.shown.length > 0;
    return {
      question,
      lead: more
        ? 'That is all the document says on this — every relevant passage has been quoted above.'
        : "The document doesn't say. Nothing in it answers that question closely enough to quote.",
      quotes: [],
      refused: true,
      reason: more ? 'exhausted' : best ? `best passage scored ${best.score.toFixed(2)} < ${options.threshold}` : 'nothing retrieved',
      mode: 'extractive',
    };
  }
  const floor = Math.max(options.threshold, best.score * 0.6);
  const chosen = ranked.filter((c) => c.score >= floor || (fromIndex.length && c.score >= 1)).slice(0, options.maxQuotes);
  const quotes: Quote[] = chosen.map((c) => {
    const q = quoteAt(c.doc, c.start, c.end, c.paragraph);
    return c.attribution ? { ...q, attribution: c.attribution } : q;
  });
  return { question, lead: leadLine(intent, quotes), quotes, refused: false, mode: 'extractive' };
}

function quotationsFor(intent: NonNullable<QuoteIntent>, all: Quotation[]): Quotation[] {
  switch (intent.kind) {
    case 'said-to':
      return filterQuotations(all, { speaker: intent.speaker, to: intent.to });
    case 'said-about':
      return filterQuotations(all, { speaker: intent.speaker, about: intent.about });
    case 'said':
      return filterQuotations(all, { speaker: intent.speaker });
    case 'who-said':
      return filterQuotations(all, { about: intent.about });
  }
}

const cites = (quotes: Quote[]) => [...new Set(quotes.map((q) => (q.paragraph ? `¶${q.paragraph}` : 'title')))].join(', ');

function leadLine(intent: QuoteIntent, quotes: Quote[]): string {
  const a = quotes.find((q) => q.attribution?.speaker)?.attribution;
  const n = quotes.length;
  const plural = n === 1 ? 'passage' : 'passages';
  if (intent?.kind === 'who-said' && a?.speaker) return `${a.speaker} — ${n} ${plural} (${cites(quotes)}):`;
  if (intent && intent.kind !== 'who-said' && a?.speaker) {
    const addressee = intent.kind === 'said-to' && a.addressee ? ` ${a.addressee}` : '';
    const verb = intent.kind === 'said-to' ? (a.cue && /^told|^tell/i.test(a.cue) ? 'told' : 'said to') : 'said';
    return `What ${a.speaker} ${verb}${addressee || (intent.kind === 'said-to' ? ` ${intent.to}` : '')}, in the document's words (${cites(quotes)}):`;
  }
  return `The document says (${cites(quotes)}):`;
}
