/**
 * The transformers.js embedder: loads a `feature-extraction` pipeline from a
 * Hugging Face model id (downloaded once into `cacheDir`) or a local folder
 * (offline), and returns an {@link Embedder} — or `null` when no model can be
 * loaded, after ONE warning, so the caller answers with lexical retrieval only.
 *
 * Loading is deliberately offline-first and fail-fast:
 * - a local folder (or a model already in `cacheDir`) is loaded with remote
 *   access switched off, so it can never trigger a fetch;
 * - a model that is not cached is fetched only when `allowRemote`, with every
 *   request capped by `fetchTimeoutMs` (no route to the hub → fails in ms,
 *   a black-holed route → fails after the cap, never hangs);
 * - transformers.js / ONNX Runtime console output is silenced; the single
 *   warning goes through the injected logger (details at debug level).
 *
 * @example
 * const embedder = await loadEmbedder({
 *   model: config.EMBEDDING_MODEL, cacheDir: config.MODEL_CACHE_DIR,
 *   allowRemote: config.ALLOW_REMOTE_MODELS, batchSize: config.EMBEDDING_BATCH_SIZE,
 *   logger, root: config.root,
 * });
 * if (embedder) {
 *   const [v] = await embedder.embedPassages(['Annan told the Council…']);
 *   const q = await embedder.embedQuery('What did Annan tell the Council?');
 * }
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FeatureExtractionPipeline } from '@huggingface/transformers';
import type { Logger } from '../log.js';
import { USE_LITE_MODEL, WORD_VECTORS_MODEL, type Embedder } from './types.js';
import { familyFor, type Pooling } from './families.js';
import { directTokenizerSupported, openOnnxModel, type OnnxModel } from './onnx-model.js';
import { openOnnxModelThread } from './model-thread.js';
import { unitLength } from './unit-length.js';

/** ONNX weight variants we know how to pick (transformers.js file suffixes). */
export type EmbedDtype = 'fp32' | 'fp16' | 'q8' | 'int8' | 'uint8' | 'q4';
const DTYPE_SUFFIX: Record<EmbedDtype, string> = { fp32: '', fp16: '_fp16', q8: '_quantized', int8: '_int8', uint8: '_uint8', q4: '_q4' };

/**
 * 'auto' = q8 (onnx/model_quantized.onnx) when the model has it, else fp32.
 * Measured on an all-MiniLM-L6-v2-shaped model (docs/models.md): q8 embeds ~2× faster,
 * loads faster and uses less memory than fp32.
 */
export const DEFAULT_DTYPE = 'auto';

export type EmbedLogger = Pick<Logger, 'debug' | 'info' | 'warn'>;

export interface LoadEmbedderOptions {
  /** Hugging Face id ("Snowflake/snowflake-arctic-embed-xs"), a local folder (absolute or relative to `root`), or "none". */
  model: string;
  /** Where downloaded models are cached (`<cacheDir>/<owner>/<name>/…`). */
  cacheDir: string;
  /** May a model missing from the cache be downloaded from the hub? */
  allowRemote: boolean;
  /** Texts per inference call in `embedPassages` (default 32). */
  batchSize?: number;
  logger: EmbedLogger;
  /** Resolves relative folder paths (default `process.cwd()`). */
  root?: string;
  /** Weight variant (default 'auto': q8 when available, else fp32). */
  dtype?: EmbedDtype | 'auto';
  /** Override the family table (src/embed/families.ts). */
  pooling?: Pooling;
  queryPrefix?: string;
  passagePrefix?: string;
  /** Cap on waiting for each HTTP response from the hub (default 15 s). */
  fetchTimeoutMs?: number;
  /** The fetch used for downloads (default global fetch). Injected by tests. */
  fetch?: typeof fetch;
  /** Download progress, per file (only called when something is downloaded). */
  onDownloadProgress?: (file: string, loaded: number, total: number) => void;
  /**
   * Run the model in its own thread (default false): its loading then overlaps
   * whatever the caller does meanwhile (`npm run ask` starts it first thing).
   */
  thread?: boolean;
}

/** The loaded embedder, with what was chosen (for logs, the bench and the index manifest). */
export interface TransformersEmbedder extends Embedder {
  readonly pooling: Pooling;
  readonly queryPrefix: string;
  readonly passagePrefix: string;
  readonly dtype: EmbedDtype;
  /** Where the weights came from. */
  readonly source: 'folder' | 'cache' | 'download';
  /**
   * How the model runs: 'onnx' = directly on onnxruntime-node, its session opened from the
   * optimized-model cache ('onnx-original' when that was just built or cannot be used);
   * 'transformers' = through a transformers.js pipeline (tokenizers it has special code for).
   */
  readonly runtime?: 'onnx' | 'onnx-original' | 'transformers';
  /** The folder the model was loaded from (the cache folder for hub models). */
  readonly location: string;
  readonly batchSize: number;
  dispose(): Promise<void>;
}

