/**
 * The embedding model of a worker engine, loaded when the first question
 * (or summary) needs it rather than at start: an idle bot does not hold the
 * model's ~140 MB (issue 13, "modules load when first used").
 *
 * Deferring is only safe when the index on disk was built with the
 * configured model: then its manifest names the vector space (model id,
 * precision, dimension) and the index is not re-embedded at start. Otherwise
 * (no index yet, another model, `EMBEDDING_MODEL=none`) this returns
 * undefined and the engine loads the model at start as before, building or
 * re-embedding the index with it.
 *
 * If the model cannot be loaded when it is first wanted, or loads as another
 * vector space than the index's (its files changed since), the embedder
 * throws {@link ModelUnavailableError}; the worker then answers with lexical
 * retrieval only, as an engine started without a model would.
 *
 * @example
 * const embedder = await deferredModel({ config, logger });
 * const engine = await createEngine({ config, logger, ...(embedder ? { embedder } : {}) });
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../config.js';
import { lazyEmbedder, parseModelKey } from '../embed/lazy.js';
import { modelKey, type Embedder } from '../embed/types.js';
import type { Logger } from '../log.js';

export class ModelUnavailableError extends Error {
  override name = 'ModelUnavailableError';
}

/** The vector space the index in `indexDir` was built in, or null (no readable manifest, or a lexical-only index). */
export async function indexSpace(indexDir: string): Promise<{ key: string; dim: number } | null> {
  try {
    const manifest = JSON.parse(await readFile(path.join(indexDir, 'manifest.json'), 'utf8')) as { model?: unknown; dim?: unknown };
    return typeof manifest.model === 'string' && typeof manifest.dim === 'number' ? { key: manifest.model, dim: manifest.dim } : null;
  } catch {
    return null;
  }
}

/** Does a vector space recorded as `key` come from the configured model and precision? */
export function isConfiguredModel(key: string, config: Pick<Config, 'EMBEDDING_MODEL' | 'EMBEDDING_DTYPE'>): boolean {
  const { id, dtype = 'fp32' } = parseModelKey(key);
  const model = config.EMBEDDING_MODEL.trim();
  if (model.toLowerCase() === 'none' || id !== model) return false;
  return config.EMBEDDING_DTYPE === 'auto' || config.EMBEDDING_DTYPE === dtype;
}

/**
 * Whether each engine worker runs its model in a thread of its own: then a question's embedding overlaps the rest of
 * its answer (understanding, BM25; src/retrieve/retrieve.ts). Only while every worker and its model thread can have
 * a core (one worker on two cores, the default): more threads than cores would only take turns.
 */
export function modelThreadFits(config: Pick<Config, 'ENGINE_WORKERS'>, cores = os.availableParallelism()): boolean {
  return Math.max(1, config.ENGINE_WORKERS) * 2 <= cores;
}

/**
 * An embedder that loads the configured model on first use, when the configured index was built with it;
 * undefined when the engine should load the model at start.
 */
export async function deferredModel(opts: { config: Config; logger: Logger; load?: () => Promise<Embedder | null> }): Promise<Embedder | undefined> {
  const { config, logger } = opts;
  const space = await indexSpace(config.INDEX_DIR);
  if (!space || !isConfiguredModel(space.key, config)) return undefined;
  const thread = modelThreadFits(config);
  const load =
    opts.load ??
    (async () =>
      (await import('../engine.js')).loadModel({ model: config.EMBEDDING_MODEL, cacheDir: config.MODEL_CACHE_DIR, allowRemote: config.ALLOW_REMOTE_MODELS, batchSize: config.EMBEDDING_BATCH_SIZE, dtype: config.EMBEDDING_DTYPE, logger, root: config.root, thread }));
  return lazyEmbedder(async () => {
    const t0 = performance.now();
    const e = await load();
    // loadModel has already logged why (one warning).
    if (!e) throw new ModelUnavailableError(`the embedding model ${space.key} could not be loaded`);
    if (modelKey(e) !== space.key || e.dim !== space.dim) {
      await e.dispose?.().catch(() => undefined);
      throw new ModelUnavailableError(`the embedding model loaded as ${modelKey(e)} (${e.dim} dimensions), not ${space.key} (${space.dim}) as the index was built; restart the bot to re-embed the index`);
    }
    logger.info({ model: space.key, loadMs: Math.round(performance.now() - t0) }, 'embedding model loaded on first use');
    return e;
  }, { ...space, offThread: thread });
}
