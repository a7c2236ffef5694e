/**
 * `npm run bench:process` — whole-process figures, as a user or a host sees
 * them (issue 13: lean start), each the median of several fresh processes,
 * with CPU time (user + sys, all threads) beside wall time, because wall time
 * on a loaded machine says little; peak RSS is not inflated by load.
 *
 * 1. cold `npm run ask -- --json "…"` on the default document, index built
 *    and model cached: wall and CPU time to the answer, peak RSS
 *    (`/usr/bin/time`). The command is package.json's `ask` script, without
 *    npm's own start-up. Every run must cite exactly what the warm engine
 *    cites (test/bench/warm-answer.mjs: the compiled engine opened the
 *    ordinary way, asked another question first), or the bench fails.
 * 2. the Discord bot (`npm start`'s script with a token, against the fake
 *    Discord on 127.0.0.1): time and CPU to READY, RSS when idle after start,
 *    then the first /ask (to its acknowledgement and to the answer: an idle
 *    bot loads what questions need on the first one) and RSS after it and
 *    after 100. RSS is the whole process tree's (the bot and any child
 *    process). The very first start (which creates the state database) is
 *    reported on its own row; the medians are over restarts.
 * 3. many questions in one process, through what the bot runs (the compiled
 *    engine in its worker thread, the state database's conversations):
 *    RSS after the first 100 and after N (default 10,000) over 5,000
 *    rotating conversations — a leak shows as growth. Each sample is taken
 *    after a full GC in the main thread and in the worker, and "after 100"
 *    waits for the engine's one-time idle warm-up (many-questions.mjs says
 *    exactly what a sample is); the samples on the way (500 … 5,000) and the
 *    worker's heap go to stderr.
 *
 * @example
 * npm run bench:process -- --model ../shared/models/minilm-l6-shape-random --runs 5
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Command } from 'commander';
import { startFakeDiscord, type FakeDiscord } from '../e2e/fake-discord/index.js';
import { TOKEN } from '../e2e/bot-harness.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const QUESTION = 'What did Annan tell the Council?';

const median = (xs: number[]) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const range = (xs: number[], digits = 0) => `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;

/** package.json's script for `name` as argv for node ("exec node --flag src/launch.mjs ask" → [--flag, src/launch.mjs, ask]). */
function scriptArgs(name: string): string[] {
  const script = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts[name]!;
  const words = script.split(/\s+/).filter(Boolean);
  const at = words.indexOf('node');
  if (at < 0 || words.slice(0, at).some((w) => w !== 'exec')) throw new Error(`package.json "${name}" is not "[exec] node …": ${script}`);
  return words.slice(at + 1);
}

function run(cmd: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - t0 }));
  });
}

/** Citations as doc:start-end, to compare answers. */
const cited = (citations: { doc: string; start: number; end: number }[]) => citations.map((c) => `${c.doc}:${c.start}-${c.end}`);

/** The warm engine's answer to QUESTION (test/bench/warm-answer.mjs): every cold answer must cite the same. */
async function warmCitations(env: Record<string, string>): Promise<string[]> {
  const r = await run(process.execPath, ['test/bench/warm-answer.mjs', QUESTION], env);
  if (r.code !== 0) throw new Error(`warm answer failed: ${r.stderr.slice(-500)}`);
  return cited((JSON.parse(r.stdout) as { citations: { doc: string; start: number; end: number }[] }).citations);
}

async function coldAsk(env: Record<string, string>, runs: number) {
  const warm = await warmCitations(env);
  const wall: number[] = [];
  const cpu: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await run('/usr/bin/time', ['-f', 'TIME %e %U %S %M', process.execPath, ...scriptArgs('ask'), '--json', QUESTION], env);
    if (r.code !== 0) throw new Error(`ask failed: ${r.stderr.slice(-500)}`);
    const m = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
    if (!m) throw new Error('no /usr/bin/time output');
    const citations = (JSON.parse(r.stdout) as { citations: { doc: string; start: number; end: number }[] }).citations;
    if (!citations.length) throw new Error(`the cold ask gave no cited answer: ${r.stdout.slice(0, 300)}`);
    if (cited(citations).join() !== warm.join()) throw new Error(`the cold ask cited ${cited(citations).join(', ')}; the warm engine cites ${warm.join(', ')}`);
    wall.push(Number(m[1]) * 1000);
    cpu.push((Number(m[2]) + Number(m[3])) * 1000);
    rss.push(Number(m[4]) / 1024);
  }
  return { wall, cpu, rss };
}

/** CPU time (user + sys, every thread) a process has used so far, in ms. */
async function cpuMs(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).replace(/^.*\) /s, '').split(' ');
  return ((Number(fields[11]) + Number(fields[12])) / 100) * 1000; // utime, stime in clock ticks (100/s on Linux)
}

