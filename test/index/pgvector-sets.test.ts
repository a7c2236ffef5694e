/**
 * Publishing an index's vectors to pgvector: one table per set of vectors
 * (named by their fingerprint), shared by processes with the same index,
 * never overwritten by another; a server without pgvector is one clear error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishVectors, SET_PREFIX, vectorSetName } from '../../src/index/pgvector-sets.js';
import { openDb, type Db } from '../../src/state/db.js';
import { StateError } from '../../src/state/errors.js';
import { migrate } from '../../src/state/migrations.js';
import { startPgServer, type PgServer } from '../helpers/pg-server.js';
import { DIM, unitVectors } from './vector-store.shared.js';

let server: PgServer;
let a: Db;
let b: Db;
beforeAll(async () => {
  server = await startPgServer({ vector: true });
  a = await openDb({ url: server.url, dir: 'unused' });
  b = await openDb({ url: server.url, dir: 'unused' });
  await migrate(a);
}, 180_000);
afterAll(async () => {
  await a?.close();
  await b?.close();
  await server?.stop();
});

const items = unitVectors(50, 11).map((vector, i) => ({ id: `docs/a.txt#c${i}`, vector, metadata: { doc: 'docs/a.txt', paragraph: i + 1 } }));
const tables = async (db: Db) => (await db.query<{ t: string }>(`select tablename as t from pg_tables where tablename like '${SET_PREFIX}%' order by 1`)).map((r) => r.t);

describe('publishing vectors to pgvector', () => {
  it('given the same vectors published by two processes at once, then one table holds them, keyed by the chunk ids, listed once, with no draft left over', async () => {
    const [x, y] = await Promise.all([publishVectors(a, { model: 'm', dim: DIM, items }), publishVectors(b, { model: 'm', dim: DIM, items })]);
    expect(x.table).toBe(y.table);
    expect([x.created, y.created].filter(Boolean)).toHaveLength(1);
    expect(await tables(a)).toEqual([x.table]);
    const ids = await a.query<{ id: string }>(`select id from ${x.table} order by id`);
    expect(ids.map((r) => r.id)).toEqual(items.map((it) => it.id).sort());
    expect(await a.query('select name, rows from vector_sets')).toEqual([{ name: x.table, rows: 50 }]);
    const again = await publishVectors(a, { model: 'm', dim: DIM, items });
    expect(again).toMatchObject({ table: x.table, created: false });
  });

  it('given one vector changed, or another model, then the set gets another table and the first is untouched', async () => {
    const changed = items.map((it, i) => (i === 7 ? { ...it, vector: unitVectors(1, 3)[0]! } : it));
    expect(vectorSetName('m', DIM, changed)).not.toBe(vectorSetName('m', DIM, items));
    expect(vectorSetName('other', DIM, items)).not.toBe(vectorSetName('m', DIM, items));
    const first = await publishVectors(a, { model: 'm', dim: DIM, items });
    const second = await publishVectors(a, { model: 'm', dim: DIM, items: changed });
    expect(second.table).not.toBe(first.table);
    expect((await second.store.search(changed[7]!.vector, 1))[0]?.id).toBe('docs/a.txt#c7');
    expect((await first.store.search(changed[7]!.vector, 1))[0]?.score).toBeLessThan(0.99);
  });

  it('given a server without the vector extension, then one clear error naming the fix', async () => {
    const plain = await startPgServer();
    const db = await openDb({ url: plain.url, dir: 'unused' });
    try {
      await migrate(db);
      const e = await publishVectors(db, { model: 'm', dim: DIM, items }).catch((err: unknown) => err);
      expect(e).toBeInstanceOf(StateError);
      expect((e as StateError).stateCode).toBe('state_no_pgvector');
      expect((e as Error).message).toMatch(/cannot search vectors.*CREATE EXTENSION vector.*VECTOR_STORE=sidecar/);
    } finally {
      await db.close();
      await plain.stop();
    }
  });
});
