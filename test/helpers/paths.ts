import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_DOC = 'documents/un-news-annan-regional-cooperation.txt';
export const DEFAULT_DOC_PATH = path.join(ROOT, DEFAULT_DOC);
export const TINY_MODEL = path.join(ROOT, 'test/fixtures/tiny-model');

/** A temp folder removed after the test file. */
export async function tempDir(prefix = 'verbatim-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
