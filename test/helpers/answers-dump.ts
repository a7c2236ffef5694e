/**
 * Every answer of a fixed set of runs, one JSON line each (latency removed), so that a performance change can be
 * checked to leave answers byte-identical: run it before and after, then `cmp` the two files.
 *
 * Runs: the non-blind phrasing sets (tune, heldout, natural-*, whosaid-*; follow-ups included) on lexical engines
 * with soft matching on and off; `npm run bench`'s questions (its warm-up questions, then the measured ones) asked
 * alone on a fresh engine, again once it has settled, and as one conversation — lexical with soft matching on and
 * off and, when given, with an embedding model (`--model`, e.g. ../shared/models/minilm-l6-shape-random).
 *
 * @example
 * npx tsx test/helpers/answers-dump.ts --model ../shared/models/minilm-l6-shape-random > /tmp/before.jsonl
 * npx tsx test/helpers/answers-dump.ts --model ../shared/models/minilm-l6-shape-random --thread > /tmp/after.jsonl  # the model in its own thread
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { loadEmbedder } from '../../src/embed/load.js';
import type { Embedder } from '../../src/embed/types.js';
import { createEngine } from '../../src/engine/index.js';
import type { Engine } from '../../src/engine-api.js';
import { silentLogger } from '../../src/log.js';
import type { Answer, Conversation } from '../../src/types.js';
import { DEFAULT_DOC, ROOT } from './paths.js';
import { loadPhrasings } from './phrasings.js';

const SETS = ['tune', 'heldout', 'natural-tune', 'natural-heldout', 'whosaid-tune', 'whosaid-heldout'];

/** The bench's questions, read from src/cli/bench.ts (its warm-up list, then the measured list). */
function benchQuestions(): string[] {
  const src = readFileSync(path.join(ROOT, 'src/cli/bench.ts'), 'utf8');
  const list = (name: string) => {
    const at = src.indexOf(`const ${name} = [`);
    const body = src.slice(src.indexOf('[', at), src.indexOf('];', at) + 1);
    return JSON.parse(body.replace(/'((?:[^'\\]|\\.)*)'/g, (_, s: string) => JSON.stringify(s)).replace(/,\s*]/, ']')) as string[];
  };
  return [...list('WARM_UP_QUESTIONS'), ...list('QUESTIONS')];
}

const line = (run: string, q: string, a: Answer) => process.stdout.write(`${JSON.stringify({ run, q, answer: { ...a, latencyMs: undefined } })}\n`);

async function phrasingRuns(soft: 'on' | 'off'): Promise<void> {
  const config = loadConfig({ INDEX_DIR: '/nonexistent-never-written', EMBEDDING_MODEL: 'none', SOFT_MATCH: soft }, ROOT);
  const engines = new Map<string, Engine>();
  for (const set of SETS) {
    for (const p of loadPhrasings(set)) {
      let engine = engines.get(p.doc);
      if (!engine) {
        const file = p.doc === 'default' ? path.join(ROOT, DEFAULT_DOC) : path.join(ROOT, 'test/fixtures/coqa-cnn', `${p.doc}.txt`);
        const id = p.doc === 'default' ? DEFAULT_DOC : `${p.doc}.txt`;
        engines.set(p.doc, (engine = await createEngine({ config, logger: silentLogger(), embedder: null, documents: [{ id, path: id, text: readFileSync(file, 'utf8') }] })));
      }
      const c: Conversation = { id: 'p', turns: [] };
      for (const q of [...(p.after ?? []), p.q]) line(`${set}/soft-${soft}`, q, await engine.ask(q, c));
    }
  }
  for (const e of engines.values()) await e.close();
}

async function benchRuns(name: string, soft: 'on' | 'off', model: Embedder | null, modelName: string, dir: string): Promise<void> {
  // A view without dispose: closing an engine must not close the model the next run shares.
  const embedder: Embedder | null = model && { id: model.id, dim: model.dim, dtype: model.dtype, embedPassages: (t, p) => model.embedPassages(t, p), embedQuery: (t) => model.embedQuery(t) };
  const config = loadConfig({ INDEX_DIR: path.join(dir, `index-${name}`), DOCUMENTS: DEFAULT_DOC, EMBEDDING_MODEL: modelName, SOFT_MATCH: soft, ALLOW_REMOTE_MODELS: 'false', LOG_LEVEL: 'silent' }, ROOT);
  const questions = benchQuestions();
  // Alone on a fresh engine (its idle warm-up interleaved), alone once settled, and as one conversation.
  const fresh = await createEngine({ config, logger: silentLogger(), embedder });
  for (const q of questions) line(`bench/${name}/fresh`, q, await fresh.ask(q));
  await fresh.settled?.();
  for (const q of questions) line(`bench/${name}/settled`, q, await fresh.ask(q));
  await fresh.close();
  const talk = await createEngine({ config, logger: silentLogger(), embedder });
  const c: Conversation = { id: 'bench', turns: [] };
  for (const q of questions) line(`bench/${name}/conversation`, q, await talk.ask(q, c));
  await talk.close();
}

const at = process.argv.indexOf('--model');
const model = at > 0 ? process.argv[at + 1] : undefined;
const dir = mkdtempSync(path.join(os.tmpdir(), 'answers-dump-'));
try {
  for (const soft of ['on', 'off'] as const) await phrasingRuns(soft);
  for (const soft of ['on', 'off'] as const) await benchRuns(`lexical-soft-${soft}`, soft, null, 'none', dir);
  if (model) {
    const embedder = await loadEmbedder({ model, cacheDir: path.join(ROOT, 'embeddings/models'), allowRemote: false, logger: silentLogger(), root: ROOT, thread: process.argv.includes('--thread') });
    if (!embedder) throw new Error(`the model ${model} could not be loaded`);
    for (const soft of ['on', 'off'] as const) await benchRuns(`model-soft-${soft}`, soft, embedder, model, dir);
    await embedder.dispose();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
