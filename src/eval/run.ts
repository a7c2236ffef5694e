/**
 * The evaluation runner: for each document set, one engine per system
 * (bm25 / vector / hybrid) built once and reused across that document's
 * conversations; every turn is asked in order with the conversation
 * carried along; scored turns are also retrieved (top k) for evidence
 * recall. Everything it needs comes in as parameters, so tests drive it
 * with fake engines.
 */
import type { Engine } from '../engine-api.js';
import type { Source } from '../ingest/document.js';
import type { Conversation, Passage, Quote, StoredDocument } from '../types.js';
import type { EvalConversation, EvalFile, EvalSpan } from './format.js';
import { recordGoldAnswer } from './gold-history.js';
import { anyOverlap, containsAnswer, exactMatch, maxOverGold, mean, overlaps, percentile, refusalPR, resolveEvidence, tokenF1 } from './metrics.js';

export const SYSTEMS = ['bm25', 'vector', 'hybrid'] as const;
export type SystemName = (typeof SYSTEMS)[number];

/** What the runner needs from an engine. */
export type EvalEngine = Pick<Engine, 'ask' | 'retrieve' | 'documents'>;

/** The metrics of one system over a set of scored turns (fractions 0..1; null where not applicable). */
export interface SystemMetrics {
  evidenceRecallAtK: number | null;
  evidenceInAnswer: number | null;
  f1: number | null;
  em: number | null;
  refusalPrecision: number | null;
  refusalRecall: number | null;
  quoteValidity: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  /** Share of scored turns answered with a refusal (`null` when no turn was scored). */
  refused?: number | null;
}

/** One scored turn's outcome (also the `--out` JSONL record). */
export interface TurnDetail {
  system: SystemName;
  conversation: string;
  turn: number;
  meta: Record<string, string | number | boolean>;
  question: string;
  gold: { answers: string[]; unanswerable: boolean; evidence: EvalSpan[]; unresolvedEvidence: number };
  retrieved: { id: string; start: number; end: number; paragraph: number }[];
  answer: { lead: string; refused: boolean; reason?: string; quotes: { doc: string; paragraph: number; start: number; end: number; quote: string; valid: boolean }[] };
  prediction: string;
  evidenceHit: boolean | null;
  evidenceInAnswer: boolean | null;
  f1: number | null;
  em: number | null;
  latencyMs: number;
}

export interface EvalReport {
  n: number;
  k: number;
  /** Metrics per system over all scored turns; null for a system that could not run (e.g. vector without a model). */
  systems: Record<SystemName, SystemMetrics | null>;
  /** The same per `meta` value, keyed "key=value" (e.g. "source=cnn", "ambiguity=ambiguous"). */
  breakdown: Record<string, { n: number; systems: Record<SystemName, SystemMetrics | null> }>;
  /** Quotes checked across every asked turn (scored or not), per system. */
  quotes: Record<SystemName, { checked: number; invalid: number }>;
  /** Scored answerable turns whose evidence could not be located in the text. */
  unresolvedEvidence: number;
}

interface QuoteCheck {
  checked: number;
  invalid: number;
}

/** Split the quotes into the document's sentences (clipped to each quote) and return the shortest, trimmed. */
export function shortestQuotedSentence(quotes: readonly Quote[], docs: ReadonlyMap<string, StoredDocument>): string {
  let best: string | null = null;
  for (const q of quotes) {
    const doc = docs.get(q.doc);
    const pieces: string[] = [];
    if (doc) {
      for (const s of doc.sentences) {
        if (!overlaps(s, q)) continue;
        const piece = doc.text.slice(Math.max(s.start, q.start), Math.min(s.end, q.end)).trim();
        if (piece) pieces.push(piece);
      }
    }
    if (!pieces.length && q.quote.trim()) pieces.push(q.quote.trim());
    for (const p of pieces) if (best === null || p.length < best.length) best = p;
  }
  return best ?? '';
}

const isVerbatim = (q: Quote, texts: ReadonlyMap<string, string>) => {
  const t = texts.get(q.doc);
  return t !== undefined && Number.isInteger(q.start) && Number.isInteger(q.end) && t.slice(q.start, q.end) === q.quote;
};

