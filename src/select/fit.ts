/**
 * Fit the sentence model's weights: L2-regularised logistic regression by
 * full-batch gradient descent on standardised features, returned in the
 * original feature scale. Used by `npm run calibrate -- --fit`.
 */
import { FEATURES, type Features } from './features.js';
import { logit, type Weights } from './model.js';

export interface Example {
  f: Features;
  y: 0 | 1;
  /** Examples can count more or less (e.g. to balance questions with many candidate sentences). */
  weight?: number;
}

/**
 * @example
 * const weights = fitLogistic(examples, { features: ['cov', 'typeHit'] });
 */
export function fitLogistic(examples: Example[], opts: { features?: readonly (typeof FEATURES)[number][]; l2?: number; iterations?: number; rate?: number } = {}): Weights {
  const names = opts.features ?? FEATURES;
  const l2 = opts.l2 ?? 1e-3;
  const n = examples.length;
  if (!n) return { bias: 0, w: {} };
  const mean = names.map((k) => examples.reduce((a, e) => a + e.f[k], 0) / n);
  const sd = names.map((k, j) => Math.sqrt(examples.reduce((a, e) => a + (e.f[k] - mean[j]!) ** 2, 0) / n) || 1);
  const x = examples.map((e) => names.map((k, j) => (e.f[k] - mean[j]!) / sd[j]!));
  const y = examples.map((e) => e.y);
  const wt = examples.map((e) => e.weight ?? 1);
  const total = wt.reduce((a, b) => a + b, 0);
  const w = new Array<number>(names.length).fill(0);
  let b = 0;
  const rate = opts.rate ?? 0.5;
  for (let it = 0; it < (opts.iterations ?? 800); it++) {
    const gw = new Array<number>(names.length).fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      let z = b;
      const xi = x[i]!;
      for (let j = 0; j < xi.length; j++) z += w[j]! * xi[j]!;
      const err = (1 / (1 + Math.exp(-z)) - y[i]!) * wt[i]!;
      gb += err;
      for (let j = 0; j < xi.length; j++) gw[j]! += err * xi[j]!;
    }
    b -= (rate * gb) / total;
    for (let j = 0; j < w.length; j++) w[j] = w[j]! - rate * (gw[j]! / total + l2 * w[j]!);
  }
  // Back to the original scale: z = b + Σ w_j (x_j − μ_j)/σ_j.
  const out: Weights = { bias: b, w: {} };
  names.forEach((k, j) => {
    out.w[k] = round(w[j]! / sd[j]!);
    out.bias -= (w[j]! * mean[j]!) / sd[j]!;
  });
  out.bias = round(out.bias);
  return out;
}

/** The candidate sentences of one question, each labelled by whether it holds the gold answer. */
export type Question = { f: Features; y: 0 | 1 }[];

/** How many of a question's best-ranked wrong sentences the second round weighs up. */
export const HARD_NEGATIVES = 3;

/**
 * Fit the sentence model for the answer-or-refuse decision, which reads the best sentence of each
 * question: every question counts once (its candidates share weight 1), its gold sentences as
 * much again (shared), and — after a first fit — its three best-ranked wrong sentences as much
 * again (shared), so the model learns to put the gold sentence above the near misses that would
 * otherwise be quoted.
 *
 * @example
 * const weights = fitSentenceModel(questions, { features: ['cov', 'typeHit', 'rankInv'] });
 */
export function fitSentenceModel(questions: Question[], opts: { features?: readonly (typeof FEATURES)[number][]; weights?: readonly number[] } = {}): Weights {
  const examples = (hard: (q: Question) => Set<Question[number]>) =>
    questions.flatMap((q, i) => {
      const n = q.length || 1;
      const hits = q.filter((c) => c.y).length || 1;
      const h = hard(q);
      const w = opts.weights?.[i] ?? 1;
      return q.map((c) => ({ f: c.f, y: c.y, weight: w * (1 / n + (c.y ? 1 / hits : 0) + (h.has(c) ? 1 / HARD_NEGATIVES : 0)) }));
    });
  const first = fitLogistic(examples(() => new Set()), opts);
  const z = (f: Features) => logitOf(f, first);
  return fitLogistic(examples((q) => new Set([...q].sort((a, b) => z(b.f) - z(a.f)).slice(0, HARD_NEGATIVES).filter((c) => !c.y))), opts);
}

/**
 * The weights with the bias moved so that the configured threshold refuses `target` of the unanswerable
 * questions (their best sentence under it) and no more: a refit then keeps the threshold's meaning — the
 * most answers the refusal target allows — instead of asking for a new threshold.
 *
 * @example
 * atThreshold(fitted, unanswerableQuestions, 0.48, 0.8).bias;
 */
export function atThreshold(w: Weights, unanswerable: Question[], threshold: number, target: number): Weights {
  const best = unanswerable.map((q) => q.reduce((m, c) => Math.max(m, logit(c.f, w)), -Infinity)).sort((a, b) => a - b);
  const k = Math.ceil(target * best.length) - 1;
  if (k < 0 || !Number.isFinite(best[k]!)) return w;
  // The k-th lowest best log-odds lands just under the threshold's: k + 1 of them (≥ target) are refused.
  const shift = Math.log(threshold / (1 - threshold)) - best[k]! - 1e-4;
  return { ...w, bias: round(w.bias + shift - 1e-4) };
}

const logitOf = (f: Features, w: Weights) => Object.entries(w.w).reduce((a, [k, v]) => a + (v ?? 0) * f[k as keyof Features], w.bias);

const round = (v: number) => Math.round(v * 1e4) / 1e4;

export interface OffsetExample {
  /** Signals whose weights are fitted. */
  x: number[];
  /** Log-odds already given by another model (kept fixed). */
  offset: number;
  y: 0 | 1;
  weight?: number;
}

/**
 * Logistic regression on top of a fixed offset (no intercept unless a constant 1 is among `x`):
 * fits how much extra signals add to an existing model's log-odds.
 *
 * @example
 * fitOffset([{ x: [0.8, 1], offset: -1.2, y: 1 }, …]); // [2.1, 0.7]
 */
export function fitOffset(examples: OffsetExample[], opts: { l2?: number; iterations?: number; rate?: number } = {}): number[] {
  const d = examples[0]?.x.length ?? 0;
  const w = new Array<number>(d).fill(0);
  const total = examples.reduce((a, e) => a + (e.weight ?? 1), 0) || 1;
  const rate = opts.rate ?? 1;
  const l2 = opts.l2 ?? 1e-3;
  for (let it = 0; it < (opts.iterations ?? 1500); it++) {
    const g = new Array<number>(d).fill(0);
    for (const e of examples) {
      let z = e.offset;
      for (let j = 0; j < d; j++) z += w[j]! * e.x[j]!;
      const err = (1 / (1 + Math.exp(-z)) - e.y) * (e.weight ?? 1);
      for (let j = 0; j < d; j++) g[j]! += err * e.x[j]!;
    }
    for (let j = 0; j < d; j++) w[j] = w[j]! - rate * (g[j]! / total + l2 * w[j]!);
  }
  return w.map(round);
}
