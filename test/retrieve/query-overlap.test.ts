/**
 * With the model in its own thread, the search runs BM25 while the query's vector is pending, and a vector started
 * ahead (embedAhead) is used only for a search of exactly its text.
 */
import { describe, expect, it } from 'vitest';
import type { Embedder } from '../../src/embed/types.js';
import type { LoadedIndex } from '../../src/index/store.js';
import { createRetriever } from '../../src/retrieve/retrieve.js';

/** Just enough of an index: one chunk, a BM25 side that records when it ran, and a vector side. */
function fakeIndex(events: string[]) {
  const chunk = { id: 'c1', docId: 'd', start: 0, end: 10 };
  return {
    manifest: { model: 'test/model' },
    chunkById: new Map([['c1', chunk]]),
    lexical: { search: () => (events.push('bm25'), [{ id: 'c1', score: 1 }]) },
    vectors: { search: () => (events.push('vectors'), [{ id: 'c1', score: 0.5 }]) },
  } as unknown as LoadedIndex;
}

/** An embedder whose queries resolve only when the test says so. */
function heldEmbedder(events: string[], offThread: boolean) {
  const release: (() => void)[] = [];
  const e: Embedder = {
    id: 'test/model',
    dim: 2,
    offThread,
    embedPassages: async () => [],
    embedQuery: (text) => {
      events.push(`embed:${text}`);
      return new Promise((resolve) => release.push(() => (events.push(`embedded:${text}`), resolve(new Float32Array([1, 0])))));
    },
  };
  return { e, release };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('createRetriever with an off-thread model', () => {
  it('given a pending query vector, when searching, then BM25 has run before the vector arrives', async () => {
    const events: string[] = [];
    const { e, release } = heldEmbedder(events, true);
    const searching = createRetriever({ index: fakeIndex(events), embedder: e }).search('annan', 5);
    await tick();
    expect(events).toEqual(['embed:annan', 'bm25']);
    release.forEach((r) => r());
    const passages = await searching;
    expect(events).toEqual(['embed:annan', 'bm25', 'embedded:annan', 'vectors']);
    expect(passages[0]).toMatchObject({ bm25: 1, cosine: 0.5 });
  });

  it('given a vector started ahead, when searching for that text, then it is used; for another text, the search embeds its own', async () => {
    const events: string[] = [];
    const { e, release } = heldEmbedder(events, true);
    const r = createRetriever({ index: fakeIndex(events), embedder: e });
    const ahead = r.embedAhead('What did Annan say?');
    expect(ahead?.text).toBe('What did Annan say?');
    const same = r.search('What did Annan say?', 5, ahead);
    const other = r.search('annan say', 5, ahead);
    release.forEach((x) => x());
    await Promise.all([same, other]);
    expect(events.filter((x) => x.startsWith('embed:'))).toEqual(['embed:What did Annan say?', 'embed:annan say']);
  });

  it('given a model on this thread or lexical retrieval, when asked to embed ahead, then nothing is started', () => {
    const events: string[] = [];
    expect(createRetriever({ index: fakeIndex(events), embedder: heldEmbedder(events, false).e }).embedAhead('x')).toBeUndefined();
    expect(createRetriever({ index: fakeIndex(events), embedder: heldEmbedder(events, true).e, mode: 'bm25' }).embedAhead('x')).toBeUndefined();
    expect(events).toEqual([]);
  });
});
