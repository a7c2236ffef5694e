/**
 * Word-vector rows decoded one at a time (what a question reads) are the
 * same floats as the file's int8 rows × scale, normalised — read straight
 * from the format here — whether read before or after the whole table.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WORD_VECTORS_FILE, decodeWordVectors } from '../../src/embed/word-vectors-format.js';
import { repoRoot } from './helpers.js';

const bytes = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex');

/** Row i as the format defines it: header (magic, version, count, dim, word bytes), words, padding, scales, int8 rows. */
function expectedRow(buf: Buffer, i: number): Float32Array {
  const count = buf.readUInt32LE(8);
  const dim = buf.readUInt32LE(12);
  const wordBytes = buf.readUInt32LE(16);
  const scalesAt = 20 + wordBytes + ((4 - (wordBytes % 4)) % 4);
  const vecAt = scalesAt + count * 4;
  const scale = buf.readFloatLE(scalesAt + i * 4);
  const out = new Float32Array(dim);
  let norm = 0;
  for (let d = 0; d < dim; d++) {
    const v = buf.readInt8(vecAt + i * dim + d) * scale;
    out[d] = v;
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < dim; d++) out[d]! /= norm;
  return out;
}

describe('decodeWordVectors rows', () => {
  const buf = readFileSync(path.join(repoRoot, DEFAULT_WORD_VECTORS_FILE));

  it('given the shipped file, when rows are read one by one, then each is the format’s row bit for bit, before and after the whole table is decoded', () => {
    const data = decodeWordVectors(buf);
    const { dim } = data;
    const picks = [0, 1, 17, 4_999, 25_000, data.words.length - 1];
    const expected = picks.map((i) => bytes(expectedRow(buf, i)));
    expect(picks.map((i) => bytes(data.row!(i)))).toEqual(expected);
    const whole = data.vectors;
    expect(picks.map((i) => bytes(whole.subarray(i * dim, (i + 1) * dim)))).toEqual(expected);
    expect(picks.map((i) => bytes(data.row!(i)))).toEqual(expected);
    expect(bytes(decodeWordVectors(buf).vectors)).toBe(bytes(whole));
  });
});
