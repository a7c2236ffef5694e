/**
 * The optimized-model cache: ONNX Runtime optimizes a model every time it
 * opens it (~0.5 s of CPU for MiniLM) and copies its weights onto the heap
 * (~90 MB read, ~200 MB RSS). The first open saves the optimized graph once
 * — an `.onnx` whose weights sit in a separate `.data` file — and later
 * opens load that with optimization off; ONNX Runtime memory-maps the
 * `.data` file, so start-up reads only the pages the model touches.
 *
 * The cache is derived data, never committed: `<cacheDir>/optimized/<key>/`,
 * where the key covers the model file (path, size, modification time), the
 * ONNX Runtime version and the CPU (an optimized graph may use CPU-specific
 * kernels). A changed model gets a new key. Every open from the cache runs
 * a probe batch and compares the output bit for bit with the original
 * model's (recorded when the cache was built): a damaged or stale copy is
 * reported in ONE warning, the original is opened instead, and the cache is
 * rebuilt. A copy whose output differs already when built is marked unusable
 * and skipped (the original is used, quietly).
 *
 * @example
 * const { session, source } = await openCachedSession({ ort, onnxFile, cacheDir, logger, probe });
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InferenceSession } from 'onnxruntime-node';

export type OrtModule = typeof import('onnxruntime-node');
export type SessionLogger = { debug(o: object, msg?: string): void; warn(o: object | string, msg?: string): void };

/** Bump when the cache's layout or what is saved changes (2: the weights' pre-packed forms are saved too). */
export const ORT_CACHE_FORMAT = 2;
const MODEL = 'model.onnx';
const DATA = 'model.onnx.data';
const MANIFEST = 'manifest.json';

interface CacheManifest {
  format: number;
  source: { file: string; size: number; mtimeMs: number };
  ort: string;
  /** sha256 of the probe batch's output from the original model. */
  probe: string;
  /** Byte size of the weights file (a truncated copy is refused before ONNX Runtime maps it). */
  dataSize: number;
  /** false: the optimized copy's output differed from the original's when built; it is not used. */
  usable: boolean;
}

export interface CachedSessionOptions {
  ort: OrtModule;
  onnxFile: string;
  /** The model cache folder; the optimized copies go under `<cacheDir>/optimized/`. */
  cacheDir: string;
  logger: SessionLogger;
  /** Runs the probe batch on a session and returns its raw output. */
  probe: (s: InferenceSession) => Promise<unknown>;
  /** ONNX Runtime's own warnings on stderr (default off). */
  verbose?: boolean;
}

/** The cache folder for a model file (a new key when the file, ONNX Runtime or the CPU changes). */
export function cacheFolder(ort: OrtModule, onnxFile: string, cacheDir: string): { dir: string; source: CacheManifest['source'] } {
  const file = fs.realpathSync(onnxFile);
  const st = fs.statSync(file);
  const source = { file, size: st.size, mtimeMs: st.mtimeMs };
  const key = createHash('sha256')
    .update(JSON.stringify({ format: ORT_CACHE_FORMAT, source, ort: ortVersion(ort), cpu: os.cpus()[0]?.model ?? '', arch: process.arch, platform: process.platform }))
    .digest('hex')
    .slice(0, 24);
  return { dir: path.join(cacheDir, 'optimized', key), source };
}

export async function openCachedSession(o: CachedSessionOptions): Promise<{ session: InferenceSession; source: 'cache' | 'original' }> {
  const logSeverityLevel = o.verbose ? 2 : 4;
  const { dir, source } = cacheFolder(o.ort, o.onnxFile, o.cacheDir);
  const manifest = readManifest(dir);
  if (manifest && !manifest.usable) {
    o.logger.debug({ dir }, 'optimized-model cache marked unusable; opening the original model');
    return { session: await o.ort.InferenceSession.create(o.onnxFile, { logSeverityLevel }), source: 'original' };
  }
  // A published folder is complete (./publish), so one without a readable manifest is damaged too.
  const damage = manifest ? await tryCached(o, dir, manifest, logSeverityLevel) : fs.existsSync(dir) ? { why: `${MANIFEST} is missing or unreadable` } : null;
  if (damage && 'session' in damage) return { session: damage.session, source: 'cache' };
  if (damage) {
    o.logger.warn({ dir, cause: damage.why }, `the optimized copy of ${o.onnxFile} in the model cache is damaged (${damage.why}); opening the original model and rebuilding the copy`);
    remove(dir);
  }
  return build(o, dir, source, logSeverityLevel);
}

