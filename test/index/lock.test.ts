import { spawnSync } from 'node:child_process';
import { mkdir, readdir, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UserError } from '../../src/errors.js';
import { lockPathOf, withIndexLock } from '../../src/index/lock.js';
import { ingest, readIndex, type QuotationFinder } from '../../src/index/store.js';
import { silentLogger } from '../../src/log.js';
import { tempDir } from '../helpers/paths.js';

const quoter: QuotationFinder = { version: 'test', find: () => [] };
let tmp: Awaited<ReturnType<typeof tempDir>>;
let dir: string;

beforeEach(async () => {
  tmp = await tempDir();
  dir = path.join(tmp.dir, 'index');
  for (const n of ['a', 'b', 'c', 'd']) await writeFile(path.join(tmp.dir, `${n}.txt`), `Document ${n} says the council met on day ${n}.`);
});
afterEach(() => tmp.cleanup());

const run = (sources: string[], extra: Partial<Parameters<typeof ingest>[0]> = {}) =>
  ingest({ dir, root: tmp.dir, sources, embedder: null, quoter, logger: silentLogger(), ...extra });

/** A pid that surely belongs to no running process: one that has just exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('one writer at a time', () => {
  it('given four ingests of different documents at once, when all finish, then every document is indexed', async () => {
    await Promise.all(['a', 'b', 'c', 'd'].map((n) => run([`${n}.txt`])));
    expect((await readIndex(dir))!.documents.map((d) => d.id).sort()).toEqual(['a.txt', 'b.txt', 'c.txt', 'd.txt']);
  });

  it('given a lock left by a killed process on this machine (untouched for 10 s), when ingesting, then it is removed at once with a warning', async () => {
    await mkdir(lockPathOf(dir), { recursive: true });
    const st = await stat(lockPathOf(dir));
    await writeFile(`${dir}.lock-owner`, JSON.stringify({ pid: deadPid(), host: os.hostname(), ino: st.ino, born: st.birthtimeMs }));
    const past = new Date(Date.now() - 15_000);
    await utimes(lockPathOf(dir), past, past);
    const logger = silentLogger();
    const warn = vi.spyOn(logger, 'warn');
    const t0 = Date.now();
    await run(['a.txt'], { logger });
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/Removed a stale index lock left by process \d+/));
    expect((await readIndex(dir))!.documents).toHaveLength(1);
  });

  it('given an owner record of a dead process that names an earlier lock folder, when a live writer holds the new one, then the lock is not broken', async () => {
    await mkdir(lockPathOf(dir), { recursive: true });
    const st = await stat(lockPathOf(dir));
    // The record of a previous, finished owner; the current lock folder is another one.
    await writeFile(`${dir}.lock-owner`, JSON.stringify({ pid: deadPid(), host: os.hostname(), ino: st.ino + 1, born: st.birthtimeMs }));
    const e = await run(['a.txt'], { limits: { lock: { waitMs: 1500 } } }).then(() => null, (err: unknown) => err);
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).code).toBe('index_locked');
  });

  it('given a lock of unknown owner not refreshed for longer than the stale time, when ingesting, then it is taken over', async () => {
    await mkdir(lockPathOf(dir), { recursive: true });
    await writeFile(`${dir}.lock-owner`, JSON.stringify({ pid: 1, host: 'another-machine' }));
    const past = new Date(Date.now() - 60_000);
    await utimes(lockPathOf(dir), past, past);
    await run(['a.txt'], { limits: { lock: { staleMs: 10_000, waitMs: 5000 } } });
    expect((await readIndex(dir))!.documents).toHaveLength(1);
  });

  it('given a live writer holding the lock past the wait limit, when ingesting, then it gives up with one clear line', async () => {
    let release!: () => void;
    const held = withIndexLock(dir, () => new Promise<void>((r) => (release = r)));
    await new Promise((r) => setTimeout(r, 200));
    const e = await run(['a.txt'], { limits: { lock: { waitMs: 500 } } }).then(() => null, (err: unknown) => err);
    release();
    await held;
    expect(e).toBeInstanceOf(UserError);
    expect((e as Error).message).toMatch(/Another process \(pid \d+\) has been writing the index .* for too long/);
  });
});

describe('leftovers of interrupted writes', () => {
  it('given .tmp- and .old- folders from crashed writes, when ingesting, then they are removed', async () => {
    await run(['a.txt']);
    for (const f of ['index.tmp-1-1', 'index.tmp-2-2', 'index.old-3-3']) {
      await mkdir(path.join(tmp.dir, f));
      await writeFile(path.join(tmp.dir, f, 'documents.json'), 'x'.repeat(1000));
    }
    await run(['b.txt']);
    expect((await readdir(tmp.dir)).filter((f) => /\.(tmp|old)-/.test(f))).toEqual([]);
  });
});
