/** Turns text into unit-length vectors. `null` where no model could be loaded (lexical-only mode). */
export interface Embedder {
  /** Model id or local folder, as recorded in the index manifest. */
  readonly id: string;
  readonly dim: number;
  /** Embed passages (document chunks), batched. Prefixes, if the model needs them, are added here. */
  embedPassages(texts: string[], onProgress?: (done: number, total: number) => void): Promise<Float32Array[]>;
  /** Embed one query. A query prefix, if the model needs one, is added here. */
  embedQuery(text: string): Promise<Float32Array>;
  dispose?(): Promise<void>;
}
