/**
 * The vector store: vectra's `index.json` stays the store of record for the
 * items (id + metadata: chunk id, doc, ¶…), and the vectors themselves live in
 * a binary sidecar, `vectors.f32`, so they scale past what a JSON string can
 * hold (vectra 0.12.3 writes the whole index as one `JSON.stringify` string;
 * with 384-d vectors inline that breaks V8's ~512 MiB string limit before
 * 100k items). Search is a tight dot-product scan over one row-major
 * `Float32Array` with a fixed-size min-heap for the top k — no allocation
 * per row.
 *
 * Files written into `dir` (the caller creates `dir` and swaps the whole
 * index folder atomically):
 * - `index.json` — vectra's `LocalIndex` format
 *   (`{ version: 1, metadata_config: {}, items: [{ id, metadata, vector: [], norm: 0 }] }`),
 *   readable by `new LocalIndex(dir).listItems()`; item order = row order.
 * - `vectors.f32` — a 32-byte header (magic `VBVECS01`, u32 version, u32 dim,
 *   f64 count, 8 reserved bytes) followed by `count × dim` little-endian float32.
 * - `vectors.json` — the manifest: `{ format, version, dim, count, headerBytes,
 *   bytes, sha256 (of the float payload), idsSha256 (of the ids joined by "\n") }`.
 *
 * On read every one of these is cross-checked (file size = header + count × dim × 4,
 * header = manifest, payload checksum, item count and ids checksum), so a
 * truncated, corrupted or mismatched index is an Error naming the file, never
 * silently wrong results.
 */
