/**
 * `npm run bench [-- --model <folder|hub id>] [--dtype auto|fp32|q8]`: throughput and latency
 * figures, printed as a table. A script, not a test.
 *
 * Model: `--model`, else `../shared/models/minilm-l6-shape-random` (an
 * all-MiniLM-L6-v2-shaped model with random weights: right for speed, meaningless
 * for quality) when present, else the repo's tiny test model (says so).
 *
 * Measures, on the default document:
 * - raw transformers.js pipeline throughput at batch 32 on its sentences repeated to ~1000,
 *   and on the chunks the ingest makes of the same text;
 * - ingest chunks/s through the real ingest path (load, segment, chunk, embed, index, write)
 *   into a temp INDEX_DIR — target ≥ 0.9× the raw pipeline on the same chunks;
 * - warm `ask` p50/p95 over ~50 questions vs the latency of embedding one query — target p95 ≤ 2×;
 * - cold start: a new `npm run ask -- --json` process to its first answer (index already built);
 * - peak RSS of this process.
 *
 * `--latency-only` measures only the warm `ask` against embedding one query (and prints their
 * ratio); `--model word-vectors` implies it (there is no transformers.js pipeline to compare).
 * Measuring starts once the engine's idle-time sentence analyses are done (a warm engine);
 * `--no-settle` measures right after the warm-up asks instead (first touches included).
 * `--runs N` (default 5) repeats the latency measurement in N fresh processes and pools their
 * samples: a p95 over one run's 50 answers is its 3rd-slowest answer, so one slow answer moved the
 * ratio by ~0.5×; over 250 it is the 13th. Each measured question is new to its engine (the warm-up
 * asks other questions), as a warm bot's next question is; every question is asked once per process
 * because a repeated question hits memos a new one does not. `--gap <ms>` waits that long (untimed) before each
 * measured question, as a bot's questions arrive with idle time between them (the engine collects the answers'
 * garbage in idle time, src/engine/idle-gc.ts; back to back, there is none).
 *
 * The model runs in its own thread, as `npm run ask` and the bot's engine worker run it (src/embed/model-thread.ts):
 * a question's embedding starts as soon as it is asked and overlaps understanding and BM25, and "embed one query" is
 * timed through the same thread. `--in-thread` runs it on the answering thread instead (before round 11: nothing
 * overlaps), to compare the two on the same code.
 *
 * `--raw-only [--library <package folder>]` measures only the raw pipeline (import, load,
 * sentences/s, peak RSS), in a fresh plain-node process, with the installed
 * @huggingface/transformers or another transformers.js build installed elsewhere
 * (e.g. @xenova/transformers 2.x; never in this repo).
 *
 * @example
 * npm run bench
 * npm run bench -- --model Snowflake/snowflake-arctic-embed-xs --dtype q8
 * npm run bench -- --latency-only
 * npm run bench -- --latency-only --in-thread
 * npm run bench -- --model word-vectors
 * npm run bench -- --raw-only --library /tmp/xenova-bench/node_modules/@xenova/transformers
 */
import { spawn, spawnSync } from 'node:child_process';
import { PerformanceObserver } from 'node:perf_hooks';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FeatureExtractionPipeline } from '@huggingface/transformers';
import { Command } from 'commander';
import { loadConfig } from '../config.js';
import type { EmbedDtype } from '../embed/load.js';
import type { Embedder } from '../embed/types.js';
import { UserError } from '../errors.js';
import { createLogger } from '../log.js';
import { ROOT, run } from './common.js';
import { WORD_VECTORS_MODEL } from '../embed/word-vectors-embedder.js';
// The engine, the ingest path and transformers.js are imported lazily, so `--raw-only`
// measures a transformers.js build in a process that holds nothing else.

const DEFAULT_DOCUMENT = 'documents/un-news-annan-regional-cooperation.txt';
const SHARED_MODEL = path.resolve(ROOT, '../shared/models/minilm-l6-shape-random');
const TINY_MODEL = path.join(ROOT, 'test/fixtures/tiny-model');

