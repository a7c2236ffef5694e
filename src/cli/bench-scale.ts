/**
 * `npm run bench:scale` — how the vector store scales, measured against
 * vectra's own `LocalIndex` and against a flat Float32Array scan (the limit),
 * in one run.
 *
 * For each size a deterministic synthetic corpus (seeded random unit vectors,
 * ids and metadata shaped like real chunks) is generated; each measurement
 * runs in its own child process so its peak RSS is its own:
 *   1. ours-build  — writeVectorIndex (vectra index.json + vectors.f32 + manifest)
 *   2. ours-query  — readVectorIndex, then top-k queries interleaved with the
 *                    flat scans over a separate copy of the same vectors
 *   3. vectra      — LocalIndex insertItem ×n + save, reload, queryItems
 *   4. pgvector    — the `DATABASE_URL` backend, once per index method (HNSW,
 *                    IVFFlat): bulk load (binary COPY into an embedded PGlite on
 *                    disk, or multi-row inserts into `--database-url`), the index
 *                    built after the load, reopen, queries, recall@k against the
 *                    exact flat scan at several ef_search / probes settings
 *
 * @example
 * npm run bench:scale -- --sizes 10000,100000 --dim 384 --queries 100
 * nice -n 19 npm run bench:scale -- --sizes 100000 --vectra-max 10000 --pgvector-methods ivfflat,hnsw
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { LocalIndex } from 'vectra';
import { allocateMatrix, readVectorIndex, selectTopK, writeVectorIndex, VECTORS_FILE, INDEX_FILE } from '../index/vectors.js';
import { describeError } from '../errors.js';
import { mulberry32 } from '../random.js';

// ---------------------------------------------------------------------------
// deterministic corpus


/** Fill `out` (rows × dim) with random unit vectors (Gaussian via Box–Muller, then normalised). */
function fillUnitVectors(out: Float32Array, rows: number, dim: number, seed: number): void {
  const rand = mulberry32(seed);
  for (let r = 0; r < rows; r++) {
    const off = r * dim;
    let norm = 0;
    for (let j = 0; j < dim; j += 2) {
      const u = 1 - rand();
      const v = rand();
      const m = Math.sqrt(-2 * Math.log(u));
      const a = m * Math.cos(2 * Math.PI * v);
      out[off + j] = a;
      norm += a * a;
      if (j + 1 < dim) {
        const b = m * Math.sin(2 * Math.PI * v);
        out[off + j + 1] = b;
        norm += b * b;
      }
    }
    const inv = 1 / Math.sqrt(norm);
    for (let j = 0; j < dim; j++) out[off + j] *= inv;
  }
}

/** Latent dimensions of the `lowrank` corpus (sentence embeddings have a low intrinsic dimension). */
const LATENT_DIM = 24;
export type Corpus = 'random' | 'lowrank';

/**
 * The vectors for a corpus: `random` = independent uniform directions (no
 * structure at all: the hardest case for an approximate index, every point
 * nearly equidistant); `lowrank` = unit vectors near a 24-dimensional
 * subspace (x = normalise(W·z + 0.1·ε), one random W per base seed shared by
 * items and queries), closer to how text embeddings are spread.
 */
function fillCorpus(out: Float32Array, rows: number, dim: number, seed: number, baseSeed: number, corpus: Corpus): void {
  if (corpus === 'random') return fillUnitVectors(out, rows, dim, seed);
  const w = new Float32Array(dim * LATENT_DIM);
  fillUnitVectors(w, dim, LATENT_DIM, baseSeed + 1); // rows of W: random directions in latent space
  const z = new Float32Array(rows * LATENT_DIM);
  fillUnitVectors(z, rows, LATENT_DIM, seed);
  fillUnitVectors(out, rows, dim, seed + 2); // the noise directions
  for (let r = 0; r < rows; r++) {
    const off = r * dim;
    let norm = 0;
    for (let i = 0; i < dim; i++) {
      let x = 0.1 * out[off + i] * Math.sqrt(dim / LATENT_DIM);
      for (let j = 0; j < LATENT_DIM; j++) x += w[i * LATENT_DIM + j] * z[r * LATENT_DIM + j];
      out[off + i] = x;
      norm += x * x;
    }
    const inv = 1 / Math.sqrt(norm);
    for (let i = 0; i < dim; i++) out[off + i] *= inv;
  }
}

