/**
 * An index's vectors published to pgvector (`DATABASE_URL`), as one table per
 * set of vectors, named after a fingerprint of the model, the chunk ids, the
 * vectors and their metadata. Processes (or machines) holding the same index
 * share one table; a re-ingested index gets a new one, so no process ever
 * searches a table another is rewriting.
 *
 * Publishing builds into a private table (bulk load, then the HNSW index)
 * and renames it into place under an advisory lock: two processes starting
 * at once each may build, one wins, the other's copy is dropped. Every set is
 * listed in `vector_sets` (migration 2) with when it was last opened.
 *
 * @example
 * const set = await publishVectors(db, { model: 'Xenova/all-MiniLM-L6-v2', dim: 384, items });
 * await set.store.search(queryVector, 10);
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../state/db.js';
import { StateError } from '../state/errors.js';
import { createPgVectorStore } from './pgvector.js';
import type { VectorStore } from './vector-store.js';
import type { VectorItem } from './vectors.js';

export const SET_PREFIX = 'verbatim_vectors_';

/** HNSW's beam while searching: the store's default, raised to k when k is larger. */
const EF_SEARCH = 100;
/** Past what HNSW can return in one scan (ef_search ≤ 1,000), a search reads every row. */
const EXACT_ABOVE = 1_000;

/** The table for a set of vectors: `verbatim_vectors_` + 16 hex digits of sha256(model, dim, ids, vectors, metadata). */
export function vectorSetName(model: string, dim: number, items: readonly VectorItem[]): string {
  const h = createHash('sha256');
  h.update(`${model}\0${dim}\0${items.length}\0`);
  for (const it of items) {
    h.update(`${it.id}\0${JSON.stringify(it.metadata ?? {})}\0`);
    h.update(new Uint8Array(it.vector.buffer, it.vector.byteOffset, it.vector.byteLength));
  }
  return SET_PREFIX + h.digest('hex').slice(0, 16);
}

export interface PublishedSet {
  table: string;
  rows: number;
  /** This process wrote the table (else it was there already). */
  created: boolean;
  /** The set as a store (closing it closes nothing: the caller owns `db`). */
  store: VectorStore;
}

/** Make sure the server holds these vectors, indexed, and return the store that searches them. */
export async function publishVectors(db: Db, opts: { model: string; dim: number; items: readonly VectorItem[] }): Promise<PublishedSet> {
  const { model, dim, items } = opts;
  const table = vectorSetName(model, dim, items);
  try {
    await db.query('create extension if not exists vector');
  } catch (cause) {
    throw new StateError('state_no_pgvector', `The Postgres server in DATABASE_URL cannot search vectors: ${(cause as Error)?.message ?? cause}. Install pgvector there (CREATE EXTENSION vector), or set VECTOR_STORE=sidecar.`, { cause });
  }
  let created = false;
  const known = await db.query('update vector_sets set used_at = now() where name = $1 returning name', [table]);
  if (!known.length) {
    const building = `${table}_b${randomBytes(4).toString('hex')}`;
    const draft = await createPgVectorStore(db, { table: building, dim });
    try {
      await draft.load(items);
      await draft.buildIndex({ method: 'hnsw' });
      created = await db.transaction(async (tx) => {
        await tx.query('select pg_advisory_xact_lock(hashtext($1))', [table]);
        if ((await tx.query('select 1 from vector_sets where name = $1', [table])).length) return false;
        await tx.query(`alter table ${building} rename to ${table}`);
        await tx.query(`alter index ${building}_hnsw rename to ${table}_hnsw`);
        await tx.query(`alter index ${building}_pkey rename to ${table}_pkey`);
        await tx.query('insert into vector_sets (name, model, dim, rows, method) values ($1, $2, $3, $4, $5)', [table, model, dim, items.length, 'hnsw']);
        return true;
      });
    } finally {
      if (!created) await draft.drop().catch(() => undefined);
    }
  }
  const set = await createPgVectorStore(db, { table, dim });
  return {
    table,
    rows: items.length,
    created,
    store: {
      backend: 'pgvector',
      dim,
      count: () => set.count(),
      search: (query, k) => set.search(query, k, k > EXACT_ABOVE ? { exact: true } : { efSearch: EF_SEARCH }),
      close: async () => undefined,
    },
  };
}
