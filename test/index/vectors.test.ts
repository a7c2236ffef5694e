import { mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { LocalIndex } from 'vectra';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allocateMatrix, createVectorIndex, readVectorIndex, selectTopK, writeVectorIndex, INDEX_FILE, MANIFEST_FILE, VECTORS_FILE } from '../../src/index/vectors.js';
import { mulberry32 } from '../../src/random.js';


function unitVector(rand: () => number, dim: number): Float32Array {
  const v = new Float32Array(dim);
  let n = 0;
  for (let i = 0; i < dim; i++) {
    v[i] = rand() * 2 - 1;
    n += v[i] * v[i];
  }
  n = Math.sqrt(n);
  for (let i = 0; i < dim; i++) v[i] /= n;
  return v;
}

function makeItems(count: number, dim: number, seed = 1) {
  const rand = mulberry32(seed);
  return Array.from({ length: count }, (_, i) => ({
    id: `doc.txt#c${i}`,
    vector: unitVector(rand, dim),
    metadata: { doc: 'doc.txt', paragraph: i % 7, chunk: `doc.txt#c${i}`, body: i % 2 === 0 },
  }));
}

/** The obvious reference: score every row, sort everything. */
function bruteForce(items: { id: string; vector: Float32Array }[], q: Float32Array, k: number, filter?: (row: number) => boolean) {
  const scored = items
    .map((it, row) => {
      let s = 0;
      for (let j = 0; j < q.length; j++) s += q[j] * it.vector[j];
      return { id: it.id, row, score: s };
    })
    .filter((x) => !filter || filter(x.row));
  scored.sort((a, b) => b.score - a.score || a.row - b.row);
  return scored.slice(0, Math.max(0, k));
}

describe('scan kernels', () => {
  it('given this Node, when allocating a 384-d matrix, then the WebAssembly SIMD kernel is used', () => {
    expect(allocateMatrix(10, 384).kernel).toBe('wasm-simd');
    expect(allocateMatrix(10, 37).kernel).toBe('js'); // dimension not a multiple of 4
    expect(allocateMatrix(10, 384, 'js').kernel).toBe('js');
  });

  it.each([
    ['wasm-simd', 384],
    ['wasm-simd', 36], // 16-wide main loop + 4-wide tail
    ['wasm-simd', 4],
    ['js', 384],
    ['js', 37],
  ] as const)('given the %s kernel at dim %i, when scoring every row, then each score equals the float64 dot product', (kernel, dim) => {
    const items = makeItems(257, dim, dim);
    const m = allocateMatrix(items.length, dim, kernel);
    items.forEach((it, i) => m.data.set(it.vector, i * dim));
    const q = unitVector(mulberry32(11), dim);
    const scores = m.score(q);
    expect(scores.length).toBe(items.length);
    items.forEach((it, i) => {
      let s = 0;
      for (let j = 0; j < dim; j++) s += q[j] * it.vector[j];
      expect(Math.abs(scores[i] - s)).toBeLessThan(1e-5);
    });
  });
});

