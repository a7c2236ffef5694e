/**
 * The embedded state database's first start: initdb runs in a throwaway
 * child process, so its ~640 MB of WebAssembly memory (which never shrinks)
 * is not kept by the process that opens the database; and the database is
 * compiled by V8's baseline compiler only when opened as the bot opens it.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, isCreated } from '../../src/state/create-embedded.js';
import { pgliteVersion } from '../../src/state/template.js';
import { openDb } from '../../src/state/db.js';
import { StateError } from '../../src/state/errors.js';
import { runCommand } from '../helpers/spawn.js';
import { ROOT, tempDir } from '../helpers/paths.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  tmp = await tempDir();
});
afterAll(async () => {
  await tmp.cleanup();
});

const MB = 1024 * 1024;

describe('creating the embedded state database', () => {
  it('given a fresh folder, when the database is opened, then it is created in a child process: this process gains ~130 MB of WebAssembly memory, not initdb’s ~640 MB, and the database works and reopens', async () => {
    const dir = path.join(tmp.dir, 'fresh');
    const before = process.memoryUsage().external;
    const db = await openDb({ dir });
    try {
      // external counts WebAssembly memory: PGlite's own starts at 128 MB; initdb in this process would leave ~640 MB.
      expect((process.memoryUsage().external - before) / MB).toBeLessThan(300);
      await db.query('create table t (v text)');
      await db.query("insert into t values ('kept')");
    } finally {
      await db.close();
    }
    expect(isCreated(dir)).toBe(true);
    // Nothing half-made is left beside it.
    expect((await readdir(tmp.dir)).filter((f) => f.includes('.creating-'))).toEqual([]);
    const again = await openDb({ dir });
    try {
      expect(await again.query('select v from t')).toEqual([{ v: 'kept' }]);
    } finally {
      await again.close();
    }
  }, 180_000);

  it('given a folder that holds files but no database, when opened, then it is refused with a clear state_unavailable error and the files are left alone', async () => {
    const dir = path.join(tmp.dir, 'not-a-db');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'notes.txt'), 'mine');
    const err = await openDb({ dir }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StateError);
    expect((err as StateError).stateCode).toBe('state_unavailable');
    expect((err as Error).message).toMatch(/not empty but holds no database/);
    expect(await readdir(dir)).toEqual(['notes.txt']);
    expect((await readdir(tmp.dir)).filter((f) => f.includes('.creating-'))).toEqual([]);
  }, 180_000);

  it('given settings Postgres rejects, when the database is created by initdb in a child process, then the child’s reason comes back as one plain line (no "Error:", no stack) and nothing half-made is left', async () => {
    const dir = path.join(tmp.dir, 'bad-settings');
    const err = await createDatabase(dir, ['shared_buffers=banana'], null).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StateError);
    expect((err as StateError).stateCode).toBe('state_unavailable');
    expect((err as Error).message).toMatch(/^Cannot create the embedded state database in .*bad-settings: \S/);
    expect((err as Error).message).not.toMatch(/: \w*Error: |\n/);
    expect((await readdir(tmp.dir)).filter((f) => f.includes('.creating-'))).toEqual([]);
    expect(isCreated(dir)).toBe(false);
  }, 120_000);

  it('given a creation that fails half-way through copying the template, when it fails, then the half-made folder beside it is removed (nothing is left behind)', async () => {
    // A template the installed PGlite accepts, whose copy fails part-way: a named pipe cannot be copied, and by then a folder has been.
    const template = path.join(tmp.dir, 'broken-template');
    await mkdir(path.join(template, 'base'), { recursive: true });
    await writeFile(path.join(template, 'PG_VERSION'), '17\n');
    await writeFile(path.join(template, 'base', 'a'), 'x');
    execFileSync('mkfifo', [path.join(template, 'base', 'z-pipe')]);
    await writeFile(`${template}.json`, JSON.stringify({ pglite: pgliteVersion(), migrations: [1] }));
    const dir = path.join(tmp.dir, 'half-made');
    const err = await createDatabase(dir, [], template).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StateError);
    expect((err as StateError).stateCode).toBe('state_unavailable');
    expect((await readdir(tmp.dir)).filter((f) => f.includes('.creating-'))).toEqual([]);
    expect(isCreated(dir)).toBe(false);
  });

  it('given the database opened as the bot opens it (openState), then its WebAssembly is compiled by the baseline compiler only: the process is ≥ 15 MB smaller than with the optimising tier', async () => {
    const dir = path.join(tmp.dir, 'rss');
    await openDb({ dir }).then((db) => db.close()); // created once; each child below only opens it
    // Each child opens the database, runs a few statements, and prints its RSS (MB).
    const rss = async (asTheBot: boolean) => {
      const open = asTheBot
        ? `(await import(${JSON.stringify(path.join(ROOT, 'src/state/index.ts'))})).openState({ dir: ${JSON.stringify(dir)}, maxTurns: 10, ttlMs: 60000 })`
        : `await (async () => { const db = await (await import(${JSON.stringify(path.join(ROOT, 'src/state/db.ts'))})).openDb({ dir: ${JSON.stringify(dir)} }); await (await import(${JSON.stringify(path.join(ROOT, 'src/state/migrations.ts'))})).migrate(db); return db; })()`;
      const script = `
        const db = await ${open};
        const q = db.query ? (s, p) => db.query(s, p) : (s, p) => db.db.query(s, p);
        for (let i = 0; i < 50; i++) await q('select count(*) from pg_class where relname like $1', ['%' + i]);
        await new Promise((r) => setTimeout(r, 1000));
        console.log(process.memoryUsage().rss / 1048576);
        await db.close();`;
      const r = await runCommand(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeoutMs: 120_000 });
      expect(r.code, r.stderr).toBe(0);
      return Number(r.stdout.trim().split('\n').at(-1));
    };
    const optimised = await rss(false);
    const baseline = await rss(true);
    expect(optimised - baseline, `RSS ${optimised.toFixed(0)} MB with the optimising tier, ${baseline.toFixed(0)} MB as the bot opens it`).toBeGreaterThanOrEqual(15);
  }, 300_000);
});
