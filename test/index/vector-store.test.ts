/**
 * The vector store contract (vector-store.shared.ts) against each store:
 * the sidecar (written to disk and read back), and pgvector published into an
 * embedded PGlite and into a Postgres server over the wire (DATABASE_URL).
 */
import { afterAll, beforeAll } from 'vitest';
import { publishVectors } from '../../src/index/pgvector-sets.js';
import { sidecarStore } from '../../src/index/vector-store.js';
import { readVectorIndex, writeVectorIndex } from '../../src/index/vectors.js';
import { IN_MEMORY, openDb, type Db } from '../../src/state/db.js';
import { migrate } from '../../src/state/migrations.js';
import { tempDir } from '../helpers/paths.js';
import { startPgServer, type PgServer } from '../helpers/pg-server.js';
import { vectorStoreContract } from './vector-store.shared.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
let embedded: Db;
let server: PgServer;
let remote: Db;
let n = 0;
beforeAll(async () => {
  tmp = await tempDir();
  embedded = await openDb({ dir: IN_MEMORY, vector: true });
  await migrate(embedded);
  server = await startPgServer({ vector: true });
  remote = await openDb({ url: server.url, dir: 'unused' });
  await migrate(remote);
}, 180_000);
afterAll(async () => {
  await remote?.close();
  await server?.stop();
  await embedded?.close();
  await tmp?.cleanup();
});

vectorStoreContract('sidecar (vectors.f32)', async (items, dim) => {
  const dir = `${tmp.dir}/sidecar-${n++}`;
  const { mkdir } = await import('node:fs/promises');
  await mkdir(dir, { recursive: true });
  await writeVectorIndex(dir, items, dim);
  return sidecarStore(await readVectorIndex(dir));
});
vectorStoreContract('pgvector (embedded PGlite)', async (items, dim) => (await publishVectors(embedded, { model: 'test/contract', dim, items })).store);
vectorStoreContract('pgvector (Postgres server, DATABASE_URL)', async (items, dim) => (await publishVectors(remote, { model: 'test/contract', dim, items })).store);