const CHUNKS_PER_DOC = 40;
const chunkId = (i: number) => `bench/doc-${String(Math.floor(i / CHUNKS_PER_DOC)).padStart(6, '0')}.txt#c${i % CHUNKS_PER_DOC}`;
const chunkMeta = (i: number) => ({
  doc: `bench/doc-${String(Math.floor(i / CHUNKS_PER_DOC)).padStart(6, '0')}.txt`,
  paragraph: (i % CHUNKS_PER_DOC) + 1,
  chunk: chunkId(i),
});

// ---------------------------------------------------------------------------
// measurement helpers

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
const rssMb = () => process.memoryUsage().rss / 1024 / 1024;

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}
const stats = (xs: number[]) => {
  const s = xs.slice().sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), n: s.length };
};

async function dirBytes(dir: string): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? await dirBytes(p) : (await stat(p)).size;
  }
  return total;
}

// ---------------------------------------------------------------------------
// child tasks

interface Task {
  kind: 'ours-build' | 'ours-query' | 'vectra' | 'pgvector';
  size: number;
  dim: number;
  queries: number;
  naiveQueries: number;
  k: number;
  seed: number;
  dir: string;
  databaseUrl?: string;
  corpus: Corpus;
  pgMethod?: PgMethod;
  pgM?: number;
  pgEfConstruction?: number;
}
type PgMethod = 'hnsw' | 'ivfflat';

type Result = Record<string, unknown>;

async function oursBuild(t: Task): Promise<Result> {
  const g0 = performance.now();
  const matrix = new Float32Array(t.size * t.dim);
  fillCorpus(matrix, t.size, t.dim, t.seed, t.seed, t.corpus);
  const items = new Array(t.size);
  for (let i = 0; i < t.size; i++) items[i] = { id: chunkId(i), vector: matrix.subarray(i * t.dim, (i + 1) * t.dim), metadata: chunkMeta(i) };
  const genMs = performance.now() - g0;
  await mkdir(t.dir, { recursive: true });
  const b0 = performance.now();
  await writeVectorIndex(t.dir, items, t.dim);
  const buildMs = performance.now() - b0;
  return {
    genMs,
    buildMs,
    bytes: await dirBytes(t.dir),
    indexJsonBytes: (await stat(path.join(t.dir, INDEX_FILE))).size,
    peakRssMb: peakRssMb(),
  };
}

function queryVectors(t: Task): Float32Array[] {
  const all = new Float32Array(t.queries * t.dim);
  fillCorpus(all, t.queries, t.dim, t.seed ^ 0x9e3779b9, t.seed, t.corpus);
  return Array.from({ length: t.queries }, (_, i) => all.subarray(i * t.dim, (i + 1) * t.dim));
}

/** The naive loop the issue measured: one accumulator, every score into an array, then top-k. */
function naiveScan(data: Float32Array, size: number, dim: number, q: Float32Array, scores: Float32Array, k: number) {
  for (let row = 0, off = 0; row < size; row++, off += dim) {
    let s = 0;
    for (let j = 0; j < dim; j++) s += q[j] * data[off + j];
    scores[row] = s;
  }
  return selectTopK(scores, k);
}

