/**
 * Heavy input cases for `npm run chaos` (issue 11, items 4, 5, 6, 11): large
 * and odd inputs under time and memory bounds.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { ingest, type LoadedIndex } from '../../../src/index/store.js';
import { silentLogger } from '../../../src/log.js';
import { listen } from '../../helpers/http-server.js';
import { runAsk, runIngest } from '../cli.js';
import { nestedHtml, paragraphWithoutEnds, textOfSize, writeShortDocs } from '../gen.js';
import type { ChaosCase } from '../types.js';

const MB = 1024 * 1024;
const quoter = { version: 'chaos', find: () => [] };
/** The real quotation finder: its cost is part of ingest. */
const realQuoter = async () => (await import('../../../src/engine.js')).QUOTER;

/**
 * In-process ingest of `sources` into a fresh index: its wall time and its CPU time (user + system) in ms.
 * Ratios compare CPU time — the work done — which, unlike wall time, does not swing with the machine's load.
 */
async function timed(tmp: string, name: string, sources: string[], withQuotes = true): Promise<{ ms: number; cpuMs: number; index: LoadedIndex }> {
  const q = withQuotes ? await realQuoter() : quoter; // loaded before the clock starts
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const { index } = await ingest({ dir: path.join(tmp, `index-${name}`), root: tmp, sources, embedder: null, quoter: q, logger: silentLogger() });
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, index };
}
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function withServer<T>(handler: http.RequestListener, fn: (base: string) => Promise<T>): Promise<T> {
  const server = await listen(handler);
  try {
    return await fn(server.base);
  } finally {
    await server.close();
  }
}

const large: ChaosCase = {
  name: 'large-documents-linear',
  expected: 'a 4 MB document ingests in at most 5× the CPU time of a 1 MB one (lexical, with quotations), and under 120 s',
  async run({ tmp }) {
    await writeFile(path.join(tmp, 'one.txt'), textOfSize(MB, 21));
    await writeFile(path.join(tmp, 'four.txt'), textOfSize(4 * MB, 22));
    const one = await timed(tmp, 'one', [path.join(tmp, 'one.txt')]);
    const four = await timed(tmp, 'four', [path.join(tmp, 'four.txt')]);
    const ratio = four.cpuMs / one.cpuMs;
    return { observed: `1 MB ${s(one.ms)} (CPU ${s(one.cpuMs)}), 4 MB ${s(four.ms)} (CPU ${s(four.cpuMs)}): ${ratio.toFixed(1)}× the CPU time`, pass: ratio <= 5 && four.ms < 120_000 };
  },
};

const paragraph: ChaosCase = {
  name: 'paragraph-without-sentence-ends',
  expected: 'a 0.5 MB paragraph with no sentence end ingests in under 30 s, in chunks of at most 1,200 characters',
  async run({ tmp }) {
    await writeFile(path.join(tmp, 'p.txt'), paragraphWithoutEnds(MB / 2));
    const r = await timed(tmp, 'p', [path.join(tmp, 'p.txt')]);
    const longest = Math.max(...r.index.chunks.map((c) => c.end - c.start));
    return { observed: `${s(r.ms)}, ${r.index.chunks.length} chunks, longest ${longest} characters`, pass: r.ms < 30_000 && longest <= 1200 };
  },
};

const nested: ChaosCase = {
  name: 'html-nested-deep',
  expected: 'HTML nested 1,000 and 2,000 deep ingests in under 20 s each, its paragraph indexed',
  async run({ tmp }) {
    const out: string[] = [];
    let ok = true;
    for (const d of [1000, 2000]) {
      const f = path.join(tmp, `deep-${d}.html`);
      await writeFile(f, nestedHtml(d));
      const r = await timed(tmp, `deep-${d}`, [f]);
      const found = r.index.documents[0]?.text.includes('Delegates agreed on the budget.') ?? false;
      out.push(`${d} deep: ${s(r.ms)}${found ? '' : ' (text missing)'}`);
      ok &&= found && r.ms < 20_000;
    }
    return { observed: out.join('; '), pass: ok };
  },
};

const many: ChaosCase = {
  name: 'many-small-documents',
  expected: '3,000 short documents take at most 15× the CPU time of 300 (linear), and under 180 s',
  async run({ tmp }) {
    await writeShortDocs(path.join(tmp, 'd300'), 300, 31);
    await writeShortDocs(path.join(tmp, 'd3000'), 3000, 32);
    const a = await timed(tmp, 'a', [path.join(tmp, 'd300')]);
    const b = await timed(tmp, 'b', [path.join(tmp, 'd3000')]);
    const ratio = b.cpuMs / a.cpuMs;
    return { observed: `300: ${s(a.ms)} (CPU ${s(a.cpuMs)}), 3,000: ${s(b.ms)} (CPU ${s(b.cpuMs)}): ${ratio.toFixed(1)}× the CPU time, ${b.index.documents.length} indexed`, pass: ratio <= 15 && b.ms < 180_000 && b.index.documents.length === 3000 };
  },
};

