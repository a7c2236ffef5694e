/**
 * An embedder wrapper that embeds each distinct text once, so the eval's
 * three engines (bm25 / vector / hybrid) over the same document share one
 * embedding pass, and a question embedded for `retrieve` is reused by `ask`.
 */
import type { Embedder } from '../embed/types.js';

/**
 * Memoise `inner` by text. No `dispose`: the caller owns the inner embedder.
 *
 * @example
 * const embedder = cachingEmbedder(await loadEmbedder({ ... }));
 */
export function cachingEmbedder(inner: Embedder): Embedder {
  const passages = new Map<string, Float32Array>();
  const queries = new Map<string, Float32Array>();
  return {
    id: inner.id,
    dim: inner.dim,
    async embedPassages(texts, onProgress) {
      const missing = [...new Set(texts.filter((t) => !passages.has(t)))];
      if (missing.length) {
        const vs = await inner.embedPassages(missing, onProgress);
        missing.forEach((t, i) => passages.set(t, vs[i]));
      }
      return texts.map((t) => passages.get(t)!);
    },
    async embedQuery(text) {
      let v = queries.get(text);
      if (!v) {
        v = await inner.embedQuery(text);
        queries.set(text, v);
      }
      return v;
    },
  };
}