/** Questions about the default document: attribution, numbers, dates, places, follow-up-free phrasings, and some it cannot answer. */
const QUESTIONS = [
  'What did Annan tell the Council?',
  'What did Annan tell the regional organizations?',
  'What did Kofi Annan say about multilateralism?',
  'Who did Annan meet with?',
  'Which organizations attended the meeting?',
  'How many regional organizations took part?',
  'Was ASEAN at the meeting?',
  'Did the African Union attend?',
  'Was NATO mentioned?',
  'Where was the meeting held?',
  'Was the meeting open to the public?',
  'Which High-Level Meeting was this?',
  'What number was this High-Level Meeting between the UN and regional organizations?',
  'When did the high-level meetings begin?',
  'What happened in 1994?',
  'When did the Council discuss the issue?',
  'What did the Council discuss on Wednesday?',
  'How many members does the Security Council have?',
  'What is the 15-member body?',
  'What did Annan call for at the Security Council?',
  'What kind of seriousness did Annan call for?',
  'What new level did Annan call for in partnerships?',
  'What are the two principal challenges?',
  'What challenges remain for the partnership?',
  'What remains to be done?',
  'What progress has been made?',
  'What did the delegates say about coordination?',
  'How could coordination be made more effective?',
  'What guidelines did delegates want?',
  'What about the primacy of the Council?',
  'What should future meetings focus on?',
  'What approach across regions did delegates want?',
  'What did Annan recommend?',
  'Where are Annan’s recommendations contained?',
  'What report did the delegates focus on?',
  'What did he say about a decade ago?',
  'What division of labour did Annan want?',
  'What did Annan say about working together?',
  'What did Annan say about capacities?',
  'What features have been major in the UN’s work?',
  'What did he say about mediation efforts?',
  'What did Annan say about post-conflict situations?',
  'What about prevention?',
  'What should bridge our efforts?',
  'What should replace polarized initiatives?',
  'What is the source of the information about the meeting?',
  'What is the capital of France?',
  'How tall is Mount Everest?',
  'What did Annan say about climate change?',
  'Who won the football match?',
];

/**
 * Asked before measuring, so the engine has answered (its idle-time warm-up starts after a first answer).
 * None of them is measured: a measured question asked before would hit memos a new question does not.
 */
const WARM_UP_QUESTIONS = ['What did the Secretary-General say?', 'Who took part in the talks?', 'When was the meeting?', 'Quote the passage about mediation', 'What is the weather in Paris?'];

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

async function rawThroughput(extractor: FeatureExtractionPipeline, texts: string[], batch: number, pooling: 'mean' | 'cls'): Promise<number> {
  await extractor(texts.slice(0, batch), { pooling, normalize: true }); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < texts.length; i += batch) {
    const out = await extractor(texts.slice(i, i + batch), { pooling, normalize: true });
    out.dispose?.();
  }
  return texts.length / ((performance.now() - t0) / 1000);
}

/** Time a new `ask --json` process until its answer is printed. */
function coldStart(question: string, env: NodeJS.ProcessEnv): Promise<{ firstAnswerMs: number; exitMs: number; ok: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let firstAnswerMs = NaN;
    let stdout = '';
    let stderr = '';
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/ask.ts'), '--json', question], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => {
      if (Number.isNaN(firstAnswerMs)) firstAnswerMs = performance.now() - t0;
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      let ok = code === 0;
      try {
        ok &&= typeof JSON.parse(stdout).answer === 'string';
      } catch {
        ok = false;
      }
      resolve({ firstAnswerMs, exitMs: performance.now() - t0, ok, stderr });
    });
  });
}

/** The ESM entry of a transformers.js package folder (v2: "main"; v3+: exports.node.import). */
function packageEntry(dir: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
    main?: string;
    module?: string;
    exports?: { node?: { import?: { default?: string } } };
  };
  return path.join(dir, pkg.exports?.node?.import?.default ?? pkg.module ?? pkg.main ?? 'index.js');
}

/**
 * The raw-pipeline measurement, run by plain `node` in a fresh process (no tsx, none of the
 * project's modules), so import time and RSS belong to the transformers.js build alone.
 * argv: <package entry> <model folder> <dtype> <batch> <sentences.json>
 */
