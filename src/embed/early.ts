/**
 * Start loading the configured embedding model in its own thread, before the
 * engine's modules are even imported: on two cores the model (ONNX Runtime,
 * tokenizer, session) loads while the main thread imports the engine and
 * reads the index. Only for a model that needs no download (a download
 * shows a progress bar, which the engine's own loading provides).
 *
 * @example
 * const early = startModelEarly(config, logger); // first thing
 * const { createEngine } = await import('../engine.js');
 * const engine = await createEngine({ config, logger, ...(early && { embedder: await early }) });
 */
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Embedder } from './types.js';

/** The model loading (null after one warning when it cannot load), or undefined: let the engine load it as usual. */
export async function startModelEarly(config: Config, logger: Logger): Promise<Promise<Embedder | null> | undefined> {
  const { loadEmbedder, loadsOffline } = await import('./load.js');
  const options = { model: config.EMBEDDING_MODEL, cacheDir: config.MODEL_CACHE_DIR, allowRemote: config.ALLOW_REMOTE_MODELS, batchSize: config.EMBEDDING_BATCH_SIZE, dtype: config.EMBEDDING_DTYPE, logger, root: config.root };
  if (!loadsOffline(options)) return undefined;
  return loadEmbedder({ ...options, thread: true });
}
