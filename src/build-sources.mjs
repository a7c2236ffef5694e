/**
 * What the build reads, for src/launch.mjs's "is dist/ fresh?" check: the two
 * tsconfig files and every `.ts` and `.json` file under src/ (JSON weights such
 * as src/quotes/attribution-model.json are compiled into dist/ too, so a pulled
 * refit must trigger a rebuild). Plain JavaScript: it runs before anything is
 * compiled.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const BUILD_INPUT = /\.(?:ts|json)$/;

/** Newest modification time (ms) of the sources the build reads under `root`. */
export function newestSource(root) {
  let newest = Math.max(statSync(path.join(root, 'tsconfig.json')).mtimeMs, statSync(path.join(root, 'tsconfig.build.json')).mtimeMs);
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (BUILD_INPUT.test(e.name)) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  walk(path.join(root, 'src'));
  return newest;
}
