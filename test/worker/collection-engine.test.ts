/**
 * A server collection's engine in worker mode (`collectionWorkerEngine`):
 * opened on the collection's stored index, it answers exactly as the
 * in-process engine does, and while it works the main thread's event loop
 * stays free — where the in-process engine blocks it for the whole summary.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import type { Engine } from '../../src/engine-api.js';
import { silentLogger } from '../../src/log.js';
import { collectionWorkerEngine } from '../../src/worker/collection-engine.js';
import { syntheticCorpus, writeCorpus } from '../helpers/corpus.js';
import { ROOT, tempDir } from '../helpers/paths.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
let local: Engine;
let pooled: Engine;
const config = loadConfig({ EMBEDDING_MODEL: 'none', LOG_LEVEL: 'silent' }, ROOT);

beforeAll(async () => {
  tmp = await tempDir('verbatim-collection-');
  const indexDir = path.join(tmp.dir, 'index');
  const docs = await writeCorpus(path.join(tmp.dir, 'docs'), syntheticCorpus(600, 5));
  // The collection's index, as /docs add leaves it on disk; then both engines open it (without the documents).
  await (await createEngine({ config: { ...config, INDEX_DIR: indexDir, DOCUMENTS: [docs] }, logger: silentLogger(), embedder: null })).close();
  local = await createEngine({ config: { ...config, INDEX_DIR: indexDir, DOCUMENTS: [] }, logger: silentLogger(), embedder: null });
  pooled = await collectionWorkerEngine({ config, logger: silentLogger() })(indexDir);
}, 240_000);
afterAll(async () => {
  await pooled?.close();
  await local?.close();
  await tmp?.cleanup();
});

/** The longest the event loop was held up (ms) while `work` ran: the largest gap between 5 ms ticks, the gap that ends after it included. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let max = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    max = Math.max(max, now - last);
    last = now;
  }, 5);
  try {
    await work();
    await new Promise((r) => setTimeout(r, 30));
  } finally {
    clearInterval(tick);
  }
  return max;
}

describe('collectionWorkerEngine', () => {
  it('given a collection index on disk, when opened in worker mode, then it answers as the in-process engine does', async () => {
    expect(pooled.documents().length).toBe(600);
    const q = 'What did Priya Raman say about the water supply plan?';
    const [a, b] = [await local.ask(q), await pooled.ask(q)];
    expect({ ...b, latencyMs: 0 }).toEqual({ ...a, latencyMs: 0 });
    expect(b.quotes.length).toBeGreaterThan(0);
  }, 60_000);

  it('given a long summary of the collection, when it runs, then the main thread is not held up (the in-process engine holds it for the whole summary)', async () => {
    const inProcess = await longestStall(() => local.summarize({ length: 'long' }));
    const inWorker = await longestStall(() => pooled.summarize({ length: 'long' }));
    expect(inProcess).toBeGreaterThan(150); // the work is heavy enough to matter
    expect(inWorker).toBeLessThan(inProcess / 3);
  }, 120_000);
});
