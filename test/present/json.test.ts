import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/present/documents.js';
import { citationJson } from '../../src/present/json.js';

describe('citationJson', () => {
  const text = 'The river crested at 31 feet.';
  const cat = catalog([
    { id: 'https://news.example.org/iowa', path: 'https://news.example.org/iowa', title: 'Iowa floods' },
    { id: 'report.pdf', path: 'report.pdf', title: 'Report', paragraphs: [{ n: 2, start: 0, end: text.length, kind: 'body', page: 3 }] },
  ]);

  it('given a citation, then the old fields come first, unchanged, then title, and page and url only when known', () => {
    const a = citationJson({ doc: 'https://news.example.org/iowa', paragraph: 1, start: 0, end: text.length, quote: text }, cat);
    expect(Object.keys(a)).toEqual(['doc', 'paragraph', 'start', 'end', 'quote', 'title', 'url']);
    expect(a).toMatchObject({ title: 'Iowa floods', url: 'https://news.example.org/iowa' });
    const b = citationJson({ doc: 'report.pdf', paragraph: 2, start: 0, end: text.length, quote: text }, cat);
    expect(Object.keys(b)).toEqual(['doc', 'paragraph', 'start', 'end', 'quote', 'title', 'page']);
    expect(b.page).toBe(3);
  });
});
