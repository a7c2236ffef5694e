/**
 * The compact word-vector file (`embeddings/word-vectors-50k.bin`), written by
 * `npm run wordvectors` and read by ./word-vectors.ts:
 *
 *   "VBWV" · u32 version (1) · u32 count · u32 dim · u32 wordBytes
 *   · words (UTF-8, "\n"-separated, most frequent first) · zero padding to 4 bytes
 *   · f32 scale[count] · i8 vector[count × dim]
 *
 * Each vector is unit length before quantisation; value = int8 × scale.
 * Little-endian throughout.
 */
export const MAGIC = 'VBWV';
export const FORMAT_VERSION = 1;
/** Relative to the project root. */
export const DEFAULT_WORD_VECTORS_FILE = 'embeddings/word-vectors-50k.bin';

export interface WordVectorData {
  words: string[];
  dim: number;
  /** count × dim, unit rows. */
  vectors: Float32Array;
  /** Row i alone (decoded on first use: a question reads a few dozen of the 50k rows). */
  row?(i: number): Float32Array;
}

/** Quantise unit vectors to int8 with a per-vector scale. */
export function encodeWordVectors(data: WordVectorData): Buffer {
  const { words, dim, vectors } = data;
  const wordBytes = Buffer.from(words.join('\n'), 'utf8');
  const pad = (4 - (wordBytes.length % 4)) % 4;
  const header = Buffer.alloc(20);
  header.write(MAGIC, 0, 'ascii');
  header.writeUInt32LE(FORMAT_VERSION, 4);
  header.writeUInt32LE(words.length, 8);
  header.writeUInt32LE(dim, 12);
  header.writeUInt32LE(wordBytes.length, 16);
  const scales = Buffer.alloc(words.length * 4);
  const q = Buffer.alloc(words.length * dim);
  for (let i = 0; i < words.length; i++) {
    let max = 0;
    for (let d = 0; d < dim; d++) max = Math.max(max, Math.abs(vectors[i * dim + d]!));
    const scale = max / 127 || 1;
    scales.writeFloatLE(scale, i * 4);
    for (let d = 0; d < dim; d++) q.writeInt8(Math.round(vectors[i * dim + d]! / scale), i * dim + d);
  }
  return Buffer.concat([header, wordBytes, Buffer.alloc(pad), scales, q]);
}

/** Decode (and re-normalise) what {@link encodeWordVectors} wrote. Throws a plain Error saying what is wrong. */
export function decodeWordVectors(buf: Buffer): WordVectorData {
  if (buf.length < 20 || buf.toString('ascii', 0, 4) !== MAGIC) throw new Error('not a word-vector file (bad magic)');
  const version = buf.readUInt32LE(4);
  if (version !== FORMAT_VERSION) throw new Error(`unsupported word-vector file version ${version}`);
  const count = buf.readUInt32LE(8);
  const dim = buf.readUInt32LE(12);
  const wordBytes = buf.readUInt32LE(16);
  const wordsEnd = 20 + wordBytes;
  const scalesAt = wordsEnd + ((4 - (wordBytes % 4)) % 4);
  const vecAt = scalesAt + count * 4;
  if (buf.length !== vecAt + count * dim) throw new Error(`truncated word-vector file (${buf.length} bytes, expected ${vecAt + count * dim})`);
  const words = buf.toString('utf8', 20, wordsEnd).split('\n');
  if (words.length !== count) throw new Error(`word-vector file lists ${words.length} words, header says ${count}`);
  // Rows are decoded on first use, each on its own (20 MB of floats, of which a question reads a few rows and a typo check none).
  const scales = new Float32Array(buf.buffer.slice(buf.byteOffset + scalesAt, buf.byteOffset + vecAt));
  const q = new Int8Array(buf.buffer, buf.byteOffset + vecAt, count * dim);
  let vectors: Float32Array | undefined;
  let decoded: Uint8Array | undefined;
  let all = false;
  const row = (i: number) => {
    vectors ??= new Float32Array(count * dim);
    decoded ??= new Uint8Array(count);
    if (!decoded[i]) {
      const scale = scales[i]!;
      let norm = 0;
      for (let d = i * dim; d < (i + 1) * dim; d++) {
        const v = q[d]! * scale;
        vectors[d] = v;
        norm += v * v;
      }
      norm = Math.sqrt(norm) || 1;
      for (let d = i * dim; d < (i + 1) * dim; d++) vectors[d]! /= norm;
      decoded[i] = 1;
    }
    return vectors.subarray(i * dim, (i + 1) * dim);
  };
  return {
    words,
    dim,
    get vectors() {
      if (!all) for (let i = 0; i < count; i++) row(i);
      all = true;
      return vectors ?? new Float32Array(0);
    },
    row,
  };
}
