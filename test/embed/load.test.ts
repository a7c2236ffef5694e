/**
 * The real transformers.js loading and embedding path, on the tiny model the
 * repo ships (test/fixtures/tiny-model): local folder, no network.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEmbedder, type TransformersEmbedder } from '../../src/embed/load.js';
import { copyTinyModel, dot, maxAbsDiff, norm, repoRoot, spyLogger, tempDir, tinyModelDir } from './helpers.js';

const cacheDir = tempDir('verbatim-empty-cache-');
const opened: TransformersEmbedder[] = [];

async function open(extra: Partial<Parameters<typeof loadEmbedder>[0]> = {}): Promise<TransformersEmbedder> {
  const { logger } = spyLogger();
  const e = await loadEmbedder({ model: tinyModelDir, cacheDir, allowRemote: false, logger, ...extra });
  if (!e) throw new Error('tiny model did not load');
  opened.push(e);
  return e;
}

afterAll(async () => {
  await Promise.all(opened.map((e) => e.dispose?.()));
});

const passages = [
  'Secretary-General Kofi Annan told the Security Council that regional organizations must work closely with the UN.',
  'The weather in the mountains was cold and the roads were closed for a week.',
  'Delegates discussed partnerships between the United Nations and regional organizations.',
  'Music and art festivals attract many visitors every summer.',
  'Short.',
];

describe('loadEmbedder on the tiny model (local folder, offline)', () => {
  let e: TransformersEmbedder;
  let logs: ReturnType<typeof spyLogger>;
  beforeAll(async () => {
    logs = spyLogger();
    const loaded = await loadEmbedder({ model: tinyModelDir, cacheDir, allowRemote: false, batchSize: 2, logger: logs.logger });
    if (!loaded) throw new Error('tiny model did not load');
    e = loaded;
    opened.push(e);
  });

  it('given the folder, when loaded, then it reports its id, 64 dims, fp32, mean pooling and no warning', () => {
    expect(e.id).toBe(tinyModelDir);
    expect(e.dim).toBe(64);
    expect(e.dtype).toBe('fp32');
    expect(e.pooling).toBe('mean');
    expect(e.source).toBe('folder');
    expect(e.queryPrefix).toBe('');
    expect(e.passagePrefix).toBe('');
    expect(logs.calls.warn).not.toHaveBeenCalled();
    expect(logs.calls.info).toHaveBeenCalledTimes(1);
  });

  it('given passages, when embedded, then each vector is a unit-length Float32Array of the model dimension', async () => {
    const vs = await e.embedPassages(passages);
    expect(vs).toHaveLength(passages.length);
    for (const v of vs) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v.length).toBe(64);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
    // different texts, different vectors
    expect(dot(vs[0], vs[1])).toBeLessThan(0.99);
  });

  it('given batch size 2 and texts of mixed lengths, when embedded together, then each equals its single embedding in input order', async () => {
    const batched = await e.embedPassages(passages);
    for (let i = 0; i < passages.length; i++) {
      const [single] = await e.embedPassages([passages[i]]);
      expect(maxAbsDiff(batched[i], single)).toBeLessThan(1e-6);
    }
  });

  it('given a progress callback, when embedding 5 texts in batches of 2, then it reports 2, 4, 5 of 5', async () => {
    const seen: [number, number][] = [];
    await e.embedPassages(passages, (done, total) => seen.push([done, total]));
    expect(seen).toEqual([
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
  });

  it('given no passages, when embedded, then the result is empty', async () => {
    await expect(e.embedPassages([])).resolves.toEqual([]);
  });

  it('given no prefixes, when the same text is embedded as query and as passage, then the vectors are equal', async () => {
    const q = await e.embedQuery(passages[2]);
    const [p] = await e.embedPassages([passages[2]]);
    expect(maxAbsDiff(q, p)).toBeLessThan(1e-6);
  });

  it('given a question about Annan and the Council, when ranked by cosine, then the passage sharing its words ranks first (bag-of-words model)', async () => {
    const q = await e.embedQuery('What did Annan tell the Security Council?');
    const vs = await e.embedPassages(passages);
    const scores = vs.map((v) => dot(q, v));
    expect(scores.indexOf(Math.max(...scores))).toBe(0);
  });

  it('given concurrent calls, when they overlap, then each resolves with its own text’s vector', async () => {
    const [a, b, [c]] = await Promise.all([e.embedQuery(passages[0]), e.embedQuery(passages[1]), e.embedPassages([passages[0]])]);
    expect(maxAbsDiff(a, c)).toBeLessThan(1e-6);
    expect(dot(a, b)).toBeLessThan(0.99);
  });
});

describe('prefixes and pooling', () => {
  it('given a query prefix override, when a query is embedded, then it equals the prefixed text embedded as a passage without prefix', async () => {
    const plain = await open();
    const prefixed = await open({ queryPrefix: 'query: ', passagePrefix: 'passage: ' });
    expect(prefixed.queryPrefix).toBe('query: ');
    const text = 'Where was the meeting held?';
    const q = await prefixed.embedQuery(text);
    const [expected] = await plain.embedPassages([`query: ${text}`]);
    expect(maxAbsDiff(q, expected)).toBeLessThan(1e-6);
    const [withoutPrefix] = await plain.embedPassages([text]);
    expect(maxAbsDiff(q, withoutPrefix)).toBeGreaterThan(1e-3);
  });

  it('given a passage prefix override, when passages are embedded, then the prefix is added to each and queries differ from passages', async () => {
    const plain = await open();
    const prefixed = await open({ queryPrefix: 'query: ', passagePrefix: 'passage: ' });
    const text = 'Regional organizations and the United Nations';
    const [p] = await prefixed.embedPassages([text]);
    const [expected] = await plain.embedPassages([`passage: ${text}`]);
    expect(maxAbsDiff(p, expected)).toBeLessThan(1e-6);
    const q = await prefixed.embedQuery(text);
    expect(maxAbsDiff(p, q)).toBeGreaterThan(1e-3);
  });

  it('given a model folder named like an Arctic-embed model, when loaded, then the family table applies CLS pooling and the query instruction', async () => {
    const dir = copyTinyModel(path.join(tempDir(), 'snowflake-arctic-embed-xs'));
    const e = await open({ model: dir });
    expect(e.pooling).toBe('cls');
    expect(e.queryPrefix).toBe('Represent this sentence for searching relevant passages: ');
    expect(e.passagePrefix).toBe('');
    // On the tiny model CLS pooling returns the [CLS] token's vector whatever the text: observable proof of the pooling used.
    const [a, b] = await e.embedPassages(['Annan told the Council.', 'The weather was cold.']);
    expect(maxAbsDiff(a, b)).toBeLessThan(1e-6);
  });

  it('given a relative folder path and a root, when loaded, then it resolves against the root', async () => {
    const e = await open({ model: path.relative(repoRoot, tinyModelDir), root: repoRoot });
    expect(e.location).toBe(tinyModelDir);
    expect(e.dim).toBe(64);
  });
});