describe('createVectorIndex search', () => {
  it.each([
    ['wasm-simd', 36],
    ['js', 37], // not a multiple of 4: exercises the unrolled loop's tail
  ] as const)('given random unit vectors and the %s kernel (dim %i), when searching top-k, then it returns exactly the brute-force ranking, best first', (kernel, dim) => {
    const items = makeItems(500, dim, 7);
    const index = createVectorIndex(items, dim, { kernel });
    expect(index.kernel).toBe(kernel);
    const rand = mulberry32(99);
    for (const k of [1, 3, 10, 50]) {
      for (let t = 0; t < 5; t++) {
        const q = unitVector(rand, dim);
        const got = index.search(q, k);
        const want = bruteForce(items, q, k);
        expect(got.map((h) => h.id)).toEqual(want.map((h) => h.id));
        for (let i = 0; i < got.length; i++) expect(got[i].score).toBeCloseTo(want[i].score, 5);
        for (let i = 1; i < got.length; i++) expect(got[i - 1].score).toBeGreaterThanOrEqual(got[i].score);
      }
    }
  });

  it('given any small index, query, k and filter, when searching, then the result equals the brute-force ranking (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: -2, max: 70 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer(),
        (count, dim, k, mod, seed) => {
          const items = makeItems(count, dim, seed);
          const index = createVectorIndex(items, dim);
          const q = unitVector(mulberry32(seed ^ 0x5bd1e995), dim);
          const filter = (row: number) => row % mod === 0;
          const got = index.search(q, k, filter);
          const want = bruteForce(items, q, k, filter);
          expect(got.map((h) => h.id)).toEqual(want.map((h) => h.id));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('given duplicate vectors (tied scores), when searching, then ties come out in row order', () => {
    const v = new Float32Array([1, 0]);
    const index = createVectorIndex(
      ['a', 'b', 'c', 'd'].map((id) => ({ id, vector: v })),
      2,
    );
    expect(index.search(new Float32Array([1, 0]), 2).map((h) => h.id)).toEqual(['a', 'b']);
    expect(index.search(new Float32Array([1, 0]), 10).map((h) => h.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('given k of 0 or an empty index, when searching, then the result is empty', () => {
    const items = makeItems(5, 4);
    expect(createVectorIndex(items, 4).search(items[0].vector, 0)).toEqual([]);
    expect(createVectorIndex([], 4).search(items[0].vector, 5)).toEqual([]);
  });

  it('given a query of the wrong dimension or with a NaN, when searching, then it throws saying what is wrong', () => {
    const index = createVectorIndex(makeItems(3, 4), 4);
    expect(() => index.search(new Float32Array(5), 1)).toThrow(/5 dimensions, expected 4/);
    expect(() => index.search(new Float32Array([0, NaN, 0, 0]), 1)).toThrow(/non-finite value at \[1\]/);
  });

  it('given items with a wrong-sized vector, a duplicate id or a NaN, when building, then it throws', () => {
    expect(() => createVectorIndex([{ id: 'a', vector: new Float32Array(3) }], 4)).toThrow(/3 dimensions, expected 4/);
    expect(() =>
      createVectorIndex(
        [
          { id: 'a', vector: new Float32Array(2) },
          { id: 'a', vector: new Float32Array(2) },
        ],
        2,
      ),
    ).toThrow(/Duplicate/);
    expect(() => createVectorIndex([{ id: 'a', vector: new Float32Array([NaN, 0]) }], 2)).toThrow(/non-finite/);
  });

  it('given an id, when calling get and metadata, then the stored vector and metadata come back, undefined for unknown ids', () => {
    const items = makeItems(10, 8);
    const index = createVectorIndex(items, 8);
    expect(Array.from(index.get('doc.txt#c3')!)).toEqual(Array.from(items[3].vector));
    expect(index.metadata('doc.txt#c3')).toEqual(items[3].metadata);
    expect(index.get('nope')).toBeUndefined();
    expect(index.ids).toEqual(items.map((i) => i.id));
    expect(index.size).toBe(10);
    expect(index.dim).toBe(8);
  });

  it('given selectTopK directly, when k exceeds the size, then every row is returned sorted', () => {
    expect(selectTopK(new Float32Array([0.1, 0.9, 0.5]), 10).map((r) => r.row)).toEqual([1, 2, 0]);
    expect(selectTopK(new Float32Array([0.1, 0.9, 0.5]), 2, (row) => row !== 1).map((r) => r.row)).toEqual([2, 0]);
  });
});

describe('writeVectorIndex / readVectorIndex', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'verbatim-vectors-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('given items, when written and read back, then ids, vectors (bit-exact), metadata and search results are identical', async () => {
    const dim = 24;
    const items = makeItems(300, dim, 3);
    await writeVectorIndex(dir, items, dim);
    const index = await readVectorIndex(dir);
    expect(index.size).toBe(300);
    expect(index.dim).toBe(dim);
    expect(index.ids).toEqual(items.map((i) => i.id));
    for (const it of items) {
      expect(Buffer.from(index.get(it.id)!.slice().buffer).equals(Buffer.from(it.vector.slice().buffer))).toBe(true);
      expect(index.metadata(it.id)).toEqual(it.metadata);
    }
    const mem = createVectorIndex(items, dim);
    const q = unitVector(mulberry32(5), dim);
    expect(index.search(q, 10)).toEqual(mem.search(q, 10));
    expect((await stat(path.join(dir, VECTORS_FILE))).size).toBe(32 + 300 * dim * 4);
  });

  it('given a written index, when vectra opens index.json, then it lists the same items with their metadata and no inline vectors', async () => {
    const items = makeItems(20, 8);
    await writeVectorIndex(dir, items, 8);
    const vectra = new LocalIndex(dir);
    const listed = await vectra.listItems();
    expect(listed.map((i) => i.id)).toEqual(items.map((i) => i.id));
    expect(listed[4].metadata).toEqual(items[4].metadata);
    expect(listed[4].vector).toEqual([]);
    expect((await vectra.getItem('doc.txt#c7'))?.metadata).toEqual(items[7].metadata);
    expect(await vectra.listItemsByMetadata({ paragraph: { $eq: 3 } })).toHaveLength(items.filter((i) => i.metadata.paragraph === 3).length);
  });

  it('given no items, when written and read, then the index is empty and searchable', async () => {
    await writeVectorIndex(dir, [], 16);
    const index = await readVectorIndex(dir);
    expect(index.size).toBe(0);
    expect(index.search(new Float32Array(16), 5)).toEqual([]);
  });

  it('given items whose metadata is omitted, when read back, then metadata is an empty object', async () => {
    await writeVectorIndex(dir, [{ id: 'x', vector: new Float32Array([1, 0]) }], 2);
    expect((await readVectorIndex(dir)).metadata('x')).toEqual({});
  });

  it('given one flipped byte in vectors.f32, when read, then it throws a checksum error naming vectors.f32', async () => {
    await writeVectorIndex(dir, makeItems(50, 8), 8);
    const file = path.join(dir, VECTORS_FILE);
    const bytes = await readFile(file);
    bytes[32 + 777] ^= 0x40;
    await writeFile(file, bytes);
    await expect(readVectorIndex(dir)).rejects.toThrow(new RegExp(`${VECTORS_FILE}.*checksum`));
  });

  it('given a truncated vectors.f32, when read, then it throws a size error naming vectors.f32', async () => {
    await writeVectorIndex(dir, makeItems(50, 8), 8);
    await truncate(path.join(dir, VECTORS_FILE), 32 + 49 * 8 * 4);
    await expect(readVectorIndex(dir)).rejects.toThrow(new RegExp(`${VECTORS_FILE}.*size 1600 bytes, expected 1632`));
  });

  it('given a corrupted header, when read, then it throws naming vectors.f32', async () => {
    await writeVectorIndex(dir, makeItems(5, 8), 8);
    const file = path.join(dir, VECTORS_FILE);
    const bytes = await readFile(file);
    bytes.writeUInt32LE(9, 12); // dim 9
    await writeFile(file, bytes);
    await expect(readVectorIndex(dir)).rejects.toThrow(new RegExp(`${VECTORS_FILE}.*header says 5 × 9`));
  });

  it('given a missing or garbled manifest, when read, then it throws naming vectors.json with the cause kept', async () => {
    await writeVectorIndex(dir, makeItems(5, 8), 8);
    await writeFile(path.join(dir, MANIFEST_FILE), '{"format":');
    const err = (await readVectorIndex(dir).then(() => undefined, (e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toMatch(new RegExp(MANIFEST_FILE));
    expect(err.cause).toBeInstanceOf(SyntaxError);
    await rm(path.join(dir, MANIFEST_FILE));
    await expect(readVectorIndex(dir)).rejects.toThrow(new RegExp(MANIFEST_FILE));
  });

  it('given index.json with its items reordered, when read, then it throws an ids mismatch naming index.json', async () => {
    await writeVectorIndex(dir, makeItems(5, 8), 8);
    const file = path.join(dir, INDEX_FILE);
    const json = JSON.parse(await readFile(file, 'utf8'));
    json.items.reverse();
    await writeFile(file, JSON.stringify(json));
    await expect(readVectorIndex(dir)).rejects.toThrow(new RegExp(`${INDEX_FILE}.*ids`));
  });

  it('given index.json missing an item, when read, then it throws a count mismatch naming index.json', async () => {
    await writeVectorIndex(dir, makeItems(5, 8), 8);
    const file = path.join(dir, INDEX_FILE);
    const json = JSON.parse(await readFile(file, 'utf8'));
    json.items.pop();
    await writeFile(file, JSON.stringify(json));
    await expect(readVectorIndex(dir)).rejects.toThrow(new RegExp(`${INDEX_FILE}.*4 items, manifest says 5`));
  });

  it('given a truncated index.json, when read, then it throws naming index.json with vectra\'s parse error as the cause', async () => {
    await writeVectorIndex(dir, makeItems(5, 8), 8);
    const file = path.join(dir, INDEX_FILE);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.slice(0, text.length - 10));
    const err = (await readVectorIndex(dir).then(() => undefined, (e: unknown) => e)) as Error;
    expect(err.message).toMatch(new RegExp(INDEX_FILE));
    expect(err.cause).toBeInstanceOf(Error);
  });

  it('given ids with quotes and non-ASCII text, when written and read, then they survive exactly', async () => {
    const ids = ['a "quoted" id', 'naïve/¶3#c1', 'emoji 🙂'];
    await writeVectorIndex(
      dir,
      ids.map((id, i) => ({ id, vector: new Float32Array([i, 1]), metadata: { doc: id } })),
      2,
    );
    const index = await readVectorIndex(dir);
    expect(index.ids).toEqual(ids);
    expect(index.metadata('emoji 🙂')).toEqual({ doc: 'emoji 🙂' });
  });
});
