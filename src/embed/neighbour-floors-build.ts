/**
 * Builds embeddings/neighbour-floors-25.bin: for each of the word vectors' words, in the file's order, the cosine of its
 * 25th nearest other word (little-endian float32), so that "is b among a's 25 nearest?" is one comparison
 * ({@link WordVectors.amongNearest}) instead of a scan of the 50k words (~5 ms each) while a question is answered.
 * Each pair's cosine is computed once for both words. Deterministic; takes ~10 minutes on one core.
 *
 * Run: `npx tsx src/embed/neighbour-floors-build.ts` (after the word vectors exist; the output is committed).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodeWordVectors, DEFAULT_WORD_VECTORS_FILE } from './word-vectors-format.js';
import { FLOOR_NEIGHBOURS, NEIGHBOUR_FLOORS_FILE } from './neighbour-floors.js';

/** The k-th largest cosine of each row with the other rows (rows: count × dim, unit length). */
export function neighbourFloors(vectors: Float32Array, count: number, dim: number, k: number): Float32Array {
  const top = new Float32Array(count * k).fill(-2);
  const min = new Float32Array(count).fill(-2);
  const push = (i: number, c: number) => {
    const base = i * k;
    let at = 0;
    while (at + 1 < k && top[base + at + 1]! < c) {
      top[base + at] = top[base + at + 1]!;
      at++;
    }
    top[base + at] = c;
    min[i] = top[base]!;
  };
  for (let i = 0; i < count; i++) {
    const a = i * dim;
    for (let j = i + 1; j < count; j++) {
      const b = j * dim;
      let c = 0;
      for (let d = 0; d < dim; d++) c += vectors[a + d]! * vectors[b + d]!;
      if (c > min[i]!) push(i, c);
      if (c > min[j]!) push(j, c);
    }
  }
  return min;
}

if (process.argv[1]?.endsWith('neighbour-floors-build.ts')) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
  const data = decodeWordVectors(readFileSync(path.join(root, DEFAULT_WORD_VECTORS_FILE)));
  const floors = neighbourFloors(data.vectors, data.words.length, data.dim, FLOOR_NEIGHBOURS);
  const out = path.join(root, NEIGHBOUR_FLOORS_FILE);
  writeFileSync(out, Buffer.from(floors.buffer, floors.byteOffset, floors.byteLength));
  console.log(`${out}: ${floors.length} floors`);
}
