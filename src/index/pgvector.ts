/**
 * Vectors in Postgres with pgvector, for deployments that outgrow one
 * machine (`DATABASE_URL`): the same items and the same top-k by cosine as
 * the embedded sidecar (`vectors.ts`), with an approximate index (HNSW or
 * IVFFlat) for sub-linear search. Asynchronous, as anything over a
 * connection is.
 *
 * Vectors are unit length, so ordering by cosine distance (`<=>`) is the
 * sidecar's dot-product order; scores are reported as 1 − distance.
 *
 * Bulk loads go in fast: on the embedded database one binary `COPY` per
 * 10,000 rows (pgvector's binary vector format, no text parsing), on a server
 * multi-row inserts of 1,000 rows; the index is built once, after the load,
 * with `maintenance_work_mem` raised so the whole HNSW graph is built in
 * memory (below it, pgvector falls back to a much slower on-disk build).
 *
 * @example
 * const db = await openDb({ url: config.DATABASE_URL, dir, vector: true });
 * const store = await createPgVectorStore(db, { table: 'chunk_vectors', dim: 384 });
 * await store.load(items);
 * await store.buildIndex({ method: 'hnsw' });
 * await store.search(query, 10); // [{ id, score }, …]
 */
import type { Db, Queryable } from '../state/db.js';
import type { VectorHit, VectorItem } from './vectors.js';

export type PgVectorMethod = 'hnsw' | 'ivfflat';

export interface BuildIndexOptions {
  method?: PgVectorMethod;
  /** HNSW: links per node (pgvector's default 16). */
  m?: number;
  /** HNSW: candidate list while building (pgvector's default 64). */
  efConstruction?: number;
  /** IVFFlat: clusters (default √rows, pgvector's advice up to 1M rows). */
  lists?: number;
  /** Memory for the build, e.g. '1GB' (an HNSW graph larger than this is built far more slowly on disk). */
  maintenanceWorkMem?: string;
}

export interface SearchOptions {
  /** Scan every row (the ground truth for recall). */
  exact?: boolean;
  /** HNSW: candidate list while searching (≥ k). */
  efSearch?: number;
  /** IVFFlat: clusters visited. */
  probes?: number;
}

export interface PgVectorStore {
  readonly table: string;
  readonly dim: number;
  /** Insert or replace items (batched, in one transaction). */
  write(items: readonly VectorItem[]): Promise<void>;
  /** Append items to the table as fast as the database allows (binary COPY when embedded); ids must be new. */
  load(items: readonly VectorItem[]): Promise<void>;
  /** Build the approximate index (after a bulk load: faster than maintaining it row by row). */
  buildIndex(opts?: BuildIndexOptions): Promise<void>;
  /** Drop the approximate indexes (searches then scan exactly). */
  dropIndexes(): Promise<void>;
  /** Top-k by cosine, best first. */
  search(query: Float32Array, k: number, opts?: SearchOptions): Promise<VectorHit[]>;
  count(): Promise<number>;
  drop(): Promise<void>;
}

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;
const MEMORY = /^\d{1,6}\s?(?:kB|MB|GB)$/;
/** pgvector's text form: `[0.1,0.2,…]` (shortest round-trip float32 digits). */
export const vectorLiteral = (v: Float32Array) => `[${Array.from(v, (x) => Math.fround(x)).join(',')}]`;

/** Rows per binary COPY (about 16 MB at 384 dimensions). */
const COPY_ROWS = 10_000;
/** Rows per multi-row insert on a server. */
const INSERT_ROWS = 1_000;

const checkItem = (it: VectorItem, dim: number) => {
  if (it.vector.length !== dim) throw new Error(`${it.id}: vector has ${it.vector.length} dimensions, expected ${dim}`);
};

/**
 * `COPY … (id, metadata, embedding) FROM … WITH (FORMAT binary)` input:
 * the 19-byte header, then per row three fields — text, jsonb (version byte 1
 * + JSON text) and pgvector's binary vector (int16 dim, int16 0, float4 × dim),
 * all big-endian — then the -1 trailer.
 */
export function copyBinary(items: readonly VectorItem[], dim: number): Uint8Array {
  const enc = new TextEncoder();
  const ids = items.map((it) => enc.encode(it.id));
  const metas = items.map((it) => enc.encode(JSON.stringify(it.metadata ?? {})));
  const vecBytes = 4 + 4 * dim;
  let size = 19 + 2;
  for (let i = 0; i < items.length; i++) size += 2 + 4 + ids[i]!.length + 4 + 1 + metas[i]!.length + 4 + vecBytes;
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  out.set([0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00], 0); // PGCOPY\n\377\r\n\0, then flags 0, extension 0
  let o = 19;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    checkItem(it, dim);
    dv.setInt16(o, 3);
    o += 2;
    dv.setInt32(o, ids[i]!.length);
    out.set(ids[i]!, o + 4);
    o += 4 + ids[i]!.length;
    dv.setInt32(o, metas[i]!.length + 1);
    out[o + 4] = 1;
    out.set(metas[i]!, o + 5);
    o += 5 + metas[i]!.length;
    dv.setInt32(o, vecBytes);
    dv.setInt16(o + 4, dim);
    dv.setInt16(o + 6, 0);
    o += 8;
    for (let j = 0; j < dim; j++, o += 4) dv.setFloat32(o, it.vector[j]!);
  }
  dv.setInt16(o, -1);
  return out;
}

