/**
 * Lookups that need no question: the quotation index, a paragraph by
 * number, passages by topic or number, and what is indexed.
 */
import type { About, ParagraphView, PassageRequest, QuotationFilter } from '../engine-api.js';
import { UserError } from '../errors.js';
import { filterQuotations } from '../quotes/index.js';
import { quoteAt, verifyQuotes } from '../answer/verify.js';
import { modelKey } from '../embed/types.js';
import type { Quotation, Quote } from '../types.js';
import type { EngineContext } from './context.js';
import { quotesAbout } from './ask.js';
import { onlyDoc } from './scope.js';

export async function quotations(ctx: EngineContext, filter: QuotationFilter = {}): Promise<Quotation[]> {
  const { index, logger } = ctx;
  const doc = onlyDoc(ctx, filter.doc);
  const all = filter.speaker || filter.to || filter.about ? filterQuotations(index.quotations, filter, ctx.filterOptions()) : index.quotations;
  return all.filter((q) => (!doc || q.doc === doc) && verifyQuotes([{ doc: q.doc, paragraph: q.paragraph, start: q.start, end: q.end, quote: q.quote }], index.docById, logger).length === 1);
}

export async function passages(ctx: EngineContext, req: PassageRequest): Promise<Quote[]> {
  const { index, logger } = ctx;
  const doc = req.doc ? index.docById.get(req.doc) : index.documents[0];
  if (!doc) throw new UserError(`No such document: ${req.doc}`);
  const limit = req.limit ?? ctx.settings.maxQuotes;
  if (req.paragraph !== undefined) {
    const p = doc.paragraphs.find((x) => x.kind === 'body' && x.n === req.paragraph);
    const count = doc.paragraphs.filter((x) => x.kind === 'body').length;
    if (!p) throw new UserError(`There is no ¶${req.paragraph}; “${doc.title}” has paragraphs ¶1–¶${count}.`);
    return verifyQuotes([quoteAt(doc, p.start, p.end, p.n)], index.docById, logger);
  }
  if (!req.about?.trim()) throw new UserError('Say what the passage should be about, or give a paragraph number.');
  return quotesAbout(ctx, req.about, limit, req.doc);
}

export function paragraph(ctx: EngineContext, docId: string, n: number): ParagraphView | undefined {
  const doc = ctx.index.docById.get(docId);
  if (!doc) return undefined;
  const body = doc.paragraphs.filter((p) => p.kind === 'body');
  const i = body.findIndex((p) => p.n === n);
  if (i < 0) return undefined;
  const p = body[i]!;
  return { doc: doc.id, title: doc.title, paragraph: p, text: doc.text.slice(p.start, p.end), prev: body[i - 1]?.n ?? null, next: body[i + 1]?.n ?? null };
}

export function about(ctx: EngineContext): About {
  const { index, embedder, llm } = ctx;
  return {
    documents: index.documents.map((d) => ({ id: d.id, title: d.title, paragraphs: d.paragraphs.filter((p) => p.kind === 'body').length, chars: d.text.length })),
    chunks: index.chunks.length,
    model: embedder ? modelKey(embedder) : null,
    dim: embedder ? embedder.dim : null,
    builtAt: index.manifest.builtAt,
    llm: llm?.label ?? null,
  };
}