async function oursQuery(t: Task): Promise<Result> {
  const rss0 = rssMb();
  const l0 = performance.now();
  const index = await readVectorIndex(t.dir);
  const loadMs = performance.now() - l0;
  const rssAfterLoad = rssMb() - rss0;

  // The flat baselines get their own copy of the same vectors, read straight from vectors.f32.
  const flat = allocateMatrix(t.size, t.dim);
  {
    const { open } = await import('node:fs/promises');
    const fh = await open(path.join(t.dir, VECTORS_FILE), 'r');
    const bytes = new Uint8Array(flat.data.buffer, flat.data.byteOffset, flat.data.byteLength);
    for (let off = 0; off < bytes.length; ) {
      const { bytesRead } = await fh.read(bytes, off, Math.min(1 << 24, bytes.length - off), 32 + off);
      if (!bytesRead) throw new Error('short read');
      off += bytesRead;
    }
    await fh.close();
  }
  const naiveScores = new Float32Array(t.size);
  const qs = queryVectors(t);

  // warm-up (JIT, page cache): a few untimed rounds of each
  for (let i = 0; i < Math.min(10, qs.length); i++) {
    index.search(qs[i], t.k);
    selectTopK(flat.score(qs[i]), t.k);
  }
  const ours: number[] = [];
  const flatSimd: number[] = [];
  const naive: number[] = [];
  let agree = 0;
  for (let i = 0; i < qs.length; i++) {
    const q = qs[i];
    // alternate the order so neither side always runs on a warmer cache
    const first = i % 2 === 0;
    let oursHits: { id: string }[] = [];
    let flatTop: { row: number }[] = [];
    const runOurs = () => {
      const t0 = performance.now();
      oursHits = index.search(q, t.k);
      ours.push(performance.now() - t0);
    };
    const runFlat = () => {
      const t0 = performance.now();
      const s = flat.score(q);
      flatSimd.push(performance.now() - t0);
      flatTop = selectTopK(s, t.k); // for the agreement check, outside the timing
    };
    if (first) {
      runOurs();
      runFlat();
    } else {
      runFlat();
      runOurs();
    }
    if (oursHits.map((h) => h.id).join('\n') === flatTop.map((h) => chunkId(h.row)).join('\n')) agree++;
    if (i < t.naiveQueries) {
      const t0 = performance.now();
      naiveScan(flat.data, t.size, t.dim, q, naiveScores, t.k);
      naive.push(performance.now() - t0);
    }
  }
  return {
    loadMs,
    rssAfterLoadMb: rssAfterLoad,
    peakRssMb: peakRssMb(),
    kernel: index.kernel,
    ours: stats(ours),
    flat: stats(flatSimd),
    naive: stats(naive),
    agree,
  };
}

async function vectraRun(t: Task): Promise<Result> {
  const out: Result = {};
  const matrix = new Float32Array(t.size * t.dim); // the same vectors as ours
  fillCorpus(matrix, t.size, t.dim, t.seed, t.seed, t.corpus);
  const idx = new LocalIndex(t.dir);
  await idx.createIndex({ version: 1, deleteIfExists: true });
  const b0 = performance.now();
  await idx.beginUpdate();
  for (let i = 0; i < t.size; i++) {
    await idx.insertItem({ id: chunkId(i), vector: Array.from(matrix.subarray(i * t.dim, (i + 1) * t.dim)), metadata: chunkMeta(i) });
  }
  out.insertMs = performance.now() - b0;
  try {
    await idx.endUpdate();
  } catch (e) {
    out.error = describeError(e).replace(/^Unexpected error: /, '');
    out.buildMs = performance.now() - b0;
    out.peakRssMb = peakRssMb();
    return out;
  }
  out.buildMs = performance.now() - b0;
  out.bytes = await dirBytes(t.dir);

  const fresh = new LocalIndex(t.dir);
  const l0 = performance.now();
  await fresh.getIndexStats(); // loads index.json
  out.loadMs = performance.now() - l0;
  const qs = queryVectors(t).map((q) => Array.from(q));
  for (let i = 0; i < Math.min(3, qs.length); i++) await fresh.queryItems(qs[i], '', t.k);
  const times: number[] = [];
  for (const q of qs) {
    const t0 = performance.now();
    await fresh.queryItems(q, '', t.k);
    times.push(performance.now() - t0);
  }
  out.query = stats(times);
  out.peakRssMb = peakRssMb();
  return out;
}

/** PGlite settings for a bulk vector load: room for the table and the index in shared buffers, the HNSW graph in memory. */
const PGLITE_BENCH_SETTINGS = ['shared_buffers=256MB', 'max_wal_size=1GB', 'checkpoint_timeout=30min'];
/** Where recall is measured: HNSW's ef_search, IVFFlat's probes (the first is the store's default, timed for p50/p95). */
const SWEEP: Record<PgMethod, number[]> = { hnsw: [100, 40, 200, 400], ivfflat: [10, 1, 32, 100] };

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};

