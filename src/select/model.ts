/**
 * One probability that a sentence answers the question: a logistic model
 * over the signals in features.ts. The weights are fitted on SQuAD dev's
 * tuning articles by `npm run calibrate -- --fit` (written to weights.json; with
 * `--soft`, the weights for when the soft word-vector signal is on, weights-soft.json);
 * the articles they are measured on are never used for fitting.
 */
import { FEATURES, type Features } from './features.js';
import fitted from './weights.json' with { type: 'json' };
import fittedSoft from './weights-soft.json' with { type: 'json' };
import { sigmoid } from '../log-odds.js';

export interface Weights {
  bias: number;
  w: Partial<Record<(typeof FEATURES)[number], number>>;
}

/** Lexical signals only. */
export const WEIGHTS: Weights = fitted as Weights;
/** With the word vectors' soft matching (`npm run calibrate -- --fit --soft`). */
export const SOFT_WEIGHTS: Weights = fittedSoft as Weights;


/** The model's log-odds for a feature vector. */
export function logit(f: Features, weights: Weights = WEIGHTS): number {
  let z = weights.bias;
  for (const k of FEATURES) z += (weights.w[k] ?? 0) * f[k];
  return z;
}

/**
 * @example
 * probability(sentenceFeatures(q, s, stats)); // 0.83
 */
export function probability(f: Features, weights: Weights = WEIGHTS): number {
  return sigmoid(logit(f, weights));
}

export { sigmoid };
