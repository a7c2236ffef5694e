/**
 * Opening what the engine needs: the index (built or updated when missing or
 * stale) and the embedding model (loaded only when one is wanted).
 */
import { modelKey, type Embedder } from '../embed/types.js';
import { UserError } from '../errors.js';
import { ingest, readIndex, staleness, IndexCorruptError, type LoadedIndex, type Progress, type QuotationFinder } from '../index/store.js';
import type { Logger } from '../log.js';
import type { Config } from '../config.js';
import { findQuotations, QUOTER_VERSION } from '../quotes/index.js';

/** Bump when the quotation finder's output changes (stored quotations are then recomputed). */
export const QUOTER: QuotationFinder = { version: QUOTER_VERSION, find: findQuotations };

/** Open (building or updating when missing or stale) the configured index. */
export async function openIndex(deps: { config: Config; logger: Logger; embedder: Embedder | null; onProgress?: Progress }): Promise<LoadedIndex> {
  const { config, logger, embedder } = deps;
  let index: LoadedIndex | null = null;
  try {
    index = await readIndex(config.INDEX_DIR);
  } catch (e) {
    if (!(e instanceof IndexCorruptError)) throw e;
    // ingest() moves the damaged folder aside and rebuilds.
  }
  const why = await staleness(index, config.DOCUMENTS, config.root, modelKey(embedder));
  if (why) {
    logger.info(`Building the index (${why})…`);
    const { report, index: built } = await ingest({ dir: config.INDEX_DIR, root: config.root, sources: config.DOCUMENTS, embedder, quoter: QUOTER, logger, onProgress: deps.onProgress });
    for (const f of report.failed) logger.warn(`Skipped ${f.source}: ${f.error}`);
    index = built;
  }
  if (!index) throw new UserError('There is no index and no document to build one from; run `npm run ingest -- <files>`.');
  if (index.manifest.quoter !== QUOTER.version) {
    index.quotations = index.documents.flatMap((d) => QUOTER.find(d));
  }
  return index;
}

/**
 * Load the configured embedding model; transformers.js (and onnxruntime) are
 * imported only when a model is wanted, so lexical-only starts stay fast.
 */
export async function loadModel(opts: {
  model: string;
  cacheDir: string;
  allowRemote: boolean;
  batchSize: number;
  logger: Logger;
  root?: string;
  dtype?: Config['EMBEDDING_DTYPE'];
  onProgress?: Progress;
}): Promise<Embedder | null> {
  if (opts.model.trim().toLowerCase() === 'none') {
    opts.logger.info({ model: 'none' }, 'embedding model disabled (EMBEDDING_MODEL=none); answering with lexical retrieval only');
    return null;
  }
  const { loadEmbedder } = await import('../embed/load.js');
  const { onProgress, ...rest } = opts;
  return loadEmbedder({ ...rest, onDownloadProgress: onProgress ? (_file, loaded, total) => onProgress('download', loaded, total) : undefined });
}