function aggregate(details: TurnDetail[], quotes: QuoteCheck | null): SystemMetrics {
  const answerable = details.filter((d) => !d.gold.unanswerable);
  const { precision, recall } = refusalPR(details.map((d) => ({ refused: d.answer.refused, unanswerable: d.gold.unanswerable })));
  const lat = details.map((d) => d.latencyMs);
  return {
    evidenceRecallAtK: mean(answerable.map((d) => d.evidenceHit)),
    evidenceInAnswer: mean(answerable.map((d) => d.evidenceInAnswer)),
    f1: mean(answerable.map((d) => d.f1)),
    em: mean(answerable.map((d) => d.em)),
    refusalPrecision: precision,
    refusalRecall: recall,
    quoteValidity: quotes ? (quotes.checked ? (quotes.checked - quotes.invalid) / quotes.checked : null) : null,
    p50Ms: percentile(lat, 50),
    p95Ms: percentile(lat, 95),
    refused: mean(details.map((d) => d.answer.refused)),
  };
}

export interface RunEvalOptions {
  file: EvalFile;
  /** Turns a conversation's document reference into a source (text + id). */
  resolveDocument: (ref: EvalConversation['document']) => Promise<Source>;
  /** Build an engine for one system over these sources; null = the system cannot run (its metrics are null). */
  makeEngine: (system: SystemName, sources: Source[]) => Promise<EvalEngine | null>;
  systems?: readonly SystemName[];
  k: number;
  /** Called after each turn is asked (for a progress bar). */
  onTurn?: (system: SystemName) => void;
  /** Called with each scored turn's details (for `--out`). */
  onDetail?: (d: TurnDetail) => void;
  clock?: () => number;
  /** How unscored earlier turns enter the conversation: the engine's own answers (default) or the dataset's (gold-history.ts). */
  history?: 'engine' | 'gold';
}

/**
 * Run every conversation against every system and compute the metrics.
 *
 * @example
 * const report = await runEval({ file, k: 5, resolveDocument, makeEngine: (system, docs) => createEngine({ config, logger, embedder, documents: docs, retrieval: system }) });
 * report.systems.hybrid?.f1;
 */