async function pgvectorRun(t: Task): Promise<Result> {
  const { openDb } = await import('../state/db.js');
  const { createPgVectorStore } = await import('../index/pgvector.js');
  const method = t.pgMethod ?? 'hnsw';
  const out: Result = { method };
  const matrix = new Float32Array(t.size * t.dim); // the same vectors as ours
  fillCorpus(matrix, t.size, t.dim, t.seed, t.seed, t.corpus);
  const table = `bench_vectors_${method}_${t.size}`;
  const open = () => openDb({ url: t.databaseUrl, dir: t.dir, vector: true, settings: PGLITE_BENCH_SETTINGS });
  const cpu0 = process.cpuUsage();
  {
    const db = await open();
    try {
      const store = await createPgVectorStore(db, { table, dim: t.dim });
      await store.drop();
      const fresh = await createPgVectorStore(db, { table, dim: t.dim });
      const items = Array.from({ length: t.size }, (_, j) => ({ id: chunkId(j), vector: matrix.subarray(j * t.dim, (j + 1) * t.dim), metadata: chunkMeta(j) }));
      const b0 = performance.now();
      await fresh.load(items);
      out.insertMs = performance.now() - b0;
      out.insertCpuS = cpuSeconds(cpu0);
      const i0 = performance.now();
      const c1 = process.cpuUsage();
      await fresh.buildIndex({ method, m: t.pgM, efConstruction: t.pgEfConstruction, maintenanceWorkMem: '1GB' });
      out.indexMs = performance.now() - i0;
      out.indexCpuS = cpuSeconds(c1);
      out.buildMs = performance.now() - b0;
    } finally {
      await db.close();
    }
  }
  if (!t.databaseUrl) out.bytes = await dirBytes(t.dir);
  const l0 = performance.now();
  const db = await open();
  try {
    const store = await createPgVectorStore(db, { table, dim: t.dim });
    out.loadMs = performance.now() - l0;
    const qs = queryVectors(t);
    for (let i = 0; i < Math.min(5, qs.length); i++) await store.search(qs[i], t.k);
    const flat = allocateMatrix(t.size, t.dim);
    flat.data.set(matrix);
    const truth = qs.map((q) => new Set(selectTopK(flat.score(q), t.k).map((h) => chunkId(h.row))));
    const recall: Record<string, number> = {};
    for (const [n, knob] of SWEEP[method].entries()) {
      const opts = method === 'hnsw' ? { efSearch: knob } : { probes: knob };
      const times: number[] = [];
      let found = 0;
      for (let i = 0; i < qs.length; i++) {
        const t0 = performance.now();
        const hits = await store.search(qs[i], t.k, opts);
        times.push(performance.now() - t0);
        found += hits.filter((h) => truth[i].has(h.id)).length;
      }
      recall[String(knob)] = found / (qs.length * t.k);
      if (n === 0) out.query = stats(times);
      else out[`query@${knob}`] = stats(times);
    }
    out.recall = recall;
    if (t.databaseUrl) await store.drop();
  } finally {
    await db.close();
  }
  out.cpuS = cpuSeconds(cpu0);
  out.peakRssMb = peakRssMb();
  return out;
}

async function runChild(task: Task): Promise<Result> {
  switch (task.kind) {
    case 'pgvector':
      return pgvectorRun(task);
    case 'ours-build':
      return oursBuild(task);
    case 'ours-query':
      return oursQuery(task);
    case 'vectra':
      return vectraRun(task);
  }
}

/** CPU seconds (user + sys) of this process's finished children, from /proc (Linux; NaN elsewhere). */
function childCpu(): number {
  try {
    // fields 16 and 17 of /proc/self/stat are cutime and cstime, in clock ticks (100 Hz on Linux)
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return NaN;
  }
}

function spawnTask(task: Task, timeoutMs = 0): Promise<Result> {
  return new Promise((resolve) => {
    const child = fork(process.argv[1], ['--child', JSON.stringify(task)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: Result | undefined;
    let timedOut = false;
    const timer = timeoutMs > 0 ? setTimeout(() => ((timedOut = true), child.kill('SIGKILL')), timeoutMs) : undefined;
    child.on('message', (m) => (result = m as Result));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) resolve({ error: `did not finish within ${(timeoutMs / 60_000).toFixed(0)} min (stopped)` });
      else resolve(result ?? { error: `child exited with ${signal ?? `code ${code}`} (likely out of memory)` });
    });
  });
}