import { createHash } from 'node:crypto';
import { open, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

export interface VectorHit {
  id: string;
  score: number;
}

export type VectorMetadata = Record<string, string | number | boolean>;

export interface VectorItem {
  id: string;
  vector: Float32Array;
  metadata?: VectorMetadata;
}

export interface VectorIndex {
  readonly dim: number;
  readonly size: number;
  readonly ids: readonly string[];
  /** Top-k by dot product (vectors are unit length, so = cosine), best first; optional filter on row index. */
  search(query: Float32Array, k: number, filter?: (row: number) => boolean): VectorHit[];
  /** The stored vector (a view into the index — do not modify). */
  get(id: string): Float32Array | undefined;
  /** The metadata stored with the item (`{}` when none was given). */
  metadata(id: string): VectorMetadata | undefined;
  /** Which scan kernel serves `search` (WebAssembly SIMD, or the plain-JS fallback). */
  readonly kernel: 'wasm-simd' | 'js';
}

/** vectra is loaded on first use (its import costs about half a second of start-up). */
const loadVectra = () => import('vectra');

export const INDEX_FILE = 'index.json';

/** The part of vectra's `LocalIndex` file format we read back (`index.json`). */
const vectraFileSchema = z.object({
  version: z.number(),
  items: z.array(z.object({ id: z.string(), metadata: z.record(z.union([z.string(), z.number(), z.boolean()])).default({}) }).passthrough()),
}).passthrough();
export const VECTORS_FILE = 'vectors.f32';
export const MANIFEST_FILE = 'vectors.json';

const MAGIC = 'VBVECS01';
const FORMAT = 'verbatim-vectors';
const VERSION = 1;
const HEADER_BYTES = 32;
/** Bytes per write/read call when streaming vectors. */
const IO_CHUNK = 16 * 1024 * 1024;

const manifestSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  dim: z.number().int().positive(),
  count: z.number().int().nonnegative(),
  headerBytes: z.literal(HEADER_BYTES),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  idsSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type VectorManifest = z.infer<typeof manifestSchema>;

function assertLittleEndian(): void {
  if (os.endianness() !== 'LE') throw new Error('The vector store needs a little-endian host (vectors.f32 is little-endian float32).');
}

/** sha256 of the ids joined by "\n" (fed in ~1 MB pieces: one native call per id is slow at 1M ids). */
function idsHash(ids: readonly string[]): string {
  const h = createHash('sha256');
  let buf = '';
  for (let i = 0; i < ids.length; i++) {
    buf += i ? '\n' + ids[i] : ids[i];
    if (buf.length >= 1 << 20) {
      h.update(buf);
      buf = '';
    }
  }
  h.update(buf);
  return h.digest('hex');
}

function validateItems(items: readonly { id: string; vector: Float32Array }[], dim: number): void {
  if (!Number.isInteger(dim) || dim <= 0) throw new Error(`Vector dimension must be a positive integer, got ${dim}`);
  const seen = new Set<string>();
  for (let i = 0; i < items.length; i++) {
    const { id, vector } = items[i];
    if (typeof id !== 'string' || id.length === 0) throw new Error(`Vector item ${i} has no id`);
    if (id.includes('\n')) throw new Error(`Vector item id ${JSON.stringify(id)} contains a newline`);
    if (seen.has(id)) throw new Error(`Duplicate vector item id ${JSON.stringify(id)}`);
    seen.add(id);
    if (!(vector instanceof Float32Array) || vector.length !== dim) {
      throw new Error(`Vector item ${JSON.stringify(id)} has ${vector?.length ?? 'no'} dimensions, expected ${dim}`);
    }
    for (let j = 0; j < dim; j++) {
      if (!Number.isFinite(vector[j])) throw new Error(`Vector item ${JSON.stringify(id)} has a non-finite value at [${j}]`);
    }
  }
}

// ---------------------------------------------------------------------------
// The scan kernel: score every row of a row-major matrix against a query.
//
// The fast path is a 1-function WebAssembly module using 128-bit SIMD
// (f32x4 multiply/add, four accumulators, 16 floats per iteration), which
// brings a full scan close to memory bandwidth; the matrix lives directly in
// the module's memory (readVectorIndex streams the file straight into it).
// Where WebAssembly SIMD is unavailable, the dimension is not a multiple of
// 4, or the matrix exceeds wasm32's 4 GiB, a plain JS loop does the same.
// The module is assembled below from named opcodes (see the WebAssembly
// core + SIMD specs); tests check both kernels against a brute-force ranking.
// ---------------------------------------------------------------------------

/** `scores(data, n, dim, q, out)`: out[row] = Σ_j data[row·dim + j] · q[j], all as byte addresses; needs dim % 4 == 0. */
function assembleScanModule(): Uint8Array {
  const uleb = (n: number): number[] => {
    const out: number[] = [];
    do {
      let b = n & 0x7f;
      n >>>= 7;
      if (n) b |= 0x80;
      out.push(b);
    } while (n);
    return out;
  };
  const sleb = (n: number): number[] => {
    const out: number[] = [];
    for (;;) {
      const b = n & 0x7f;
      n >>= 7;
      if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
        out.push(b);
        return out;
      }
      out.push(b | 0x80);
    }
  };
  const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
  const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
  const name = (s: string): number[] => vec([...Buffer.from(s, 'utf8')].map((b) => [b]));

  const I32 = 0x7f, V128 = 0x7b; // value types
  const get = (i: number) => [0x20, i], set = (i: number) => [0x21, i];
  const i32c = (n: number) => [0x41, ...sleb(n)];
  const add = [0x6a], mul = [0x6c], and = [0x71], geU = [0x4f];
  const block = [0x02, 0x40], loop = [0x03, 0x40], end = [0x0b];
  const br = (d: number) => [0x0c, d], brIf = (d: number) => [0x0d, d];
  const v128load = (offset: number) => [0xfd, 0x00, 0x02, ...uleb(offset)]; // align hint 2^2
  const v128zero = [0xfd, 0x0c, ...new Array(16).fill(0)];
  const f32x4add = [0xfd, 0xe4, 0x01], f32x4mul = [0xfd, 0xe6, 0x01];
  const lane = (l: number) => [0xfd, 0x1f, l]; // f32x4.extract_lane
  const f32add = [0x92], f32store = [0x38, 0x02, 0x00];

  // params: 0 data, 1 n, 2 dim, 3 q, 4 out; locals: 5 row, 6 j, 7 p, 8 d16 (bytes), 9 rowBytes, 10..13 acc0..3
  const DATA = 0, N = 1, DIM = 2, Q = 3, OUT = 4, ROW = 5, J = 6, P = 7, D16 = 8, RB = 9, ACC = 10;
  const madd = (acc: number, offset: number) => [
    ...get(acc),
    ...get(P), ...get(J), ...add, ...v128load(offset),
    ...get(Q), ...get(J), ...add, ...v128load(offset),
    ...f32x4mul, ...f32x4add, ...set(acc),
  ];
  const body = [
    ...get(DIM), ...i32c(4), ...mul, ...set(RB),
    ...get(DIM), ...i32c(-16), ...and, ...i32c(4), ...mul, ...set(D16),
    ...get(DATA), ...set(P),
    ...block, ...loop,
    ...get(ROW), ...get(N), ...geU, ...brIf(1),
    ...v128zero, ...set(ACC), ...v128zero, ...set(ACC + 1), ...v128zero, ...set(ACC + 2), ...v128zero, ...set(ACC + 3),
    ...i32c(0), ...set(J),
    // 16 floats per iteration, four independent accumulators
    ...block, ...loop,
    ...get(J), ...get(D16), ...geU, ...brIf(1),
    ...madd(ACC, 0), ...madd(ACC + 1, 16), ...madd(ACC + 2, 32), ...madd(ACC + 3, 48),
    ...get(J), ...i32c(64), ...add, ...set(J),
    ...br(0), ...end, ...end,
    // tail: 4 floats per iteration
    ...block, ...loop,
    ...get(J), ...get(RB), ...geU, ...brIf(1),
    ...madd(ACC, 0),
    ...get(J), ...i32c(16), ...add, ...set(J),
    ...br(0), ...end, ...end,
    ...get(ACC), ...get(ACC + 1), ...f32x4add, ...get(ACC + 2), ...f32x4add, ...get(ACC + 3), ...f32x4add, ...set(ACC),
    ...get(OUT), ...get(ROW), ...i32c(4), ...mul, ...add,
    ...get(ACC), ...lane(0), ...get(ACC), ...lane(1), ...f32add, ...get(ACC), ...lane(2), ...f32add, ...get(ACC), ...lane(3), ...f32add,
    ...f32store,
    ...get(P), ...get(RB), ...add, ...set(P),
    ...get(ROW), ...i32c(1), ...add, ...set(ROW),
    ...br(0), ...end, ...end,
    ...end,
  ];
  const locals = vec([[5, I32], [4, V128]]);
  const func = [...locals, ...body];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([[0x60, ...vec([[I32], [I32], [I32], [I32], [I32]]), 0x00]])), // type: (i32 ×5) → ()
    ...section(2, vec([[...name('env'), ...name('memory'), 0x02, 0x00, 0x00]])), // import env.memory, min 0
    ...section(3, vec([[0x00]])), // one function of type 0
    ...section(7, vec([[...name('scores'), 0x00, 0x00]])), // export func 0
    ...section(10, vec([[...uleb(func.length), ...func]])),
  ]);
}

