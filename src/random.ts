/**
 * mulberry32: a tiny seeded PRNG, so generated data (benchmark vectors, the
 * test model's weights) is the same on every run.
 *
 * @example
 * const next = mulberry32(42);
 * next(); // a float in [0, 1), the same every time for seed 42
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
