/**
 * Scale an embedding to length 1 in place (every embedder's vectors are unit length, so a dot product is their
 * cosine); a zero or non-finite vector is a model bug, not something to index.
 *
 * @example
 * unitLength(Float32Array.from([3, 4]), 'text'); // Float32Array [0.6, 0.8]
 */
export function unitLength(v: Float32Array, text: string): Float32Array {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!;
  const norm = Math.sqrt(sum);
  if (!Number.isFinite(norm) || norm === 0) {
    throw new Error(`the model produced a degenerate embedding (norm ${norm}) for ${JSON.stringify(text.slice(0, 60))}`);
  }
  for (let i = 0; i < v.length; i++) v[i]! /= norm;
  return v;
}
