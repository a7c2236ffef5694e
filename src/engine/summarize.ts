/**
 * Summaries: the cited extractive summary of the documents (or of one
 * paragraph), written fluently by the LLM when one is configured.
 */
import { summarize as summarizeDocs } from '../summarize/summarize.js';
import { verifyQuotes } from '../answer/verify.js';
import { LlmUnavailableError } from '../answer/llm/index.js';
import type { StoredDocument, Summary, SummaryLength } from '../types.js';
import type { EngineContext } from './context.js';
import { documentsIn, onlyDoc } from './scope.js';
import { cachedSummary } from './summary-cache.js';

/** The document restricted to one body paragraph (same text, so every offset still holds). */
export function paragraphOnly(doc: StoredDocument, n: number): StoredDocument | null {
  const p = doc.paragraphs.find((x) => x.kind === 'body' && x.n === n);
  if (!p) return null;
  return { ...doc, paragraphs: [p], sentences: doc.sentences.filter((s) => s.paragraph === n) };
}

/**
 * @example
 * await summarize(ctx, { length: 'short' });
 */
export async function summarize(ctx: EngineContext, options: { length?: SummaryLength; focus?: string | null; documents?: StoredDocument[]; doc?: string } = {}): Promise<Summary> {
  const { index, llm, logger } = ctx;
  const only = onlyDoc(ctx, options.doc);
  const length: SummaryLength = options.length ?? 'medium';
  const docs = options.documents ?? documentsIn(ctx, only);
  const s = await cachedSummary(ctx, docs, length, options.focus ?? null, async () => {
    const x = await summarizeDocs(docs, { length, focus: options.focus ?? null, embedder: ctx.embedder, quotations: index.quotations });
    x.summary = verifyQuotes(x.summary, index.docById, logger);
    return x;
  });
  if (llm && s.summary.length) {
    try {
      const written = await llm.summarize({ quotes: s.summary, length, focus: s.focus, documentText: (id) => index.docById.get(id)!.text });
      s.text = written.text;
    } catch (e) {
      if (!(e instanceof LlmUnavailableError)) throw e;
      s.note = e.note;
      logger.warn({ err: e }, 'LLM unavailable; extractive summary');
    }
  }
  return s;
}
