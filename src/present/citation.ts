/**
 * Where a quote stands, said once: "¶5", "p. 3 ¶2", "title"; with several
 * documents, the document's title too (and its URL, for a surface that can
 * link). Every surface words a citation through here.
 *
 * @example
 * const c = citationOf(quote, cat);
 * placeOf(c);                      // '¶5'
 * citationText(c, { withDoc: true }); // 'UN News, ¶5'
 */
import type { Quote } from '../types.js';
import { docOf, type Catalog } from './documents.js';

export interface Citation {
  doc: string;
  title: string;
  url?: string;
  /** ¶ number (0 = the title or boilerplate). */
  paragraph: number;
  page?: number;
}

/** The citation of a quote (or any doc + ¶), its page looked up in the catalog when the quote does not carry one. */
export function citationOf(q: Pick<Quote, 'doc' | 'paragraph'> & { page?: number }, cat: Catalog): Citation {
  const d = docOf(q.doc, cat);
  const page = q.page ?? d.pages?.get(q.paragraph);
  const c: Citation = { doc: q.doc, title: d.title, paragraph: q.paragraph };
  if (d.url) c.url = d.url;
  if (page !== undefined) c.page = page;
  return c;
}

/** "¶5", "p. 3 ¶2", "title" (¶0), "p. 1 title". */
export function placeOf(c: Pick<Citation, 'paragraph' | 'page'>): string {
  const where = c.paragraph > 0 ? `¶${c.paragraph}` : 'title';
  return c.page !== undefined ? `p. ${c.page} ${where}` : where;
}

/** "¶5", or "Title, ¶5" when the reader must be told which document. Plain text (no link). */
export function citationText(c: Citation, opts: { withDoc?: boolean } = {}): string {
  return opts.withDoc ? `${c.title}, ${placeOf(c)}` : placeOf(c);
}

/** The places of a list of citations, each once, in order: "¶2, ¶5". */
export function placesOf(cs: Citation[]): string {
  return [...new Set(cs.map((c) => placeOf(c)))].join(', ');
}
