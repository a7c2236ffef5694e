/**
 * `npm run bench:process` — whole-process figures, as a user or a host sees
 * them (issue: lean start), each the median of several fresh processes:
 *
 * 1. cold `npm run ask -- --json "…"` on the default document, index built
 *    and model cached: wall time to the answer and peak RSS (`/usr/bin/time`);
 * 2. the Discord bot (`npm start` with a token, against the fake Discord on
 *    127.0.0.1): time to READY and RSS when idle after start;
 * 3. many questions in one process: RSS after the first 100 and after N
 *    (default 10,000) questions, over rotating conversations — a leak shows
 *    as growth.
 *
 * @example
 * npm run bench:process -- --model ../shared/models/minilm-l6-shape-random --runs 5
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
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

async function coldAsk(env: Record<string, string>, runs: number) {
  const wall: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Exactly what `npm run ask` runs, without npm's own start-up.
    const r = await run('/usr/bin/time', ['-f', 'TIME %e %M', process.execPath, 'src/launch.mjs', 'ask', '--json', QUESTION], env);
    if (r.code !== 0) throw new Error(`ask failed: ${r.stderr.slice(-500)}`);
    const m = /TIME ([\d.]+) (\d+)/.exec(r.stderr);
    if (!m) throw new Error('no /usr/bin/time output');
    wall.push(Number(m[1]) * 1000);
    rss.push(Number(m[2]) / 1024);
  }
  return { wall, rss };
}

async function idleBot(env: Record<string, string>, runs: number) {
  const ready: number[] = [];
  const idle: number[] = [];
  for (let i = 0; i < runs; i++) {
    const fake = await startFakeDiscord({ token: TOKEN });
    const t0 = performance.now();
    const child = spawn(process.execPath, ['src/launch.mjs', 'start'], { cwd: ROOT, env: { ...process.env, ...env, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.restUrl, LOG_FORMAT: 'json', LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const deadline = Date.now() + 300_000;
    while (!out.includes('discord bot ready')) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`bot did not start: ${out.slice(-800)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    ready.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 5_000)); // idle
    const status = await import('node:fs/promises').then((fs) => fs.readFile(`/proc/${child.pid}/status`, 'utf8'));
    idle.push(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('close', r));
    await fake.close();
  }
  return { ready, idle };
}

/** RSS after 100 and after n questions in one process (a child, so its heap is its own). */
async function manyQuestions(env: Record<string, string>, n: number) {
  const r = await run(process.execPath, ['--expose-gc', '--import', 'tsx', 'test/bench/many-questions.ts', String(n)], env);
  if (r.code !== 0) throw new Error(`many-questions failed: ${r.stderr.slice(-800)}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { after100: number; afterN: number; n: number; msPerQuestion: number };
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
const env = { EMBEDDING_MODEL: o.model, INDEX_DIR: path.join(tmp, 'index'), STATE_DIR: path.join(tmp, 'state'), ALLOW_REMOTE_MODELS: 'false', LOG_LEVEL: 'warn', LLM_BASE_URL: '', DISCORD_TOKEN: '' };
try {
  process.stderr.write(`bench:process — model ${o.model}, ${o.runs} runs, load avg ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
  // Build dist/ and the index once, untimed.
  const warm = await run(process.execPath, ['src/launch.mjs', 'ask', '--json', QUESTION], env);
  if (warm.code !== 0) throw new Error(`warm-up failed: ${warm.stderr.slice(-800)}`);
  const rows: string[][] = [['what', 'median (min–max)', 'target']];
  if (!skip.has('ask')) {
    const a = await coldAsk(env, o.runs);
    rows.push(['cold `ask` to first answer, ms', range(a.wall), '≤ 1000']);
    rows.push(['cold `ask` peak RSS, MB', range(a.rss), '≤ 300']);
  }
  if (!skip.has('bot')) {
    const b = await idleBot(env, o.runs);
    rows.push(['bot start to READY, ms', range(b.ready), '']);
    rows.push(['bot idle RSS 5 s after READY, MB', range(b.idle), '≤ 250']);
  }
  if (!skip.has('many')) {
    const m = await manyQuestions(env, o.questions);
    rows.push([`RSS after 100 → after ${m.n.toLocaleString('en-US')} questions, MB`, `${m.after100.toFixed(0)} → ${m.afterN.toFixed(0)} (${(((m.afterN - m.after100) / m.after100) * 100).toFixed(1)}%)`, 'within 10%']);
    rows.push(['mean time per question in that run, ms', m.msPerQuestion.toFixed(2), '']);
  }
  console.log(rows.map((r, i) => `| ${r.join(' | ')} |${i === 0 ? `\n|${r.map(() => '---').join('|')}|` : ''}`).join('\n'));
} finally {
  await rm(tmp, { recursive: true, force: true });
}
