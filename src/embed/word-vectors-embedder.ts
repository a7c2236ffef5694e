/**
 * The word-vector embedder: a text's vector is the weighted mean of its
 * content words' GloVe-derived vectors (./word-vectors.ts), unit-normalised.
 * Weights are smooth inverse frequency (Arora et al. 2017), a / (a + p(w)),
 * with p(w) from the word's frequency rank (Zipf), so frequent words count
 * less, like IDF, without needing corpus statistics. Stopwords and words
 * without a vector are skipped; a text with none gets the zero vector.
 * It serves as the vector side of hybrid retrieval when no transformer
 * model is available (`EMBEDDING_MODEL=word-vectors`).
 *
 * @example
 * const e = createWordVectorEmbedder(loadWordVectors({ root }));
 * const q = await e.embedQuery('Who is the biggest employer?');
 */
import path from 'node:path';
import { term, wordsOf, TERMS_VERSION } from '../retrieve/terms.js';
import type { UserError } from '../errors.js';
import type { Logger } from '../log.js';
import type { TransformersEmbedder } from './load.js';
import { WORD_VECTORS_MODEL, type Embedder } from './types.js';
import { loadWordVectors, type WordVectors } from './word-vectors.js';

export { WORD_VECTORS_MODEL };

/** SIF's a; GloVe 6B has 400k words, so p(rank) = 1 / (rank · H₄₀₀ₖ). */
const SIF_A = 1e-4;
const HARMONIC = Math.log(400_000) + 0.5772;

export const sifWeight = (rank: number) => SIF_A / (SIF_A + 1 / (rank * HARMONIC));

export function createWordVectorEmbedder(vectors: WordVectors): Embedder & { readonly vectors: WordVectors } {
  const dim = vectors.dim;
  const embed = (text: string): Float32Array => {
    const out = new Float32Array(dim);
    for (const w of wordsOf(text)) {
      if (!term(w)) continue;
      const v = vectors.vector(w);
      if (!v) continue;
      const weight = sifWeight(vectors.rank(w)!);
      for (let d = 0; d < dim; d++) out[d]! += weight * v[d]!;
    }
    let norm = 0;
    for (let d = 0; d < dim; d++) norm += out[d]! * out[d]!;
    norm = Math.sqrt(norm);
    if (norm > 0) for (let d = 0; d < dim; d++) out[d]! /= norm;
    return out;
  };
  return {
    // The file and the term normaliser define the vector space (the manifest records this id).
    id: `${WORD_VECTORS_MODEL}:${path.basename(vectors.file)}+${TERMS_VERSION}`,
    dim,
    dtype: 'int8',
    vectors,
    async embedPassages(texts, onProgress) {
      const out = texts.map(embed);
      onProgress?.(texts.length, texts.length);
      return out;
    },
    async embedQuery(text) {
      return embed(text);
    },
  };
}

/**
 * Load the word-vector embedder for `EMBEDDING_MODEL=word-vectors`, shaped like a
 * transformers.js one (mean pooling, no prefixes). Returns null after ONE warning
 * when the file is missing or corrupt, so the caller answers lexically.
 */
export function loadWordVectorEmbedder(opts: { root?: string; file?: string; logger: Pick<Logger, 'info' | 'warn'> }): TransformersEmbedder | null {
  const started = performance.now();
  let vectors: WordVectors;
  try {
    vectors = loadWordVectors({ root: opts.root, file: opts.file });
  } catch (e) {
    opts.logger.warn({ model: WORD_VECTORS_MODEL, code: (e as UserError).code }, `${(e as Error).message} Answering with lexical retrieval only.`);
    return null;
  }
  const e = createWordVectorEmbedder(vectors);
  opts.logger.info({ model: e.id, dim: e.dim, words: vectors.size, loadMs: Math.round(performance.now() - started) }, 'word vectors loaded');
  return { ...e, dtype: 'int8', pooling: 'mean', queryPrefix: '', passagePrefix: '', source: 'folder', location: path.dirname(vectors.file), batchSize: 1, dispose: async () => {} };
}
