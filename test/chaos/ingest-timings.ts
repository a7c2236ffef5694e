/**
 * Ingest timings for issue 11 item 4 (lexical mode, EMBEDDING_MODEL=none):
 * `npx tsx test/chaos/ingest-timings.ts [--only 1mb,2mb] [--timeout 180]`.
 * Each case runs `src/cli/ingest.ts` in a child process on generated input and
 * prints one markdown row: case, wall time, the ingest's own time, exit code.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runIngest } from './cli.js';
import { nestedHtml, paragraphWithoutEnds, textOfSize, writeShortDocs } from './gen.js';

const MB = 1024 * 1024;

export const TIMING_CASES: { name: string; make(tmp: string): Promise<string[]> }[] = [
  ...[1, 2, 4].map((mb) => ({ name: `${mb}mb`, make: async (tmp: string) => [await put(tmp, `doc-${mb}mb.txt`, textOfSize(mb * MB))] })),
  { name: 'paragraph-0.5mb-no-ends', make: async (tmp) => [await put(tmp, 'para.txt', paragraphWithoutEnds(MB / 2))] },
  ...[1000, 2000].map((d) => ({ name: `html-nested-${d}`, make: async (tmp: string) => [await put(tmp, `deep-${d}.html`, nestedHtml(d))] })),
  ...[100, 300, 1500, 10000].map((n) => ({
    name: `docs-${n}`,
    make: async (tmp: string) => {
      await writeShortDocs(path.join(tmp, 'docs'), n);
      return [path.join(tmp, 'docs')];
    },
  })),
];

async function put(dir: string, name: string, text: string): Promise<string> {
  const p = path.join(dir, name);
  await writeFile(p, text);
  return p;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (k: string) => { const i = process.argv.indexOf(k); return i > 0 ? process.argv[i + 1] : undefined; };
  const only = arg('--only')?.split(',');
  const timeoutMs = Number(arg('--timeout') ?? 180) * 1000;
  console.log('| case | wall s | ingest s | exit |\n|---|---|---|---|');
  for (const c of TIMING_CASES.filter((c) => !only || only.includes(c.name))) {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'verbatim-timing-'));
    try {
      const t = await runIngest(tmp, await c.make(tmp), { timeoutMs });
      const killed = t.code === null ? ` (killed after ${timeoutMs / 1000} s)` : '';
      console.log(`| ${c.name} | ${(t.wallMs / 1000).toFixed(1)} | ${t.ingestMs === null ? '—' : (t.ingestMs / 1000).toFixed(1)} | ${t.code ?? 'killed'}${killed} |`);
      if (t.code) process.stderr.write(t.stderr.slice(0, 500));
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }
}
