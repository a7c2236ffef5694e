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
 *    Discord on 127.0.0.1): time and CPU to READY, RSS when idle after start.
 *    The very first start (which creates the state database) is reported on
 *    its own row; the median is over restarts.
 * 3. many questions in one process, through what the bot runs (the compiled
 *    engine in its worker thread, the state database's conversations):
 *    RSS after the first 100 and after N (default 10,000) over 5,000
 *    rotating conversations — a leak shows as growth.
 *
 * @example
 * npm run bench:process -- --model ../shared/models/minilm-l6-shape-random --runs 5
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Command } from 'commander';
import { startFakeDiscord } from '../e2e/fake-discord/index.js';
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

async function startBot(env: Record<string, string>) {
  const fake = await startFakeDiscord({ token: TOKEN });
  const t0 = performance.now();
  const child = spawn(process.execPath, scriptArgs('start'), { cwd: ROOT, env: { ...process.env, ...env, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.restUrl, LOG_FORMAT: 'json', LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const deadline = Date.now() + 300_000;
  while (!out.includes('discord bot ready')) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`bot did not start: ${out.slice(-800)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const ready = performance.now() - t0;
  const readyCpu = await cpuMs(child.pid!);
  await new Promise((r) => setTimeout(r, 5_000)); // idle
  const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
  const idle = Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('close', r));
  await fake.close();
  return { ready, readyCpu, idle };
}

async function idleBot(env: Record<string, string>, runs: number) {
  const first = await startBot(env); // creates the state database
  const rows = [];
  for (let i = 0; i < runs; i++) rows.push(await startBot(env));
  return { first, ready: rows.map((r) => r.ready), readyCpu: rows.map((r) => r.readyCpu), idle: rows.map((r) => r.idle) };
}

/** RSS after 100 and after n questions in one process (a child, so its memory is its own). */
async function manyQuestions(env: Record<string, string>, n: number) {
  const r = await run(process.execPath, ['test/bench/many-questions.mjs', String(n)], env);
  if (r.code !== 0) throw new Error(`many-questions failed: ${r.stderr.slice(-800)}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { after100: number; afterN: number; heapAfter100: number; heapAfterN: number; n: number; msPerQuestion: number; cpuMsPerQuestion: number; workers: number };
}

const program = new Command('bench:process')
  .option('--model <id>', 'EMBEDDING_MODEL for the runs (a local folder, or none)', 'none')
  .option('--runs <n>', 'fresh processes per figure', (v) => Number(v), 5)
  .option('--questions <n>', 'questions in one process for the leak check', (v) => Number(v), 10_000)
  .option('--skip <list>', 'comma-separated: ask,bot,many', '')
  .parse();
const o = program.opts<{ model: string; runs: number; questions: number; skip: string }>();
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
    const b = await idleBot(env, o.runs);
    rows.push(['bot start to READY: wall, ms', range(b.ready), '']);
    rows.push(['… CPU time to READY, ms', range(b.readyCpu), '']);
    rows.push(['bot idle RSS 5 s after READY, MB', range(b.idle), '≤ 250']);
    rows.push(['… on its very first start (creates the state database), MB', b.first.idle.toFixed(0), '']);
  }
  if (!skip.has('many')) {
    const m = await manyQuestions(env, o.questions);
    const growth = ((m.afterN - m.after100) / m.after100) * 100;
    rows.push([`RSS after 100 → after ${m.n.toLocaleString('en-US')} questions, MB (one run)`, `${m.after100.toFixed(0)} → ${m.afterN.toFixed(0)} (${growth >= 0 ? '+' : ''}${growth.toFixed(1)}%)`, 'within 10%']);
    rows.push(['… main-thread heap after 100 → after N, MB', `${m.heapAfter100.toFixed(1)} → ${m.heapAfterN.toFixed(1)}`, '']);
    rows.push([`… per question (engine in ${m.workers ? `${m.workers} worker thread(s)` : 'the main thread'}): wall / CPU, ms`, `${m.msPerQuestion.toFixed(1)} / ${m.cpuMsPerQuestion.toFixed(1)}`, '']);
  }
  console.log(rows.map((r, i) => `| ${r.join(' | ')} |${i === 0 ? `\n|${r.map(() => '---').join('|')}|` : ''}`).join('\n'));
  process.stderr.write(`load average at the end: ${load()}\n`);
} finally {
  await rm(tmp, { recursive: true, force: true });
}