const devices: ChaosCase = {
  name: 'dev-zero-named-pipe-huge-url',
  expected: '/dev/zero, a named pipe and an endless URL body are each refused with one line within 10 s, memory grows < 200 MB, the good file beside them is indexed',
  async run({ tmp }) {
    const fifo = path.join(tmp, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    await writeFile(path.join(tmp, 'good.txt'), 'The council met on Friday.');
    let sent = 0;
    return withServer(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        const chunk = Buffer.alloc(256 * 1024, 'a');
        const pump = () => {
          while (sent < 300 * MB) {
            sent += chunk.length;
            if (!res.write(chunk)) break;
          }
          if (sent >= 300 * MB) res.end();
        };
        res.on('drain', pump);
        pump();
      },
      async (base) => {
        let peak = process.memoryUsage().rss;
        const before = peak;
        const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
        const t0 = performance.now();
        const { report, index } = await ingest({ dir: path.join(tmp, 'index'), root: tmp, sources: ['/dev/zero', fifo, `${base}/huge`, path.join(tmp, 'good.txt')], embedder: null, quoter, logger: silentLogger() });
        clearInterval(sampler);
        const ms = performance.now() - t0;
        const grew = (peak - before) / MB;
        const lines = report.failed.map((f) => f.error);
        const pass = index.documents.length === 1 && report.failed.length === 3 && ms < 10_000 && grew < 200 && lines.every((l) => !l.includes('\n') && !/Unexpected/.test(l));
        return { observed: `${s(ms)}, RSS +${grew.toFixed(0)} MB, server sent ${(sent / MB).toFixed(0)} MB; ${lines.map((l) => l.replace(tmp, '…').replace(base, 'URL')).join(' / ')}`, pass };
      },
    );
  },
};

const urls: ChaosCase = {
  name: 'url-stall-and-reset',
  expected: 'a URL that stalls and one that resets mid-body: `npm run ingest` prints one line for each and indexes the good file; `npm run ask` with them in DOCUMENTS still answers',
  async run({ tmp }) {
    await mkdir(path.join(tmp, 'docs'));
    const good = path.join(tmp, 'docs', 'good.txt');
    await writeFile(good, 'The council met on Friday in Geneva. It approved the budget for schools.');
    return withServer(
      (req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '100000' });
        if (req.url === '/reset') res.write('Some text. ', () => setTimeout(() => res.socket?.destroy(), 50));
        else res.write('Some text. ');
      },
      async (base) => {
        const env = { URL_IDLE_TIMEOUT_MS: '1500' };
        const r = await runIngest(tmp, [good, `${base}/stall`, `${base}/reset`], { env });
        const failedLines = r.stderr.split('\n').filter((l) => l.startsWith('Failed:'));
        const okIngest = /1 added/.test(r.stdout) && failedLines.length === 2 && !/Unexpected error/.test(r.stderr);
        // A question the engine answers from the good file alone (it refuses "What did the council approve?" there as low-confidence).
        const ask = await runAsk(tmp, 'Where did the council meet?', { ...env, DOCUMENTS: [good, `${base}/stall`].join(','), INDEX_DIR: path.join(tmp, 'index-ask') });
        const okAsk = ask.code === 0 && /Geneva/.test(ask.stdout);
        return {
          observed: `ingest exit ${r.code}: ${failedLines.map((l) => l.replace(base, 'URL')).join(' / ')}; ask exit ${ask.code}${okAsk ? ', answered' : `: ${(ask.stdout + ask.stderr).slice(0, 200)}`}`,
          pass: okIngest && okAsk,
        };
      },
    );
  },
};

const empties: ChaosCase = {
  name: 'ten-thousand-empty-files',
  expected: '10,000 empty files: `npm run ingest` exits non-zero with a short summary (no line over 1,000 characters), not an 871,001-character line',
  async run({ tmp }) {
    const dir = path.join(tmp, 'empty');
    await mkdir(dir);
    for (let i = 0; i < 10_000; i++) await writeFile(path.join(dir, `e${i}.txt`), '');
    const r = await runIngest(tmp, [dir]);
    const longest = Math.max(...(r.stdout + r.stderr).split('\n').map((l) => l.length));
    return { observed: `exit ${r.code}, longest line ${longest} characters: ${r.stderr.split('\n').find((l) => /10,000/.test(l))?.slice(0, 160) ?? r.stderr.slice(0, 160)}`, pass: r.code !== 0 && longest < 1000 && /10,000 sources/.test(r.stderr) };
  },
};

export default [large, paragraph, nested, many, devices, urls, empties];