// @types/node 20 does not declare the WebAssembly global (it exists at run time); the parts used here:
interface WasmModule {
  readonly __wasmModule?: never;
}
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: Record<string, Record<string, unknown>>) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number; maximum?: number }) => { buffer: ArrayBuffer };
};

let scanModule: WasmModule | null | undefined;
function getScanModule(): WasmModule | null {
  if (scanModule === undefined) {
    try {
      scanModule = new WebAssembly.Module(assembleScanModule());
    } catch {
      scanModule = null; // no WebAssembly SIMD here: the JS loop takes over
    }
  }
  return scanModule;
}

/** A row-major `size × dim` matrix and a kernel that scores every row against a query. */
export interface ScanMatrix {
  /** The rows; fill it before scoring. */
  readonly data: Float32Array;
  readonly size: number;
  readonly dim: number;
  readonly kernel: 'wasm-simd' | 'js';
  /** Dot product of every row with `query`. The returned array is reused by the next call. */
  score(query: Float32Array): Float32Array;
}

const WASM_PAGE = 65536;
const WASM_MAX_PAGES = 65536; // wasm32: 4 GiB
const align16 = (n: number) => Math.ceil(n / 16) * 16;

/**
 * Allocate a matrix for scanning: in WebAssembly memory with the SIMD kernel
 * when possible (`kernel: 'auto'`), else (or with `kernel: 'js'`) plain JS.
 *
 * @example
 * const m = allocateMatrix(2, 4);
 * m.data.set([1, 0, 0, 0, 0, 1, 0, 0]);
 * m.score(new Float32Array([0, 1, 0, 0])); // Float32Array [0, 1]
 */
