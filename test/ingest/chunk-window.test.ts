import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/ingest/chunk.js';
import { buildDocument } from '../../src/ingest/document.js';

/** README (Ingest): "A chunk is a body paragraph, or windows of whole sentences for a paragraph over 1,200 characters." */
const sentence = (i: number) => `Sentence number ${i} of this report describes the harbour works in some detail.`; // 78–79 characters
const paragraph = (n: number) => Array.from({ length: n }, (_, i) => sentence(i + 10)).join(' ');
/** A one-paragraph document of `sentences` sentences, its length checked to lie in (above, atMost]; the paragraph and its chunks. */
function chunked(sentences: number, above: number, atMost: number) {
  const body = paragraph(sentences);
  expect(body.length).toBeGreaterThan(above);
  expect(body.length).toBeLessThanOrEqual(atMost);
  const doc = buildDocument({ id: 'h.txt', path: 'h.txt', text: `# Harbour works\n\n${body}` });
  return { body, doc, chunks: chunkDocument(doc) };
}

describe('chunk window', () => {
  it('given a body paragraph of at most 1,200 characters, when chunked, then it is one chunk, the whole paragraph', () => {
    const { body, doc, chunks } = chunked(15, 1100, 1200);
    expect(chunks).toHaveLength(1);
    expect(doc.text.slice(chunks[0]!.start, chunks[0]!.end)).toBe(body);
  });

  it('given a body paragraph just over 1,200 characters, when chunked, then it becomes windows of whole sentences, each at most 1,200 characters, covering it', () => {
    const { body, doc, chunks } = chunked(17, 1200, 1400);
    expect(chunks.length).toBeGreaterThan(1);
    const starts = new Set(doc.sentences.map((s) => s.start));
    const ends = new Set(doc.sentences.map((s) => s.end));
    for (const c of chunks) {
      expect(c.end - c.start).toBeLessThanOrEqual(1200);
      expect(starts.has(c.start) && ends.has(c.end)).toBe(true);
    }
    expect(chunks[0]!.start).toBe(doc.text.indexOf(body));
    expect(chunks[chunks.length - 1]!.end).toBe(doc.text.indexOf(body) + body.length);
  });
});
