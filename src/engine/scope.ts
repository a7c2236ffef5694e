/**
 * A request limited to one document (`/ask document:`, `/summary document:`):
 * the id is checked once, and retrieval ranks over the whole index, then keeps
 * that document's passages.
 */
import { UserError } from '../errors.js';
import type { QueryAhead } from '../retrieve/retrieve.js';
import type { Passage, StoredDocument } from '../types.js';
import type { EngineContext } from './context.js';

/** The document a request is limited to; an unknown id is a clear error. */
export function onlyDoc(ctx: EngineContext, doc: string | undefined): string | undefined {
  if (doc !== undefined && !ctx.index.docById.has(doc)) throw new UserError(`There is no document "${doc}" here; pick one from the list.`);
  return doc;
}

/** The documents a request covers. */
export const documentsIn = (ctx: EngineContext, doc: string | undefined): StoredDocument[] => (doc ? [ctx.index.docById.get(doc)!] : ctx.index.documents);

/** Top-k passages, from one document when `doc` is set. */
export async function searchIn(ctx: EngineContext, query: string, k: number, doc: string | undefined, ahead?: QueryAhead, written?: string): Promise<Passage[]> {
  if (!doc) return ctx.retriever.search(query, k, ahead, written);
  const all = await ctx.retriever.search(query, ctx.index.chunks.length, ahead, written);
  return all.filter((p) => p.chunk.docId === doc).slice(0, k).map((p, i) => ({ ...p, rank: i + 1 }));
}