const TASK = 'feature-extraction';
const REQUIRED_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];
const HF_ID = /^[\w.-]+\/[\w.-]+$/;

class LoadFailure extends Error {
  override name = 'LoadFailure';
}

/**
 * Load the embedding model named by `options.model`.
 * Returns `null` for "none" (info log) or when the model cannot be loaded (exactly one warning).
 */
export async function loadEmbedder(options: LoadEmbedderOptions): Promise<TransformersEmbedder | null> {
  const { logger } = options;
  const model = options.model.trim();
  if (model.toLowerCase() === 'none') {
    logger.info({ model: 'none' }, 'embedding model disabled (EMBEDDING_MODEL=none); answering with lexical retrieval only');
    return null;
  }
  // Imported here, not at the top: a transformer model's loading (a cold `ask`'s first step) needs none of it.
  if (model.toLowerCase() === WORD_VECTORS_MODEL) return (await import('./word-vectors-embedder.js')).loadWordVectorEmbedder({ root: options.root, logger });
  if (model.toLowerCase() === USE_LITE_MODEL) return (await import('./use-lite-embedder.js')).loadUseLiteEmbedder({ logger, batchSize: options.batchSize });
  const started = performance.now();
  try {
    const embedder = await load(model, options);
    logger.info(
      {
        model,
        dim: embedder.dim,
        dtype: embedder.dtype,
        pooling: embedder.pooling,
        source: embedder.source,
        runtime: embedder.runtime,
        loadMs: Math.round(performance.now() - started),
      },
      'embedding model loaded',
    );
    return embedder;
  } catch (e) {
    const reason = e instanceof LoadFailure ? e.message : `loading "${model}" failed: ${firstLine(e)}`;
    const cause = e instanceof LoadFailure ? e.cause : e;
    logger.warn({ model, ...(cause !== undefined && { cause: causeChain(cause) }) }, `no embedding model could be loaded (${reason}); answering with lexical retrieval only`);
    logger.debug({ err: e }, 'embedding model load failure (details)');
    return null;
  }
}

/**
 * Can `options.model` be opened without downloading anything (a local folder, or a hub model
 * already in the cache)? A cheap look at the files; "none" and the word vectors are not models here.
 */
export function loadsOffline(options: Pick<LoadEmbedderOptions, 'model' | 'cacheDir' | 'root' | 'dtype'>): boolean {
  const model = options.model.trim();
  if (model.toLowerCase() === 'none' || model.toLowerCase() === WORD_VECTORS_MODEL || model.toLowerCase() === USE_LITE_MODEL) return false;
  const asPath = path.resolve(options.root ?? process.cwd(), expandHome(model));
  if (looksLikePath(model) || fs.existsSync(asPath)) return isDirectory(asPath) && tryPickDtype(asPath, options.dtype) !== undefined;
  const folder = path.join(options.cacheDir, model);
  return HF_ID.test(model) && !model.includes('..') && !model.includes('--') && isDirectory(folder) && tryPickDtype(folder, options.dtype) !== undefined;
}

/** The vector-space key ({@link modelKey}) a model that {@link loadsOffline} will load as: its id, and its precision unless fp32. */
export function expectedModelKey(options: Pick<LoadEmbedderOptions, 'model' | 'cacheDir' | 'root' | 'dtype'>): string | null {
  const model = options.model.trim();
  const asPath = path.resolve(options.root ?? process.cwd(), expandHome(model));
  const folder = looksLikePath(model) || fs.existsSync(asPath) ? asPath : path.join(options.cacheDir, model);
  const dtype = tryPickDtype(folder, options.dtype);
  return dtype ? (dtype === 'fp32' ? model : `${model} (${dtype})`) : null;
}