export async function createPgVectorStore(db: Db, opts: { table: string; dim: number }): Promise<PgVectorStore> {
  const { table, dim } = opts;
  if (!IDENT.test(table)) throw new Error(`not a safe table name: ${table}`);
  if (!Number.isInteger(dim) || dim < 1 || dim > 16000) throw new Error(`bad dimension: ${dim}`);
  await db.query('create extension if not exists vector');
  await db.query(`create table if not exists ${table} (id text primary key, metadata jsonb not null default '{}'::jsonb, embedding vector(${dim}) not null)`);

  /** Multi-row insert through text parameters (a server: `pg` has no COPY without another package). */
  const insertRows = async (tx: Queryable, batch: readonly VectorItem[], upsert: boolean) => {
    for (const it of batch) checkItem(it, dim);
    await tx.query(
      `insert into ${table} (id, metadata, embedding)
       select u.id, u.meta::jsonb, u.emb::vector from unnest($1::text[], $2::text[], $3::text[]) as u(id, meta, emb)
       ${upsert ? 'on conflict (id) do update set metadata = excluded.metadata, embedding = excluded.embedding' : ''}`,
      [batch.map((it) => it.id), batch.map((it) => JSON.stringify(it.metadata ?? {})), batch.map((it) => vectorLiteral(it.vector))],
    );
  };

  return {
    table,
    dim,
    async write(items) {
      await db.transaction(async (tx) => {
        for (let i = 0; i < items.length; i += INSERT_ROWS) await insertRows(tx, items.slice(i, i + INSERT_ROWS), true);
      });
    },
    async load(items) {
      if (db.copyFrom) {
        for (let i = 0; i < items.length; i += COPY_ROWS) {
          await db.copyFrom(`copy ${table} (id, metadata, embedding) from '/dev/blob' with (format binary)`, copyBinary(items.slice(i, i + COPY_ROWS), dim));
        }
        return;
      }
      await db.transaction(async (tx) => {
        for (let i = 0; i < items.length; i += INSERT_ROWS) await insertRows(tx, items.slice(i, i + INSERT_ROWS), false);
      });
    },
    async buildIndex({ method = 'hnsw', m = 16, efConstruction = 64, lists, maintenanceWorkMem = '1GB' } = {}) {
      if (!MEMORY.test(maintenanceWorkMem)) throw new Error(`bad maintenance_work_mem: ${maintenanceWorkMem}`);
      await db.transaction(async (tx) => {
        await tx.query(`set local maintenance_work_mem = '${maintenanceWorkMem}'`);
        if (method === 'hnsw') {
          await tx.query(`create index if not exists ${table}_hnsw on ${table} using hnsw (embedding vector_cosine_ops) with (m = ${Math.trunc(m)}, ef_construction = ${Math.trunc(efConstruction)})`);
        } else {
          const n = lists ?? Math.max(1, Math.round(Math.sqrt(Number((await tx.query<{ n: string | number }>(`select count(*) as n from ${table}`))[0]?.n ?? 1))));
          await tx.query(`create index if not exists ${table}_ivfflat on ${table} using ivfflat (embedding vector_cosine_ops) with (lists = ${Math.trunc(n)})`);
        }
      });
    },
    async dropIndexes() {
      await db.query(`drop index if exists ${table}_hnsw`);
      await db.query(`drop index if exists ${table}_ivfflat`);
    },
    async search(query, k, { exact = false, efSearch = 100, probes = 10 } = {}) {
      if (query.length !== dim) throw new Error(`query has ${query.length} dimensions, expected ${dim}`);
      const lit = vectorLiteral(query);
      const limit = Math.max(1, Math.trunc(k));
      const select = `select id, embedding <=> $1::vector as distance from ${table} order by embedding <=> $1::vector limit ${limit}`;
      const toHits = (rows: { id: string; distance: number }[]) => rows.map((r) => ({ id: r.id, score: 1 - Number(r.distance) }));
      // Settings scoped to this search's transaction: exact = no index scan (a planner setting), else the index's beam width.
      return db.transaction(async (tx) => {
        if (exact) await tx.query('set local enable_indexscan = off');
        else {
          await tx.query(`set local hnsw.ef_search = ${Math.min(1000, Math.max(limit, Math.trunc(efSearch)))}`);
          await tx.query(`set local ivfflat.probes = ${Math.max(1, Math.trunc(probes))}`);
        }
        return toHits(await tx.query(select, [lit]));
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