export function allocateMatrix(size: number, dim: number, kernel: 'auto' | 'wasm-simd' | 'js' = 'auto'): ScanMatrix {
  if (!Number.isInteger(size) || size < 0) throw new Error(`Matrix size must be a non-negative integer, got ${size}`);
  if (!Number.isInteger(dim) || dim <= 0) throw new Error(`Vector dimension must be a positive integer, got ${dim}`);
  const qBytes = align16(dim * 4);
  const outBytes = align16(size * 4);
  const total = qBytes + outBytes + size * dim * 4;
  const pages = Math.max(1, Math.ceil(total / WASM_PAGE));
  const mod = kernel === 'js' || dim % 4 !== 0 || pages > WASM_MAX_PAGES ? null : getScanModule();
  if (kernel === 'wasm-simd' && !mod) throw new Error(`The WebAssembly SIMD kernel is unavailable for ${size} × ${dim}`);

  let memory: { buffer: ArrayBuffer } | null = null;
  if (mod) {
    try {
      memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    } catch (e) {
      // address space for wasm memories exhausted (each reserves guard regions): plain JS instead
      if (kernel === 'wasm-simd') throw new Error(`Cannot allocate WebAssembly memory for ${size} × ${dim}`, { cause: e });
    }
  }
  if (mod && memory) {
    const instance = new WebAssembly.Instance(mod, { env: { memory } });
    const scores = instance.exports.scores as (data: number, n: number, dim: number, q: number, out: number) => void;
    const buffer = memory.buffer;
    const q = new Float32Array(buffer, 0, dim);
    const out = new Float32Array(buffer, qBytes, size);
    const dataOffset = qBytes + outBytes;
    const data = new Float32Array(buffer, dataOffset, size * dim);
    return {
      data,
      size,
      dim,
      kernel: 'wasm-simd',
      score(query) {
        q.set(query);
        scores(dataOffset | 0, size | 0, dim, 0, qBytes);
        return out;
      },
    };
  }

  const data = new Float32Array(size * dim);
  const out = new Float32Array(size);
  const d4 = dim - (dim % 4);
  return {
    data,
    size,
    dim,
    kernel: 'js',
    score(query) {
      for (let row = 0, off = 0; row < size; row++, off += dim) {
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        let j = 0;
        for (; j < d4; j += 4) {
          s0 += query[j] * data[off + j];
          s1 += query[j + 1] * data[off + j + 1];
          s2 += query[j + 2] * data[off + j + 2];
          s3 += query[j + 3] * data[off + j + 3];
        }
        for (; j < dim; j++) s0 += query[j] * data[off + j];
        out[row] = s0 + s1 + s2 + s3;
      }
      return out;
    },
  };
}

/**
 * Top-k of `scores` (best first; ties: lower row first) with a fixed
 * min-heap of k — one comparison per row in the common case, no allocation
 * per row. Rows rejected by `filter` are skipped.
 *
 * @example
 * selectTopK(new Float32Array([0.1, 0.9, 0.5]), 2); // [{ row: 1, score: 0.9… }, { row: 2, score: 0.5 }]
 */
export function selectTopK(scores: Float32Array, k: number, filter?: (row: number) => boolean): { row: number; score: number }[] {
  const size = scores.length;
  const kk = Math.min(Math.max(0, Math.floor(k)), size);
  if (kk === 0) return [];
  const heapScore = new Float64Array(kk);
  const heapRow = new Int32Array(kk);
  let filled = 0;
  for (let row = 0; row < size; row++) {
    const s = scores[row];
    if (filled === kk && !(s > heapScore[0])) continue;
    if (filter !== undefined && !filter(row)) continue;
    if (filled < kk) {
      // sift up into the min-heap (root = worst kept; worse = lower score, or equal score and higher row)
      let i = filled++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        const ps = heapScore[p];
        if (ps < s || (ps === s && heapRow[p] > row)) break;
        heapScore[i] = ps;
        heapRow[i] = heapRow[p];
        i = p;
      }
      heapScore[i] = s;
      heapRow[i] = row;
    } else {
      // replace the root and sift down
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= kk) break;
        const r = l + 1;
        let c = l;
        if (r < kk && (heapScore[r] < heapScore[l] || (heapScore[r] === heapScore[l] && heapRow[r] > heapRow[l]))) c = r;
        const cs = heapScore[c];
        if (s < cs || (s === cs && row > heapRow[c])) break;
        heapScore[i] = cs;
        heapRow[i] = heapRow[c];
        i = c;
      }
      heapScore[i] = s;
      heapRow[i] = row;
    }
  }
  const out: { row: number; score: number }[] = new Array(filled);
  for (let i = 0; i < filled; i++) out[i] = { row: heapRow[i], score: heapScore[i] };
  out.sort((a, b) => b.score - a.score || a.row - b.row);
  return out;
}