const RAW_SCRIPT = `
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
const [entry, model, dtype, batchArg, sentencesFile] = process.argv.slice(2);
const batch = Number(batchArg);
const sentences = JSON.parse(fs.readFileSync(sentencesFile, 'utf8'));
let t = performance.now();
const lib = await import(pathToFileURL(entry).href);
const importMs = performance.now() - t;
const v2 = lib.env.version.startsWith('2.');
Object.assign(lib.env, { allowRemoteModels: false, allowLocalModels: true, localModelPath: path.dirname(model) + '/' });
t = performance.now();
const extractor = await lib.pipeline('feature-extraction', v2 ? path.basename(model) : model,
  v2 ? { quantized: dtype !== 'fp32' } : { dtype, local_files_only: true });
const loadMs = performance.now() - t;
await extractor(sentences.slice(0, batch), { pooling: 'mean', normalize: true });
const cpu0 = process.cpuUsage();
t = performance.now();
for (let i = 0; i < sentences.length; i += batch) await extractor(sentences.slice(i, i + batch), { pooling: 'mean', normalize: true });
const secs = (performance.now() - t) / 1000;
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ version: lib.env.version, importMs, loadMs, perSec: sentences.length / secs,
  perCpuSec: sentences.length / ((cpu.user + cpu.system) / 1e6), rssMb: process.resourceUsage().maxRSS / 1024 }));
`;

