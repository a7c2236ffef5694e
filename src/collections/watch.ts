/**
 * Notice when `npm run ingest` (another process) rewrites an index: poll the
 * manifest's stat. The index folder is replaced by rename, so the manifest's
 * inode and mtime change; polling survives that where fs.watch on the old
 * folder would not.
 *
 * @example
 * const stop = watchManifest('embeddings/index/manifest.json', 2000, () => reload());
 */
import { unwatchFile, watchFile, type Stats } from 'node:fs';

export function watchManifest(file: string, intervalMs: number, onChange: () => void): () => void {
  const listener = (cur: Stats, prev: Stats) => {
    if (cur.mtimeMs !== prev.mtimeMs || cur.ino !== prev.ino) onChange();
  };
  watchFile(file, { interval: intervalMs, persistent: false }, listener);
  return () => unwatchFile(file, listener);
}
