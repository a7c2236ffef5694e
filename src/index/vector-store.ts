/**
 * The vector store the retriever searches, whichever holds the vectors: the
 * embedded sidecar (`vectors.f32`, scanned in this process) or pgvector on
 * `DATABASE_URL`'s server. One contract for both (test/index/vector-store.shared.ts).
 *
 * @example
 * const store = sidecarStore(index.vectors);
 * await store.search(queryVector, 10); // [{ id: 'documents/a.txt#c3', score: 0.82 }, …]
 */
import type { VectorHit, VectorIndex } from './vectors.js';

export interface VectorStore {
  readonly backend: 'sidecar' | 'pgvector';
  readonly dim: number;
  /** How many items it holds. */
  count(): Promise<number>;
  /** Top-k by cosine (unit vectors: the dot product), best first. A query of another dimension is an error. */
  search(query: Float32Array, k: number): Promise<VectorHit[]>;
  /** Release what it holds open (a database connection). */
  close(): Promise<void>;
}

/** The embedded sidecar as a store. */
export function sidecarStore(index: VectorIndex): VectorStore {
  return {
    backend: 'sidecar',
    dim: index.dim,
    count: async () => index.size,
    search: async (query, k) => index.search(query, k),
    close: async () => undefined,
  };
}
