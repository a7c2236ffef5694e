/**
 * A warm engine's answers do no one-time work: what the question path loads or compiles on first use is done in
 * idle time (src/select/warm.ts), not on some user's question. `npm run bench -- --latency-only` measures the
 * p95 of warm answers; one module loaded on a question (the language identifier, ~15–40 ms) was one of its
 * three slowest answers out of 50.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine/index.js';
import { silentLogger } from '../../src/log.js';
import { DEFAULT_DOC_PATH, ROOT } from '../helpers/paths.js';

// Questions of the bench's kinds, among them ones too short in English function words to tell their language
// without the identifier ("Was NATO mentioned?"), names the document never uses, and other languages.
const QUESTIONS = ['Was NATO mentioned?', 'How tall is Mount Everest?', 'Who won the football match?', 'What did Annan say about climate change?', 'Wer hat Annan getroffen?', 'Annan multilateralism partnerships?'];
const config = loadConfig({ INDEX_DIR: '/nonexistent-never-written', EMBEDDING_MODEL: 'none', LOG_LEVEL: 'silent' }, ROOT);
const text = readFileSync(DEFAULT_DOC_PATH, 'utf8');
/** Node's CommonJS module cache (where the lazily required packages — tinyld, compromise — land). */
const loadedModules = () => new Set(Object.keys(createRequire(import.meta.url).cache));

describe('a warm engine answers without first-use work', () => {
  it('given an engine that has answered once and settled, when asked questions that need the language identifier, then no module is loaded while answering', { timeout: 60_000 }, async () => {
    const engine = await createEngine({ config, logger: silentLogger(), embedder: null, documents: [{ id: 'd', path: 'd', text }] });
    await engine.ask('What did Annan tell the Council?');
    await engine.settled!();
    const before = loadedModules();
    for (const q of QUESTIONS) await engine.ask(q);
    const loaded = [...loadedModules()].filter((m) => !before.has(m));
    expect(loaded).toEqual([]);
    await engine.close();
  });
});
