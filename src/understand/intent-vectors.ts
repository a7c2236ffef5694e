/**
 * The word vectors the intent classifier reads: the project's shipped
 * GloVe-derived file (src/embed/word-vectors.ts, loaded once per process and
 * shared with the engine, which loads the same file), found from this
 * module's place in the repository (src/ or dist/). Null when the file is
 * missing or corrupt: the classifier then reads the words alone.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadWordVectors, type WordVectors } from '../embed/word-vectors.js';

let vectors: WordVectors | null | undefined;

export function intentWordVectors(): WordVectors | null {
  if (vectors === undefined) {
    try {
      vectors = loadWordVectors({ root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..') });
    } catch {
      vectors = null;
    }
  }
  return vectors;
}
