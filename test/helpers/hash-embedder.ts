import type { Embedder } from '../../src/embed/types.js';
import { terms } from '../../src/retrieve/terms.js';

/**
 * A deterministic bag-of-terms embedder for store/retrieval tests that are
 * about bookkeeping, not model loading (the real transformers.js path is
 * tested in test/embed on the tiny fixture model). Counts its calls.
 */
export function hashEmbedder(id = 'test/hash-embedder', dim = 64): Embedder & { embedded: number } {
  const vec = (text: string) => {
    const v = new Float32Array(dim);
    for (const t of terms(text)) {
      let h = 2166136261;
      for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 16777619);
      v[(h >>> 0) % dim] += 1;
    }
    const n = Math.hypot(...v) || 1;
    return v.map((x) => x / n);
  };
  const e = {
    id,
    dim,
    embedded: 0,
    async embedPassages(texts: string[], onProgress?: (d: number, t: number) => void) {
      e.embedded += texts.length;
      onProgress?.(texts.length, texts.length);
      return texts.map(vec);
    },
    async embedQuery(text: string) {
      return vec(text);
    },
  };
  return e;
}
