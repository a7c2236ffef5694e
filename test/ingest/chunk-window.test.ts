import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/ingest/chunk.js';
import { buildDocument } from '../../src/ingest/document.js';

/** README (Ingest): "A chunk is a body paragraph, or windows of whole sentences for a paragraph over 1,200 characters." */
const sentence = (i: number) => `Sentence number ${i} of this report describes the harbour works in some detail.`; // 78–79 characters
const paragraph = (n: number) => Array.from({ length: n }, (_, i) => sentence(i + 10)).join(' ');

describe('chunk window', () => {
  it('given a body paragraph of at most 1,200 characters, when chunked, then it is one chunk, the whole paragraph', () => {
    const body = paragraph(15);
    expect(body.length).toBeLessThanOrEqual(1200);
    expect(body.length).toBeGreaterThan(1100);
    const doc = buildDocument({ id: 'a.txt', path: 'a.txt', text: `# Harbour works\n\n${body}` });
    const chunks = chunkDocument(doc);
    expect(chunks).toHaveLength(1);
    expect(doc.text.slice(chunks[0]!.start, chunks[0]!.end)).toBe(body);
  });

  it('given a body paragraph just over 1,200 characters, when chunked, then it becomes windows of whole sentences, each at most 1,200 characters, covering it', () => {
    const body = paragraph(17);
    expect(body.length).toBeGreaterThan(1200);
    expect(body.length).toBeLessThan(1400);
    const doc = buildDocument({ id: 'b.txt', path: 'b.txt', text: `# Harbour works\n\n${body}` });
    const chunks = chunkDocument(doc);
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
