/**
 * One writer at a time on an index folder: `proper-lockfile` (a lock folder
 * beside the index, its mtime refreshed while held). A lock left by a killed
 * process stops counting as soon as its owner is known to be dead (same
 * machine), or after `staleMs` otherwise — never forever. Ingest and the bot's
 * background indexing both write through {@link withIndexLock}.
 *
 * @example
 * await withIndexLock(config.INDEX_DIR, async () => writeIndex(config.INDEX_DIR, index), { logger });
 */
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../errors.js';
import type { Logger } from '../log.js';

export interface LockOptions {
  logger?: Logger;
  /** Give up waiting for another writer after this long (ms). */
  waitMs?: number;
  /** A lock whose owner cannot be checked counts as abandoned after this long without a refresh (ms). */
  staleMs?: number;
}

export const lockPathOf = (dir: string) => `${dir}.lock`;
const ownerPathOf = (dir: string) => `${dir}.lock-owner`;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

interface Owner {
  pid: number;
  host: string;
  /** Identity of the lock folder this owner made (a new lock folder is a new inode). */
  ino: number;
  born: number;
}

const breakerPathOf = (dir: string) => `${dir}.lock-break`;
/** A lock folder touched more recently than this is never broken by the dead-owner rule. */
const FRESH_MS = 10_000;

/**
 * Remove the lock when it provably belongs to a dead process on this machine:
 * the owner record names this very lock folder (inode and birth time) and
 * that process is gone. Breakers take turns (a small mkdir mutex), so two of
 * them can never remove a fresh lock taken in between.
 */
async function breakDeadOwner(dir: string): Promise<{ broken: boolean; owner?: number }> {
  const breaker = breakerPathOf(dir);
  try {
    await mkdir(breaker);
  } catch {
    // Another process is checking; a breaker mutex older than 10 s was left by a killed process.
    const st = await stat(breaker).catch(() => null);
    if (st && Date.now() - st.mtimeMs > 10_000) await rm(breaker, { recursive: true, force: true });
    return { broken: false };
  }
  try {
    const owner = await readFile(ownerPathOf(dir), 'utf8').then((s) => JSON.parse(s) as Owner, () => null);
    const lock = await stat(lockPathOf(dir)).catch(() => null);
    if (!owner || !lock) return { broken: false };
    const same = owner.ino === lock.ino && owner.born === lock.birthtimeMs;
    // Inodes are reused and some file systems keep no birth time: a lock touched in the last 10 s may be a new
    // owner's that has not written its record yet (a live owner writes it within milliseconds of taking the lock).
    if (Date.now() - lock.mtimeMs < FRESH_MS) return { broken: false, owner: same ? owner.pid : undefined };
    if (!same || owner.host !== os.hostname() || owner.pid === process.pid || alive(owner.pid)) return { broken: false, owner: same ? owner.pid : undefined };
    await rm(lockPathOf(dir), { recursive: true, force: true });
    return { broken: true, owner: owner.pid };
  } finally {
    await rm(breaker, { recursive: true, force: true });
  }
}

/**
 * Run `fn` holding the index's write lock; waits (polling) while another
 * process holds it. Throws {@link UserError} if the wait exceeds `waitMs`,
 * and an Error if the lock was lost while `fn` ran (nothing is written then
 * by a caller that checks `stillHeld()`).
 */
export async function withIndexLock<T>(dir: string, fn: (lock: { stillHeld: () => boolean }) => Promise<T>, opts: LockOptions = {}): Promise<T> {
  const waitMs = opts.waitMs ?? 30 * 60_000;
  const staleMs = Math.max(opts.staleMs ?? 120_000, 5000);
  await mkdir(path.dirname(dir), { recursive: true });
  let compromised: Error | null = null;
  const deadline = Date.now() + waitMs;
  let said = false;
  let release: (() => Promise<void>) | undefined;
  // Loaded by the first writer, not by every process that only reads the index (a cold `ask`).
  const { default: lockfile } = await import('proper-lockfile');
  while (!release) {
    try {
      release = await lockfile.lock(dir, {
        lockfilePath: lockPathOf(dir),
        realpath: false,
        stale: staleMs,
        retries: 0,
        onCompromised: (e) => {
          compromised = e;
          opts.logger?.error({ err: e }, `lost the write lock on ${dir}; this run will not write the index`);
        },
      });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') throw e;
      const { broken, owner } = await breakDeadOwner(dir);
      if (broken) {
        opts.logger?.warn(`Removed a stale index lock left by process ${owner}, which is no longer running.`);
        continue;
      }
      if (Date.now() > deadline) throw new UserError(`Another process${owner ? ` (pid ${owner})` : ''} has been writing the index at ${dir} for too long; try again later.`, { code: 'index_locked' });
      if (!said) opts.logger?.info(`Waiting for another process${owner ? ` (pid ${owner})` : ''} to finish writing the index…`);
      said = true;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  const mine = await stat(lockPathOf(dir)).catch(() => null);
  if (mine) await writeFile(ownerPathOf(dir), JSON.stringify({ pid: process.pid, host: os.hostname(), ino: mine.ino, born: mine.birthtimeMs } satisfies Owner)).catch(() => undefined);
  try {
    return await fn({ stillHeld: () => !compromised });
  } finally {
    await release().catch(() => undefined);
  }
}