/** Raw pipeline figures for one transformers.js build (default: the installed @huggingface/transformers). */
function rawOnly(library: string | undefined, model: string, dtype: string, sentences: string[], batch: number, tmp: string): [string, string, string][] {
  const pkgDir = library ? path.resolve(library) : path.join(ROOT, 'node_modules/@huggingface/transformers');
  const script = path.join(tmp, 'raw.mjs');
  const data = path.join(tmp, 'sentences.json');
  fs.writeFileSync(script, RAW_SCRIPT);
  fs.writeFileSync(data, JSON.stringify(sentences));
  const wanted = dtype === 'auto' ? 'fp32' : dtype;
  const r = spawnSync(process.execPath, [script, packageEntry(pkgDir), model, wanted, String(batch), data], { encoding: 'utf8', cwd: tmp });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{')) throw new Error(`the raw measurement failed: ${(r.stderr || r.stdout).trim().split('\n').find((l) => /Error/.test(l)) ?? `exit ${r.status}`}`);
  const m = JSON.parse(line) as { version: string; importMs: number; loadMs: number; perSec: number; perCpuSec: number; rssMb: number };
  return [
    ['library', `transformers.js ${m.version}`, pkgDir],
    ['model', path.relative(process.cwd(), model) || model, wanted],
    ['import', `${fmt(m.importMs, 0)} ms`, 'plain node, fresh process'],
    ['model load', `${fmt(m.loadMs, 0)} ms`, ''],
    ['raw pipeline, sentences', `${fmt(m.perSec)} sentences/s`, `${sentences.length} sentences, batch ${batch}; ${fmt(m.perCpuSec)} per CPU-second`],
    ['peak RSS', `${fmt(m.rssMb, 0)} MB`, 'process.resourceUsage().maxRSS of that process'],
  ];
}

/**
 * Warm `ask` on the default document vs embedding one query: every question asked once after a
 * few warm-up asks, then every question embedded once. The engine gets a counting view of the
 * embedder, to tell embedding time from the rest of `ask`. Times sorted ascending.
 */
async function warmAsk(embedder: Embedder, model: string, tmp: string, modelCache: string, settle = true, gapMs = 0, onThisThread?: Embedder) {
  const { createEngine } = await import('../engine.js');
  const silent = createLogger({ level: 'silent' });
  const config = loadConfig(
    { INDEX_DIR: path.join(tmp, 'index'), DOCUMENTS: DEFAULT_DOCUMENT, EMBEDDING_MODEL: model, MODEL_CACHE_DIR: modelCache, ALLOW_REMOTE_MODELS: 'false', LOG_LEVEL: 'silent' },
    ROOT,
  );
  let queryCalls = 0;
  let queryTime = 0;
  const counting: Embedder = {
    id: embedder.id,
    dim: embedder.dim,
    dtype: embedder.dtype,
    get offThread() {
      return embedder.offThread;
    },
    embedPassages: (texts, onProgress) => embedder.embedPassages(texts, onProgress),
    async embedQuery(text) {
      queryCalls++;
      const s = performance.now();
      try {
        return await embedder.embedQuery(text);
      } finally {
        queryTime += performance.now() - s;
      }
    },
  };
  const engine = await createEngine({ config, logger: silent, embedder: counting });
  for (const q of WARM_UP_QUESTIONS) await engine.ask(q);
  // A warm engine has had its idle time: the sentence analyses done ahead (src/select/warm.ts) finish first (at most 10 s).
  if (settle) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([engine.settled?.(), new Promise((r) => (timer = setTimeout(r, 10_000)))]);
    clearTimeout(timer);
  }
  const askMs: number[] = [];
  const otherMs: number[] = [];
  const askCpu: number[] = [];
  let refused = 0;
  queryCalls = 0;
  // Garbage collections that start inside a measured answer (a count load does not change, unlike their length).
  const gcStarts: number[] = [];
  const windows: [number, number][] = [];
  const gcs = new PerformanceObserver((list) => list.getEntries().forEach((e) => gcStarts.push(e.startTime)));
  gcs.observe({ entryTypes: ['gc'] });
  const cpu0 = process.cpuUsage();
  for (const q of QUESTIONS) {
    // `--gap`: idle time before each question, as a bot's questions arrive (not timed).
    if (gapMs > 0) await new Promise((r) => setTimeout(r, gapMs));
    const before = queryTime;
    const c = process.cpuUsage();
    const t = performance.now();
    const a = await engine.ask(q);
    const ms = performance.now() - t;
    const dc = process.cpuUsage(c);
    askCpu.push((dc.user + dc.system) / 1000);
    windows.push([t, t + ms]);
    askMs.push(ms);
    otherMs.push(ms - (queryTime - before));
    if (a.refused) refused++;
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  await new Promise((r) => setImmediate(r)); // the observer's entries arrive asynchronously
  gcs.disconnect();
  const gcInAnswers = windows.filter(([a, b]) => gcStarts.some((g) => g >= a && g < b)).length;
  const callsPerAsk = queryCalls / QUESTIONS.length;
  const queryMs: number[] = [];
  const queryCpu: number[] = [];
  const qcpu0 = process.cpuUsage();
  for (const q of QUESTIONS) {
    const c = process.cpuUsage();
    const t = performance.now();
    await embedder.embedQuery(q);
    queryMs.push(performance.now() - t);
    const dc = process.cpuUsage(c);
    queryCpu.push((dc.user + dc.system) / 1000);
  }
  const qcpu = process.cpuUsage(qcpu0);
  const queryCpuMs = (qcpu.user + qcpu.system) / 1000;
  // For reference, with the model in its own thread: the same queries on the answering thread (no thread hop).
  const queryHereMs: number[] = [];
  for (const q of onThisThread ? QUESTIONS : []) {
    const t = performance.now();
    await onThisThread!.embedQuery(q);
    queryHereMs.push(performance.now() - t);
  }
  for (const xs of [askMs, otherMs, queryMs, askCpu, queryCpu, queryHereMs]) xs.sort((a, b) => a - b);
  return { config, engine, askMs, queryMs, otherMs, askCpu, queryCpu, refused, callsPerAsk, cpuMs, queryCpuMs, gcInAnswers, ...(onThisThread && { queryHereMs }) };
}

/** The rows every bench prints: embedding one query, warm ask, and their ratio. */
interface LatencySamples {
  askMs: number[];
  queryMs: number[];
  otherMs: number[];
  /** CPU (user+sys, all threads) of each answer and of each query embedding, sorted: what load stretches less than their wall time. */
  askCpu?: number[];
  queryCpu?: number[];
  /** With the model in its own thread: each query embedded on the answering thread instead, sorted. */
  queryHereMs?: number[];
  refused: number;
  callsPerAsk: number;
  cpuMs: number;
  queryCpuMs: number;
  /** The model ran on the answering thread (asked for with --in-thread, or a model the model thread cannot host: use-lite). */
  inThread?: boolean;
  /** Answers inside which a garbage collection started. */
  gcInAnswers: number;
}

const ratios = (r: LatencySamples) => ({ p95: percentile(r.askMs, 95) / percentile(r.queryMs, 50), p50: percentile(r.askMs, 50) / percentile(r.queryMs, 50), cpu: r.cpuMs / r.queryCpuMs, cpu95: r.askCpu?.length && r.queryCpu?.length ? percentile(r.askCpu, 95) / percentile(r.queryCpu, 50) : NaN });

/** Several runs' samples as one (sorted again); CPU and refusals summed. */
function pool(runs: LatencySamples[]): LatencySamples {
  const cat = (k: 'askMs' | 'queryMs' | 'otherMs' | 'askCpu' | 'queryCpu' | 'queryHereMs') => runs.flatMap((r) => r[k] ?? []).sort((a, b) => a - b);
  const sum = (k: 'refused' | 'cpuMs' | 'queryCpuMs' | 'gcInAnswers') => runs.reduce((a, r) => a + (r[k] ?? 0), 0);
  return { askMs: cat('askMs'), queryMs: cat('queryMs'), otherMs: cat('otherMs'), askCpu: cat('askCpu'), queryCpu: cat('queryCpu'), queryHereMs: cat('queryHereMs'), refused: sum('refused'), callsPerAsk: runs.reduce((a, r) => a + r.callsPerAsk, 0) / runs.length, cpuMs: sum('cpuMs'), queryCpuMs: sum('queryCpuMs'), gcInAnswers: sum('gcInAnswers') };
}

function latencyRows(r: LatencySamples): [string, string, string][] {
  const queryP50 = percentile(r.queryMs, 50);
  const askP50 = percentile(r.askMs, 50);
  const askP95 = percentile(r.askMs, 95);
  const ratio = askP95 / queryP50;
  const n = r.askMs.length;
  return [
    ['embed one query', `p50 ${fmt(queryP50, 2)} ms`, `p95 ${fmt(percentile(r.queryMs, 95), 2)} ms over ${r.queryMs.length} questions; ${fmt(r.queryCpuMs / r.queryMs.length, 2)} ms CPU (user+sys, all threads) per query`],
    ...(r.queryHereMs?.length
      ? [['  on the answering thread', `p50 ${fmt(percentile(r.queryHereMs, 50), 2)} ms`, `p95 ${fmt(percentile(r.queryHereMs, 95), 2)} ms: the same queries with the model on the answering thread (no thread hop); warm ask p95 ÷ this p50 ${fmt(askP95 / percentile(r.queryHereMs, 50), 2)}×`] as [string, string, string]]
      : []),
    ['warm ask', `p50 ${fmt(askP50)} ms`, `p95 ${fmt(askP95)} ms over ${n} answers; ${r.refused}/${n} refused; ${fmt(r.cpuMs / n, 1)} ms CPU (user+sys) per ask`],
    ['  of which not embedding', `p50 ${fmt(percentile(r.otherMs, 50))} ms`, `p95 ${fmt(percentile(r.otherMs, 95))} ms (retrieval, answer, verification); ${fmt(r.callsPerAsk, 2)} query embeddings per ask; a garbage collection started inside ${r.gcInAnswers}/${n} answers`],
    ['warm ask / one query', `${fmt(ratio, 2)}×`, `ask p95 ÷ query p50 (target ≤ 2×) ${ratio <= 2 ? 'OK' : 'MISSED'}; p50 ÷ p50 ${fmt(askP50 / queryP50, 2)}×; CPU per ask ÷ CPU per query ${fmt(r.cpuMs / r.queryCpuMs, 2)}× (less sensitive to load)`],
    ...(r.askCpu?.length && r.queryCpu?.length
      ? [['  the same in CPU time', `${fmt(percentile(r.askCpu, 95) / percentile(r.queryCpu, 50), 2)}×`, `each answer's CPU p95 ${fmt(percentile(r.askCpu, 95), 2)} ms ÷ each query's CPU p50 ${fmt(percentile(r.queryCpu, 50), 2)} ms (user+sys, all threads: on a loaded machine, closer to a quiet machine's wall ratio than the wall ratio is)`] as [string, string, string]]
      : []),
  ];
}

/**
 * `--latency-only --runs N`: N fresh processes (one after another, each loads the model, warms an engine and asks
 * every question once), their samples pooled into one table, plus each run's own ratios.
 */
function pooledRuns(runs: number, model: string, dtype: string, settle: boolean, tmp: string, gapMs = 0, inThread = false): [string, string, string][] {
  const samples: LatencySamples[] = [];
  for (let i = 0; i < runs; i++) {
    const out = path.join(tmp, `samples-${i}.json`);
    const args = ['--import', 'tsx', path.join(ROOT, 'src/cli/bench.ts'), '--latency-only', '--runs', '1', '--samples-out', out, '--model', model, '--dtype', dtype, ...(settle ? [] : ['--no-settle']), ...(gapMs > 0 ? ['--gap', String(gapMs)] : []), ...(inThread ? ['--in-thread'] : [])];
    const r = spawnSync(process.execPath, args, { cwd: process.cwd(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.status !== 0 || !fs.existsSync(out)) throw new Error(`latency run ${i + 1} of ${runs} failed: ${(r.stderr || r.stdout).trim().split('\n').pop() ?? `exit ${r.status}`}`);
    samples.push(JSON.parse(fs.readFileSync(out, 'utf8')) as LatencySamples);
  }
  const each = samples.map(ratios);
  const range = (k: 'p95' | 'p50' | 'cpu' | 'cpu95') => `${fmt(Math.min(...each.map((x) => x[k])), 2)}–${fmt(Math.max(...each.map((x) => x[k])), 2)}×`;
  return [
    ['model', path.isAbsolute(model) ? path.relative(process.cwd(), model) || model : model, `${runs} fresh processes, samples pooled${gapMs > 0 ? `; ${gapMs} ms idle before each question` : ''}; ${threadNote(inThread || samples.some((x) => x.inThread), inThread)}`],
    ...latencyRows(pool(samples)),
    ['  each run alone', `${range('p95')}`, `ask p95 ÷ query p50 over ${QUESTIONS.length} answers (its 3rd-slowest); p50 ÷ p50 ${range('p50')}; CPU ${range('cpu')}; CPU p95 ÷ p50 ${range('cpu95')}`],
  ];
}

const threadNote = (inThread: boolean, asked = true) => (inThread ? `model on the answering thread (${asked ? '--in-thread' : 'the model thread hosts ONNX models only'})` : 'model in its own thread, as `npm run ask` and the bot run it');

function printTable(rows: [string, string, string][], notes: string[]): void {
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  process.stdout.write(`${rows.map(([a, b, c]) => `${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`.trimEnd()).join('\n')}\n`);
  process.stdout.write(`(${os.cpus().length} CPUs, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}; node ${process.version})\n`);
  for (const n of notes) process.stdout.write(`note: ${n}\n`);
}

await run(async () => {
  const opts = new Command()
    .name('bench')
    .description('Print embedding, ingest and ask figures for a model (default: ../shared/models/minilm-l6-shape-random).')
    .option('--model <folder|id>', 'model folder or hub id (default: ../shared/models/minilm-l6-shape-random, else the tiny test model)')
    .option('--dtype <dtype>', 'weights: auto | fp32 | q8', 'auto')
    .option('--sentences <n>', 'repeat the default document to about this many sentences', (v) => Number.parseInt(v, 10), 1000)
    .option('--batch <n>', 'batch size', (v) => Number.parseInt(v, 10), 32)
    .option('--raw-only', 'only the raw pipeline figures (import, load, sentences/s, RSS)')
    .option('--no-settle', 'measure right after the warm-up asks, before the sentence analyses done in idle time finish')
    .option('--latency-only', 'only warm ask latency vs embedding one query (implied by --model word-vectors)')
    .option('--runs <n>', 'with --latency-only: fresh processes whose samples are pooled', (v) => Number.parseInt(v, 10), 5)
    .option('--gap <ms>', 'with --latency-only: idle time before each measured question, as a bot receives them (default 0: back to back)', (v) => Number.parseInt(v, 10), 0)
    .option('--in-thread', 'run the model on the answering thread, as before round 11 (default: in its own thread, as `npm run ask` and the bot run it)')
    .option('--samples-out <file>', 'with --latency-only --runs 1: also write the raw samples as JSON (used by --runs)')
    .option('--library <folder>', 'with --raw-only: a transformers.js package folder installed elsewhere (e.g. @xenova/transformers)')
    .parse()
    .opts<{ model?: string; dtype: EmbedDtype | 'auto'; sentences: number; batch: number; rawOnly?: boolean; latencyOnly?: boolean; library?: string; settle: boolean; runs: number; samplesOut?: string; gap: number; inThread?: boolean }>();

  const notes: string[] = [];
  let model = opts.model;
  if (!model) {
    if (fs.existsSync(path.join(SHARED_MODEL, 'onnx'))) model = SHARED_MODEL;
    else {
      model = TINY_MODEL;
      notes.push(`${SHARED_MODEL} is absent: measured on the tiny test model instead (figures are not representative of a real model).`);
    }
  }
  // The default document repeated to ~N sentences. Each copy's paragraphs get a distinct
  // leading tag, else the ingest rightly drops repeated paragraphs as boilerplate.
  const docText = fs.readFileSync(path.join(ROOT, DEFAULT_DOCUMENT), 'utf8');
  const paragraphs = docText.trim().split(/\n\s*\n/);
  const copy = (k: number) => paragraphs.map((p) => `(${k}) ${p.trim()}`).join('\n\n');
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  const segment = (text: string) => [...segmenter.segment(text)].map((x) => x.segment.trim()).filter(Boolean);
  const reps = Math.max(1, Math.round(opts.sentences / copy(1).split(/\n\s*\n/).flatMap(segment).length));
  const bigText = Array.from({ length: reps }, (_, k) => copy(k + 1)).join('\n\n');

  if (opts.rawOnly || opts.library) {
    const modelDir = path.resolve(ROOT, model);
    if (!fs.existsSync(modelDir)) throw new UserError(`--raw-only needs a local model folder; ${modelDir} does not exist`);
    // Per paragraph: Intl.Segmenter over one 200 kB string alone takes ~800 MB of RSS.
    const sentences = bigText.split(/\n\s*\n/).flatMap(segment);
    const tmpRaw = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-bench-raw-'));
    try {
      printTable(rawOnly(opts.library, modelDir, opts.dtype, sentences, opts.batch, tmpRaw), notes);
    } finally {
      fs.rmSync(tmpRaw, { recursive: true, force: true });
    }
    return 0;
  }

  const modelCache = path.join(ROOT, 'embeddings/models');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-bench-'));
  process.once('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
  const warnOnly = createLogger({ level: 'warn' });
  const { loadEmbedder } = await import('../embed/load.js');

  if ((opts.latencyOnly || model.toLowerCase() === WORD_VECTORS_MODEL) && opts.runs > 1) {
    printTable(pooledRuns(opts.runs, model, opts.dtype, opts.settle, tmp, opts.gap, opts.inThread), notes);
    return 0;
  }
  if (opts.latencyOnly || model.toLowerCase() === WORD_VECTORS_MODEL) {
    const t0 = performance.now();
    const embedder = await loadEmbedder({ model, cacheDir: modelCache, allowRemote: true, batchSize: opts.batch, logger: warnOnly, root: ROOT, dtype: opts.dtype, thread: !opts.inThread });
    const loadMs = performance.now() - t0;
    if (!embedder) throw new UserError(`the model ${model} could not be loaded (see the warning above)`);
    const here = embedder.offThread ? await loadEmbedder({ model, cacheDir: modelCache, allowRemote: true, batchSize: opts.batch, logger: warnOnly, root: ROOT, dtype: opts.dtype }) : null;
    const r = await warmAsk(embedder, model, tmp, modelCache, opts.settle, opts.gap, here ?? undefined);
    await r.engine.close();
    await here?.dispose();
    if (opts.samplesOut) fs.writeFileSync(opts.samplesOut, JSON.stringify({ askMs: r.askMs, queryMs: r.queryMs, otherMs: r.otherMs, askCpu: r.askCpu, queryCpu: r.queryCpu, queryHereMs: r.queryHereMs, refused: r.refused, callsPerAsk: r.callsPerAsk, cpuMs: r.cpuMs, queryCpuMs: r.queryCpuMs, gcInAnswers: r.gcInAnswers, inThread: !embedder.offThread } satisfies LatencySamples));
    printTable([['model', path.isAbsolute(model) ? path.relative(process.cwd(), model) || model : model, `${embedder.dim} dims, ${embedder.dtype}, ${embedder.pooling} pooling; loaded in ${fmt(loadMs, 0)} ms; ${threadNote(!embedder.offThread, !!opts.inThread)}`], ...latencyRows(r)], notes);
    await embedder.dispose();
    return 0;
  }

  const [{ pipeline }, { QUOTER }, { buildDocument }, { chunkDocument }, { ingest }] = await Promise.all([
    import('@huggingface/transformers'),
    import('../engine.js'),
    import('../ingest/document.js'),
    import('../ingest/chunk.js'),
    import('../index/store.js'),
  ]);
  const silent = createLogger({ level: 'silent' });
  // Raw and ingest see the same text: the sentences and chunks the ingest itself makes of it.
  // The ingest's own segmenter merges abbreviations ("Mr. Annan"): size the text with it.
  const copies = Math.max(1, Math.round(opts.sentences / buildDocument({ id: 'copy', path: 'copy', text: copy(1) }).sentences.length));
  const text = Array.from({ length: copies }, (_, k) => copy(k + 1)).join('\n\n');
  const bigFile = path.join(tmp, 'repeated.txt');
  fs.writeFileSync(bigFile, text);
  const big = buildDocument({ id: 'repeated.txt', path: bigFile, text });
  const sentences = big.sentences.map((s) => text.slice(s.start, s.end));
  const chunkTexts = chunkDocument(big).map((c) => text.slice(c.start, c.end));

  // Model load (timed), then the raw pipeline on the same folder and dtype.
  let t = performance.now();
  const embedder = await loadEmbedder({ model, cacheDir: modelCache, allowRemote: true, batchSize: opts.batch, logger: warnOnly, root: ROOT, dtype: opts.dtype });
  const loadMs = performance.now() - t;
  if (!embedder) throw new UserError(`the model ${model} could not be loaded (see the warning above)`);

  const raw = (await pipeline('feature-extraction', embedder.location, { dtype: embedder.dtype, local_files_only: true })) as FeatureExtractionPipeline;
  const rawSentences = await rawThroughput(raw, sentences, opts.batch, embedder.pooling);
  const rawChunks = await rawThroughput(raw, chunkTexts, opts.batch, embedder.pooling);
  await raw.dispose();

  // Ingest through the real path into a temp index.
  let embedStart = NaN;
  let embedEnd = NaN;
  const onProgress = (phase: 'download' | 'read' | 'embed', done: number, total: number) => {
    if (phase === 'read' && done === total) embedStart = performance.now();
    if (phase === 'embed') embedEnd = performance.now();
  };
  const { report } = await ingest({ dir: path.join(tmp, 'index-big'), root: tmp, sources: [bigFile], embedder, quoter: QUOTER, logger: silent, onProgress });
  const ingestChunksPerSec = report.chunks / (report.ms / 1000);
  const embedSecs = (embedEnd - embedStart) / 1000;

  // Answers (and the query they are compared with) embed as `npm run ask` and the bot do: with the model in its own thread.
  const asking = opts.inThread ? embedder : await loadEmbedder({ model, cacheDir: modelCache, allowRemote: true, batchSize: opts.batch, logger: warnOnly, root: ROOT, dtype: opts.dtype, thread: true });
  if (!asking) throw new UserError(`the model ${model} could not be loaded in its own thread (see the warning above)`);
  const warm = await warmAsk(asking, model, tmp, modelCache, opts.settle, 0, asking !== embedder ? embedder : undefined);
  if (asking !== embedder) await asking.dispose();
  const { config, engine } = warm;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  await engine.close();

  // Cold start: a new process, index already built by the engine above.
  const cold = await coldStart('What did Annan tell the Council?', {
    ...process.env,
    INDEX_DIR: config.INDEX_DIR,
    DOCUMENTS: DEFAULT_DOCUMENT,
    EMBEDDING_MODEL: model,
    MODEL_CACHE_DIR: modelCache,
    ALLOW_REMOTE_MODELS: 'false',
    LOG_LEVEL: 'silent',
    DISCORD_TOKEN: '',
  });
  notes.push(`the warm ask figures above are one run's ${QUESTIONS.length} answers (p95 = its 3rd-slowest); \`--latency-only\` pools 5 fresh processes (\`--runs N\`) for a steadier p95.`);
  if (!cold.ok) notes.push(`cold start did not print a JSON answer: ${cold.stderr.trim().split('\n')[0] ?? ''}`);

  const ratio = ingestChunksPerSec / rawChunks;
  const rows: [string, string, string][] = [
    ['model', path.isAbsolute(model) ? path.relative(process.cwd(), model) || model : model, `${embedder.dim} dims, ${embedder.dtype}, ${embedder.pooling} pooling`],
    ['model load', `${fmt(loadMs, 0)} ms`, `source: ${embedder.source}`],
    ['raw pipeline, sentences', `${fmt(rawSentences)} sentences/s`, `${sentences.length} sentences, batch ${opts.batch}`],
    ['raw pipeline, chunks', `${fmt(rawChunks)} chunks/s`, `${chunkTexts.length} chunks of the same text, batch ${opts.batch}`],
    ['ingest (real path)', `${fmt(ingestChunksPerSec)} chunks/s`, `${report.chunks} chunks in ${fmt(report.ms / 1000, 2)} s (embedding ${fmt(embedSecs, 2)} s); ${fmt(ratio, 2)}× raw (target ≥ 0.9×) ${ratio >= 0.9 ? 'OK' : 'MISSED'}`],
    ...latencyRows(warm),
    ['cold start to first answer', `${fmt(cold.firstAnswerMs, 0)} ms`, `new process (tsx + config + index + model + ask); exited after ${fmt(cold.exitMs, 0)} ms`],
    ['peak RSS (this process)', `${fmt(peakRssMb, 0)} MB`, 'process.resourceUsage().maxRSS, raw pipeline + embedder + engine'],
  ];
  printTable(rows, notes);
  await embedder.dispose();
  return 0;
});
