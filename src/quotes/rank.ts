/**
 * The learned attribution layer: a conditional-logit ranker over a
 * quotation's speaker candidates (candidates.ts) and a logistic classifier
 * of titles and scare-quoted terms (title-features.ts). Weights are plain
 * JSON (attribution-model.json), fitted by `npm run train:attribution`
 * (src/cli/train-attribution.ts) on the labelled tuning stories.
 */
import type { Candidate } from './candidates.js';
import shipped from './attribution-model.json' with { type: 'json' };
import { sigmoid } from '../log-odds.js';

export interface AttributionModel {
  /** Ranker weights by feature name (candidates.ts SPEAKER_FEATURES). */
  speaker: Record<string, number>;
  /** Title classifier weights by feature name (title-features.ts TITLE_FEATURES). */
  title: Record<string, number>;
  /** A quotation whose title probability reaches this gets no speaker. */
  titleThreshold: number;
  /** Only fill quotations the rules leave without a speaker (never override an attribution the rules read). */
  fallbackOnly?: boolean;
}

export const SHIPPED_MODEL: AttributionModel = shipped as AttributionModel;

/** Linear score of a feature record. */
export const score = (w: Record<string, number>, f: Record<string, number | undefined>) => {
  let s = 0;
  for (const k in f) s += (w[k] ?? 0) * (f[k] ?? 0);
  return s;
};


/** The best-scoring candidate (the first on ties: the rules' order). */
export function bestCandidate(model: AttributionModel, cands: Candidate[]): Candidate {
  let best = cands[0]!;
  let bestScore = -Infinity;
  for (const c of cands) {
    const s = score(model.speaker, c.features);
    if (s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  return best;
}

/** Probability that a quoted span is a title or term, not speech. */
export const titleProbability = (model: AttributionModel, f: Record<string, number>) => sigmoid(score(model.title, f));
