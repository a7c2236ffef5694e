/**
 * Opening what the engine needs: the index (built or updated when missing or
 * stale) and the embedding model (loaded only when one is wanted).
 */
import { summariseFailures } from '../ingest/failures.js';
import { modelKey, type Embedder } from '../embed/types.js';
import { UserError } from '../errors.js';
import type { VectorStore } from '../index/vector-store.js';
import { StateError } from '../state/errors.js';
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
    const { report, index: built } = await ingest({ dir: config.INDEX_DIR, root: config.root, sources: config.DOCUMENTS, embedder, quoter: QUOTER, logger, onProgress: deps.onProgress, limits: { timeoutMs: config.URL_TIMEOUT_MS, idleTimeoutMs: config.URL_IDLE_TIMEOUT_MS, allowPrivate: config.URL_ALLOW_PRIVATE } });
    for (const line of summariseFailures(report.failed)) logger.warn(`Skipped: ${line}`);
    index = built;
  }
  if (!index) throw new UserError('There is no index and no document to build one from; run `npm run ingest -- <files>`.');
  if (index.quotationDamage) logger.warn(`${index.quotationDamage}: recomputing the quotations from the documents (the next ingest writes them again).`);
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
  /** Run the model in its own thread (src/embed/model-thread.ts). */
  thread?: boolean;
}): Promise<Embedder | null> {
  if (opts.model.trim().toLowerCase() === 'none') {
    opts.logger.info({ model: 'none' }, 'embedding model disabled (EMBEDDING_MODEL=none); answering with lexical retrieval only');
    return null;
  }
  const { loadEmbedder } = await import('../embed/load.js');
  const { onProgress, ...rest } = opts;
  return loadEmbedder({ ...rest, onDownloadProgress: onProgress ? (_file, loaded, total) => onProgress('download', loaded, total) : undefined });
}

/**
 * Where the configured index's vectors are searched: null = the in-process
 * sidecar (the default); with DATABASE_URL (and VECTOR_STORE auto or
 * pgvector), the index's vectors are published to the server's pgvector —
 * one table per set of vectors, with the chunk ids as keys — and searched
 * there. An index without vectors (lexical only, or another model) has
 * nothing to publish.
 */
export async function openVectorStore(deps: { config: Config; logger: Logger; index: LoadedIndex; embedder: Embedder | null }): Promise<VectorStore | null> {
  const { config, logger, index, embedder } = deps;
  if (config.VECTOR_STORE === 'sidecar') return null;
  if (!config.DATABASE_URL) {
    if (config.VECTOR_STORE === 'pgvector') throw new UserError('VECTOR_STORE=pgvector searches vectors on a Postgres server: set DATABASE_URL=postgres://… (or VECTOR_STORE=auto).', { code: 'config' });
    return null;
  }
  const vectors = index.vectors;
  if (!vectors || !embedder || !index.manifest.model || index.manifest.model !== modelKey(embedder)) return null;
  const [{ openDb }, { migrate }, { publishVectors }] = await Promise.all([import('../state/db.js'), import('../state/migrations.js'), import('../index/pgvector-sets.js')]);
  const t0 = performance.now();
  const db = await openDb({ url: config.DATABASE_URL, dir: config.STATE_DIR });
  try {
    await migrate(db);
    const items = vectors.ids.map((id) => ({ id, vector: vectors.get(id)!, metadata: vectors.metadata(id) }));
    const set = await publishVectors(db, { model: index.manifest.model, dim: vectors.dim, items });
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    logger.info({ vectorStore: 'pgvector', table: set.table, rows: set.rows, created: set.created }, `vector search: pgvector on DATABASE_URL (${set.table}, ${set.rows} vectors${set.created ? `, written in ${secs} s` : ''})`);
    return { ...set.store, close: () => db.close() };
  } catch (e) {
    await db.close().catch(() => undefined);
    if (config.VECTOR_STORE === 'auto' && e instanceof StateError && e.stateCode === 'state_no_pgvector') {
      logger.warn(`${e.message.replace(/ Install pgvector.*$/, '')} Searching the in-process vectors instead (VECTOR_STORE=sidecar silences this).`);
      return null;
    }
    throw e;
  }
}