async function load(model: string, o: LoadEmbedderOptions): Promise<TransformersEmbedder> {
  const root = o.root ?? process.cwd();
  const batchSize = Math.max(1, Math.floor(o.batchSize ?? 32));

  let folder: string;
  let source: TransformersEmbedder['source'];
  let dtype: EmbedDtype;
  const asPath = path.resolve(root, expandHome(model));

  if (looksLikePath(model) || fs.existsSync(asPath)) {
    folder = asPath;
    source = 'folder';
    if (!isDirectory(folder)) {
      // EMBEDDING_MODEL=<a file>: the name is not the problem, its kind is; say what is expected.
      if (fs.existsSync(folder))
        throw new LoadFailure(
          `EMBEDDING_MODEL=${model} is a file, not a model folder: give a folder holding config.json, tokenizer.json and onnx/model.onnx, a Hugging Face model id (owner/name), or "none"`,
        );
      throw new LoadFailure(`model folder ${folder} does not exist`);
    }
    dtype = pickDtype(folder, o.dtype, `model folder ${folder}`);
  } else if (HF_ID.test(model) && !model.includes('..') && !model.includes('--')) {
    folder = path.join(o.cacheDir, model);
    const cachedDtype = isDirectory(folder) ? tryPickDtype(folder, o.dtype) : undefined;
    if (cachedDtype) {
      source = 'cache';
      dtype = cachedDtype;
    } else {
      if (!o.allowRemote) {
        throw new LoadFailure(`"${model}" is not in the model cache ${o.cacheDir} while downloading is off: ALLOW_REMOTE_MODELS=false`);
      }
      source = 'download';
      dtype = await download(model, o);
      if (!tryPickDtype(folder, dtype)) throw new LoadFailure(`downloaded "${model}" but its files are not in ${folder}`);
    }
  } else {
    throw new LoadFailure(`"${model}" is neither an existing folder nor a Hugging Face model id (owner/name)`);
  }

  const extractor = await openFolder(folder, dtype, o);
  const config = readJson(path.join(folder, 'config.json'));
  const family = familyFor(model, path.basename(folder), typeof config?._name_or_path === 'string' ? config._name_or_path : undefined);
  const embedder = new PipelineEmbedder(extractor, {
    id: model,
    pooling: o.pooling ?? family.pooling,
    queryPrefix: o.queryPrefix ?? family.queryPrefix,
    passagePrefix: o.passagePrefix ?? family.passagePrefix,
    dtype,
    source,
    location: folder,
    batchSize,
  });
  try {
    await embedder.probe();
  } catch (e) {
    await embedder.dispose().catch(() => undefined);
    throw new LoadFailure(`model "${model}" loaded but could not embed a test sentence: ${firstLine(e)}`, { cause: e });
  }
  return embedder;
}

/** Pooled rows (not unit length) for a batch of texts, and how they are computed. */
interface Extractor {
  extract(texts: string[], pooling: Pooling): Promise<Float32Array[]>;
  runtime: NonNullable<TransformersEmbedder['runtime']>;
  /** The model runs in its own thread (until that thread fails: then on this one). */
  readonly offThread?: boolean;
  dispose(): Promise<void>;
}

/**
 * Open a complete local folder: directly on onnxruntime-node (./onnx-model.ts) when its tokenizer
 * needs nothing transformers.js adds, else through a transformers.js pipeline with every remote path off.
 */
async function openFolder(folder: string, dtype: EmbedDtype, o: LoadEmbedderOptions): Promise<Extractor> {
  try {
    if (directTokenizerSupported(folder)) {
      const onnxFile = path.join(folder, 'onnx', `model${DTYPE_SUFFIX[dtype]}.onnx`);
      const opts = { folder, onnxFile, cacheDir: o.cacheDir, logger: o.logger, verbose: isVerbose(o.logger) };
      const m: OnnxModel = await (o.thread ? openOnnxModelThread(opts) : openOnnxModel(opts));
      return {
        extract: (texts, pooling) => m.extract(texts, pooling),
        runtime: m.session === 'cache' ? 'onnx' : 'onnx-original',
        get offThread() {
          return !!m.offThread;
        },
        dispose: () => m.dispose(),
      };
    }
    const { env, pipeline } = await transformers(o.logger);
    env.allowLocalModels = true;
    env.allowRemoteModels = false;
    const p = (await pipeline(TASK, folder, { dtype, local_files_only: true })) as FeatureExtractionPipeline;
    return { extract: (texts, pooling) => pipelineRows(p, texts, pooling), runtime: 'transformers', dispose: () => p.dispose() };
  } catch (e) {
    throw new LoadFailure(`could not load the model in ${folder}: ${firstLine(e)}`, { cause: e });
  }
}

