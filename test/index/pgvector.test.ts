/**
 * The pgvector backend gives the same top-k as the embedded sidecar's scan,
 * on the embedded database with the vector extension (PGlite ships it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgVectorStore, vectorLiteral } from '../../src/index/pgvector.js';
import { createVectorIndex, type VectorItem } from '../../src/index/vectors.js';
import { IN_MEMORY, openDb, type Db } from '../../src/state/db.js';
import { DIM, unitVectors } from './vector-store.shared.js';

let db: Db;
beforeAll(async () => {
  db = await openDb({ dir: IN_MEMORY, vector: true });
}, 120_000);
afterAll(() => db?.close());

describe('pgvector store', () => {
  it('given 300 unit vectors, when searched exactly and with HNSW, then the top 10 match the sidecar scan (ids in order, scores within float error)', async () => {
    const items: VectorItem[] = unitVectors(300, 7).map((vector, i) => ({ id: `doc.txt#c${i}`, vector, metadata: { paragraph: i } }));
    const store = await createPgVectorStore(db, { table: 'test_vectors', dim: DIM });
    await store.write(items);
    await store.buildIndex();
    expect(await store.count()).toBe(300);
    const sidecar = createVectorIndex(items, DIM);
    let agree = 0;
    for (const q of unitVectors(20, 99)) {
      const truth = sidecar.search(q, 10);
      const exact = await store.search(q, 10, { exact: true });
      expect(exact.map((h) => h.id)).toEqual(truth.map((h) => h.id));
      exact.forEach((h, i) => expect(h.score).toBeCloseTo(truth[i]!.score, 5));
      const approx = await store.search(q, 10, { efSearch: 200 });
      agree += approx.filter((h) => truth.some((t) => t.id === h.id)).length;
    }
    // HNSW is approximate; at 300 rows with a wide beam it finds (nearly) all.
    expect(agree / 200).toBeGreaterThanOrEqual(0.95);
  });

  it('given an item written twice, then it is replaced, not duplicated; a wrong dimension is refused', async () => {
    const store = await createPgVectorStore(db, { table: 'test_replace', dim: DIM });
    const [a, b] = unitVectors(2, 3);
    await store.write([{ id: 'x', vector: a! }]);
    await store.write([{ id: 'x', vector: b! }]);
    expect(await store.count()).toBe(1);
    const [hit] = await store.search(b!, 1, { exact: true });
    expect(hit).toMatchObject({ id: 'x' });
    expect(hit!.score).toBeCloseTo(1, 5);
    await expect(store.write([{ id: 'y', vector: new Float32Array(3) }])).rejects.toThrow(/3 dimensions, expected 16/);
    await expect(createPgVectorStore(db, { table: 'bad; drop table x', dim: DIM })).rejects.toThrow(/safe table name/);
  });

  it('given items bulk-loaded (binary COPY on the embedded database), then ids, metadata and vectors read back as written, and IVFFlat probing every list finds the exact top 10', async () => {
    const items: VectorItem[] = unitVectors(200, 21).map((vector, i) => ({ id: `doc ü.txt#c${i}`, vector, metadata: { doc: 'doc ü.txt', paragraph: i + 1, quote: 'a "b"' } }));
    const store = await createPgVectorStore(db, { table: 'test_bulk', dim: DIM });
    await store.load(items);
    expect(await store.count()).toBe(200);
    const [row] = await db.query<{ metadata: unknown; embedding: string }>('select metadata, embedding::text as embedding from test_bulk where id = $1', ['doc ü.txt#c5']);
    expect(row!.metadata).toEqual({ doc: 'doc ü.txt', paragraph: 6, quote: 'a "b"' });
    expect(Float32Array.from(JSON.parse(row!.embedding) as number[])).toEqual(items[5]!.vector);
    await store.buildIndex({ method: 'ivfflat', lists: 8 });
    const sidecar = createVectorIndex(items, DIM);
    for (const q of unitVectors(10, 5)) {
      expect((await store.search(q, 10, { probes: 8 })).map((h) => h.id)).toEqual(sidecar.search(q, 10).map((h) => h.id));
    }
    await expect(store.load([{ id: 'short', vector: new Float32Array(3) }])).rejects.toThrow(/3 dimensions, expected 16/);
  });

  it('formats vectors as pgvector text', () => {
    expect(vectorLiteral(new Float32Array([0.5, -1, 0.1]))).toBe('[0.5,-1,0.10000000149011612]');
  });
});
