/**
 * How central each sentence is to its document: TF-IDF (or the embedder's)
 * vectors, TextRank (PageRank over the cosine-similarity graph) and
 * similarity to the centroid, each scaled to [0, 1].
 */
import { terms } from '../retrieve/terms.js';

export type Sim = (i: number, j: number) => number;

/** Sentence vectors: pairwise cosine, each sentence's cosine with the centroid, and with any other text. */
export interface Space {
  sim: Sim;
  centroid(): number[];
  /** Cosine of each sentence with a text outside the space (e.g. the title), in the same TF-IDF weights. */
  against?(text: string): number[];
}

type Sparse = Map<string, number>;

const sparseDot = (a: Sparse, b: Sparse) => {
  const [x, y] = a.size < b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [t, w] of x) s += w * (y.get(t) ?? 0);
  return s;
};

/** L2-normalised TF-IDF vectors (sparse) over the given term lists. */
export function tfidfSpace(docs: string[][]): Space {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  const idf = (t: string) => Math.log((n + 1) / ((df.get(t) ?? 0) + 1)) + 1;
  const vector = (ts: string[]): Sparse => {
    const tf = new Map<string, number>();
    for (const t of ts) tf.set(t, (tf.get(t) ?? 0) + 1);
    const v: Sparse = new Map();
    let norm = 0;
    for (const [t, f] of tf) {
      const w = (1 + Math.log(f)) * idf(t);
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    return v;
  };
  const vecs = docs.map(vector);
  return {
    sim: (i, j) => (i === j ? 1 : sparseDot(vecs[i]!, vecs[j]!)),
    centroid() {
      const c: Sparse = new Map();
      for (const v of vecs) for (const [t, w] of v) c.set(t, (c.get(t) ?? 0) + w);
      const norm = Math.sqrt([...c.values()].reduce((s, w) => s + w * w, 0)) || 1;
      return vecs.map((v) => sparseDot(v, c) / norm);
    },
    against(text) {
      const q = vector(terms(text));
      return vecs.map((v) => sparseDot(v, q));
    },
  };
}

/** The embedder's vectors (re-normalised). */
export function embeddingSpace(vs: Float32Array[]): Space {
  const unit = vs.map((v) => {
    const n = Math.sqrt(dense(v, v)) || 1;
    return v.map((x) => x / n);
  });
  return {
    sim: (i, j) => (i === j ? 1 : dense(unit[i]!, unit[j]!)),
    centroid() {
      const c = new Float32Array(unit[0]?.length ?? 0);
      for (const v of unit) for (let k = 0; k < v.length; k++) c[k]! += v[k]!;
      const norm = Math.sqrt(dense(c, c)) || 1;
      return unit.map((v) => dense(v, c) / norm);
    },
  };
}

export const cosine = (a: Float32Array, b: Float32Array) => dense(a, b) / (Math.sqrt(dense(a, a) * dense(b, b)) || 1);

function dense(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
  return s;
}

/** PageRank over the similarity graph of the given candidates (weights = positive cosine). */
export function textRank(idx: number[], sim: Sim, damping = 0.85, iterations = 40): number[] {
  const n = idx.length;
  if (n === 1) return [1];
  const w = Array.from({ length: n }, () => new Float32Array(n));
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++) {
      const v = Math.max(0, sim(idx[a]!, idx[b]!));
      w[a]![b] = v;
      w[b]![a] = v;
    }
  const out = w.map((row) => row.reduce((s, x) => s + x, 0));
  let r = new Array<number>(n).fill(1 / n);
  for (let it = 0; it < iterations; it++) {
    const next = new Array<number>(n).fill((1 - damping) / n);
    for (let a = 0; a < n; a++) {
      if (out[a] === 0) {
        for (let b = 0; b < n; b++) next[b]! += (damping * r[a]!) / n;
        continue;
      }
      for (let b = 0; b < n; b++) if (w[a]![b]) next[b]! += (damping * r[a]! * w[a]![b]!) / out[a]!;
    }
    r = next;
  }
  return r;
}

/** Min–max scale to [0, 1] (all 1 when every value is the same). */
export function scale(xs: number[]): number[] {
  const lo = xs.reduce((m, x) => Math.min(m, x), Infinity);
  const hi = xs.reduce((m, x) => Math.max(m, x), -Infinity);
  return xs.map((x) => (hi > lo ? (x - lo) / (hi - lo) : 1));
}