export async function runEval(opts: RunEvalOptions): Promise<EvalReport> {
  const systems = opts.systems ?? SYSTEMS;
  const clock = opts.clock ?? (() => performance.now());
  const k = opts.k;

  // Group conversations by document, keeping first-appearance order.
  const groups = new Map<string, { ref: EvalConversation['document']; conversations: EvalConversation[] }>();
  for (const c of opts.file.conversations) {
    const key = 'id' in c.document ? `id:${c.document.id}` : 'path' in c.document ? `path:${c.document.path}` : `text:${c.document.text}`;
    const g = groups.get(key) ?? { ref: c.document, conversations: [] };
    g.conversations.push(c);
    groups.set(key, g);
  }

  const details: Record<SystemName, TurnDetail[]> = { bm25: [], vector: [], hybrid: [] };
  const quoteChecks: Record<SystemName, QuoteCheck> = { bm25: { checked: 0, invalid: 0 }, vector: { checked: 0, invalid: 0 }, hybrid: { checked: 0, invalid: 0 } };
  const ran: Record<SystemName, boolean> = { bm25: false, vector: false, hybrid: false };
  let unresolvedEvidence = 0;
  let n = 0;

  for (const group of groups.values()) {
    const source = await opts.resolveDocument(group.ref);
    const texts = new Map([[source.id, source.text]]);
    const scoredHere = group.conversations.reduce((a, c) => a + c.turns.filter((t) => t.scored !== false).length, 0);
    n += scoredHere;
    for (const system of systems) {
      const engine = await opts.makeEngine(system, [source]);
      if (!engine) {
        for (const c of group.conversations) for (let i = 0; i < c.turns.length; i++) opts.onTurn?.(system);
        continue;
      }
      ran[system] = true;
      const docs = new Map(engine.documents().map((d) => [d.id, d]));
      for (const conv of group.conversations) {
        const conversation: Conversation = { id: `${system}:${conv.id}`, turns: [] };
        for (let ti = 0; ti < conv.turns.length; ti++) {
          const turn = conv.turns[ti];
          const scored = turn.scored !== false;
          let retrieved: Passage[] = [];
          if (scored) retrieved = await engine.retrieve(turn.question, conversation, k);
          const t0 = clock();
          const answer = await engine.ask(turn.question, conversation);
          const latencyMs = clock() - t0;
          const quotes = answer.quotes.map((q) => ({ doc: q.doc, paragraph: q.paragraph, start: q.start, end: q.end, quote: q.quote, valid: isVerbatim(q, texts) }));
          quoteChecks[system].checked += quotes.length;
          quoteChecks[system].invalid += quotes.filter((q) => !q.valid).length;
          opts.onTurn?.(system);
          if (!scored) {
            if (opts.history === 'gold') recordGoldAnswer(conversation, turn, docs.get(source.id));
            continue;
          }

          const unanswerable = turn.unanswerable === true;
          const { spans, unresolved } = resolveEvidence(source.text, turn.evidence);
          if (system === systems.find((s) => ran[s]) && !unanswerable && turn.evidence.length && !spans.length) unresolvedEvidence++;
          const retrievedSpans = retrieved.filter((p) => p.chunk.docId === source.id).map((p) => p.chunk);
          const quoteSpans = answer.quotes.filter((q) => q.doc === source.id);
          const prediction = answer.refused ? '' : shortestQuotedSentence(answer.quotes, docs);
          const detail: TurnDetail = {
            system,
            conversation: conv.id,
            turn: ti,
            meta: conv.meta ?? {},
            question: turn.question,
            gold: { answers: turn.answers, unanswerable, evidence: spans, unresolvedEvidence: unresolved.length },
            retrieved: retrieved.map((p) => ({ id: p.chunk.id, start: p.chunk.start, end: p.chunk.end, paragraph: p.chunk.paragraph })),
            answer: { lead: answer.lead, refused: answer.refused, ...(answer.reason ? { reason: answer.reason } : {}), quotes },
            prediction,
            evidenceHit: unanswerable || !spans.length ? null : anyOverlap(retrievedSpans, spans),
            evidenceInAnswer: unanswerable
              ? null
              : !answer.refused && (anyOverlap(quoteSpans, spans) || answer.quotes.some((q) => turn.answers.some((g) => containsAnswer(q.quote, g)))),
            f1: unanswerable ? null : maxOverGold(tokenF1, prediction, turn.answers),
            em: unanswerable ? null : maxOverGold(exactMatch, prediction, turn.answers),
            latencyMs,
          };
          details[system].push(detail);
          opts.onDetail?.(detail);
        }
      }
    }
  }

  const bySystem = (pick: (d: TurnDetail) => boolean, withQuotes: boolean) => {
    const out = {} as Record<SystemName, SystemMetrics | null>;
    for (const s of SYSTEMS) out[s] = systems.includes(s) && ran[s] ? aggregate(details[s].filter(pick), withQuotes ? quoteChecks[s] : null) : null;
    return out;
  };

  const breakdown: EvalReport['breakdown'] = {};
  const firstRan = SYSTEMS.find((s) => ran[s]);
  if (firstRan) {
    const keys = new Map<string, number>();
    for (const d of details[firstRan]) for (const [key, v] of Object.entries(d.meta)) keys.set(`${key}=${v}`, (keys.get(`${key}=${v}`) ?? 0) + 1);
    for (const label of [...keys.keys()].sort()) {
      const [key, ...rest] = label.split('=');
      const value = rest.join('=');
      const pick = (d: TurnDetail) => String(d.meta[key]) === value;
      const sub = bySystem(pick, false);
      // quote validity is a property of every answer; per group it is recomputed from the details
      for (const s of SYSTEMS) {
        const m = sub[s];
        if (!m) continue;
        const qs = details[s].filter(pick).flatMap((d) => d.answer.quotes);
        m.quoteValidity = qs.length ? qs.filter((q) => q.valid).length / qs.length : null;
      }
      breakdown[label] = { n: keys.get(label)!, systems: sub };
    }
  }

  return { n, k, systems: bySystem(() => true, true), breakdown, quotes: quoteChecks, unresolvedEvidence };
}
