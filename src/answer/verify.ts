/**
 * The product's promise: whatever is shown in quotation marks is
 * byte-for-byte in the source at the cited offsets. Every quote passes
 * through here before output; a failure is a bug, logged, and the quote is
 * dropped — never shown.
 */
import { withPage } from '../ingest/pages.js';
import type { Logger } from '../log.js';
import type { Quote, StoredDocument } from '../types.js';

/** Does `quote` stand exactly at its offsets in its document? */
export function isVerbatim(q: Quote, docs: ReadonlyMap<string, StoredDocument>): boolean {
  const doc = docs.get(q.doc);
  return !!doc && Number.isInteger(q.start) && Number.isInteger(q.end) && q.start >= 0 && q.end > q.start && doc.text.slice(q.start, q.end) === q.quote;
}

/**
 * Keep only verified quotes; log every dropped one as an error (it is a bug).
 * Quotes from a paged document (PDF) leave with their page.
 *
 * @example
 * const safe = verifyQuotes(answer.quotes, index.docById, logger);
 */
export function verifyQuotes(quotes: Quote[], docs: ReadonlyMap<string, StoredDocument>, logger?: Logger): Quote[] {
  return quotes.filter((q) => {
    const ok = isVerbatim(q, docs);
    if (!ok) logger?.error({ doc: q.doc, start: q.start, end: q.end, quote: q.quote.slice(0, 200) }, 'BUG: dropped a quote that is not verbatim at its offsets');
    return ok;
  }).map((q) => withPage(q, docs.get(q.doc)));
}

/** Build a Quote from offsets (the only way quotes are made). */
export function quoteAt(doc: StoredDocument, start: number, end: number, paragraph: number): Quote {
  return withPage({ doc: doc.id, paragraph, start, end, quote: doc.text.slice(start, end) }, doc);
}