// ---------------------------------------------------------------------------
// the report

const f = (x: unknown, digits = 1) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(digits) : '—');
const mb = (b: unknown) => (typeof b === 'number' ? (b / 1024 / 1024).toFixed(1) : '—');
const s = (ms: unknown) => (typeof ms === 'number' ? (ms / 1000).toFixed(2) : '—');

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) => '| ' + r.map((x, c) => (c === 0 ? x.padEnd(widths[c]) : x.padStart(widths[c]))).join(' | ') + ' |';
  const sep = '|' + widths.map((w, c) => (c === 0 ? '-'.repeat(w + 1) + '-' : '-'.repeat(w + 1) + ':')).join('|') + '|';
  return [line(rows[0]), sep, ...rows.slice(1).map(line)].join('\n');
}

function parseSizes(v: string): number[] {
  const sizes = v.split(',').map((x) => Number(x.trim().replace(/_/g, '')));
  if (!sizes.length || sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new InvalidArgumentError('expected comma-separated positive integers, e.g. 10000,100000');
  return sizes;
}
function parseCorpus(v: string): Corpus {
  if (v !== 'random' && v !== 'lowrank') throw new InvalidArgumentError('expected random or lowrank');
  return v;
}
function parseMethods(v: string): PgMethod[] {
  const list = v.split(',').map((x) => x.trim().toLowerCase());
  if (!list.length || list.some((x) => x !== 'hnsw' && x !== 'ivfflat')) throw new InvalidArgumentError('expected hnsw, ivfflat or both (comma-separated)');
  return list as PgMethod[];
}
function parsePositive(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

async function main(): Promise<void> {
  const childIdx = process.argv.indexOf('--child');
  if (childIdx >= 0) {
    const task = JSON.parse(process.argv[childIdx + 1]) as Task;
    try {
      process.send!(await runChild(task));
    } catch (e) {
      process.send!({ error: describeError(e), peakRssMb: peakRssMb() });
    }
    process.disconnect?.();
    return;
  }

  const program = new Command('bench:scale')
    .description('Scale benchmark: our vector store vs vectra queryItems vs a flat Float32Array scan, at several corpus sizes.')
    .option('--sizes <list>', 'corpus sizes (chunks), comma-separated', parseSizes, [10_000, 100_000, 1_000_000])
    .option('--dim <n>', 'vector dimension', parsePositive, 384)
    .option('--queries <n>', 'timed queries per size', parsePositive, 100)
    .option('--k <n>', 'top-k', parsePositive, 10)
    .option('--naive-queries <n>', 'queries timed for the naive JS loop (it is slow at 1M)', parsePositive, 20)
    .option('--vectra-max <n>', 'largest size for which vectra is attempted (its insert is O(n²))', parsePositive, 100_000)
    .option('--pgvector-max <n>', 'largest size for which pgvector is measured (0 = never)', (v) => Number(v), 100_000)
    .option('--pgvector-methods <list>', 'pgvector indexes to measure: hnsw, ivfflat (each in its own process)', parseMethods, ['hnsw', 'ivfflat'] as PgMethod[])
    .option('--hnsw-max <n>', 'largest size for which the HNSW index is built (default: --pgvector-max)', (v) => Number(v))
    .option('--hnsw-m <n>', 'HNSW links per node', parsePositive, 16)
    .option('--hnsw-ef-construction <n>', 'HNSW build candidate list', parsePositive, 64)
    .option('--pgvector-timeout-min <n>', 'stop a pgvector measurement after this many minutes and report it unfinished', parsePositive, 90)
    .option('--database-url <url>', 'measure pgvector on this Postgres server (default: an embedded PGlite on disk)')
    .option('--seed <n>', 'PRNG seed', parsePositive, 42)
    .option('--corpus <kind>', 'random (uniform unit vectors, no structure) or lowrank (near a 24-d subspace, like text embeddings)', parseCorpus, 'random' as Corpus)
    .option('--dir <path>', 'scratch folder (default: a new temp folder, removed afterwards)')
    .option('--keep', 'keep the scratch folder')
    .parse();
  const o = program.opts<{ sizes: number[]; dim: number; queries: number; k: number; naiveQueries: number; vectraMax: number; pgvectorMax: number; pgvectorMethods: PgMethod[]; hnswMax?: number; hnswM: number; hnswEfConstruction: number; pgvectorTimeoutMin: number; databaseUrl?: string; seed: number; corpus: Corpus; dir?: string; keep?: boolean }>();

  const base = o.dir ? path.resolve(o.dir) : await mkdtemp(path.join(os.tmpdir(), 'verbatim-bench-scale-'));
  await mkdir(base, { recursive: true });
  process.stderr.write(`bench:scale — ${o.corpus} corpus, dim ${o.dim}, ${o.queries} queries, top-${o.k}, seed ${o.seed}, scratch ${base}\n`);
  process.stderr.write(`node ${process.version}, ${os.cpus().length} cpu (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, load avg ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);

  const rows: string[][] = [['size', 'system', 'build s', 'disk MB', 'load s', 'peak RSS MB', 'p50 ms', 'p95 ms', 'p95 ÷ flat', 'note']];
  let vectraFailedAt: number | null = null;
  let bytesPerItem: number | null = null;

  try {
    for (const size of o.sizes) {
      const dir = path.join(base, `ours-${size}`);
      const vdir = path.join(base, `vectra-${size}`);
      const task = (kind: Task['kind'], d: string): Task => ({ kind, size, dim: o.dim, queries: o.queries, naiveQueries: o.naiveQueries, k: o.k, seed: o.seed, corpus: o.corpus, dir: d });

      process.stderr.write(`[${size}] ours: build…\n`);
      const build = await spawnTask(task('ours-build', dir));
      process.stderr.write(`[${size}] ours: load + ${o.queries} queries…\n`);
      const query = build.error ? { error: 'build failed' } : await spawnTask(task('ours-query', dir));
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
      if (typeof build.indexJsonBytes === 'number') bytesPerItem = build.indexJsonBytes / size;

      let vectra: Result;
      if (size > o.vectraMax) vectra = { skipped: `not attempted above --vectra-max ${o.vectraMax}: vectra's insert scans all items per insert (O(n²))` };
      else if (vectraFailedAt !== null) vectra = { skipped: `not attempted: save already failed at ${vectraFailedAt}` };
      else {
        process.stderr.write(`[${size}] vectra: insert ${size} + save + load + ${o.queries} queryItems…\n`);
        vectra = await spawnTask(task('vectra', vdir));
        if (vectra.error) vectraFailedAt = size;
      }
      await rm(vdir, { recursive: true, force: true }).catch(() => undefined);

      const q = query as { ours?: { p50: number; p95: number }; flat?: { p50: number; p95: number }; naive?: { p50: number; p95: number; n: number }; agree?: number; kernel?: string; loadMs?: number; peakRssMb?: number; error?: string };
      const flatP95 = q.flat?.p95;
      const ratio = (p95?: number) => (p95 !== undefined && flatP95 ? `${(p95 / flatP95).toFixed(2)}×` : '—');
      const label = size.toLocaleString('en-US');
      rows.push([
        label,
        `ours (${q.kernel ?? '?'})`,
        s(build.buildMs),
        mb(build.bytes),
        s(q.loadMs),
        `${f(build.peakRssMb, 0)} / ${f(q.peakRssMb, 0)}`,
        f(q.ours?.p50, 2),
        f(q.ours?.p95, 2),
        ratio(q.ours?.p95),
        [build.error, q.error].filter(Boolean).join('; ') || `top-${o.k} = flat in ${q.agree}/${o.queries}`,
      ]);
      const vq = vectra.query as { p50: number; p95: number } | undefined;
      rows.push([
        label,
        'vectra queryItems',
        s(vectra.buildMs),
        mb(vectra.bytes),
        s(vectra.loadMs),
        f(vectra.peakRssMb, 0),
        f(vq?.p50, 2),
        f(vq?.p95, 2),
        ratio(vq?.p95),
        String(vectra.error ? `FAILED: ${vectra.error}` : (vectra.skipped ?? '')),
      ]);
      for (const method of o.pgvectorMethods) {
        const max = method === 'hnsw' ? Math.min(o.pgvectorMax, o.hnswMax ?? o.pgvectorMax) : o.pgvectorMax;
        if (!(max > 0 && size <= max)) continue;
        process.stderr.write(`[${size}] pgvector ${method}: bulk load ${size} + index + reopen + ${o.queries} queries × ${SWEEP[method].length} settings…\n`);
        const pdir = path.join(base, `pgvector-${method}-${size}`);
        const c0 = childCpu();
        const pg = await spawnTask(
          { ...task('pgvector', pdir), pgMethod: method, pgM: o.hnswM, pgEfConstruction: o.hnswEfConstruction, ...(o.databaseUrl ? { databaseUrl: o.databaseUrl } : {}) },
          o.pgvectorTimeoutMin * 60_000,
        );
        const childCpuS = childCpu() - c0;
        await rm(pdir, { recursive: true, force: true }).catch(() => undefined);
        const pq = pg.query as { p50: number; p95: number } | undefined;
        const rec = (pg.recall ?? {}) as Record<string, number>;
        const knob = method === 'hnsw' ? 'ef_search' : 'probes';
        const [first, ...rest] = SWEEP[method];
        const pct = (x: number | undefined) => (x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);
        const sweep = rest.map((v) => `${v}: ${pct(rec[String(v)])} (p95 ${f((pg[`query@${v}`] as { p95?: number } | undefined)?.p95, 1)} ms)`).join(', ');
        const params = method === 'hnsw' ? `m ${o.hnswM}, ef_construction ${o.hnswEfConstruction}` : `lists ${Math.round(Math.sqrt(size))}`;
        rows.push([
          label,
          `pgvector ${method === 'hnsw' ? 'HNSW' : 'IVFFlat'} (${o.databaseUrl ? 'server' : 'PGlite'})`,
          s(pg.buildMs),
          mb(pg.bytes),
          s(pg.loadMs),
          f(pg.peakRssMb, 0),
          f(pq?.p50, 2),
          f(pq?.p95, 2),
          ratio(pq?.p95),
          pg.error
            ? `FAILED: ${pg.error} (CPU ${f(childCpuS, 0)} s)`
            : `${params}; recall@${o.k} ${pct(rec[String(first)])} at ${knob} ${first} (other ${knob}: ${sweep}); bulk load ${s(pg.insertMs)} s + index ${s(pg.indexMs)} s (index CPU ${f(pg.indexCpuS, 0)} s, all CPU ${f(pg.cpuS, 0)} s)`,
        ]);
      }
      rows.push([label, 'flat scan (SIMD, dot only)', '', '', '', '', f(q.flat?.p50, 2), f(q.flat?.p95, 2), '1.00×', 'the limit']);
      rows.push([label, 'naive JS loop + top-k', '', '', '', '', f(q.naive?.p50, 2), f(q.naive?.p95, 2), ratio(q.naive?.p95), `${q.naive?.n ?? 0} queries`]);
    }
  } finally {
    if (!o.keep && !o.dir) await rm(base, { recursive: true, force: true }).catch(() => undefined);
  }

  console.log(table(rows));
  console.log('');
  console.log('build = writeVectorIndex (ours) / insertItem ×n + endUpdate (vectra), generation excluded; load = from a warm page cache;');
  console.log('peak RSS for ours = build process / load+query process (the latter also holds the flat-scan copy of the vectors).');
  if (o.pgvectorMethods.length && o.pgvectorMax > 0) {
    console.log(`pgvector: build = bulk load + index build after it; load = reopening the database; p50/p95 at the first ef_search / probes listed; CPU = the measuring process's${o.databaseUrl ? ' (the server\'s own CPU is not counted)' : ' (PGlite runs in it)'};`);
    console.log(`${o.databaseUrl ? '' : `PGlite with ${PGLITE_BENCH_SETTINGS.join(', ')} (its WASM heap is most of the peak RSS); `}maintenance_work_mem 1GB for the build.`);
  }
  if (bytesPerItem) {
    const cap = Math.floor(536_870_888 / bytesPerItem);
    console.log(`vectra index.json with vectors left out: ${bytesPerItem.toFixed(0)} bytes/item here → V8's max string (536,870,888 chars) holds ≈ ${cap.toLocaleString('en-US')} items.`);
  }
}

main().catch((e) => {
  process.stderr.write(`${describeError(e)}\n`);
  process.exitCode = 1;
});
