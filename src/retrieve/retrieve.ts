/**
 * Hybrid retrieval: BM25 (MiniSearch) and vector search (dot product over
 * unit vectors), fused by reciprocal rank fusion. Either side alone is a
 * mode of its own (the evaluation's baselines); without vectors, hybrid is
 * lexical.
 */
import { modelKey, type Embedder } from '../embed/types.js';
import type { LoadedIndex } from '../index/store.js';
import type { VectorStore } from '../index/vector-store.js';
import type { Passage } from '../types.js';

export type RetrievalMode = 'hybrid' | 'bm25' | 'vector';

export interface Retriever {
  readonly mode: RetrievalMode;
  /**
   * Start embedding a likely query now, when the model runs off this thread (else undefined: nothing
   * would overlap). A search for exactly this text, given it, uses that vector; for another text it is unused.
   */
  embedAhead(query: string): QueryAhead | undefined;
  /**
   * Top-k passages for a query, best first. `written`: what the model embeds when it is not the query itself — the
   * question in the asker's own words, when only words corrected for the lexical side set them apart.
   */
  search(query: string, k: number, ahead?: QueryAhead, written?: string): Promise<Passage[]>;
}

/** A query's embedding started ahead of its search ({@link Retriever.embedAhead}). */
export interface QueryAhead {
  readonly text: string;
  readonly vector: Promise<Float32Array>;
}

/** The RRF constant (Cormack et al. 2009). */
const RRF_K = 60;

/**
 * @example
 * const retriever = createRetriever({ index, embedder, mode: 'hybrid' });
 * const passages = await retriever.search('What did Annan tell the Council?', 5);
 */
export function createRetriever(deps: { index: LoadedIndex; embedder: Embedder | null; mode?: RetrievalMode; vectors?: Pick<VectorStore, 'search'> | null }): Retriever {
  const { index, embedder } = deps;
  /** Where the vectors are searched: a store (pgvector on DATABASE_URL), else the index's own sidecar. */
  const vectors = deps.vectors ?? index.vectors;
  const hasVectors = !!(embedder && index.vectors && index.manifest.model === modelKey(embedder));
  const mode: RetrievalMode = deps.mode ?? 'hybrid';
  return {
    mode,
    embedAhead(query) {
      if (mode === 'bm25' || !hasVectors || !embedder!.offThread || !query.trim()) return undefined;
      const vector = embedder!.embedQuery(query);
      vector.catch(() => undefined); // unused when the search is for another text; a used one's failure reaches the search
      return { text: query, vector };
    },
    async search(query, k, ahead, written = query) {
      const depth = Math.max(50, k * 4);
      // With the model in its own thread (Embedder.offThread), the query embeds while this thread runs BM25 — and,
      // when the caller started it ahead (embedAhead), while the question was being understood. In-thread,
      // onnxruntime-node runs the query synchronously here, so nothing overlaps it (README, "Round 8").
      const embedding = mode !== 'bm25' && hasVectors && written.trim() ? (ahead?.text === written ? ahead.vector : embedder!.embedQuery(written)) : null;
      const lexical = mode === 'vector' ? [] : index.lexical.search(query, depth);
      const vector = embedding ? await vectors!.search(await embedding, depth) : [];
      const fused = new Map<string, { score: number; bm25?: number; cosine?: number }>();
      const add = (id: string, rank: number, part: 'bm25' | 'cosine', raw: number) => {
        const e = fused.get(id) ?? { score: 0 };
        e.score += mode === 'hybrid' ? 1 / (RRF_K + rank) : raw;
        e[part] = raw;
        fused.set(id, e);
      };
      lexical.forEach((h, i) => add(h.id, i + 1, 'bm25', h.score));
      vector.forEach((h, i) => add(h.id, i + 1, 'cosine', h.score));
      return [...fused.entries()]
        .filter(([id]) => index.chunkById.has(id))
        .sort((a, b) => b[1].score - a[1].score)
        .slice(0, k)
        .map(([id, e], i) => ({ chunk: index.chunkById.get(id)!, score: e.score, rank: i + 1, bm25: e.bm25, cosine: e.cosine }));
    },
  };
}
