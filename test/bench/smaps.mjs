/**
 * Resident memory of this process by kind of mapping, from /proc/self/smaps
 * (`many-questions.mjs` prints it beside each sample, so growth can be put
 * down to a heap, a file or WebAssembly rather than guessed):
 * - `file:<name>` — pages of a mapped file (node itself, onnxruntime's
 *   library, the model's memory-mapped weights `model.onnx.data`);
 * - `[heap]` — glibc malloc's main arena (the main thread's native allocations);
 * - `arena` — glibc's other arenas (64 MB-aligned; other threads' malloc);
 * - `wasm128` — a 128 MB mapping: PGlite's WebAssembly memory;
 * - `anon` — everything else anonymous: V8's heap pages, thread stacks.
 *
 * @example
 * const groups = residentByMapping(); // { '[heap]': 12.0, 'file:model.onnx.data': 21.8, … } in MB
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export function residentByMapping(pid = 'self') {
  const groups = {};
  let kind = null;
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \d+\s*(.*)$/.exec(line);
    if (head) {
      const start = BigInt(`0x${head[1]}`);
      const kb = Number((BigInt(`0x${head[2]}`) - start) / 1024n);
      const name = head[3];
      if (name.startsWith('/')) kind = `file:${path.basename(name)}`;
      else if (name) kind = name;
      else if (kb === 128 * 1024) kind = 'wasm128';
      else if (start % 0x4000000n === 0n && kb <= 64 * 1024) kind = 'arena';
      else kind = 'anon';
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss && kind) groups[kind] = (groups[kind] ?? 0) + Number(rss[1]) / 1024;
  }
  return groups;
}
