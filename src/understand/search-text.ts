/**
 * What retrieval searches for: the understood query, and for a request by
 * topic, the documents' words nearest to its words they never use
 * (./near-words.ts): "quote the part about his lawyer" also searches for
 * "attorney".
 */
import type { NearWords } from './near-words.js';
import type { Understanding } from './understand.js';

export function searchText(ctx: { nearWords: NearWords | null }, u: Understanding): string {
  if (!ctx.nearWords || u.intent.kind !== 'quote') return u.query;
  return ctx.nearWords.expand(u.query);
}
