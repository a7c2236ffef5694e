/**
 * Where the claim's words stand in a document, forgiving only quotation-mark
 * and dash style and whitespace ({@link normalizeStyle}), at word
 * boundaries, as exact source offsets.
 */
import type { Span, StoredDocument } from '../types.js';
import { matchForm, type Normalized } from './normalize.js';

const cache = new WeakMap<StoredDocument, Normalized>();
const normalized = (doc: StoredDocument) => {
  let n = cache.get(doc);
  if (!n) cache.set(doc, (n = matchForm(doc.text)));
  return n;
};

const WORD = /[\p{L}\p{N}]/u;

/**
 * Every place in the document where the claim's words stand (at most `limit`).
 *
 * @example
 * exactSpans(doc, 'multilateralism and joint action - rather'); // [{ start: 428, end: 470 }]
 */
export function exactSpans(doc: StoredDocument, claim: string, limit = 5): Span[] {
  const n = normalized(doc);
  const want = matchForm(claim).text.trim();
  if (!want) return [];
  const out: Span[] = [];
  for (let i = n.text.indexOf(want); i !== -1 && out.length < limit; i = n.text.indexOf(want, i + 1)) {
    const j = i + want.length;
    // Whole words only: "e need" is not in "We need".
    if (WORD.test(want[0]!) && i > 0 && WORD.test(n.text[i - 1]!)) continue;
    if (WORD.test(want[want.length - 1]!) && j < n.text.length && WORD.test(n.text[j]!)) continue;
    out.push({ start: n.map[i]!, end: n.map[j]! });
  }
  return out;
}
