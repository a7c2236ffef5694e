/**
 * Heavy index cases for `npm run chaos` (issue 11, items 1, 2, 10): kill -9
 * during ingest, concurrent ingests, bit flips and shape damage that stay
 * valid JSON — against real ingest processes.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readIndex } from '../../../src/index/store.js';
import { mulberry32 } from '../../../src/random.js';
import { runAsk, runIngest, startIngest } from '../cli.js';
import { textOfSize, writeShortDocs } from '../gen.js';
import type { ChaosCase } from '../types.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const leftovers = async (tmp: string) => (await readdir(tmp)).filter((f) => /^index\.(tmp|old)-|^index\.lock$/.test(f));

/** Is the index intact? 'absent' before the first write; 'ok' with its document count; else the damage. */
async function check(dir: string): Promise<{ state: 'absent' | 'ok' | 'damaged'; docs: number; why?: string }> {
  try {
    const idx = await readIndex(dir);
    return idx ? { state: 'ok', docs: idx.documents.length } : { state: 'absent', docs: 0 };
  } catch (e) {
    return { state: 'damaged', docs: 0, why: (e as Error).message };
  }
}

const killLoop: ChaosCase = {
  name: 'kill9-loop-during-ingest',
  expected: '12 kill -9s of real ingests, while they hold the lock or while they write the new index: the index always reads back intact; the next ingest recovers the lock within seconds and indexes everything, leaving no .tmp-/.old- folders',
  async run({ tmp, log }) {
    const docs = path.join(tmp, 'docs');
    await writeShortDocs(docs, 120);
    await writeFile(path.join(docs, 'big.txt'), textOfSize(512 * 1024));
    const first = await runIngest(tmp, [docs]);
    if (first.code !== 0) return { observed: `first ingest failed: ${first.stderr.slice(0, 200)}`, pass: false };
    const full = first.wallMs;
    log(`a full ingest takes ${(full / 1000).toFixed(1)} s`);
    const next = mulberry32(7);
    const states: string[] = [];
    let damaged = 0;
    let killedMidway = 0;
    for (let i = 0; i < 12; i++) {
      await writeFile(path.join(docs, `extra-${i}.txt`), `Extra note ${i}: the committee met again on day ${i}.`);
      const { child, done } = startIngest(tmp, [docs]);
      // Kill at a moment that does not depend on the machine's speed: while the lock is held (plus a random delay),
      // or as soon as the new index is being written (a .tmp- folder exists), alternately.
      const moment = i % 2 === 0 ? /^index\.lock$/ : /^index\.tmp-/;
      let finished = false;
      void done.then(() => (finished = true));
      while (!finished && !(await readdir(tmp)).some((f) => moment.test(f))) await sleep(20);
      if (i % 2 === 0) await Promise.race([sleep(next() * Math.min(full, 3000)), done]);
      const killed = child.kill('SIGKILL');
      const r = await done;
      if (killed && r.signal === 'SIGKILL') killedMidway++;
      const s = await check(path.join(tmp, 'index'));
      states.push(s.state);
      if (s.state !== 'ok') {
        damaged++;
        log(`after kill ${i}: ${s.state} ${s.why ?? ''}`);
      }
    }
    const t0 = performance.now();
    const last = await runIngest(tmp, [docs], { timeoutMs: 120_000 });
    const lastMs = performance.now() - t0;
    const final = await check(path.join(tmp, 'index'));
    const left = await leftovers(tmp);
    const want = 120 + 1 + 12;
    const pass = damaged === 0 && killedMidway >= 6 && last.code === 0 && final.state === 'ok' && final.docs === want && left.length === 0;
    return {
      observed: `${killedMidway}/12 ingests killed mid-run; index intact after ${12 - damaged}/12; then one ingest in ${(lastMs / 1000).toFixed(1)} s (exit ${last.code}): ${final.docs}/${want} documents, leftovers: ${left.length ? left.join(' ') : 'none'}`,
      pass,
    };
  },
};

const concurrent: ChaosCase = {
  name: 'concurrent-ingests',
  expected: '4 ingest processes of 4 different documents started together, 3 times: every process exits 0 and all 4 documents are indexed each time',
  async run({ tmp }) {
    const results: string[] = [];
    let ok = 0;
    for (let trial = 0; trial < 3; trial++) {
      const dir = path.join(tmp, `t${trial}`);
      await mkdir(dir);
      for (const n of ['a', 'b', 'c', 'd']) await writeFile(path.join(dir, `${n}.txt`), `${textOfSize(20_000, trial * 10 + n.charCodeAt(0))}\n\nDocument ${n}.`);
      const runs = await Promise.all(['a', 'b', 'c', 'd'].map((n) => runIngest(dir, [path.join(dir, `${n}.txt`)])));
      const s = await check(path.join(dir, 'index'));
      const exits = runs.map((r) => r.code).join(',');
      const why = runs.filter((r) => r.code !== 0).map((r) => (r.stdout + r.stderr).trim().split('\n').slice(-2).join(' ').slice(0, 300));
      results.push(`${s.docs}/4 (exits ${exits})${why.length ? `: ${why.join(' / ')}` : ''}`);
      if (s.state === 'ok' && s.docs === 4 && runs.every((r) => r.code === 0)) ok++;
    }
    return { observed: `trials: ${results.join('; ')}`, pass: ok === 3 };
  },
};

