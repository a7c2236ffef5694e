/**
 * An embedder wrapper that embeds each distinct text once, so the eval's
 * three engines (bm25 / vector / hybrid) over the same document share one
 * passage-embedding pass. Queries go straight to the model (latency stays real).
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
  return {
    id: inner.id,
    dim: inner.dim,
    dtype: inner.dtype,
    async embedPassages(texts, onProgress) {
      const missing = [...new Set(texts.filter((t) => !passages.has(t)))];
      if (missing.length) {
        const vs = await inner.embedPassages(missing, onProgress);
        missing.forEach((t, i) => passages.set(t, vs[i]));
      }
      return texts.map((t) => passages.get(t)!);
    },
    // Queries are not cached: every ask pays for its own query embedding, so latency stays honest.
    embedQuery: (text) => inner.embedQuery(text),
  };
}
