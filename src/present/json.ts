/**
 * Citations in the JSON CLIs (`ask --json`, `summary --json`, `quotes
 * --json`): the fields they always had (`doc`, `paragraph`, `start`, `end`,
 * `quote`, with `quote === text.slice(start, end)`), plus the document's
 * `title`, and `page` and `url` when known.
 *
 * @example
 * citationJson(quote, cat); // { doc, paragraph, start, end, quote, title: 'UN News …' }
 */
import type { Quote } from '../types.js';
import { citationOf } from './citation.js';
import type { Catalog } from './documents.js';

export interface CitationJson {
  doc: string;
  paragraph: number;
  start: number;
  end: number;
  quote: string;
  title: string;
  page?: number;
  url?: string;
}

/** The document fields a JSON citation adds: title, and page / url when known. */
export function docFields(q: Pick<Quote, 'doc' | 'paragraph'> & { page?: number }, cat: Catalog): Pick<CitationJson, 'title' | 'page' | 'url'> {
  const c = citationOf(q, cat);
  return { title: c.title, ...(c.page !== undefined ? { page: c.page } : {}), ...(c.url ? { url: c.url } : {}) };
}

export function citationJson(q: Quote, cat: Catalog): CitationJson {
  const { doc, paragraph, start, end, quote } = q;
  return { doc, paragraph, start, end, quote, ...docFields(q, cat) };
}