/** Flip the case bit of a random ASCII letter inside a random stored text: valid JSON and UTF-8 still. */
async function flipRandomLetter(dir: string, next: () => number): Promise<string> {
  const f = path.join(dir, 'documents.json');
  const buf = await readFile(f);
  const json = buf.toString('latin1'); // byte offsets = string offsets
  const docs = [...json.matchAll(/"id":"([^"]+)","path":"[^"]*","title":"[^"]*","text":"/g)];
  const m = docs[Math.floor(next() * docs.length)]!;
  let at = m.index! + m[0].length + Math.floor(next() * 2000);
  while (!/[a-z]/.test(json[at]!)) at++;
  buf[at]! ^= 0x20;
  await writeFile(f, buf);
  return m[1]!;
}

const bitflip: ChaosCase = {
  name: 'bitflip-documents-json',
  expected: '200 random single-bit flips inside stored texts (valid JSON/UTF-8) are all detected on load; with 3 of them, an ingest of another document prints exactly one warning and restores the true text',
  async run({ tmp }) {
    const docs = path.join(tmp, 'docs');
    await mkdir(docs);
    for (let i = 0; i < 5; i++) await writeFile(path.join(docs, `d${i}.txt`), textOfSize(30_000, 100 + i));
    const dir = path.join(tmp, 'index');
    // Built by the CLI, as the re-ingests are (documents by absolute path: the CLI resolves relative ones against the project root).
    const built = await runIngest(tmp, [docs]);
    if (built.code !== 0) return { observed: `the first ingest failed: ${built.stderr.slice(0, 200)}`, pass: false };
    const pristine = await readFile(path.join(dir, 'documents.json'));
    const next = mulberry32(11);
    let detected = 0;
    for (let i = 0; i < 200; i++) {
      await writeFile(path.join(dir, 'documents.json'), pristine);
      await flipRandomLetter(dir, next);
      if ((await check(dir)).state === 'damaged') detected++;
    }
    await writeFile(path.join(dir, 'documents.json'), pristine);
    let restored = 0;
    const warnCounts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const victim = await flipRandomLetter(dir, next);
      await writeFile(path.join(tmp, `new-${i}.txt`), `A new note number ${i}.`);
      const r = await runIngest(tmp, [path.join(tmp, `new-${i}.txt`)]);
      warnCounts.push(r.stderr.split('\n').filter((l) => /does not match its hash/.test(l)).length);
      const idx = await readIndex(dir).catch(() => null);
      const truth = await readFile(victim, 'utf8');
      if (r.code === 0 && idx?.docById.get(victim)?.text === truth && idx.documents.length === 5 + i + 1) restored++;
    }
    return {
      observed: `${detected}/200 flips detected; ${restored}/3 restored from source with warnings per run: ${warnCounts.join(',')}`,
      pass: detected === 200 && restored === 3 && warnCounts.every((n) => n === 1),
    };
  },
};

const shape: ChaosCase = {
  name: 'index-shape-damage',
  expected: 'chunks.json = [], quotations.json = {}, garbage paragraphs: each detected on load, one warning, rebuilt; `npm run ask` on such an index answers instead of "Unexpected error"',
  async run({ tmp }) {
    const docs = path.join(tmp, 'docs');
    await mkdir(docs);
    await writeFile(path.join(docs, 'un.txt'), await readFile(path.join(import.meta.dirname, '../../../documents/un-news-annan-regional-cooperation.txt')));
    const dir = path.join(tmp, 'index');
    const damages: [string, () => Promise<void>][] = [
      ['chunks=[]', () => writeFile(path.join(dir, 'chunks.json'), '[]')],
      ['quotations={}', () => writeFile(path.join(dir, 'quotations.json'), '{}')],
      ['garbage paragraphs', async () => {
        const ds = JSON.parse(await readFile(path.join(dir, 'documents.json'), 'utf8'));
        ds[0].paragraphs = ['garbage', { start: -1 }];
        await writeFile(path.join(dir, 'documents.json'), JSON.stringify(ds));
      }],
    ];
    const out: string[] = [];
    let ok = 0;
    for (const [name, damage] of damages) {
      await runIngest(tmp, [docs]);
      await damage();
      const detected = (await check(dir)).state === 'damaged';
      const r = await runIngest(tmp, [docs]);
      const warnings = r.stderr.split('\n').filter((l) => /is damaged/.test(l)).length;
      const after = await check(dir);
      out.push(`${name}: detected=${detected}, warnings=${warnings}, rebuilt=${after.state}`);
      if (detected && warnings === 1 && r.code === 0 && after.state === 'ok') ok++;
    }
    // The question path on a damaged index: it must rebuild and answer.
    await writeFile(path.join(dir, 'chunks.json'), '[]');
    const ask = await runAsk(tmp, 'What did Annan tell the Security Council?', { DOCUMENTS: docs });
    const answered = ask.code === 0 && !/Unexpected error/.test(ask.stdout + ask.stderr) && /Annan|Council/.test(ask.stdout);
    out.push(`ask on chunks=[]: exit ${ask.code}${answered ? ', answered' : `: ${(ask.stdout + ask.stderr).slice(0, 160)}`}`);
    return { observed: out.join('; '), pass: ok === 3 && answered };
  },
};

export default [killLoop, concurrent, bitflip, shape];