async function tryCached(o: CachedSessionOptions, dir: string, m: CacheManifest, logSeverityLevel: 2 | 4): Promise<{ session: InferenceSession } | { why: string }> {
  let size: number;
  try {
    size = fs.statSync(path.join(dir, DATA)).size;
  } catch {
    return { why: `${DATA} is missing` };
  }
  // A short weights file would be mapped past its end (a crash, not an error): refuse it here.
  if (size !== m.dataSize) return { why: `${DATA} is ${size} bytes, not ${m.dataSize}` };
  let session: InferenceSession;
  try {
    session = await o.ort.InferenceSession.create(path.join(dir, MODEL), { graphOptimizationLevel: 'disabled', logSeverityLevel });
  } catch (e) {
    return { why: `ONNX Runtime cannot open it: ${firstLine(e)}` };
  }
  try {
    const got = digest(await o.probe(session));
    if (got === m.probe) return { session };
    await session.release();
    return { why: 'its output differs from the original model’s' };
  } catch (e) {
    await session.release().catch(() => undefined);
    return { why: `it fails to run: ${firstLine(e)}` };
  }
}

/** Open the original with the optimized copy saved beside, record its probe output, and check the copy reproduces it. */
async function build(o: CachedSessionOptions, dir: string, source: CacheManifest['source'], logSeverityLevel: 2 | 4): Promise<{ session: InferenceSession; source: 'cache' | 'original' }> {
  const tmp = `${dir}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  let original: InferenceSession;
  try {
    fs.mkdirSync(tmp, { recursive: true });
    original = await o.ort.InferenceSession.create(o.onnxFile, {
      logSeverityLevel,
      optimizedModelFilePath: path.join(tmp, MODEL),
      // The pre-packed forms of the weights (the layout the matrix kernels read) are saved beside them, so a later
      // open maps them instead of re-packing each one into fresh memory (MiniLM: ~0.15 s less CPU to open a session).
      extra: { session: { optimized_model_external_initializers_file_name: DATA, optimized_model_external_initializers_min_size_in_bytes: '1024', save_external_prepacked_constant_initializers: '1' } },
    });
  } catch (e) {
    remove(tmp);
    // Unwritable cache folder, full disk: open the original without saving (its error, if any, is the real one).
    const session = await o.ort.InferenceSession.create(o.onnxFile, { logSeverityLevel });
    o.logger.debug({ err: e, dir }, 'could not build the optimized-model cache; the original model is used');
    return { session, source: 'original' };
  }
  try {
    const probe = digest(await o.probe(original));
    const dataFile = path.join(tmp, DATA);
    const manifest: CacheManifest = { format: ORT_CACHE_FORMAT, source, ort: ortVersion(o.ort), probe, dataSize: fs.existsSync(dataFile) ? fs.statSync(dataFile).size : 0, usable: true };
    if (!fs.existsSync(dataFile)) fs.writeFileSync(dataFile, ''); // a model with only small weights keeps them inline
    // Check the copy before trusting it (the original's memory is given back first: peak RSS).
    await original.release();
    const check = await tryCached(o, tmp, manifest, logSeverityLevel);
    if (!('session' in check)) {
      o.logger.debug({ dir, why: check.why }, 'the optimized model does not reproduce the original; the original is used');
      manifest.usable = false;
      for (const f of [MODEL, DATA]) fs.rmSync(path.join(tmp, f), { force: true });
    }
    fs.writeFileSync(path.join(tmp, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
    publish(tmp, dir);
    // The checked session keeps its mapping of the weights file through the rename (same file).
    if ('session' in check) return { session: check.session, source: 'cache' };
    return { session: await o.ort.InferenceSession.create(o.onnxFile, { logSeverityLevel }), source: 'original' };
  } catch (e) {
    remove(tmp);
    throw e;
  }
}

function remove(p: string): void {
  try {
    fs.rmSync(p, { recursive: true, force: true });
  } catch {
    // nothing to clean up where nothing could be written
  }
}

/** Atomic: a folder either is complete or does not exist (another process that published first wins). */
function publish(tmp: string, dir: string): void {
  try {
    fs.renameSync(tmp, dir);
  } catch {
    remove(tmp);
  }
}

function readManifest(dir: string): CacheManifest | null {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8')) as CacheManifest;
    return m.format === ORT_CACHE_FORMAT && typeof m.probe === 'string' && typeof m.dataSize === 'number' ? m : null;
  } catch {
    return null;
  }
}

function digest(x: unknown): string {
  const a = x as ArrayBufferView;
  return createHash('sha256').update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)).digest('hex');
}

function ortVersion(ort: OrtModule): string {
  return `${ort.env.versions.common}/${(ort.env.versions as Record<string, string>).node ?? ''}`;
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 300);
}
