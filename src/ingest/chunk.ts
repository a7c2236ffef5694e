/**
 * Chunking on structure: one chunk per body paragraph; a long paragraph is
 * split into windows of whole sentences (one sentence of overlap). Title and
 * boilerplate paragraphs are not chunked.
 */
import type { Chunk, StoredDocument } from '../types.js';
import { TERMS_VERSION } from '../retrieve/terms.js';

/**
 * Bump when chunking changes: the index manifest records it and a mismatch triggers a rebuild. Includes the term normaliser's
 * version (the BM25 index holds its terms). v2: attributions after ?" / !" stay in the quotation's sentence.
 */
export const CHUNKER_VERSION = `para-sent-v2+${TERMS_VERSION}`;

export interface ChunkOptions {
  /** A paragraph longer than this (characters) is windowed. */
  maxChars?: number;
}

/**
 * @example
 * chunkDocument(doc).map((c) => doc.text.slice(c.start, c.end)); // each a paragraph or a run of its sentences
 */
export function chunkDocument(doc: StoredDocument, opts: ChunkOptions = {}): Chunk[] {
  const maxChars = opts.maxChars ?? 1200;
  const chunks: Chunk[] = [];
  for (const p of doc.paragraphs) {
    if (p.kind !== 'body') continue;
    const sents = doc.sentences.filter((s) => s.start >= p.start && s.end <= p.end).map(({ start, end }) => ({ start, end }));
    if (p.end - p.start <= maxChars || sents.length <= 1) {
      chunks.push({ id: `${doc.id}#${p.n}`, docId: doc.id, paragraph: p.n, start: p.start, end: p.end, sentences: sents.length ? sents : [{ start: p.start, end: p.end }] });
      continue;
    }
    let i = 0;
    let part = 0;
    while (i < sents.length) {
      let j = i;
      while (j + 1 < sents.length && sents[j + 1]!.end - sents[i]!.start <= maxChars) j++;
      const window = sents.slice(i, j + 1);
      chunks.push({ id: `${doc.id}#${p.n}.${++part}`, docId: doc.id, paragraph: p.n, start: window[0]!.start, end: window[window.length - 1]!.end, sentences: window });
      if (j + 1 >= sents.length) break;
      i = j > i ? j : j + 1; // overlap one sentence when the window holds more than one
    }
  }
  return chunks;
}
