/**
 * The extractive summary is a pure function of (documents, length, focus) for
 * one engine, and costly (every candidate sentence is embedded): the last
 * {@link SUMMARY_CACHE_MAX} are kept per engine, least recently used out, so
 * a repeated /summary is answered without recomputing. The LLM's rewording
 * (when configured) is not cached: it runs on each call, on a copy.
 */
import { createHash } from 'node:crypto';
import type { StoredDocument, Summary, SummaryLength } from '../types.js';

export const SUMMARY_CACHE_MAX = 32;

const caches = new WeakMap<object, Map<string, Summary>>();

/** The documents as summarised: identity, content hash, and which paragraphs (a one-paragraph summary is another key). */
function keyOf(docs: StoredDocument[], length: SummaryLength, focus: string | null): string {
  const doc = (d: StoredDocument) => `${d.id}\u0000${d.hash}\u0000${d.paragraphs.map((p) => p.start).join(',')}`;
  return createHash('sha256').update(JSON.stringify([docs.map(doc), length, focus?.trim() || null])).digest('base64');
}

/** A copy of the cached summary for this `owner` (the engine's context) and key, else `compute()`'s, remembered. */
export async function cachedSummary(owner: object, docs: StoredDocument[], length: SummaryLength, focus: string | null, compute: () => Promise<Summary>): Promise<Summary> {
  let cache = caches.get(owner);
  if (!cache) caches.set(owner, (cache = new Map()));
  const key = keyOf(docs, length, focus);
  let s = cache.get(key);
  if (s) cache.delete(key); // re-inserted below: most recently used last
  else s = await compute();
  cache.set(key, s);
  while (cache.size > SUMMARY_CACHE_MAX) cache.delete(cache.keys().next().value!);
  return structuredClone(s);
}
