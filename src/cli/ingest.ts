/**
 * `npm run ingest -- [files|folders|URLs…] [--rebuild]` (none = the configured corpus).
 */
import { Command } from 'commander';
import { loadModel, QUOTER } from '../engine.js';
import { openVectorStore } from '../engine/open.js';
import { ingest } from '../index/store.js';
import { summariseFailures } from '../ingest/failures.js';
import { parseArgs, progressBar, run, setup, type Cli } from './common.js';

let cli: Cli | undefined;
await run(async () => {
  const program = new Command()
    .name('ingest')
    .description('Index documents (.txt, .md, .html files, folders of them, or http(s) URLs of article pages).')
    .argument('[sources...]', 'files, folders or URLs (default: DOCUMENTS from the config)')
    .option('--rebuild', 'rebuild the index from scratch')
;
  const parsed = parseArgs(program);
  if (parsed !== null) return parsed;
  cli = setup();
  const { config, logger } = cli;
  const sources = program.args.length ? program.args : config.DOCUMENTS;
  const bar = progressBar();
  const embedder = await loadModel({ model: config.EMBEDDING_MODEL, cacheDir: config.MODEL_CACHE_DIR, allowRemote: config.ALLOW_REMOTE_MODELS, batchSize: config.EMBEDDING_BATCH_SIZE, dtype: config.EMBEDDING_DTYPE, logger, root: config.root, onProgress: bar.onProgress });
  const { report, index } = await ingest({ dir: config.INDEX_DIR, root: config.root, sources, embedder, quoter: QUOTER, logger, rebuild: program.opts().rebuild, onProgress: bar.onProgress, limits: { timeoutMs: config.URL_TIMEOUT_MS, idleTimeoutMs: config.URL_IDLE_TIMEOUT_MS, allowPrivate: config.URL_ALLOW_PRIVATE } }).finally(() => bar.stop());
  // With DATABASE_URL, the index's vectors go to the server's pgvector too (where `npm start` / `ask` search them).
  await (await openVectorStore({ config, logger, index, embedder }))?.close();
  await embedder?.dispose?.();
  const n = (a: string[]) => a.length;
  process.stdout.write(
    `Indexed ${report.chunks} chunks with ${report.model ?? 'no embedding model (lexical only)'}: ${n(report.added)} added, ${n(report.updated)} updated, ${n(report.unchanged)} unchanged` +
      `${report.failed.length ? `, ${report.failed.length} failed` : ''}; ${report.embedded} chunks embedded, ${report.reused} reused (${(report.ms / 1000).toFixed(1)} s).\n`,
  );
  for (const s of report.skipped.slice(0, 10)) process.stderr.write(`Skipped ${s.source}: ${s.reason}\n`);
  if (report.skipped.length > 10) process.stderr.write(`… and ${report.skipped.length - 10} more skipped.\n`);
  for (const line of summariseFailures(report.failed)) process.stderr.write(`Failed: ${line}\n`);
  return report.failed.length ? 1 : 0;
}, () => cli?.logger);
