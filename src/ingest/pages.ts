/**
 * Page numbers for paged formats (PDF): the loader reports each page's span
 * of the stored text; every paragraph then carries the page it stands on
 * (pages are joined by blank lines, so a paragraph never straddles two).
 */
import type { Paragraph, Quote, Span, StoredDocument } from '../types.js';

/** The 1-based page whose span contains `offset`, or undefined. */
export function pageAt(pages: readonly Span[], offset: number): number | undefined {
  let lo = 0;
  let hi = pages.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pages[mid]!;
    if (offset < p.start) hi = mid - 1;
    else if (offset >= p.end) lo = mid + 1;
    else return mid + 1;
  }
  return undefined;
}

/** Set `page` on every paragraph from the pages' spans (no-op without pages). */
export function assignPages(paragraphs: Paragraph[], pages: readonly Span[] | undefined): void {
  if (!pages?.length) return;
  for (const p of paragraphs) {
    const n = pageAt(pages, p.start);
    if (n !== undefined) p.page = n;
  }
}

/** The quote with the page of the paragraph it stands in, when its document is paged (otherwise unchanged). */
export function withPage<Q extends Pick<Quote, 'start' | 'page'>>(q: Q, doc: Pick<StoredDocument, 'paragraphs'> | undefined): Q {
  if (!doc || q.page !== undefined) return q;
  const p = doc.paragraphs.find((x) => x.page !== undefined && q.start >= x.start && q.start < x.end);
  return p ? { ...q, page: p.page } : q;
}
