/**
 * The manifest watcher: another process replaces the index folder by rename
 * (new inode, maybe the same mtime) or rewrites the manifest (new mtime);
 * a change of mode or owner alone is not a new index.
 */
import { chmod, rename, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchManifest } from '../../src/collections/watch.js';
import { tempDir } from '../helpers/paths.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
let stop: (() => void) | null = null;
beforeEach(async () => {
  tmp = await tempDir('verbatim-watch-');
});
afterEach(async () => {
  stop?.();
  stop = null;
  await tmp.cleanup();
});

const settle = () => new Promise((r) => setTimeout(r, 200));

describe('watchManifest', () => {
  it('given the manifest replaced by rename with the very same mtime, when polled, then the change is noticed (the inode differs)', async () => {
    const file = path.join(tmp.dir, 'manifest.json');
    await writeFile(file, '{"builtAt":"a"}');
    const { mtime } = await stat(file);
    const onChange = vi.fn();
    stop = watchManifest(file, 20, onChange);
    await settle();
    const next = path.join(tmp.dir, 'manifest.next');
    await writeFile(next, '{"builtAt":"b"}');
    await utimes(next, mtime, mtime);
    await rename(next, file);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1), { timeout: 3000, interval: 20 });
  });

  it('given the manifest rewritten in place, when polled, then the change is noticed (the mtime differs)', async () => {
    const file = path.join(tmp.dir, 'manifest.json');
    await writeFile(file, '{"builtAt":"a"}');
    const onChange = vi.fn();
    stop = watchManifest(file, 20, onChange);
    await settle();
    const later = new Date(Date.now() + 5000);
    await writeFile(file, '{"builtAt":"b"}');
    await utimes(file, later, later);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1), { timeout: 3000, interval: 20 });
  });

  it('given only the mode changed, when polled, then no change is reported', async () => {
    const file = path.join(tmp.dir, 'manifest.json');
    await writeFile(file, '{"builtAt":"a"}');
    const onChange = vi.fn();
    stop = watchManifest(file, 20, onChange);
    await settle();
    await chmod(file, 0o600);
    await settle();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('given the watch stopped, when the manifest changes, then nothing is reported', async () => {
    const file = path.join(tmp.dir, 'manifest.json');
    await writeFile(file, '{"builtAt":"a"}');
    const onChange = vi.fn();
    watchManifest(file, 20, onChange)();
    const later = new Date(Date.now() + 5000);
    await utimes(file, later, later);
    await settle();
    expect(onChange).not.toHaveBeenCalled();
  });
});
