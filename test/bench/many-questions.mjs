/**
 * Child of `bench:process`: N questions in one process, through what the bot
 * runs — the compiled engine (in a worker thread when ENGINE_WORKERS > 0, as
 * `npm start` does), the state database's conversations (forKey → ask →
 * touch → link, as /ask does) — over 5,000 rotating conversations. Prints
 * one JSON line: RSS (and heap) after the first 100 and after N questions,
 * and every sample on the way (after 100, 500, 1,000, 2,000, 5,000, N).
 * Plain JavaScript on dist/, so nothing but Verbatim is in the process.
 *
 * What a sample is (the target is about leaks — what stays reachable — so
 * each sample is taken with the garbage collected and one-time work done):
 * - the engine's idle-time warm-up (src/select/warm.ts: up to 5,000
 *   sentences analysed ahead, once, after the first answer) has finished —
 *   the "after 100" sample waits for it, so a one-time, bounded cost is not
 *   counted as growth;
 * - a full GC has run in the main thread AND in the worker thread (the
 *   worker's isolate is its own: the main thread's gc() never reaches it;
 *   the worker's bench-only `memory` task collects it);
 * - RSS is the whole process's (every thread); the worker's V8 heap (used /
 *   committed), external and ArrayBuffer memory are its isolate's alone.
 * Heap that is free after a GC but still committed (heapTotal − heapUsed)
 * and pages the allocator keeps are high-water marks, not leaks; they are in
 * RSS all the same, and the target counts RSS.
 *
 *   node test/bench/many-questions.mjs 10000
 */
import 'dotenv/config';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { residentByMapping } from './smaps.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = (p) => import(path.join(ROOT, 'dist', p));
const { loadConfig } = await dist('config.js');
const { silentLogger } = await dist('log.js');
const { openState, stateOptions } = await dist('state/index.js');

const n = Number(process.argv[2] ?? 10_000);
const QUESTIONS = [
  'What did Annan tell the Council?',
  'And what did he tell the regional organizations?',
  'Where was the closed-door meeting?',
  'When did the high-level meetings start?',
  'what else?',
  'Who took part in the meeting?',
  'What is the capital of France?',
  'Summarize the article',
];
const config = loadConfig(process.env, ROOT);
const logger = silentLogger();
const engine = config.ENGINE_WORKERS > 0 ? await (await dist('worker/engine-pool.js')).createWorkerEngine({ config, logger }) : await (await dist('engine.js')).createEngine({ config, logger });
const state = await openState(stateOptions(config));
const mb = (x) => x / 1024 / 1024;
// A full collection before each sample (not via --expose-gc: worker threads refuse that flag).
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
const sample = async (questions) => {
  const worker = engine.memory ? await engine.memory({ settle: true, gc: true }) : null;
  gc();
  const m = process.memoryUsage();
  // Anonymous memory (heaps, malloc, WASM) apart from file pages (mapped modules, a memory-mapped model).
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = (k) => Number(status.match(new RegExp(`^${k}:\\s+(\\d+)`, 'm'))?.[1] ?? NaN) / 1024;
  return { questions, rss: mb(m.rss), rssAnon: kb('RssAnon'), rssFile: kb('RssFile'), heap: mb(m.heapUsed), heapTotal: mb(m.heapTotal), arrayBuffers: mb(m.arrayBuffers), worker, mappings: residentByMapping() };
};
const CHECKPOINTS = new Set([100, 500, 1000, 2000, 5000, n]);
const samples = [];
let first;
const t0 = performance.now();
const c0 = process.cpuUsage();
for (let i = 0; i < n; i++) {
  // 5,000 distinct conversations: each comes back every 5,000 questions, so turns are trimmed and rows reused.
  const conversation = await state.conversations.forKey(`bench:${i % 5000}`);
  await engine.ask(`${QUESTIONS[i % QUESTIONS.length]}${i % 3 === 0 ? '' : ` (${i})`}`, conversation);
  await state.conversations.touch(conversation);
  await state.conversations.link(`m${i}`, conversation);
  if (CHECKPOINTS.has(i + 1)) {
    samples.push(await sample(i + 1));
    if (i === 99) first = samples.at(-1);
  }
}
const cpu = process.cpuUsage(c0);
const last = samples.at(-1);
process.stderr.write(`${samples.map((x) => `after ${x.questions}: rss ${x.rss.toFixed(0)} MB (anon ${x.rssAnon.toFixed(0)}, file ${x.rssFile.toFixed(0)}), main heap ${x.heap.toFixed(1)}/${x.heapTotal.toFixed(1)} arrayBuffers ${x.arrayBuffers.toFixed(1)}${x.worker ? `, worker heap ${x.worker.heapUsed.toFixed(1)}/${x.worker.heapTotal.toFixed(1)} external ${x.worker.external.toFixed(1)} arrayBuffers ${x.worker.arrayBuffers.toFixed(1)} old ${x.worker.spaces.old_space?.used.toFixed(1)}/${x.worker.spaces.old_space?.size.toFixed(1)} large ${x.worker.spaces.large_object_space?.used.toFixed(1)} code ${x.worker.spaces.code_space?.used.toFixed(1)}` : ''}`).join('\n')}\n`);
// Resident MB by kind of mapping (smaps.mjs), the ones over 2 MB, with the change since "after 100".
process.stderr.write(`${samples.map((x) => `after ${x.questions}, by mapping: ${Object.entries(x.mappings).filter(([, v]) => v > 2).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(1)} (${v - (first.mappings[k] ?? 0) >= 0 ? '+' : ''}${(v - (first.mappings[k] ?? 0)).toFixed(1)})`).join(', ')}`).join('\n')}\n`);
console.log(JSON.stringify({ n, samples, after100: first.rss, afterN: last.rss, heapAfter100: first.heap, heapAfterN: last.heap, workerHeapAfter100: first.worker?.heapUsed ?? null, workerHeapAfterN: last.worker?.heapUsed ?? null, msPerQuestion: (performance.now() - t0) / n, cpuMsPerQuestion: (cpu.user + cpu.system) / 1000 / n, workers: config.ENGINE_WORKERS }));
await engine.close();
await state.close();
