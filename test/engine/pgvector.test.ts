/**
 * With DATABASE_URL the engine searches the index's vectors through pgvector
 * on the server (not the in-process sidecar): the index build publishes them,
 * keyed by the index's chunk ids, and the retriever's vector hits come from
 * that table — what the table holds is what is found.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine/index.js';
import type { Engine } from '../../src/engine-api.js';
import { silentLogger } from '../../src/log.js';
import { openDb, type Db } from '../../src/state/db.js';
import { capturingLogger } from '../helpers/capture-logger.js';
import { hashEmbedder } from '../helpers/hash-embedder.js';
import { ROOT, tempDir } from '../helpers/paths.js';
import { startPgServer, type PgServer } from '../helpers/pg-server.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
let server: PgServer;
let db: Db;
beforeAll(async () => {
  tmp = await tempDir();
  server = await startPgServer({ vector: true });
  db = await openDb({ url: server.url, dir: 'unused' });
}, 180_000);
afterAll(async () => {
  await db?.close();
  await server?.stop();
  await tmp?.cleanup();
});

const QUESTION = 'What did Annan tell the Security Council about regional organizations?';
const engineFor = (env: Record<string, string>, logger = silentLogger()) =>
  createEngine({ config: loadConfig({ EMBEDDING_MODEL: 'none', LOG_LEVEL: 'silent', ...env }, ROOT), logger, embedder: hashEmbedder(), retrieval: 'vector' });
const setTables = async () => (await db.query<{ name: string }>('select name from vector_sets order by created_at')).map((r) => r.name);

describe('the engine with DATABASE_URL', () => {
  let engine: Engine | undefined;
  afterAll(() => engine?.close());

  it('given DATABASE_URL, when the engine opens, then the index vectors are in one pgvector table keyed by its chunk ids, and vector search reads that table', async () => {
    const indexDir = path.join(tmp.dir, 'index');
    const { logger, lines } = capturingLogger();
    engine = await engineFor({ INDEX_DIR: indexDir, DATABASE_URL: server.url }, logger);
    const [table] = await setTables();
    expect(table).toMatch(/^verbatim_vectors_[0-9a-f]{16}$/);
    expect(lines.some((l) => /vector search: pgvector/.test(l.msg))).toBe(true);
    const chunks = JSON.parse(await readFile(path.join(indexDir, 'chunks.json'), 'utf8')) as { id: string }[];
    const rows = await db.query<{ id: string }>(`select id from ${table} order by id`);
    expect(rows.map((r) => r.id)).toEqual(chunks.map((c) => c.id).sort());

    const before = await engine.retrieve(QUESTION, undefined, 5);
    expect(before.length).toBeGreaterThan(1);
    // Leave one vector in the server's table: vector search can only find that chunk now (the sidecar on disk still has all).
    const keep = before.at(-1)!.chunk.id;
    await db.query(`delete from ${table} where id <> $1`, [keep]);
    const after = await engine.retrieve(QUESTION, undefined, 5);
    expect(after.map((p) => p.chunk.id)).toEqual([keep]);
  }, 300_000);

  it('given VECTOR_STORE=sidecar beside DATABASE_URL, then nothing is published and the search stays in the process', async () => {
    const n = (await setTables()).length;
    const local = await engineFor({ INDEX_DIR: path.join(tmp.dir, 'index'), DATABASE_URL: server.url, VECTOR_STORE: 'sidecar' });
    try {
      expect((await local.retrieve(QUESTION, undefined, 5)).length).toBe(5);
      expect(await setTables()).toHaveLength(n);
    } finally {
      await local.close();
    }
  }, 300_000);

  it('given VECTOR_STORE=pgvector without DATABASE_URL, then start-up stops with one line naming the fix', async () => {
    await expect(engineFor({ INDEX_DIR: path.join(tmp.dir, 'index'), VECTOR_STORE: 'pgvector' })).rejects.toThrow(/VECTOR_STORE=pgvector .*set DATABASE_URL/);
  }, 300_000);

  it('given a server without pgvector, then with VECTOR_STORE=auto one warning and the in-process vectors answer; with VECTOR_STORE=pgvector start-up stops', async () => {
    const plain = await startPgServer();
    const { logger, lines } = capturingLogger();
    const local = await engineFor({ INDEX_DIR: path.join(tmp.dir, 'index'), DATABASE_URL: plain.url }, logger);
    try {
      const warnings = lines.filter((l) => l.level === 40);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]!.msg).toMatch(/cannot search vectors.*in-process vectors instead/);
      expect((await local.retrieve(QUESTION, undefined, 5)).length).toBe(5);
      await expect(engineFor({ INDEX_DIR: path.join(tmp.dir, 'index'), DATABASE_URL: plain.url, VECTOR_STORE: 'pgvector' })).rejects.toThrow(/cannot search vectors.*CREATE EXTENSION vector/);
    } finally {
      await local.close();
      await plain.stop();
    }
  }, 300_000);
});