/**
 * The index over a filled {@link ScanMatrix}. Takes ownership of `ids` (it is
 * frozen); the id → row map is built on the first `get`/`metadata` call, so
 * loading and searching never pay for it.
 */
export function vectorIndexOverMatrix(ids: string[], matrix: ScanMatrix, metadata?: readonly (VectorMetadata | undefined)[]): VectorIndex {
  const { dim, size, data } = matrix;
  if (ids.length !== size) throw new Error(`Vector matrix has ${size} rows but ${ids.length} ids`);
  let rows: Map<string, number> | null = null;
  const rowOf = {
    get(id: string): number | undefined {
      if (!rows) {
        rows = new Map<string, number>();
        for (let i = 0; i < size; i++) rows.set(ids[i], i);
      }
      return rows.get(id);
    },
  };
  const frozenIds = Object.freeze(ids);
  return {
    dim,
    size,
    ids: frozenIds,
    kernel: matrix.kernel,
    search(query, k, filter) {
      if (query.length !== dim) throw new Error(`Query vector has ${query.length} dimensions, expected ${dim}`);
      for (let j = 0; j < dim; j++) if (!Number.isFinite(query[j])) throw new Error(`Query vector has a non-finite value at [${j}]`);
      if (!(k >= 1) || size === 0) return [];
      return selectTopK(matrix.score(query), k, filter).map(({ row, score }) => ({ id: frozenIds[row], score }));
    },
    get(id) {
      const row = rowOf.get(id);
      return row === undefined ? undefined : data.subarray(row * dim, row * dim + dim);
    },
    metadata(id) {
      const row = rowOf.get(id);
      return row === undefined ? undefined : (metadata?.[row] ?? {});
    },
  };
}

/**
 * Build an index in memory (tests, eval) — the same search as a stored index.
 *
 * @example
 * const index = createVectorIndex([{ id: 'c1', vector: new Float32Array([1, 0]) }], 2);
 * index.search(new Float32Array([1, 0]), 5); // [{ id: 'c1', score: 1 }]
 */
export function createVectorIndex(
  items: { id: string; vector: Float32Array; metadata?: VectorMetadata }[],
  dim: number,
  options: { kernel?: 'auto' | 'wasm-simd' | 'js' } = {},
): VectorIndex {
  validateItems(items, dim);
  const matrix = allocateMatrix(items.length, dim, options.kernel ?? 'auto');
  for (let i = 0; i < items.length; i++) matrix.data.set(items[i].vector, i * dim);
  return vectorIndexOverMatrix(
    items.map((it) => it.id),
    matrix,
    items.map((it) => it.metadata),
  );
}

/**
 * Write items into `dir`: vectra's `index.json` (ids + metadata, no vectors),
 * the `vectors.f32` sidecar and the `vectors.json` manifest. Everything is
 * streamed (no giant strings) and fsync'ed. The caller creates `dir` and
 * handles the atomic swap of the whole index folder.
 *
 * @example
 * await mkdir(tmp, { recursive: true });
 * await writeVectorIndex(tmp, [{ id: 'doc#c1', vector, metadata: { doc: 'doc', paragraph: 1 } }], 384);
 */
