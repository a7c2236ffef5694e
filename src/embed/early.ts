/**
 * Start loading the configured embedding model in its own thread, before the
 * engine's modules are even imported: on two cores the model (ONNX Runtime,
 * tokenizer, session) loads while the main thread imports the engine, reads
 * the index and prepares its lexical side; the first query embedding is the
 * join. Only for a model that needs no download (a download shows a progress
 * bar, which the engine's own loading provides).
 *
 * @example
 * const early = await startModelEarly(config, logger); // first thing
 * const { createEngine } = await import('../engine.js');
 * const embedder = early && (await early.embedder(config.INDEX_DIR));
 * const engine = await createEngine({ config, logger, ...(early && { embedder }) });
 * if (early && !(await early.loading)) { … the model failed: reopen lexical-only, as the engine would have … }
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { lazyEmbedder } from './lazy.js';
import type { Embedder } from './types.js';

export interface EarlyModel {
  /** The model (null after one warning when it cannot load). */
  loading: Promise<Embedder | null>;
  /**
   * An embedder to open the engine with now: when the stored index was built with this model, one
   * that already knows its vector space and waits for the model only when it embeds; otherwise the
   * loaded model itself (the index is rebuilt with it, as usual).
   */
  embedder(indexDir: string): Promise<Embedder | null>;
}

/** Resolves as soon as the thread has started; undefined: let the engine load the model as usual. */
export async function startModelEarly(config: Config, logger: Logger): Promise<EarlyModel | undefined> {
  const { loadEmbedder, loadsOffline, expectedModelKey } = await import('./load.js');
  const options = { model: config.EMBEDDING_MODEL, cacheDir: config.MODEL_CACHE_DIR, allowRemote: config.ALLOW_REMOTE_MODELS, batchSize: config.EMBEDDING_BATCH_SIZE, dtype: config.EMBEDDING_DTYPE, logger, root: config.root };
  if (!loadsOffline(options)) return undefined;
  const loading = loadEmbedder({ ...options, thread: true });
  const key = expectedModelKey(options);
  return {
    loading,
    async embedder(indexDir) {
      const stored = await storedSpace(indexDir);
      return key && stored?.model === key ? lazyEmbedder(() => loading, { key, dim: stored.dim, offThread: true }) : loading;
    },
  };
}

/** The model and dimension the stored index's vectors were built with, if it says. */
async function storedSpace(indexDir: string): Promise<{ model: string; dim: number } | null> {
  try {
    const m = JSON.parse(await readFile(path.join(indexDir, 'manifest.json'), 'utf8')) as { model?: unknown; dim?: unknown };
    return typeof m.model === 'string' && typeof m.dim === 'number' ? { model: m.model, dim: m.dim } : null;
  } catch {
    return null;
  }
}
