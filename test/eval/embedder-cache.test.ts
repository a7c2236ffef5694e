import { describe, expect, it } from 'vitest';
import type { Embedder } from '../../src/embed/types.js';
import { cachingEmbedder } from '../../src/eval/embedder-cache.js';

function countingEmbedder() {
  const calls = { passages: [] as string[][], queries: [] as string[] };
  const vec = (t: string) => new Float32Array([t.length, 1]);
  const inner: Embedder = {
    id: 'fake',
    dim: 2,
    async embedPassages(texts) {
      calls.passages.push(texts);
      return texts.map(vec);
    },
    async embedQuery(text) {
      calls.queries.push(text);
      return vec(text);
    },
    async dispose() {
      throw new Error('must not be called through the cache');
    },
  };
  return { inner, calls };
}

describe('cachingEmbedder', () => {
  it('given the same passages embedded by three engines, when cached, then each distinct text reaches the model once and order is kept', async () => {
    const { inner, calls } = countingEmbedder();
    const e = cachingEmbedder(inner);
    const a = await e.embedPassages(['aa', 'b', 'aa']);
    const b = await e.embedPassages(['b', 'ccc', 'aa']);
    expect(calls.passages).toEqual([['aa', 'b'], ['ccc']]);
    expect(a.map((v) => v[0])).toEqual([2, 1, 2]);
    expect(b.map((v) => v[0])).toEqual([1, 3, 2]);
    expect(b[2]).toBe(a[0]);
    expect(e.id).toBe('fake');
    expect(e.dim).toBe(2);
    expect(e.dispose).toBeUndefined();
  });

  it('given a repeated query, when embedded, then it reaches the model every time (so measured latency includes it)', async () => {
    const { inner, calls } = countingEmbedder();
    const e = cachingEmbedder(inner);
    await e.embedQuery('who?');
    await e.embedQuery('who?');
    expect(calls.queries).toEqual(['who?', 'who?']);
  });
});