export async function writeVectorIndex(
  dir: string,
  items: { id: string; vector: Float32Array; metadata?: VectorMetadata }[],
  dim: number,
): Promise<void> {
  assertLittleEndian();
  validateItems(items, dim);
  const count = items.length;

  // 1. vectors.f32: header + row-major float32, streamed in IO_CHUNK pieces while hashing.
  const vectorsPath = path.join(dir, VECTORS_FILE);
  const hash = createHash('sha256');
  const fh = await open(vectorsPath, 'w');
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    header.write(MAGIC, 0, 'latin1');
    header.writeUInt32LE(VERSION, 8);
    header.writeUInt32LE(dim, 12);
    header.writeDoubleLE(count, 16);
    await fh.write(header, 0, HEADER_BYTES, 0);
    const rowBytes = dim * 4;
    const rowsPerChunk = Math.max(1, Math.floor(IO_CHUNK / rowBytes));
    const chunk = new Float32Array(rowsPerChunk * dim);
    const chunkBytes = new Uint8Array(chunk.buffer);
    let position = HEADER_BYTES;
    for (let start = 0; start < count; start += rowsPerChunk) {
      const end = Math.min(count, start + rowsPerChunk);
      for (let i = start; i < end; i++) chunk.set(items[i].vector, (i - start) * dim);
      const n = (end - start) * rowBytes;
      const view = chunkBytes.subarray(0, n);
      hash.update(view);
      await writeFully(fh, view, position);
      position += n;
    }
    await fh.sync();
  } finally {
    await fh.close();
  }

  // 2. index.json in vectra's LocalIndex format, vectors left out (an empty array, norm 0).
  const indexPath = path.join(dir, INDEX_FILE);
  const ih = await open(indexPath, 'w');
  try {
    let buf = '{"version":1,"metadata_config":{},"items":[';
    let position = 0;
    const flush = async () => {
      const bytes = Buffer.from(buf, 'utf8');
      await writeFully(ih, bytes, position);
      position += bytes.length;
      buf = '';
    };
    for (let i = 0; i < count; i++) {
      const it = items[i];
      buf += `${i ? ',' : ''}{"id":${JSON.stringify(it.id)},"metadata":${JSON.stringify(it.metadata ?? {})},"vector":[],"norm":0}`;
      if (buf.length >= 1 << 20) await flush();
    }
    buf += ']}';
    await flush();
    await ih.sync();
  } finally {
    await ih.close();
  }

  // 3. The manifest, last.
  const manifest: VectorManifest = {
    format: FORMAT,
    version: VERSION,
    dim,
    count,
    headerBytes: HEADER_BYTES,
    bytes: HEADER_BYTES + count * dim * 4,
    sha256: hash.digest('hex'),
    idsSha256: idsHash(items.map((it) => it.id)),
  };
  const mh = await open(path.join(dir, MANIFEST_FILE), 'w');
  try {
    await mh.writeFile(JSON.stringify(manifest, null, 2) + '\n');
    await mh.sync();
  } finally {
    await mh.close();
  }
}

async function writeFully(fh: import('node:fs/promises').FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await fh.write(bytes, done, bytes.length - done, position + done);
    done += bytesWritten;
  }
}

const corrupt = (file: string, what: string, cause?: unknown) =>
  new Error(`Vector index file ${file} is corrupt or inconsistent: ${what}`, cause === undefined ? undefined : { cause });

/**
 * Read what {@link writeVectorIndex} wrote, verifying sizes, header,
 * checksums and the item list. Throws an Error (with `cause`) naming the
 * offending file when anything is missing, truncated, corrupt or inconsistent.
 *
 * @example
 * const index = await readVectorIndex(dir);
 * const hits = index.search(await embedder.embedQuery('who spoke?'), 10);
 */
