import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readIndex } from '../../src/index/store.js';
import { runIngest, startIngest } from '../chaos/cli.js';
import { writeShortDocs } from '../chaos/gen.js';
import { tempDir } from '../helpers/paths.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => (tmp = await tempDir()));
afterEach(() => tmp.cleanup());

describe('kill -9 during ingest (light version of the chaos case)', () => {
  it('given ingests killed at several moments, when the index is read after each, then it is intact, and the next ingest indexes everything', async () => {
    const docs = path.join(tmp.dir, 'docs');
    await writeShortDocs(docs, 60);
    const first = await runIngest(tmp.dir, [docs]);
    expect(first.code).toBe(0);
    for (const fraction of [0.5, 0.9]) {
      await writeFile(path.join(docs, `extra-${fraction}.txt`), `An extra note (${fraction}).`);
      const { child, done } = startIngest(tmp.dir, [docs]);
      await Promise.race([new Promise((r) => setTimeout(r, first.wallMs * fraction)), done]);
      child.kill('SIGKILL');
      await done;
      const idx = await readIndex(path.join(tmp.dir, 'index'));
      expect(idx!.documents.length).toBeGreaterThanOrEqual(60);
    }
    const last = await runIngest(tmp.dir, [docs]);
    expect(last.code).toBe(0);
    expect((await readIndex(path.join(tmp.dir, 'index')))!.documents).toHaveLength(62);
  }, 240_000);
});
