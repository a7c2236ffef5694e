/**
 * How many sentences a summary has, relative to the document: a share of its
 * summarisable sentences, within bounds, and never all of them (a summary
 * that is the whole document is not a summary).
 */
import type { SummaryLength } from '../types.js';

/** Share of the candidate sentences, and the bounds, per length. */
export const SUMMARY_SHARE: Record<SummaryLength, { share: number; min: number; max: number }> = {
  short: { share: 0.1, min: 3, max: 5 },
  medium: { share: 0.2, min: 5, max: 10 },
  long: { share: 0.35, min: 6, max: 20 },
};

/** At most this share of the candidates, whatever the length. */
export const MAX_SHARE = 0.75;

/**
 * @example
 * summaryLength('short', 9);   // 3
 * summaryLength('long', 9);    // 5
 * summaryLength('long', 40);   // 14
 * summaryLength('long', 2);    // 1 — never the whole document
 */
export function summaryLength(length: SummaryLength, candidates: number): number {
  if (candidates <= 1) return candidates;
  const { share, min, max } = SUMMARY_SHARE[length];
  const wanted = Math.min(max, Math.max(min, Math.round(share * candidates)));
  const cap = Math.max(1, Math.min(candidates - 1, Math.floor(MAX_SHARE * candidates)));
  return Math.min(wanted, cap);
}
