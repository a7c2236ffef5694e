/**
 * The real commands with DATABASE_URL: `npm run ingest` writes the index's
 * vectors to the server's pgvector (keyed by the index's chunk ids), and
 * `npm run ask` searches them there, against a Postgres wire-protocol server
 * on 127.0.0.1 (PGlite with pgvector, served by pglite-socket).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/state/db.js';
import { DEFAULT_DOC_PATH, TINY_MODEL, tempDir } from '../helpers/paths.js';
import { startPgServer, type PgServer } from '../helpers/pg-server.js';
import { logLines, npmRun } from '../helpers/spawn.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
let server: PgServer;
let db: Db;
let env: Record<string, string>;
beforeAll(async () => {
  tmp = await tempDir();
  server = await startPgServer({ vector: true });
  db = await openDb({ url: server.url, dir: 'unused' });
  env = { INDEX_DIR: path.join(tmp.dir, 'index'), STATE_DIR: path.join(tmp.dir, 'state'), EMBEDDING_MODEL: TINY_MODEL, DATABASE_URL: server.url };
}, 180_000);
afterAll(async () => {
  await db?.close();
  await server?.stop();
  await tmp?.cleanup();
});

describe('npm run ingest / ask with DATABASE_URL', () => {
  it('given DATABASE_URL, when the index is built, then its vectors are in pgvector under its chunk ids, and ask searches them there and answers verbatim', async () => {
    const ingest = await npmRun('ingest', [], { env, timeoutMs: 240_000 });
    expect(ingest.code).toBe(0);
    expect(logLines(ingest.stderr, 30).some((l) => /vector search: pgvector on DATABASE_URL \(verbatim_vectors_[0-9a-f]{16}, 8 vectors, written in/.test(l.msg))).toBe(true);
    const sets = await db.query<{ name: string; rows: number }>('select name, rows from vector_sets');
    expect(sets).toHaveLength(1);
    const chunks = JSON.parse(await readFile(path.join(env.INDEX_DIR!, 'chunks.json'), 'utf8')) as { id: string }[];
    const ids = await db.query<{ id: string }>(`select id from ${sets[0]!.name} order by id`);
    expect(ids.map((r) => r.id)).toEqual(chunks.map((c) => c.id).sort());

    // (--json keeps the log to warnings unless a level is asked for.)
    const ask = await npmRun('ask', ['--json', 'What did Annan tell the Council?'], { env: { ...env, LOG_LEVEL: 'debug' }, timeoutMs: 240_000 });
    expect(ask.code).toBe(0);
    // The same index: the table published by ingest is searched, not written again.
    expect(logLines(ask.stderr, 30).filter((l) => /vector search: pgvector/.test(l.msg)).map((l) => l.msg)).toEqual([`vector search: pgvector on DATABASE_URL (${sets[0]!.name}, 8 vectors)`]);
    const answer = JSON.parse(ask.stdout) as { refused: boolean; citations: { doc: string; start: number; end: number; quote: string }[] };
    expect(answer.refused).toBe(false);
    expect(answer.citations.length).toBeGreaterThan(0);
    const text = await readFile(DEFAULT_DOC_PATH, 'utf8');
    for (const c of answer.citations) expect(text.slice(c.start, c.end)).toBe(c.quote);
    expect((await db.query('select name from vector_sets')).length).toBe(1);
  }, 600_000);
});
