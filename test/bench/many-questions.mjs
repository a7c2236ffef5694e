/**
 * Child of `bench:process`: N questions in one process, through what the bot
 * runs — the compiled engine (in a worker thread when ENGINE_WORKERS > 0, as
 * `npm start` does), the state database's conversations (forKey → ask →
 * touch → link, as /ask does) — over 5,000 rotating conversations. Prints
 * one JSON line: RSS (and heap) after the first 100 and after N questions.
 * Plain JavaScript on dist/, so nothing but Verbatim is in the process.
 *
 *   node test/bench/many-questions.mjs 10000
 */
import 'dotenv/config';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

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
const sample = () => {
  gc();
  const m = process.memoryUsage();
  return { rss: mb(m.rss), heap: mb(m.heapUsed) };
};
let first;
const t0 = performance.now();
const c0 = process.cpuUsage();
for (let i = 0; i < n; i++) {
  // 5,000 distinct conversations: each comes back every 5,000 questions, so turns are trimmed and rows reused.
  const conversation = await state.conversations.forKey(`bench:${i % 5000}`);
  await engine.ask(`${QUESTIONS[i % QUESTIONS.length]}${i % 3 === 0 ? '' : ` (${i})`}`, conversation);
  await state.conversations.touch(conversation);
  await state.conversations.link(`m${i}`, conversation);
  if (i === 99) first = sample();
}
const cpu = process.cpuUsage(c0);
const last = sample();
console.log(JSON.stringify({ n, after100: first.rss, afterN: last.rss, heapAfter100: first.heap, heapAfterN: last.heap, msPerQuestion: (performance.now() - t0) / n, cpuMsPerQuestion: (cpu.user + cpu.system) / 1000 / n, workers: config.ENGINE_WORKERS }));
await engine.close();
await state.close();