/** The pids of a process and all its descendants (child processes: a shard, the state database's creation). */
async function tree(pid: number): Promise<number[]> {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    const tasks = await readdir(`/proc/${out[i]}/task`).catch(() => [] as string[]);
    for (const t of tasks) {
      const kids = await readFile(`/proc/${out[i]}/task/${t}/children`, 'utf8').catch(() => '');
      out.push(...kids.split(/\s+/).filter(Boolean).map(Number));
    }
  }
  return out;
}

/** RSS of a process and all its descendants, in MB (what a host's memory limit counts). */
async function treeRss(pid: number): Promise<number> {
  let kb = 0;
  for (const p of await tree(pid)) {
    const status = await readFile(`/proc/${p}/status`, 'utf8').catch(() => '');
    kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  }
  return kb / 1024;
}

const askInteraction = (fake: FakeDiscord, question: string) => fake.sendInteraction({ type: 2, data: { name: 'ask', type: 1, options: [{ name: 'question', type: 3, value: question }] } });

/** One /ask through the fake Discord: ms to the acknowledgement (deferReply) and to the answer on screen. */
async function askBot(fake: FakeDiscord, question: string): Promise<{ ackMs: number; answerMs: number }> {
  const t0 = Date.now();
  const { id, token } = await askInteraction(fake, question);
  const ack = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/interactions/${id}/${token}/callback`, 60_000);
  const shown = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.endsWith(`/${token}/messages/@original`) && r.status === 200, 120_000);
  return { ackMs: ack.at - t0, answerMs: shown.at - t0 };
}

async function startBot(env: Record<string, string>, opts: { questions: number }) {
  const fake = await startFakeDiscord({ token: TOKEN, ackTimeoutMs: 60_000 });
  const t0 = performance.now();
  const child = spawn(process.execPath, scriptArgs('start'), { cwd: ROOT, env: { ...process.env, ...env, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.restUrl, LOG_FORMAT: 'json', LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '1000' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const deadline = Date.now() + 300_000;
  // Peak over the start, sampled every 20 ms over the whole process tree.
  let peak = 0;
  while (!out.includes('discord bot ready')) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`bot did not start: ${out.slice(-800)}`);
    peak = Math.max(peak, await treeRss(child.pid!));
    await new Promise((r) => setTimeout(r, 20));
  }
  const ready = performance.now() - t0;
  const readyCpu = await cpuMs(child.pid!);
  await new Promise((r) => setTimeout(r, 5_000)); // idle
  const idle = await treeRss(child.pid!);
  const cpuBefore = await cpuMs(child.pid!);
  const first = opts.questions ? await askBot(fake, QUESTION) : null;
  const firstCpu = (await cpuMs(child.pid!)) - cpuBefore;
  const afterFirst = first ? await treeRss(child.pid!) : NaN;
  for (let i = 1; i < opts.questions; i++) await askBot(fake, `${QUESTION} (${i})`);
  const afterAll = opts.questions ? await treeRss(child.pid!) : NaN;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('close', r));
  await fake.close();
  return { ready, readyCpu, idle, peak, first, firstCpu, afterFirst, afterAll };
}

async function idleBot(env: Record<string, string>, runs: number, questions: number) {
  const first = await startBot(env, { questions: 0 }); // creates the state database
  const rows: Awaited<ReturnType<typeof startBot>>[] = [];
  for (let i = 0; i < runs; i++) rows.push(await startBot(env, { questions }));
  const of = <T>(f: (r: Awaited<ReturnType<typeof startBot>>) => T) => rows.map(f);
  return {
    first,
    ready: of((r) => r.ready),
    readyCpu: of((r) => r.readyCpu),
    idle: of((r) => r.idle),
    peak: of((r) => r.peak),
    ack: of((r) => r.first?.ackMs ?? NaN),
    answer: of((r) => r.first?.answerMs ?? NaN),
    answerCpu: of((r) => r.firstCpu),
    afterFirst: of((r) => r.afterFirst),
    afterAll: of((r) => r.afterAll),
  };
}

/** RSS after 100 and after n questions in one process (a child, so its memory is its own). */
async function manyQuestions(env: Record<string, string>, n: number) {
  // The main thread gets the bot's own node flags (`npm start`'s, e.g. its young-generation cap), so it is the bot's thread.
  const start = scriptArgs('start');
  const flags = start.slice(0, start.findIndex((a) => !a.startsWith('--')));
  const r = await run(process.execPath, [...flags, 'test/bench/many-questions.mjs', String(n)], env);
  if (r.code !== 0) throw new Error(`many-questions failed: ${r.stderr.slice(-800)}`);
  process.stderr.write(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { after100: number; afterN: number; heapAfter100: number; heapAfterN: number; workerHeapAfter100: number | null; workerHeapAfterN: number | null; n: number; msPerQuestion: number; cpuMsPerQuestion: number; workers: number };
}

const program = new Command('bench:process')
  .option('--model <id>', 'EMBEDDING_MODEL for the runs (a local folder, or none)', 'none')
  .option('--runs <n>', 'fresh processes per figure', (v) => Number(v), 5)
  .option('--questions <n>', 'questions in one process for the leak check', (v) => Number(v), 10_000)
  .option('--bot-questions <n>', '/ask questions to each restarted bot after its idle sample (0 = none)', (v) => Number(v), 100)
  .option('--skip <list>', 'comma-separated: ask,bot,many', '')
  .parse();
const o = program.opts<{ model: string; runs: number; questions: number; botQuestions: number; skip: string }>();
const skip = new Set(o.skip.split(',').filter(Boolean));
const tmp = await mkdtemp(path.join(os.tmpdir(), 'verbatim-bench-process-'));
const model = o.model === 'none' ? 'none' : path.resolve(o.model);
const env = { EMBEDDING_MODEL: model, INDEX_DIR: path.join(tmp, 'index'), STATE_DIR: path.join(tmp, 'state'), ALLOW_REMOTE_MODELS: 'false', LOG_LEVEL: 'warn', LLM_BASE_URL: '', LLM_MODEL: '', DISCORD_TOKEN: '', DATABASE_URL: '' };
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
try {
  process.stderr.write(`bench:process — model ${o.model}, ${o.runs} runs, ${os.cpus().length} CPUs, load average ${load()}\n`);
  // Build dist/ and the index once, untimed.
  const warm = await run(process.execPath, ['src/launch.mjs', 'ask', '--json', QUESTION], env);
  if (warm.code !== 0) throw new Error(`warm-up failed: ${warm.stderr.slice(-800)}`);
  const rows: string[][] = [['what', 'median (min–max)', 'target']];
  if (!skip.has('ask')) {
    const a = await coldAsk(env, o.runs);
    rows.push(['cold `npm run ask` to the answer: wall, ms', range(a.wall), '≤ 1000']);
    rows.push(['… its CPU time (user + sys), ms', range(a.cpu), '']);
    rows.push(['… its peak RSS, MB', range(a.rss), '≤ 300']);
  }
  if (!skip.has('bot')) {
    // RSS here is the whole process tree's (the bot and any child process), as a host's memory limit counts it.
    const b = await idleBot(env, o.runs, o.botQuestions);
    rows.push(['bot start to READY: wall, ms', range(b.ready), '']);
    rows.push(['… CPU time to READY, ms', range(b.readyCpu), '']);
    rows.push(['bot idle RSS 5 s after READY (process tree), MB', range(b.idle), '≤ 250']);
    rows.push(['… peak RSS while starting (process tree, sampled every 20 ms), MB', range(b.peak), '']);
    rows.push(['… on its very first start (creates the state database): idle / peak while starting, MB', `${b.first.idle.toFixed(0)} / ${b.first.peak.toFixed(0)}`, '']);
    if (o.botQuestions) {
      rows.push(['first /ask after idle: to the acknowledgement (deferReply), ms', range(b.ack), '< 3000']);
      rows.push(['… to the answer on screen (loads what the first question needs), ms', range(b.answer), '']);
      rows.push(['… the process\'s CPU time for it (user + sys), ms', range(b.answerCpu), '']);
      rows.push(['bot RSS after its first answer (process tree), MB', range(b.afterFirst), '']);
      rows.push([`… after ${o.botQuestions} answers, MB`, range(b.afterAll), '']);
    }
  }
  if (!skip.has('many')) {
    const m = await manyQuestions(env, o.questions);
    const growth = ((m.afterN - m.after100) / m.after100) * 100;
    rows.push([`RSS after 100 → after ${m.n.toLocaleString('en-US')} questions, MB (one run)`, `${m.after100.toFixed(0)} → ${m.afterN.toFixed(0)} (${growth >= 0 ? '+' : ''}${growth.toFixed(1)}%)`, 'within 10%']);
    rows.push(['… main-thread heap after 100 → after N, MB', `${m.heapAfter100.toFixed(1)} → ${m.heapAfterN.toFixed(1)}`, '']);
    if (m.workerHeapAfter100 !== null) rows.push(['… worker-thread heap after 100 → after N, MB', `${m.workerHeapAfter100.toFixed(1)} → ${m.workerHeapAfterN!.toFixed(1)}`, '']);
    rows.push([`… per question (engine in ${m.workers ? `${m.workers} worker thread(s)` : 'the main thread'}): wall / CPU, ms`, `${m.msPerQuestion.toFixed(1)} / ${m.cpuMsPerQuestion.toFixed(1)}`, '']);
  }
  console.log(rows.map((r, i) => `| ${r.join(' | ')} |${i === 0 ? `\n|${r.map(() => '---').join('|')}|` : ''}`).join('\n'));
  process.stderr.write(`load average at the end: ${load()}\n`);
} finally {
  await rm(tmp, { recursive: true, force: true });
}
