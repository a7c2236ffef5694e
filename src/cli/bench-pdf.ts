/**
 * `npm run bench:pdf -- file.pdf [--runs 3]`: PDF ingest throughput in pages
 * per second, beside the raw extractor's (unpdf's `extractText`, which is
 * pdf.js text extraction with nothing else). Our extraction adds the bomb and
 * encryption checks and the line/paragraph layout; ingest adds segmentation,
 * chunking, the quotation index, BM25, vectors (with EMBEDDING_MODEL) and the
 * atomic write. Median of the runs, as wall-clock pages/s and as pages per
 * CPU-second (steadier on a shared machine: pdf.js runs on this thread).
 *
 * @example
 * npx tsx test/fixtures/make-docs.ts --long 100 --out /tmp/docs
 * npm run bench:pdf -- /tmp/docs/long-100.pdf
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { limitsFrom } from '../collections/collections.js';
import { loadModel, QUOTER } from '../engine.js';
import { buildIndex, writeIndex } from '../index/store.js';
import { sourceFromBytes } from '../ingest/bytes.js';
import { buildDocument } from '../ingest/document.js';
import { extractPdf } from '../ingest/pdf.js';
import { parseArgs, run, setup, type Cli } from './common.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

let cli: Cli | undefined;
await run(async () => {
  const program = new Command().name('bench:pdf').argument('<file>', 'a PDF').option('--runs <n>', 'runs per measurement', '3');
  const parsed = parseArgs(program);
  if (parsed !== null) return parsed;
  cli = setup({ quiet: true });
  const { config, logger } = cli;
  const file = program.args[0]!;
  const runs = Number(program.opts().runs);
  const bytes = await readFile(file);
  const limits = limitsFrom(config);
  const { extractText, getDocumentProxy } = await import('unpdf');
  const embedder = await loadModel({ model: config.EMBEDDING_MODEL, cacheDir: config.MODEL_CACHE_DIR, allowRemote: config.ALLOW_REMOTE_MODELS, batchSize: config.EMBEDDING_BATCH_SIZE, dtype: config.EMBEDDING_DTYPE, logger, root: config.root });
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'verbatim-bench-pdf-'));
  let pages = 0;
  const cpu: Record<string, number[]> = {};
  const rows: Record<string, number[]> = { 'raw extractor (unpdf extractText)': [], 'our extraction (checks + layout)': [], [`ingest (extract → index, ${embedder ? embedder.id : 'lexical only'})`]: [] };
  const [raw, ours, full] = Object.keys(rows) as [string, string, string];
  try {
    const time = async (name: string, fn: () => Promise<unknown>) => {
      const t = performance.now();
      const c = process.cpuUsage();
      await fn();
      const used = process.cpuUsage(c);
      rows[name]!.push(pages / ((performance.now() - t) / 1000));
      (cpu[name] ??= []).push(pages / ((used.user + used.system) / 1e6));
    };
    pages = (await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: false })).totalPages; // warm-up
    for (let r = 0; r < runs; r++) {
      await time(raw, async () => extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: false }));
      await time(ours, () => extractPdf(bytes, file, limits));
      await time(full, async () => {
        const doc = buildDocument(await sourceFromBytes(bytes, { id: 'bench', path: file, name: file }, limits));
        const built = await buildIndex({ documents: [doc], embedder, quoter: QUOTER });
        await writeIndex(path.join(tmp, `index-${r}`), built.index);
      });
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
    await embedder?.dispose?.();
  }
  process.stdout.write(`${path.basename(file)}: ${pages} pages, ${(bytes.length / 1024).toFixed(0)} KB, median of ${runs} runs\n`);
  for (const [name, xs] of Object.entries(rows)) {
    process.stdout.write(`  ${name.padEnd(52)} ${median(xs).toFixed(1).padStart(7)} pages/s  ${median(cpu[name]!).toFixed(1).padStart(7)} pages/CPU-s  (wall: ${xs.map((x) => x.toFixed(0)).join(', ')})\n`);
  }
  return 0;
}, () => cli?.logger);
