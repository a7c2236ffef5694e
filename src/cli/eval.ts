/**
 * `npm run eval -- <file.jsonl> [--k 5] [--limit N] [--json] [--out details.jsonl] [--model <id|folder|none>]`
 *
 * Runs every conversation of an evaluation file (docs/eval.md) through the
 * engine three times — BM25-only, vector-only and hybrid retrieval — and
 * prints one table (or, with --json, exactly one JSON object on stdout).
 */
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { Command, InvalidArgumentError } from 'commander';
import { createEngine } from '../engine.js';
import { loadEmbedder } from '../embed/load.js';
import { UserError } from '../errors.js';
import { loadSource, type Source } from '../ingest/document.js';
import { limitScoredTurns, parseEvalJsonl, type EvalConversation, type EvalFile } from '../eval/format.js';
import { formatJsonReport, formatTable } from '../eval/report.js';
import { cachingEmbedder } from '../eval/embedder-cache.js';
import { runEval, SYSTEMS, type SystemName, type TurnDetail } from '../eval/run.js';
import { run, setup } from './common.js';

const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive integer');
  return n;
};

async function main(): Promise<number> {
  const program = new Command('eval')
    .description('Evaluate answers on a JSONL file (docs/eval.md): BM25, vector and hybrid retrieval side by side.')
    .argument('<file>', 'evaluation JSONL (see `npm run eval:convert`)')
    .option('--k <n>', 'retrieval depth for evidence recall@k (also the passages the answerer sees)', positiveInt, 5)
    .option('--limit <n>', 'only the first N scored turns (file order, deterministic)', positiveInt)
    .option('--json', 'print exactly one JSON object on stdout')
    .option('--out <file>', 'write per-question details as JSONL')
    .option('--model <id>', 'embedding model: Hugging Face id, local folder, or "none" (default: EMBEDDING_MODEL)')
    .option('--history <from>', 'earlier unscored turns answered by: engine (its own answers) or gold (the dataset\'s evidence, as CoQA is usually scored)', (v) => {
      if (v !== 'engine' && v !== 'gold') throw new InvalidArgumentError('expected engine or gold');
      return v;
    }, 'engine')
    .option('--systems <list>', `comma-separated subset of ${SYSTEMS.join(',')}`, (v) => {
      const list = v.split(',').map((s) => s.trim()) as SystemName[];
      if (!list.length || list.some((s) => !SYSTEMS.includes(s))) throw new InvalidArgumentError(`expected a subset of ${SYSTEMS.join(',')}`);
      return list;
    })
    .parse();
  const [fileArg] = program.args;
  const o = program.opts<{ k: number; limit?: number; json?: boolean; out?: string; model?: string; systems?: SystemName[]; history: 'engine' | 'gold' }>();
  if (o.k > 50) throw new UserError('--k must be at most 50.');

  const { config, logger } = setup({ quiet: true });
  const file = path.resolve(process.cwd(), fileArg);
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (cause) {
    throw new UserError(`Cannot read ${fileArg} (${(cause as NodeJS.ErrnoException).code ?? 'error'})`, { cause });
  }
  const parsed = parseEvalJsonl(raw, path.basename(file));
  const evalFile: EvalFile = { documents: parsed.documents, conversations: limitScoredTurns(parsed.conversations, o.limit) };
  const dataset = path.basename(file).replace(/\.jsonl?$/i, '');
  const baseDir = path.dirname(file);

  const model = o.model ?? config.EMBEDDING_MODEL;
  const warnings: string[] = [];
  const loaded = await loadEmbedder({ model, cacheDir: config.MODEL_CACHE_DIR, allowRemote: config.ALLOW_REMOTE_MODELS, batchSize: config.EMBEDDING_BATCH_SIZE, logger, root: config.root });
  const embedder = loaded ? cachingEmbedder(loaded) : null;
  if (!embedder) warnings.push(`No embedding model loaded (${model}): the vector system is not applicable (null) and hybrid equals bm25.`);
  else if (/random/i.test(model)) warnings.push(`The model "${model}" has random weights: the vector and hybrid rows measure nothing real (meaningless vectors).`);
  for (const w of warnings) process.stderr.write(`Warning: ${w}\n`);

  const systems = o.systems ?? [...SYSTEMS];
  const engineConfig = { ...config, TOP_K: o.k };

  const sources = new Map<string, Source>();
  const resolveDocument = async (ref: EvalConversation['document']): Promise<Source> => {
    if ('text' in ref) return { id: 'document', path: 'document', text: ref.text, ...(ref.title ? { title: ref.title } : {}) };
    if ('path' in ref) return loadSource(ref.path, { root: baseDir });
    const cached = sources.get(ref.id);
    if (cached) return cached;
    const line = evalFile.documents.get(ref.id)!;
    const src: Source = 'text' in line ? { id: line.id, path: line.id, text: line.text, ...(line.title ? { title: line.title } : {}) } : { ...(await loadSource(line.path, { root: baseDir })), id: line.id };
    sources.set(ref.id, src);
    return src;
  };

  const totalTurns = evalFile.conversations.reduce((a, c) => a + c.turns.length, 0) * systems.length;
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar({ stream: process.stderr, format: 'eval [{bar}] {value}/{total} turns · {system} · {eta_formatted} left', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic)
    : null;
  bar?.start(totalTurns, 0, { system: systems[0] });

  const out = o.out ? createWriteStream(path.resolve(process.cwd(), o.out)) : null;
  const onDetail = out ? (d: TurnDetail) => void out.write(JSON.stringify(d) + '\n') : undefined;

  let report;
  try {
    report = await runEval({
      file: evalFile,
      k: o.k,
      systems,
      resolveDocument,
      makeEngine: async (system, docs) => {
        if (system === 'vector' && !embedder) return null;
        return createEngine({ config: engineConfig, logger, embedder, documents: docs, retrieval: system });
      },
      onTurn: (system) => bar?.increment(1, { system }),
      onDetail,
      history: o.history,
    });
  } finally {
    bar?.stop();
    if (out) await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  }

  if (o.json) {
    process.stdout.write(JSON.stringify(formatJsonReport(dataset, report)) + '\n');
  } else {
    process.stdout.write(formatTable(dataset, report, { model: embedder ? model : null, warnings }) + '\n');
  }
  for (const s of SYSTEMS) {
    const q = report.quotes[s];
    if (q.invalid) process.stderr.write(`Error: ${q.invalid} of ${q.checked} ${s} quotations were not verbatim.\n`);
  }
  return SYSTEMS.some((s) => report.quotes[s].invalid > 0) ? 2 : 0;
}

await run(main);
