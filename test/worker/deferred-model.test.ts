import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import type { Embedder } from '../../src/embed/types.js';
import { silentLogger } from '../../src/log.js';
import { deferredModel, isConfiguredModel, modelThreadFits, ModelUnavailableError } from '../../src/worker/deferred-model.js';
import { hashEmbedder } from '../helpers/hash-embedder.js';
import { ROOT, tempDir } from '../helpers/paths.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  tmp = await tempDir();
});
afterAll(async () => {
  await tmp.cleanup();
});

/** A config whose index folder holds a manifest recording `model` and `dim` (or no manifest at all). */
async function setup(name: string, env: Record<string, string>, manifest: { model: string | null; dim: number | null } | null): Promise<Config> {
  const dir = path.join(tmp.dir, name);
  await mkdir(dir, { recursive: true });
  if (manifest) await writeFile(path.join(dir, 'manifest.json'), JSON.stringify({ format: 1, ...manifest }));
  return loadConfig({ INDEX_DIR: dir, ...env }, ROOT);
}

/** A loader that counts its calls and yields `e`. */
function counting(e: Embedder | null) {
  const load = async () => {
    load.calls++;
    return e;
  };
  load.calls = 0;
  return load;
}

describe('the worker engine loads its embedding model on first use', () => {
  it('given an index built with the configured model, when the engine is opened, then nothing is loaded until the first query, and then exactly once', async () => {
    const config = await setup('same', { EMBEDDING_MODEL: 'test/hash-embedder' }, { model: 'test/hash-embedder', dim: 64 });
    const load = counting(hashEmbedder());
    const e = await deferredModel({ config, logger: silentLogger(), load });
    expect(e).toBeDefined();
    // The vector space is known from the manifest alone: the staleness check matches without loading.
    expect([e!.id, e!.dim]).toEqual(['test/hash-embedder', 64]);
    expect(load.calls).toBe(0);
    const [a, b] = await Promise.all([e!.embedQuery('Annan'), e!.embedQuery('Council')]);
    expect(a.length + b.length).toBe(128);
    expect(load.calls).toBe(1);
  });

  it('given ENGINE_WORKERS and the cores, then a worker runs its model in a thread of its own only while each worker and its model thread have a core', () => {
    expect(modelThreadFits({ ENGINE_WORKERS: 1 }, 2)).toBe(true);
    expect(modelThreadFits({ ENGINE_WORKERS: 0 }, 2)).toBe(true);
    expect(modelThreadFits({ ENGINE_WORKERS: 2 }, 2)).toBe(false);
    expect(modelThreadFits({ ENGINE_WORKERS: 1 }, 1)).toBe(false);
    expect(modelThreadFits({ ENGINE_WORKERS: 2 }, 4)).toBe(true);
  });

  it('given a quantised index and EMBEDDING_DTYPE=auto, then it is deferred too; given EMBEDDING_DTYPE=fp32, then not (the index must be re-embedded at start)', () => {
    expect(isConfiguredModel('Snowflake/snowflake-arctic-embed-xs (q8)', { EMBEDDING_MODEL: 'Snowflake/snowflake-arctic-embed-xs', EMBEDDING_DTYPE: 'auto' })).toBe(true);
    expect(isConfiguredModel('Snowflake/snowflake-arctic-embed-xs (q8)', { EMBEDDING_MODEL: 'Snowflake/snowflake-arctic-embed-xs', EMBEDDING_DTYPE: 'fp32' })).toBe(false);
    expect(isConfiguredModel('Snowflake/snowflake-arctic-embed-xs', { EMBEDDING_MODEL: ' Snowflake/snowflake-arctic-embed-xs ', EMBEDDING_DTYPE: 'fp32' })).toBe(true);
  });

  it('given no index yet, another model, a lexical-only index or EMBEDDING_MODEL=none, then the engine loads the model at start as before (undefined)', async () => {
    const cases = [
      await setup('none-yet', { EMBEDDING_MODEL: 'test/hash-embedder' }, null),
      await setup('other', { EMBEDDING_MODEL: 'test/hash-embedder' }, { model: 'another/model', dim: 64 }),
      await setup('lexical', { EMBEDDING_MODEL: 'test/hash-embedder' }, { model: null, dim: null }),
      await setup('off', { EMBEDDING_MODEL: 'none' }, { model: 'none', dim: 64 }),
    ];
    for (const config of cases) {
      const load = counting(hashEmbedder());
      expect(await deferredModel({ config, logger: silentLogger(), load })).toBeUndefined();
      expect(load.calls).toBe(0);
    }
  });

  it('given a model that cannot be loaded, or loads with another dimension than the index, when first used, then it fails with ModelUnavailableError (the worker then answers lexically)', async () => {
    const config = await setup('broken', { EMBEDDING_MODEL: 'test/hash-embedder' }, { model: 'test/hash-embedder', dim: 64 });
    const missing = await deferredModel({ config, logger: silentLogger(), load: counting(null) });
    await expect(missing!.embedQuery('Annan')).rejects.toBeInstanceOf(ModelUnavailableError);
    const resized = await deferredModel({ config, logger: silentLogger(), load: counting(hashEmbedder('test/hash-embedder', 32)) });
    await expect(resized!.embedQuery('Annan')).rejects.toThrow(/32 dimensions.*restart the bot to re-embed/);
  });
});
