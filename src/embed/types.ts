/** The `EMBEDDING_MODEL` value that selects the word-vector embedder (./word-vectors-embedder.ts). */
export const WORD_VECTORS_MODEL = 'word-vectors';

/** The `EMBEDDING_MODEL` value that selects the Universal Sentence Encoder lite (./use-lite-embedder.ts). */
export const USE_LITE_MODEL = 'use-lite';

/** Turns text into unit-length vectors. `null` where no model could be loaded (lexical-only mode). */
export interface Embedder {
  /** Model id or local folder, as recorded in the index manifest. */
  readonly id: string;
  readonly dim: number;
  /** Precision of the weights ('fp32', 'q8', …) when known; part of the vector space ({@link modelKey}). */
  readonly dtype?: string;
  /** Embed passages (document chunks), batched. Prefixes, if the model needs them, are added here. */
  embedPassages(texts: string[], onProgress?: (done: number, total: number) => void): Promise<Float32Array[]>;
  /** Embed one query. A query prefix, if the model needs one, is added here. */
  embedQuery(text: string): Promise<Float32Array>;
  /**
   * Embeds off the calling thread (the model in a thread of its own): what the caller does between
   * starting `embedQuery` and awaiting it runs meanwhile. Otherwise the embedding blocks this thread.
   */
  readonly offThread?: boolean;
  dispose?(): Promise<void>;
}

/**
 * The vector space an embedder produces, as the index manifest records it:
 * the model id, plus the weights' precision when it is not full (q8 vectors
 * are close to fp32 ones but not the same, so switching re-embeds).
 *
 * @example
 * modelKey({ id: 'Snowflake/snowflake-arctic-embed-xs', dtype: 'q8', … }); // 'Snowflake/snowflake-arctic-embed-xs (q8)'
 */
export function modelKey(e: Embedder | null | undefined): string | null {
  if (!e) return null;
  return e.dtype && e.dtype !== 'fp32' ? `${e.id} (${e.dtype})` : e.id;
}
