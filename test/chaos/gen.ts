/**
 * Deterministic hostile inputs for the ingest timings and chaos cases:
 * documents of unique paragraphs, a paragraph without sentence ends, deeply
 * nested HTML, many short documents.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mulberry32 } from '../../src/random.js';

const WORDS = (
  'the council said that delegates would meet again in geneva after talks on trade water health schools roads budget ' +
  'minister announced plan report members agreed committee region security peace climate farmers prices market city ' +
  'officials project support national local government workers election court police river bridge hospital children'
).split(' ');
const NAMES = ['Annan', 'Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Silva', 'Haddad', 'Novak'];

/** A sentence of 8–20 words, made unique by a number. */
function sentence(next: () => number, n: number): string {
  const len = 8 + Math.floor(next() * 13);
  const w: string[] = [];
  for (let i = 0; i < len; i++) w.push(WORDS[Math.floor(next() * WORDS.length)]!);
  w[0] = w[0]![0]!.toUpperCase() + w[0]!.slice(1);
  w.splice(2, 0, NAMES[Math.floor(next() * NAMES.length)]!, String(n));
  return `${w.join(' ')}.`;
}

/** About `bytes` of text in unique paragraphs of 3–6 sentences. */
export function textOfSize(bytes: number, seed = 1): string {
  const next = mulberry32(seed);
  const paras: string[] = [];
  let size = 0;
  let n = 0;
  while (size < bytes) {
    const k = 3 + Math.floor(next() * 4);
    const p: string[] = [];
    for (let i = 0; i < k; i++) p.push(sentence(next, n++));
    const s = p.join(' ');
    paras.push(s);
    size += s.length + 2;
  }
  return paras.join('\n\n');
}

/** One paragraph of about `bytes` words with no sentence end anywhere. */
export function paragraphWithoutEnds(bytes: number, seed = 2): string {
  const next = mulberry32(seed);
  const w: string[] = [];
  let size = 0;
  while (size < bytes) {
    const x = WORDS[Math.floor(next() * WORDS.length)]!;
    w.push(x);
    size += x.length + 1;
  }
  return w.join(' ');
}

/** An HTML page whose one paragraph sits `depth` <div>s deep. */
export function nestedHtml(depth: number): string {
  return `<!doctype html><html><head><title>Deep</title></head><body>${'<div>'.repeat(depth)}<p>The council met in Geneva on Friday. Delegates agreed on the budget.</p>${'</div>'.repeat(depth)}</body></html>`;
}

/** Write `count` short documents (a paragraph each) into `dir`. */
export async function writeShortDocs(dir: string, count: number, seed = 3): Promise<void> {
  await mkdir(dir, { recursive: true });
  const next = mulberry32(seed);
  for (let i = 0; i < count; i++) {
    const p = [sentence(next, i * 3), sentence(next, i * 3 + 1), sentence(next, i * 3 + 2)].join(' ');
    await writeFile(path.join(dir, `doc-${String(i).padStart(5, '0')}.txt`), `Note ${i}\n\n${p}\n`);
  }
}
