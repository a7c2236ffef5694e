/**
 * An embedder that loads its model on first use. The bot's main thread needs
 * the model only when a server builds or searches its own documents (/docs):
 * the default corpus is answered in a worker thread, which has its own. Until
 * then this costs nothing; the worker's index already says which model and
 * dimension to expect, so the vector space is known before loading.
 *
 * @example
 * const e = lazyEmbedder(() => loadModel(opts), { key: about.model!, dim: about.dim! });
 * modelKey(e); // as recorded in the index, without loading anything
 * await e.embedQuery('…'); // loads the model once, then embeds
 */
import { modelKey, type Embedder } from './types.js';

/** The id and precision a {@link modelKey} names ("model (q8)" → { id: 'model', dtype: 'q8' }). */
export function parseModelKey(key: string): { id: string; dtype?: string } {
  const m = /^(.*) \((\w+)\)$/.exec(key);
  return m ? { id: m[1]!, dtype: m[2]! } : { id: key };
}

export function lazyEmbedder(load: () => Promise<Embedder | null>, space: { key: string; dim: number; offThread?: boolean }): Embedder {
  const { id, dtype } = parseModelKey(space.key);
  let loading: Promise<Embedder> | undefined;
  let loaded: Embedder | undefined;
  const model = () =>
    (loading ??= load().then((e) => {
      if (!e) throw new Error(`the embedding model ${space.key} could not be loaded`);
      if (modelKey(e) !== space.key || e.dim !== space.dim) {
        throw new Error(`the embedding model loaded as ${modelKey(e)} (${e.dim} dimensions), not ${space.key} (${space.dim}) as expected`);
      }
      return (loaded = e);
    }));
  return {
    id,
    dim: space.dim,
    ...(dtype && { dtype }),
    embedPassages: async (texts, onProgress) => (await model()).embedPassages(texts, onProgress),
    // Once loaded, called at once (not after an await): an off-thread model starts before the caller's next line.
    embedQuery: (text) => (loaded ? loaded.embedQuery(text) : model().then((e) => e.embedQuery(text))),
    /** As the model will run (`space.offThread`), then as it does. */
    get offThread() {
      return loaded ? !!loaded.offThread : !!space.offThread;
    },
    async dispose() {
      const e = await loading?.catch(() => undefined);
      await e?.dispose?.();
    },
  };
}