export async function readVectorIndex(dir: string): Promise<VectorIndex> {
  assertLittleEndian();
  const manifestPath = path.join(dir, MANIFEST_FILE);
  const vectorsPath = path.join(dir, VECTORS_FILE);
  const indexPath = path.join(dir, INDEX_FILE);

  // 1. Manifest.
  let manifest: VectorManifest;
  try {
    const raw = await readFile(manifestPath, 'utf8');
    manifest = manifestSchema.parse(JSON.parse(raw));
  } catch (e) {
    throw corrupt(manifestPath, 'cannot read a valid manifest', e);
  }
  const { dim, count } = manifest;
  const payloadBytes = count * dim * 4;
  if (manifest.bytes !== HEADER_BYTES + payloadBytes) throw corrupt(manifestPath, `bytes ${manifest.bytes} ≠ header + ${count} × ${dim} × 4`);

  // 2. Vectors: size, header, then stream into one Float32Array while hashing.
  let size: number;
  try {
    size = (await stat(vectorsPath)).size;
  } catch (e) {
    throw corrupt(vectorsPath, 'missing', e);
  }
  if (size !== manifest.bytes) throw corrupt(vectorsPath, `size ${size} bytes, expected ${manifest.bytes} (${count} × ${dim} float32 + ${HEADER_BYTES}-byte header)`);
  let matrix: ScanMatrix;
  try {
    matrix = allocateMatrix(count, dim);
  } catch (e) {
    throw corrupt(manifestPath, `cannot allocate ${count} × ${dim}`, e);
  }
  const data = matrix.data;
  const fh = await open(vectorsPath, 'r');
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    await readFully(fh, header, 0, vectorsPath);
    const magic = header.toString('latin1', 0, 8);
    const version = header.readUInt32LE(8);
    const hdim = header.readUInt32LE(12);
    const hcount = header.readDoubleLE(16);
    if (magic !== MAGIC || version !== VERSION) throw corrupt(vectorsPath, `bad header (magic ${JSON.stringify(magic)}, version ${version})`);
    if (hdim !== dim || hcount !== count) throw corrupt(vectorsPath, `header says ${hcount} × ${hdim}, manifest says ${count} × ${dim}`);
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const hash = createHash('sha256');
    // Double-buffered: the next piece is read (libuv thread pool) while this one is hashed.
    const pieces: Uint8Array[] = [];
    for (let off = 0; off < payloadBytes; off += IO_CHUNK) pieces.push(bytes.subarray(off, Math.min(payloadBytes, off + IO_CHUNK)));
    let pending = pieces.length ? readFully(fh, pieces[0], HEADER_BYTES, vectorsPath) : null;
    for (let i = 0; i < pieces.length; i++) {
      await pending;
      pending = i + 1 < pieces.length ? readFully(fh, pieces[i + 1], HEADER_BYTES + (i + 1) * IO_CHUNK, vectorsPath) : null;
      hash.update(pieces[i]);
    }
    if (hash.digest('hex') !== manifest.sha256) throw corrupt(vectorsPath, 'checksum mismatch (sha256 of the vectors differs from the manifest)');
  } finally {
    await fh.close();
  }

  // 3. Items, from vectra's index.json (the store of record). Read as the JSON it is: importing vectra
  //    to list items costs ~45 MB of RSS and half a second per process; the tests check vectra reads what we write.
  let items: { id: string; metadata: VectorMetadata }[];
  try {
    const parsed = vectraFileSchema.safeParse(JSON.parse(await readFile(indexPath, 'utf8')));
    if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'not a vectra index');
    items = parsed.data.items as { id: string; metadata: VectorMetadata }[];
  } catch (e) {
    throw corrupt(indexPath, 'it is not a readable vectra index', e);
  }
  if (!Array.isArray(items) || items.length !== count) throw corrupt(indexPath, `${Array.isArray(items) ? items.length : 'no'} items, manifest says ${count}`);
  const ids = new Array<string>(count);
  const metadata = new Array<VectorMetadata>(count);
  for (let i = 0; i < count; i++) {
    const it = items[i];
    if (!it || typeof it.id !== 'string') throw corrupt(indexPath, `item ${i} has no id`);
    ids[i] = it.id;
    metadata[i] = it.metadata ?? {};
  }
  if (idsHash(ids) !== manifest.idsSha256) throw corrupt(indexPath, 'its ids (or their order) do not match the vectors (ids checksum mismatch)');
  return vectorIndexOverMatrix(ids, matrix, metadata);
}

async function readFully(fh: import('node:fs/promises').FileHandle, into: Uint8Array, position: number, file: string): Promise<void> {
  let done = 0;
  while (done < into.length) {
    const { bytesRead } = await fh.read(into, done, into.length - done, position + done);
    if (bytesRead === 0) throw corrupt(file, `truncated at byte ${position + done}`);
    done += bytesRead;
  }
}
