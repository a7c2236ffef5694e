/**
 * Fitting the learned attribution layer (rank.ts): a conditional-logit
 * ranker (softmax over each quotation's candidates, gold = the candidates
 * naming the labelled speaker) and a logistic title classifier, both by
 * full-batch gradient descent with an L2 penalty. Small data (a few hundred
 * quotations), so plain and deterministic.
 */
import { sigmoid } from '../log-odds.js';

/** One quotation for the ranker: each candidate's features, and which candidates are right. */
export interface RankExample {
  candidates: Record<string, number | undefined>[];
  gold: boolean[];
}

export interface FitOptions {
  epochs?: number;
  rate?: number;
  l2?: number;
}

const dot = (w: Map<string, number>, f: Record<string, number | undefined>) => {
  let s = 0;
  for (const k in f) s += (w.get(k) ?? 0) * (f[k] ?? 0);
  return s;
};

/**
 * Fit ranker weights maximising the log-probability of the gold candidates.
 *
 * @example
 * fitRanker([{ candidates: [{ a: 1 }, { b: 1 }], gold: [true, false] }]).a > 0; // true
 */
export function fitRanker(examples: RankExample[], { epochs = 400, rate = 0.5, l2 = 0.01 }: FitOptions = {}): Record<string, number> {
  const w = new Map<string, number>();
  const usable = examples.filter((e) => e.gold.some(Boolean) && e.candidates.length > 1);
  for (let ep = 0; ep < epochs; ep++) {
    const grad = new Map<string, number>();
    for (const e of usable) {
      const s = e.candidates.map((f) => dot(w, f));
      const m = Math.max(...s);
      const p = s.map((x) => Math.exp(x - m));
      const z = p.reduce((a, b) => a + b, 0);
      const zg = p.reduce((a, b, i) => a + (e.gold[i] ? b : 0), 0);
      e.candidates.forEach((f, i) => {
        // d log(sum_gold p) / d w = E_gold[f] - E_all[f]
        const coef = (e.gold[i] ? p[i]! / zg : 0) - p[i]! / z;
        if (coef === 0) return;
        for (const k in f) grad.set(k, (grad.get(k) ?? 0) + coef * (f[k] ?? 0));
      });
    }
    const n = Math.max(1, usable.length);
    const keys = new Set([...grad.keys(), ...w.keys()]);
    for (const k of keys) w.set(k, (w.get(k) ?? 0) + rate * ((grad.get(k) ?? 0) / n - l2 * (w.get(k) ?? 0)));
  }
  return Object.fromEntries([...w].map(([k, v]) => [k, Math.round(v * 1e4) / 1e4]));
}

/**
 * Fit logistic-regression weights (feature "bias" is the intercept, unpenalised like the rest).
 *
 * @example
 * fitLogistic([{ x: 1, bias: 1 }, { x: 0, bias: 1 }], [1, 0]).x > 0; // true
 */
export function fitLogistic(xs: Record<string, number>[], ys: number[], { epochs = 600, rate = 0.5, l2 = 0.01 }: FitOptions = {}): Record<string, number> {
  const w = new Map<string, number>();
  for (let ep = 0; ep < epochs; ep++) {
    const grad = new Map<string, number>();
    xs.forEach((f, i) => {
      const err = ys[i]! - sigmoid(dot(w, f));
      for (const k in f) grad.set(k, (grad.get(k) ?? 0) + err * f[k]!);
    });
    const n = Math.max(1, xs.length);
    const keys = new Set([...grad.keys(), ...w.keys()]);
    for (const k of keys) w.set(k, (w.get(k) ?? 0) + rate * ((grad.get(k) ?? 0) / n - l2 * (w.get(k) ?? 0)));
  }
  return Object.fromEntries([...w].map(([k, v]) => [k, Math.round(v * 1e4) / 1e4]));
}
