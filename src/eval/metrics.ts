/**
 * The evaluation's metrics, as pure functions: SQuAD-official answer
 * normalisation, token F1 and exact match; span overlap for evidence
 * recall; refusal precision/recall; percentiles.
 */
import type { EvalSpan } from './format.js';

/** Python's `string.punctuation`, which the official SQuAD script strips. */
const PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');
/** `\b(a|an|the)\b` with Python 3's Unicode word boundaries. */
const ARTICLES = /(?<![\p{L}\p{N}_])(?:a|an|the)(?![\p{L}\p{N}_])/gu;

/**
 * The official SQuAD v1.1 `normalize_answer`: lower-case, strip ASCII
 * punctuation, drop the articles a/an/the, collapse whitespace.
 *
 * @example
 * normalizeAnswer('The  Denver Broncos!'); // 'denver broncos'
 */
export function normalizeAnswer(s: string): string {
  let out = '';
  for (const ch of s.toLowerCase()) if (!PUNCTUATION.has(ch)) out += ch;
  return out.replace(ARTICLES, ' ').split(/\s+/).filter(Boolean).join(' ');
}

const tokens = (s: string) => {
  const n = normalizeAnswer(s);
  return n ? n.split(' ') : [];
};

/**
 * SQuAD token F1 between a prediction and one gold answer (0 when either is empty of tokens).
 *
 * @example
 * tokenF1('Denver Broncos won', 'the Denver Broncos'); // 0.8
 */
export function tokenF1(prediction: string, gold: string): number {
  const p = tokens(prediction);
  const g = tokens(gold);
  if (!p.length || !g.length) return 0;
  const counts = new Map<string, number>();
  for (const t of g) counts.set(t, (counts.get(t) ?? 0) + 1);
  let same = 0;
  for (const t of p) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      same++;
      counts.set(t, c - 1);
    }
  }
  if (same === 0) return 0;
  const precision = same / p.length;
  const recall = same / g.length;
  return (2 * precision * recall) / (precision + recall);
}

/**
 * SQuAD exact match (after normalisation).
 *
 * @example
 * exactMatch('the Denver Broncos.', 'Denver Broncos'); // true
 */
export const exactMatch = (prediction: string, gold: string): boolean => normalizeAnswer(prediction) === normalizeAnswer(gold);

/**
 * Max of a metric over the gold answers, as the official script does (0 without golds).
 *
 * @example
 * maxOverGold(tokenF1, 'Broncos', ['Denver Broncos', 'Broncos']); // 1
 */
export function maxOverGold(metric: (p: string, g: string) => number | boolean, prediction: string, golds: readonly string[]): number {
  let best = 0;
  for (const g of golds) best = Math.max(best, Number(metric(prediction, g)));
  return best;
}

/**
 * Does the normalised gold answer occur, as a whole run of tokens, in the
 * normalised text? ("no" is not found in "not"; an empty gold never is.)
 *
 * @example
 * containsAnswer('He said the Broncos won.', 'Broncos'); // true
 */
export function containsAnswer(text: string, gold: string): boolean {
  const g = tokens(gold);
  const t = tokens(text);
  if (!g.length || g.length > t.length) return false;
  outer: for (let i = 0; i + g.length <= t.length; i++) {
    for (let j = 0; j < g.length; j++) if (t[i + j] !== g[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Do two half-open spans [start, end) share at least one character?
 *
 * @example
 * overlaps({ start: 0, end: 5 }, { start: 5, end: 9 }); // false
 */
export const overlaps = (a: EvalSpan, b: EvalSpan): boolean => a.start < b.end && b.start < a.end;

/** Does any span in `as` overlap any span in `bs`? */
export const anyOverlap = (as: readonly EvalSpan[], bs: readonly EvalSpan[]): boolean => as.some((a) => bs.some((b) => overlaps(a, b)));

/**
 * Resolve evidence to spans of `text`: offsets are checked against the text
 * length; a string matches every place it occurs (verbatim, else trimmed).
 * Evidence that cannot be located is reported in `unresolved`.
 *
 * @example
 * resolveEvidence('a b a', ['a']); // { spans: [{start:0,end:1},{start:4,end:5}], unresolved: [] }
 */
export function resolveEvidence(text: string, evidence: readonly (EvalSpan | string)[]): { spans: EvalSpan[]; unresolved: (EvalSpan | string)[] } {
  const spans: EvalSpan[] = [];
  const unresolved: (EvalSpan | string)[] = [];
  for (const e of evidence) {
    if (typeof e !== 'string') {
      if (e.end <= text.length && e.start < e.end) spans.push({ start: e.start, end: e.end });
      else unresolved.push(e);
      continue;
    }
    let found = false;
    for (const needle of [e, e.trim()]) {
      if (!needle) continue;
      for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) {
        spans.push({ start: i, end: i + needle.length });
        found = true;
      }
      if (found) break;
    }
    if (!found) unresolved.push(e);
  }
  return { spans, unresolved };
}

/**
 * Refusal precision and recall, where the positive class is "the gold says
 * unanswerable". `null` where the denominator is zero (no refusals made /
 * no unanswerable gold).
 *
 * @example
 * refusalPR([{ refused: true, unanswerable: true }, { refused: true, unanswerable: false }]);
 * // { precision: 0.5, recall: 1 }
 */
export function refusalPR(turns: readonly { refused: boolean; unanswerable: boolean }[]): { precision: number | null; recall: number | null } {
  let tp = 0;
  let predicted = 0;
  let gold = 0;
  for (const t of turns) {
    if (t.refused) predicted++;
    if (t.unanswerable) gold++;
    if (t.refused && t.unanswerable) tp++;
  }
  return { precision: predicted ? tp / predicted : null, recall: gold ? tp / gold : null };
}

/**
 * Nearest-rank percentile (p in 0..100) of unsorted numbers; null when empty.
 *
 * @example
 * percentile([5, 1, 3, 2, 4], 50); // 3
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const s = values.slice().sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i];
}

/** Mean of the non-null values; null when there are none. */
export function mean(values: readonly (number | boolean | null)[]): number | null {
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (v === null) continue;
    sum += Number(v);
    n++;
  }
  return n ? sum / n : null;
}
