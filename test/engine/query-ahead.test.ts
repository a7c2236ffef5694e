/**
 * With the model in its own thread (Embedder.offThread), a question's embedding starts as soon as it is asked and
 * runs while it is understood and BM25 runs; the answers are those of the model on the answering thread, follow-ups
 * and quote requests (searched for in other words than asked) included.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { loadEmbedder } from '../../src/embed/load.js';
import type { Embedder } from '../../src/embed/types.js';
import { createEngine } from '../../src/engine/index.js';
import type { Engine } from '../../src/engine-api.js';
import { silentLogger } from '../../src/log.js';
import type { Answer, Conversation } from '../../src/types.js';
import { tempDir, tinyModelDir } from '../embed/helpers.js';
import { hashEmbedder } from '../helpers/hash-embedder.js';
import { DEFAULT_DOC, DEFAULT_DOC_PATH, ROOT } from '../helpers/paths.js';

const TEXT = readFileSync(DEFAULT_DOC_PATH, 'utf8');
const config = loadConfig({ INDEX_DIR: '/nonexistent-never-written', EMBEDDING_MODEL: 'none' }, ROOT);
const open = (embedder: Embedder) => createEngine({ config, logger: silentLogger(), embedder, documents: [{ id: DEFAULT_DOC, path: DEFAULT_DOC, text: TEXT }], idleWork: false, warmUp: false });
const engines: Engine[] = [];
afterAll(async () => {
  await Promise.all(engines.map((e) => e.close()));
});

/** The hash embedder, as if run elsewhere: each query resolves only after a timer, and every call is recorded. */
function offThreadEmbedder(delayMs = 5) {
  const base = hashEmbedder();
  const calls: string[] = [];
  const e: Embedder = {
    id: base.id,
    dim: base.dim,
    offThread: true,
    embedPassages: (texts, onProgress) => base.embedPassages(texts, onProgress),
    embedQuery(text) {
      calls.push(text);
      return new Promise((resolve) => setTimeout(() => resolve(base.embedQuery(text)), delayMs));
    },
  };
  return { embedder: e, calls };
}

/** A conversation's answers, without their timings. */
async function talk(engine: Engine, questions: string[]): Promise<Answer[]> {
  const c: Conversation = { id: 'c', turns: [] };
  const out: Answer[] = [];
  for (const q of questions) out.push({ ...(await engine.ask(q, c)), latencyMs: undefined });
  return out;
}

/** Searched for as asked, and not: a follow-up ("he"), a quote request (its topic), a typo ("Anan"), a chat message. */
const QUESTIONS = [
  'What did Annan tell the Council?',
  'What did he say about mediation efforts?',
  'And what about prevention?',
  'Quote the passage about capacities',
  'What did Anan recommend?',
  'What did the cops find?',
  'thanks!',
  'Which organizations attended the meeting?',
  'Where was it held?',
  'Who said polarized initiatives should be replaced?',
];

describe('embedding the query ahead (model in its own thread)', () => {
  it('given an off-thread model, when a question is asked, then its embedding has started before the question is understood', async () => {
    const { embedder, calls } = offThreadEmbedder();
    const engine = await open(embedder);
    engines.push(engine);
    const pending = engine.ask('What did Annan tell the Council?');
    // Nothing has been awaited yet: the only code run is ask's synchronous start.
    expect(calls).toEqual(['What did Annan tell the Council?']);
    await pending;
    expect(calls).toEqual(['What did Annan tell the Council?']); // the search used it: not embedded twice
  });

  it('given an off-thread model, when a question is searched for in other words, then that text is embedded too and the early one goes unused', async () => {
    const { embedder, calls } = offThreadEmbedder();
    const engine = await open(embedder);
    engines.push(engine);
    await engine.ask('Quote the passage about capacities');
    expect(calls[0]).toBe('Quote the passage about capacities');
    expect(calls.length).toBe(2);
    expect(calls[1]).not.toBe(calls[0]);
  });

  it('given an off-thread model, when a question is corrected for the lexical side ("Anan" → annan), then the model embeds it once, as written', async () => {
    const { embedder, calls } = offThreadEmbedder();
    const engine = await open(embedder);
    engines.push(engine);
    for (const q of ['What did Anan recommend?', 'What did Anan tell the Council?']) {
      calls.length = 0;
      await engine.ask(q);
      expect(calls).toEqual([q]);
    }
  });

  it('given a model on the answering thread, when a corrected question is asked, then the model embeds it as written too (the same answers either way)', async () => {
    const base = hashEmbedder();
    const calls: string[] = [];
    const engine = await open({ ...base, embedQuery: (t) => (calls.push(t), base.embedQuery(t)) });
    engines.push(engine);
    await engine.ask('What did Anan recommend?');
    expect(calls).toEqual(['What did Anan recommend?']);
  });

  it('given a model on the answering thread, when a question is asked, then nothing is embedded ahead (only what is searched for)', async () => {
    const base = hashEmbedder();
    const calls: string[] = [];
    const engine = await open({ ...base, embedQuery: (t) => (calls.push(t), base.embedQuery(t)) });
    engines.push(engine);
    await engine.ask('Quote the passage about capacities');
    expect(calls).toEqual(['capacities']); // its topic, searched for; not the message as asked
  });

  it('given the same questions, when answered with the query embedded ahead and without, then every answer is the same', async () => {
    const here = await open(hashEmbedder());
    const there = await open(offThreadEmbedder().embedder);
    engines.push(here, there);
    expect(await talk(there, QUESTIONS)).toEqual(await talk(here, QUESTIONS));
  });

  it('given the tiny model in its own thread and on this thread, when the same conversation is asked, then the answers are the same', async () => {
    const opts = { model: tinyModelDir, cacheDir: tempDir(), allowRemote: false, logger: silentLogger() };
    const inThread = (await loadEmbedder(opts))!;
    const threaded = (await loadEmbedder({ ...opts, thread: true }))!;
    expect(threaded.offThread).toBe(true);
    expect(inThread.offThread).toBe(false);
    const here = await open(inThread);
    const there = await open(threaded);
    engines.push(here, there);
    expect(await talk(there, QUESTIONS)).toEqual(await talk(here, QUESTIONS));
  }, 60_000);
});
