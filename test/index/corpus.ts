import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { QuotationFinder } from '../../src/index/store.js';
import { DEFAULT_DOC_PATH, tempDir } from '../helpers/paths.js';

export const quoter: QuotationFinder = { version: 'test', find: () => [] };

/**
 * A fresh two-document corpus for each test: `docs/un.txt` (the default
 * document) and `docs/b.md`, and where its index goes (`index`).
 */
export function useCorpus(): { readonly tmp: string; readonly docs: string; readonly dir: string } {
  const state = { tmp: '', docs: '', dir: '' };
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    const t = await tempDir();
    cleanup = t.cleanup;
    state.tmp = t.dir;
    state.docs = path.join(t.dir, 'docs');
    state.dir = path.join(t.dir, 'index');
    await mkdir(state.docs);
    await copyFile(DEFAULT_DOC_PATH, path.join(state.docs, 'un.txt'));
    await writeFile(path.join(state.docs, 'b.md'), '# Other\n\nThe budget was approved on Friday.\n\nDelegates left Geneva.');
  });
  afterEach(() => cleanup());
  return state;
}
