/**
 * Vectors in Postgres with pgvector, for deployments that outgrow one
 * machine (`DATABASE_URL`): the same items and the same top-k by cosine as
 * the embedded sidecar (`vectors.ts`), with an HNSW index for sub-linear
 * search. Asynchronous, as anything over a connection is.
 *
 * Vectors are unit length, so ordering by cosine distance (`<=>`) is the
 * sidecar's dot-product order; scores are reported as 1 − distance.
 *
 * @example
 * const db = await openDb({ url: config.DATABASE_URL, dir, vector: true });
 * const store = await createPgVectorStore(db, { table: 'chunk_vectors', dim: 384 });
 * await store.write(items);
 * await store.buildIndex();
 * await store.search(query, 10); // [{ id, score }, …]
 */
import type { Db } from '../state/db.js';
import type { VectorHit, VectorItem } from './vectors.js';

export interface PgVectorStore {
  readonly table: string;
  readonly dim: number;
  /** Insert or replace items (batched, in one transaction). */
  write(items: readonly VectorItem[]): Promise<void>;
  /** Build the HNSW index (after a bulk load: faster than maintaining it row by row). */
  buildIndex(opts?: { m?: number; efConstruction?: number }): Promise<void>;
  /** Top-k by cosine, best first. `exact` scans every row (the ground truth for recall). */
  search(query: Float32Array, k: number, opts?: { exact?: boolean; efSearch?: number }): Promise<VectorHit[]>;
  count(): Promise<number>;
  drop(): Promise<void>;
}

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;
/** pgvector's text form: `[0.1,0.2,…]` (shortest round-trip float32 digits). */
export const vectorLiteral = (v: Float32Array) => `[${Array.from(v, (x) => Math.fround(x)).join(',')}]`;

export async function createPgVectorStore(db: Db, opts: { table: string; dim: number }): Promise<PgVectorStore> {
  const { table, dim } = opts;
  if (!IDENT.test(table)) throw new Error(`not a safe table name: ${table}`);
  if (!Number.isInteger(dim) || dim < 1 || dim > 16000) throw new Error(`bad dimension: ${dim}`);
  await db.query('create extension if not exists vector');
  await db.query(`create table if not exists ${table} (row serial, id text primary key, metadata jsonb not null default '{}'::jsonb, embedding vector(${dim}) not null)`);
  return {
    table,
    dim,
    async write(items) {
      const BATCH = 200;
      await db.transaction(async (tx) => {
        for (let i = 0; i < items.length; i += BATCH) {
          const batch = items.slice(i, i + BATCH);
          const values: string[] = [];
          const params: unknown[] = [];
          for (const it of batch) {
            if (it.vector.length !== dim) throw new Error(`${it.id}: vector has ${it.vector.length} dimensions, expected ${dim}`);
            const n = params.length;
            values.push(`($${n + 1}, $${n + 2}::jsonb, $${n + 3}::vector)`);
            params.push(it.id, JSON.stringify(it.metadata ?? {}), vectorLiteral(it.vector));
          }
          await tx.query(
            `insert into ${table} (id, metadata, embedding) values ${values.join(', ')}
             on conflict (id) do update set metadata = excluded.metadata, embedding = excluded.embedding`,
            params,
          );
        }
      });
    },
    async buildIndex({ m = 16, efConstruction = 64 } = {}) {
      await db.query(`create index if not exists ${table}_hnsw on ${table} using hnsw (embedding vector_cosine_ops) with (m = ${Math.trunc(m)}, ef_construction = ${Math.trunc(efConstruction)})`);
    },
    async search(query, k, { exact = false, efSearch = 100 } = {}) {
      const lit = vectorLiteral(query);
      const limit = Math.max(1, Math.trunc(k));
      return db.transaction(async (tx) => {
        // Planner settings scoped to this transaction: exact = a sequential scan, else the HNSW index with a wider beam.
        if (exact) await tx.query('set local enable_indexscan = off');
        else await tx.query(`set local hnsw.ef_search = ${Math.max(limit, Math.trunc(efSearch))}`);
        const rows = await tx.query<{ id: string; distance: number }>(`select id, embedding <=> $1::vector as distance from ${table} order by embedding <=> $1::vector limit ${limit}`, [lit]);
        return rows.map((r) => ({ id: r.id, score: 1 - Number(r.distance) }));
      });
    },
    async count() {
      const [r] = await db.query<{ n: number | string }>(`select count(*) as n from ${table}`);
      return Number(r?.n ?? 0);
    },
    async drop() {
      await db.query(`drop table if exists ${table}`);
    },
  };
}
