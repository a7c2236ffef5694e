import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine/index.js';
import { SUMMARY_CACHE_MAX } from '../../src/engine/summary-cache.js';
import type { Engine } from '../../src/engine-api.js';
import { silentLogger } from '../../src/log.js';
import { hashEmbedder } from '../helpers/hash-embedder.js';
import { DEFAULT_DOC, DEFAULT_DOC_PATH, ROOT } from '../helpers/paths.js';

const TEXT = readFileSync(DEFAULT_DOC_PATH, 'utf8');
const embedder = hashEmbedder();
let engine: Engine;
beforeAll(async () => {
  const config = loadConfig({ INDEX_DIR: '/nonexistent-never-written', EMBEDDING_MODEL: 'none' }, ROOT);
  engine = await createEngine({ config, logger: silentLogger(), embedder, documents: [{ id: DEFAULT_DOC, path: DEFAULT_DOC, text: TEXT }] });
});

/** Texts the embedder was asked for while `f` ran (a computed summary embeds its candidate sentences). */
async function embeddedDuring<T>(f: () => Promise<T>): Promise<{ value: T; embedded: number }> {
  const before = embedder.embedded;
  const value = await f();
  return { value, embedded: embedder.embedded - before };
}

describe('summaries are cached per engine, bounded', () => {
  it('given a summary just made, when the same one is asked again, then it is not recomputed and is the same summary', async () => {
    const first = await embeddedDuring(() => engine.summarize({ length: 'short' }));
    expect(first.embedded).toBeGreaterThan(0);
    const again = await embeddedDuring(() => engine.summarize({ length: 'short' }));
    expect(again.embedded).toBe(0);
    expect(again.value).toEqual(first.value);
  });

  it('given a cached summary, when another length, focus or paragraph is asked, then that one is computed', async () => {
    await engine.summarize({ length: 'medium' });
    expect((await embeddedDuring(() => engine.summarize({ length: 'long' }))).embedded).toBeGreaterThan(0);
    expect((await embeddedDuring(() => engine.summarize({ length: 'medium', focus: 'regional organizations' }))).embedded).toBeGreaterThan(0);
    const para = await embeddedDuring(() => engine.ask('Summarize paragraph 3'));
    expect(para.embedded).toBeGreaterThan(0);
    expect(new Set(para.value.quotes.map((q) => q.paragraph))).toEqual(new Set([3]));
  });

  it('given a returned summary changed by the caller, when asked again, then the cached one is intact', async () => {
    const a = await engine.summarize({ length: 'short' });
    const quotes = a.summary.length;
    a.summary.length = 0;
    a.text = 'changed';
    const b = await engine.summarize({ length: 'short' });
    expect(b.summary.length).toBe(quotes);
    expect(b.text).not.toBe('changed');
  });

  it(`given more than ${SUMMARY_CACHE_MAX} different summaries, then the least recently used is dropped and the rest kept`, async () => {
    for (let i = 0; i <= SUMMARY_CACHE_MAX; i++) await engine.summarize({ length: 'short', focus: `Annan ${i}` });
    // The latest ones are still cached; 'Annan 0', the least recently used, was dropped.
    expect((await embeddedDuring(() => engine.summarize({ length: 'short', focus: `Annan ${SUMMARY_CACHE_MAX}` }))).embedded).toBe(0);
    expect((await embeddedDuring(() => engine.summarize({ length: 'short', focus: 'Annan 2' }))).embedded).toBe(0);
    expect((await embeddedDuring(() => engine.summarize({ length: 'short', focus: 'Annan 0' }))).embedded).toBeGreaterThan(0);
  });
});
