/**
 * What differs between the document's words and a claim, word by word
 * (jsdiff's `diffWords` on both texts with quotation-mark and dash style and
 * whitespace normalised, so only real differences show).
 */
import { diffWords } from 'diff';
import type { Difference } from './types.js';
import { styleFree } from './normalize.js';

/**
 * @example
 * differences('Clinics are running out of supplies.', 'Clinics are running out of medicine.');
 * // [{ document: 'supplies', claim: 'medicine' }]
 */
export function differences(documentWords: string, claim: string): Difference[] {
  const out: Difference[] = [];
  let pending: Difference | null = null;
  for (const part of diffWords(styleFree(documentWords), styleFree(claim))) {
    if (!part.added && !part.removed) {
      if (pending) out.push(pending);
      pending = null;
      continue;
    }
    pending ??= { document: '', claim: '' };
    if (part.removed) pending.document = `${pending.document} ${part.value}`.trim().replace(/\s+/g, ' ');
    else pending.claim = `${pending.claim} ${part.value}`.trim().replace(/\s+/g, ' ');
  }
  if (pending) out.push(pending);
  return out;
}