/** The pipeline's pooled rows, copied out of its tensor. */
export async function pipelineRows(p: FeatureExtractionPipeline, texts: string[], pooling: Pooling): Promise<Float32Array[]> {
  const tensor = await p(texts, { pooling, normalize: false });
  const [n, dim] = tensor.dims as number[];
  const data = tensor.data as Float32Array;
  const rows: Float32Array[] = [];
  for (let r = 0; r < n; r++) rows.push(data.slice(r * dim, (r + 1) * dim));
  tensor.dispose?.();
  return rows;
}

/** transformers.js, imported only where it is used (downloads, tokenizers it has special code for): ~0.5 s of start-up. */
async function transformers(logger: EmbedLogger) {
  const t = await import('@huggingface/transformers');
  t.env.logLevel = isVerbose(logger) ? t.LogLevel.WARNING : t.LogLevel.NONE; // our logger reports instead
  return t;
}

/** Download a hub model into `cacheDir` (q8 first when dtype is auto, fp32 if the repo has no q8 file). */
async function download(model: string, o: LoadEmbedderOptions): Promise<EmbedDtype> {
  const { env, pipeline } = await transformers(o.logger);
  env.allowLocalModels = false; // never look under transformers' own models/ folder
  env.allowRemoteModels = true;
  env.useFSCache = true;
  env.cacheDir = o.cacheDir;
  env.fetch = fetchWithTimeout(o.fetch ?? globalThis.fetch.bind(globalThis), o.fetchTimeoutMs ?? 15_000);
  const tries: EmbedDtype[] = !o.dtype || o.dtype === 'auto' ? ['q8', 'fp32'] : [o.dtype];
  const progress_callback = o.onDownloadProgress
    ? (p: { status: string; file?: string; loaded?: number; total?: number }) => {
        if (p.status === 'progress' && p.file) o.onDownloadProgress!(p.file, p.loaded ?? 0, p.total ?? 0);
      }
    : undefined;
  let last: unknown;
  try {
    for (const dtype of tries) {
      try {
        const p = (await pipeline(TASK, model, { dtype, progress_callback })) as FeatureExtractionPipeline;
        await p.dispose(); // reopened from the cache folder, offline, like every later start
        return dtype;
      } catch (e) {
        last = e;
        // Only a missing weights file is worth another dtype; network errors are not.
        if (!(e instanceof Error && e.name === 'ModelFileNotFoundError' && /\.onnx/.test(e.message))) break;
      }
    }
  } finally {
    env.allowRemoteModels = false;
  }
  throw new LoadFailure(`could not download "${model}" from the Hugging Face hub: ${rootMessage(last)}`, { cause: last });
}

function pickDtype(folder: string, wanted: EmbedDtype | 'auto' | undefined, what: string): EmbedDtype {
  const dtype = tryPickDtype(folder, wanted);
  if (dtype) return dtype;
  const missing = REQUIRED_FILES.filter((f) => !fs.existsSync(path.join(folder, f)));
  const onnx = wanted && wanted !== 'auto' ? `onnx/model${DTYPE_SUFFIX[wanted]}.onnx` : 'onnx/model.onnx';
  if (!fs.existsSync(path.join(folder, onnx))) missing.push(onnx);
  throw new LoadFailure(`${what} lacks ${missing.join(', ')} (expected the transformers.js layout: config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx)`);
}

function tryPickDtype(folder: string, wanted: EmbedDtype | 'auto' | undefined): EmbedDtype | undefined {
  if (!REQUIRED_FILES.every((f) => fs.existsSync(path.join(folder, f)))) return undefined;
  const candidates: EmbedDtype[] = !wanted || wanted === 'auto' ? ['q8', 'fp32'] : [wanted];
  return candidates.find((d) => fs.existsSync(path.join(folder, 'onnx', `model${DTYPE_SUFFIX[d]}.onnx`)));
}

interface EmbedderSettings {
  id: string;
  pooling: Pooling;
  queryPrefix: string;
  passagePrefix: string;
  dtype: EmbedDtype;
  source: TransformersEmbedder['source'];
  location: string;
  batchSize: number;
}

/** Batched, serialized, unit-length embeddings over a transformers.js pipeline. */
class PipelineEmbedder implements TransformersEmbedder {
  readonly id: string;
  dim = 0;
  readonly pooling: Pooling;
  readonly queryPrefix: string;
  readonly passagePrefix: string;
  readonly dtype: EmbedDtype;
  readonly source: TransformersEmbedder['source'];
  readonly location: string;
  readonly batchSize: number;
  readonly runtime: Extractor['runtime'];
  private queue: Promise<unknown> = Promise.resolve();
  /** Calls queued or running: with none, a call starts at once (an off-thread model then starts before the caller's next line). */
  private calls = 0;
  private disposed = false;

