/**
 * Decide: answer or refuse. One function for every intent — questions,
 * quote requests, who-said, follow-ups — comparing the best sentence's
 * calibrated probability with one threshold.
 */
import type { Scored, Selection } from '../select/select.js';
import { pick } from '../select/pick.js';
import type { RefusalReason } from './reasons.js';

export type Decision = { answer: true; chosen: Scored[]; confidence: number } | { answer: false; reason: RefusalReason; confidence: number };

export interface DecideInput {
  selection: Selection;
  /** Below this probability the answer is a refusal (calibrated: `npm run calibrate`). */
  threshold: number;
  maxQuotes: number;
  /** "what else?": running out is "exhausted", not "the document doesn't say". */
  continuing?: boolean;
  /** "who said X?": a refusal means nobody in the document said X. */
  whoSaid?: boolean;
}

/**
 * @example
 * decide({ selection, threshold: 0.5, maxQuotes: 3 }); // { answer: true, chosen: [...], confidence: 0.81 }
 */
export function decide(input: DecideInput): Decision {
  const { selection, threshold } = input;
  const confidence = selection.confidence;
  const refuse = (reason: RefusalReason): Decision => ({ answer: false, reason, confidence });
  if (!selection.ranked.length) return refuse(input.continuing ? 'exhausted' : 'nothing-retrieved');
  if (confidence < threshold) return refuse(input.continuing ? 'exhausted' : input.whoSaid ? 'nobody-said' : 'low-confidence');
  const chosen = pick(selection.ranked, { maxQuotes: input.maxQuotes, floor: threshold });
  return chosen.length ? { answer: true, chosen, confidence } : refuse('low-confidence');
}
