/**
 * Runs the phrasing sets (test/fixtures/phrasings/) through the engine and
 * judges each answer against its expectation. Shared by the test and by
 * `npx tsx test/helpers/phrasings.ts tune` (prints what went wrong).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine/index.js';
import type { Engine } from '../../src/engine-api.js';
import { silentLogger } from '../../src/log.js';
import { loadEmbedder } from '../../src/embed/load.js';
import type { Embedder } from '../../src/embed/types.js';
import { cachingEmbedder } from '../../src/eval/embedder-cache.js';
import type { Answer, Conversation } from '../../src/types.js';
import { DEFAULT_DOC_PATH, ROOT } from './paths.js';

export interface Phrasing {
  doc: string;
  q: string;
  expect: string;
  after?: string[];
}

/** A phrasing set by its file name in test/fixtures/phrasings/ (without `.jsonl`), e.g. `tune`, `heldout-3`. */
export function loadPhrasings(split: string): Phrasing[] {
  return readFileSync(path.join(ROOT, 'test/fixtures/phrasings', `${split}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Phrasing);
}

const docPath = (doc: string) => (doc === 'default' ? DEFAULT_DOC_PATH : path.join(ROOT, 'test/fixtures/coqa-cnn', `${doc}.txt`));

/** A phrasing set's document as the engine is given it: `default` is the UN News article, anything else a coqa-cnn story. */
export function phrasingDocument(doc: string): { id: string; path: string; text: string } {
  const id = doc === 'default' ? 'documents/un-news-annan-regional-cooperation.txt' : `${doc}.txt`;
  return { id, path: id, text: readFileSync(docPath(doc), 'utf8') };
}

/** Why an answer does not meet its expectation, or null when it does. */
export function judge(p: Phrasing, a: Answer, text: string): string | null {
  const [kind, arg = ''] = p.expect.split(':');
  const paras = a.quotes.map((q) => q.paragraph);
  const wanted = arg.split('|').map(Number);
  for (const q of a.quotes) if (text.slice(q.start, q.end) !== q.quote) return 'quote not verbatim';
  switch (kind) {
    case 'q':
    case 'quote':
      if (a.refused) return `refused (${a.reason})`;
      if (kind === 'quote' && a.intent !== 'quote') return `intent ${a.intent}`;
      return paras.some((n) => wanted.includes(n)) ? null : `quoted ¶${paras.join(',¶')}`;
    case 'para':
      if (a.refused || a.intent !== 'paragraph') return `intent ${a.intent}, refused ${a.refused}`;
      // `para:3+8`: several paragraphs asked for at once, each whole, in that order.
      if (arg.includes('+')) return paras.join('+') === arg ? null : `quoted ¶${paras.join(',¶')}`;
      return paras.length === 1 && paras[0] === wanted[0] ? null : `quoted ¶${paras.join(',¶')}`;
    case 'sum':
      if (a.refused || a.intent !== 'summary') return `intent ${a.intent}, refused ${a.refused}`;
      if (arg) return paras.length && paras.every((n) => n === wanted[0]) ? null : `summary of ¶${paras.join(',¶')}`;
      return new Set(paras).size >= 2 ? null : `summary of ¶${paras.join(',¶')}`;
    case 'who': {
      if (a.refused) return `refused (${a.reason})`;
      const speaker = a.quotes[0]?.attribution?.speaker ?? '';
      return speaker.toLowerCase().includes(arg.toLowerCase()) ? null : `speaker "${speaker}" (¶${paras.join(',¶')})`;
    }
    case 'refuse':
      return a.refused && !a.quotes.length ? null : `answered ¶${paras.join(',¶')} (confidence ${a.confidence?.toFixed(2)})`;
    case 'chat':
      return !a.refused && !a.quotes.length && a.intent === 'chat' ? null : `intent ${a.intent}, ${a.quotes.length} quotes`;
    case 'lang':
      return /English/.test(a.note ?? '') ? null : 'no English-only note';
  }
  return `unknown expectation ${p.expect}`;
}

export interface PhrasingResult {
  p: Phrasing;
  problem: string | null;
  answer: Answer;
}

/** `embedder`: hybrid retrieval with this model (default none: lexical, as the floors are measured). */
export async function runPhrasings(set: Phrasing[], opts: { embedder?: Embedder | null } = {}): Promise<PhrasingResult[]> {
  const config = loadConfig({ INDEX_DIR: '/nonexistent-never-written', EMBEDDING_MODEL: 'none' }, ROOT);
  const engines = new Map<string, { engine: Engine; text: string }>();
  const out: PhrasingResult[] = [];
  for (const p of set) {
    let e = engines.get(p.doc);
    if (!e) {
      const document = phrasingDocument(p.doc);
      e = { engine: await createEngine({ config, logger: silentLogger(), embedder: opts.embedder ?? null, documents: [document] }), text: document.text };
      engines.set(p.doc, e);
    }
    const c: Conversation = { id: 'p', turns: [] };
    for (const q of p.after ?? []) await e.engine.ask(q, c);
    const answer = await e.engine.ask(p.q, c);
    out.push({ p, problem: judge(p, answer, e.text), answer });
  }
  return out;
}

if (process.argv[1]?.endsWith('phrasings.ts')) {
  const split = process.argv[2] ?? 'tune';
  // --model ID: the same set with hybrid retrieval on that embedding model (e.g. use-lite).
  const m = process.argv.indexOf('--model');
  const model = m > 0 ? process.argv[m + 1] : undefined;
  const loaded = model ? await loadEmbedder({ model, cacheDir: 'embeddings/models', allowRemote: false, logger: silentLogger(), root: ROOT }) : null;
  if (model && !loaded) throw new Error(`the embedding model ${model} could not be loaded`);
  const results = await runPhrasings(loadPhrasings(split), { embedder: loaded && cachingEmbedder(loaded) });
  const bad = results.filter((r) => r.problem);
  // --quiet: counts only (for a held-out set, so that nobody tunes on its items).
  if (!process.argv.includes('--quiet')) for (const r of bad) console.log(`✗ [${r.p.doc}] ${r.p.q}  — expected ${r.p.expect}: ${r.problem}`);
  const kinds = new Map<string, [number, number]>();
  for (const r of results) {
    const k = r.p.expect.split(':')[0]!;
    const [ok, n] = kinds.get(k) ?? [0, 0];
    kinds.set(k, [ok + (r.problem ? 0 : 1), n + 1]);
  }
  console.log([...kinds].map(([k, [ok, n]]) => `${k} ${ok}/${n}`).join(' · '));
  console.log(`${split}${model ? ` (hybrid, ${model})` : ''}: ${results.length - bad.length}/${results.length} handled right (${((100 * (results.length - bad.length)) / results.length).toFixed(1)}%)`);
  await loaded?.dispose?.();
}
