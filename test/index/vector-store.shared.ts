/**
 * One behaviour, every implementation: the vector store contract, run against
 * the embedded sidecar and pgvector (embedded PGlite, and a Postgres server
 * over the wire). `make` writes the items through the store's own write path
 * and returns the store that searches them.
 */
import { describe, expect, it } from 'vitest';
import type { VectorStore } from '../../src/index/vector-store.js';
import type { VectorItem } from '../../src/index/vectors.js';
import { mulberry32 } from '../../src/random.js';

export const DIM = 16;
export function unitVectors(n: number, seed: number, dim = DIM): Float32Array[] {
  const rand = mulberry32(seed);
  return Array.from({ length: n }, () => {
    const v = Float32Array.from({ length: dim }, () => rand() * 2 - 1);
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
}

/** The exact ranking, by brute force: every dot product, sorted. */
function bruteForce(items: VectorItem[], q: Float32Array, k: number) {
  return items
    .map((it) => ({ id: it.id, score: it.vector.reduce((s, x, j) => s + x * q[j]!, 0) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, k);
}

export function vectorStoreContract(name: string, make: (items: VectorItem[], dim: number) => Promise<VectorStore>) {
  describe(`${name}: the vector store contract`, () => {
    const items: VectorItem[] = unitVectors(300, 7).map((vector, i) => ({ id: `docs/a.txt#c${i}`, vector, metadata: { doc: 'docs/a.txt', paragraph: i + 1 } }));

    it('given 300 unit vectors, when 20 queries are searched, then ≥ 95% of each exact top 10 comes back, best first, each with its true cosine', async () => {
      const store = await make(items, DIM);
      expect(await store.count()).toBe(300);
      const byId = new Map(items.map((it) => [it.id, it.vector]));
      let found = 0;
      for (const q of unitVectors(20, 99)) {
        const truth = bruteForce(items, q, 10);
        const hits = await store.search(q, 10);
        expect(hits).toHaveLength(10);
        for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score + 1e-6);
        for (const h of hits) expect(h.score).toBeCloseTo(byId.get(h.id)!.reduce((s, x, j) => s + x * q[j]!, 0), 5);
        found += hits.filter((h) => truth.some((t) => t.id === h.id)).length;
      }
      expect(found / 200).toBeGreaterThanOrEqual(0.95);
    });

    it('given each of 50 stored vectors as the query, then its own id comes first, with score 1', async () => {
      const store = await make(items, DIM);
      for (const it of items.slice(0, 50)) {
        const [top] = await store.search(it.vector, 3);
        expect(top?.id).toBe(it.id);
        expect(top!.score).toBeCloseTo(1, 5);
      }
    });

    it('given k past the number of items, then every id written comes back exactly once', async () => {
      const few = items.slice(0, 40);
      const store = await make(few, DIM);
      const hits = await store.search(unitVectors(1, 5)[0]!, 2_000);
      expect(hits.map((h) => h.id).sort()).toEqual(few.map((it) => it.id).sort());
    });

    it('given a query of another dimension, then the search is refused', async () => {
      const store = await make(items.slice(0, 10), DIM);
      await expect(store.search(new Float32Array(DIM + 1), 5)).rejects.toThrow(/dimensions/);
    });
  });
}
