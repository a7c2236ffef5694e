import { describe, expect, it } from 'vitest';
import { placeOf } from '../../src/present/citation.js';
import { catalog as catalogOf, docInfo } from '../../src/present/documents.js';
import { presentQuote } from '../../src/present/quote.js';
import type { Quote } from '../../src/types.js';

const quote = (doc: string, paragraph: number): Quote => ({ doc, paragraph, start: 0, end: 5, quote: 'Hello' });
const catalog = (ids: string[]) => catalogOf(ids.map((id) => ({ id, path: `${id}.txt`, title: id.toUpperCase() })));

describe('presentQuote', () => {
  it('given a heading that names the same document and paragraph, when the quote is shown, then it carries no citation of its own', () => {
    expect(presentQuote(quote('a', 3), catalog(['a', 'b']), { heading: { doc: 'a', paragraph: 3 } }).showCite).toBe(false);
  });

  it('given a heading for another paragraph or another document, when the quote is shown, then it is cited', () => {
    expect(presentQuote(quote('a', 3), catalog(['a', 'b']), { heading: { doc: 'a', paragraph: 4 } }).showCite).toBe(true);
    expect(presentQuote(quote('a', 3), catalog(['a', 'b']), { heading: { doc: 'b', paragraph: 3 } }).showCite).toBe(true);
    expect(presentQuote(quote('a', 3), catalog(['a'])).showCite).toBe(true);
  });
});

describe('placeOf', () => {
  it('given the title (¶0), with and without a page, when placed, then it reads "title"', () => {
    expect(placeOf({ paragraph: 0 })).toBe('title');
    expect(placeOf({ paragraph: 0, page: 1 })).toBe('p. 1 title');
    expect(placeOf({ paragraph: 5, page: 3 })).toBe('p. 3 ¶5');
  });
});

describe('docInfo', () => {
  it('given a document with no title and no path, when named, then its id gives the name', () => {
    expect(docInfo({ id: 'reports/annual-2024.txt', path: '' }).title).toBe('annual-2024');
  });

  it('given a document read from a site root or a page, when named, then the name is the host, with the path only when there is one', () => {
    expect(docInfo({ id: 'https://example.org/', path: 'https://example.org/' }).title).toBe('example.org');
    expect(docInfo({ id: 'https://example.org/news/item', path: 'https://example.org/news/item' }).title).toBe('example.org/news/item');
  });

  it('given a file whose whole name is an extension-like dot name, when named, then the name is kept rather than emptied', () => {
    expect(docInfo({ id: '.env', path: '.env' }).title).toBe('.env');
  });
});