  constructor(
    private readonly extractor: Extractor,
    s: EmbedderSettings,
  ) {
    this.runtime = extractor.runtime;
    this.id = s.id;
    this.pooling = s.pooling;
    this.queryPrefix = s.queryPrefix;
    this.passagePrefix = s.passagePrefix;
    this.dtype = s.dtype;
    this.source = s.source;
    this.location = s.location;
    this.batchSize = s.batchSize;
  }

  get offThread(): boolean {
    return !!this.extractor.offThread;
  }

  async probe(): Promise<void> {
    const [v] = await this.run(['probe']);
    this.dim = v.length;
  }

  async embedPassages(texts: string[], onProgress?: (done: number, total: number) => void): Promise<Float32Array[]> {
    const total = texts.length;
    const out = new Array<Float32Array>(total);
    // Batch texts of similar length together (less padding), then restore the input order.
    const order = texts.map((_, i) => i).sort((a, b) => texts[a].length - texts[b].length || a - b);
    let done = 0;
    for (let i = 0; i < total; i += this.batchSize) {
      const idx = order.slice(i, i + this.batchSize);
      const vectors = await this.run(idx.map((j) => this.passagePrefix + texts[j]));
      idx.forEach((j, k) => (out[j] = vectors[k]));
      done += idx.length;
      onProgress?.(done, total);
    }
    return out;
  }

  async embedQuery(text: string): Promise<Float32Array> {
    const [v] = await this.run([this.queryPrefix + text]);
    return v;
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.queue.catch(() => undefined);
    await this.extractor.dispose();
  }

  /** One inference call; calls are queued so the ONNX session never runs two at once. */
  private run(texts: string[]): Promise<Float32Array[]> {
    if (this.disposed) return Promise.reject(new Error('embedder is disposed'));
    const extract = async () => (await this.extractor.extract(texts, this.pooling)).map((row, r) => unitLength(row, texts[r]));
    const next = this.calls++ ? this.queue.then(extract) : extract();
    this.queue = next.catch(() => undefined).finally(() => this.calls--);
    return next;
  }
}

/** Does the logger show debug lines (then transformers.js and ONNX Runtime may print their warnings)? */
function isVerbose(logger: EmbedLogger): boolean {
  return typeof (logger as { isLevelEnabled?: (l: string) => boolean }).isLevelEnabled === 'function' && (logger as unknown as Logger).isLevelEnabled('debug');
}

/** A fetch that gives up when no response arrives within `ms` (the hub unreachable must not hang start-up). */
export function fetchWithTimeout(base: typeof fetch, ms: number): typeof fetch {
  return (async (input: string | URL | Request, init: RequestInit = {}) => {
    const ac = new AbortController();
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const timer = setTimeout(() => ac.abort(new Error(`no response from ${safeHost(url)} within ${ms} ms`)), ms);
    const signal = init.signal ? AbortSignal.any([init.signal, ac.signal]) : ac.signal;
    try {
      return await base(input, { ...init, signal });
    } finally {
      clearTimeout(timer);
    }
  }) as typeof fetch;
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the model hub';
  }
}

function looksLikePath(s: string): boolean {
  return path.isAbsolute(s) || /^\.{1,2}([/\\]|$)/.test(s) || s.startsWith('~') || s.includes('\\');
}

function expandHome(s: string): string {
  return s.startsWith('~/') ? path.join(os.homedir(), s.slice(2)) : s;
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function readJson(p: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(fs.readFileSync(p, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function firstLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0].slice(0, 300);
}

/** The innermost cause's message ("getaddrinfo ENOTFOUND huggingface.co"). */
function rootMessage(e: unknown): string {
  let cur = e;
  while (cur instanceof Error && cur.cause !== undefined) cur = cur.cause;
  return firstLine(cur);
}

/** "outer message ← cause message ← …" (no stack frames). */
function causeChain(e: unknown): string {
  const parts: string[] = [];
  let cur: unknown = e;
  for (let depth = 0; cur !== undefined && cur !== null && depth < 5; depth++) {
    const err = cur as { message?: unknown; code?: unknown; cause?: unknown };
    const msg = cur instanceof Error || typeof err.message === 'string' ? String(err.message) : String(cur);
    parts.push(err.code && !msg.includes(String(err.code)) ? `${firstLine(msg)} (${String(err.code)})` : firstLine(msg));
    cur = typeof cur === 'object' ? err.cause : undefined;
  }
  return parts.join(' ← ');
}
