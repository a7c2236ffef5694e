/**
 * Chunking on structure: one chunk per body paragraph; a long paragraph is
 * split into windows of whole sentences (one sentence of overlap). Title and
 * boilerplate paragraphs are not chunked.
 */
import type { Chunk, Span, StoredDocument } from '../types.js';
import { TERMS_VERSION } from '../retrieve/terms.js';

/**
 * Bump when chunking changes: the index manifest records it and a mismatch triggers a rebuild. Includes the term normaliser's
 * version (the BM25 index holds its terms). v2: attributions after ?" / !" stay in the quotation's sentence.
 * v3: over-long sentences are cut into word-bounded windows.
 */
export const CHUNKER_VERSION = `para-sent-v3+${TERMS_VERSION}`;

export interface ChunkOptions {
  /** A paragraph longer than this (characters) is windowed. */
  maxChars?: number;
}

/**
 * Linear in the document's size: sentences are visited once, in order, with a
 * cursor per paragraph; a paragraph or sentence longer than the window with no
 * sentence end inside is cut at word boundaries into windows of at most
 * `maxChars`, so no chunk grows with the input.
 *
 * @example
 * chunkDocument(doc).map((c) => doc.text.slice(c.start, c.end)); // each a paragraph or a run of its sentences
 */
export function chunkDocument(doc: StoredDocument, opts: ChunkOptions = {}): Chunk[] {
  const maxChars = opts.maxChars ?? 1200;
  const chunks: Chunk[] = [];
  const all = doc.sentences;
  let k = 0; // cursor into the sentences, which are in text order
  for (const p of doc.paragraphs) {
    while (k < all.length && all[k]!.start < p.start) k++;
    const sents: Span[] = [];
    for (let q = k; q < all.length && all[q]!.start < p.end; q++) if (all[q]!.end <= p.end) sents.push({ start: all[q]!.start, end: all[q]!.end });
    if (p.kind !== 'body') continue;
    if (p.end - p.start <= maxChars) {
      chunks.push({ id: `${doc.id}#${p.n}`, docId: doc.id, paragraph: p.n, start: p.start, end: p.end, sentences: sents.length ? sents : [{ start: p.start, end: p.end }] });
      continue;
    }
    // Over-long sentences (no sentence end for more than a window) become word-bounded pieces.
    const units = (sents.length ? sents : [{ start: p.start, end: p.end }]).flatMap((s) => (s.end - s.start > maxChars ? wordWindows(doc.text, s, maxChars) : [s]));
    if (units.length === 1) {
      chunks.push({ id: `${doc.id}#${p.n}`, docId: doc.id, paragraph: p.n, start: p.start, end: p.end, sentences: units });
      continue;
    }
    let i = 0;
    let part = 0;
    while (i < units.length) {
      let j = i;
      while (j + 1 < units.length && units[j + 1]!.end - units[i]!.start <= maxChars) j++;
      const window = units.slice(i, j + 1);
      chunks.push({ id: `${doc.id}#${p.n}.${++part}`, docId: doc.id, paragraph: p.n, start: window[0]!.start, end: window[window.length - 1]!.end, sentences: window });
      if (j + 1 >= units.length) break;
      i = j > i ? j : j + 1; // overlap one sentence when the window holds more than one
    }
  }
  return chunks;
}

/**
 * Cut [s.start, s.end) into consecutive pieces of at most `maxChars`, ending
 * at whitespace where there is any (a piece of one unbroken "word" is cut hard).
 * Pieces are trimmed spans of the text.
 */
export function wordWindows(text: string, s: Span, maxChars: number): Span[] {
  const out: Span[] = [];
  let a = s.start;
  while (a < s.end) {
    while (a < s.end && /\s/.test(text[a]!)) a++;
    if (a >= s.end) break;
    let b = Math.min(a + maxChars, s.end);
    if (b < s.end) {
      let c = b;
      while (c > a && !/\s/.test(text[c]!)) c--;
      if (c > a) b = c;
    }
    let e = b;
    while (e > a && /\s/.test(text[e - 1]!)) e--;
    out.push({ start: a, end: e });
    a = b;
  }
  return out;
}
