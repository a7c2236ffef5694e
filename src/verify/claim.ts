/**
 * A pasted claim, cleaned: invisible and bidi characters and Discord
 * mentions removed, whitespace trimmed, and one pair of quotation marks
 * around the whole of it taken off (“…” is how people paste a quote).
 * Nothing else changes: the words are what is checked.
 */
import { INVISIBLE } from '../answer/sanitize.js';
import { UserError } from '../errors.js';
import { styleFree } from './normalize.js';

export const MAX_CLAIM_CHARS = 1000;
/** A one-word claim shorter than this ("a", "the") is in every document and says nothing; two words or a longer word are checked. */
export const MIN_LONE_WORD_CHARS = 4;

/**
 * @example
 * cleanClaim('  “We are rationing insulin,”  '); // 'We are rationing insulin,'
 * cleanClaim(' '); // throws UserError (empty_claim)
 * cleanClaim('a'); // throws UserError (claim_too_short)
 */
export function cleanClaim(raw: string): string {
  let c = String(raw ?? '')
    .replace(INVISIBLE, '')
    .replace(/<(?:@[!&]?|#)\d+>|@(?:everyone|here)\b/g, ' ')
    .trim();
  const n = styleFree(c);
  if (n.length >= 2 && /^["']/.test(n) && /["']$/.test(n) && !/["']/.test(n.slice(1, -1).replace(/\p{L}'\p{L}/gu, ''))) c = c.slice(1, -1).trim();
  if (!/[\p{L}\p{N}]/u.test(c)) {
    throw new UserError('Paste the words to check — for example: "We need to ensure that multilateralism and joint action".', { code: 'empty_claim' });
  }
  const words = c.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length < 2 && words.join('').replace(/[^\p{L}\p{N}]/gu, '').length < MIN_LONE_WORD_CHARS) {
    throw new UserError(`“${c}” is too short to check — paste at least two words of the quote.`, { code: 'claim_too_short' });
  }
  if (c.length > MAX_CLAIM_CHARS) {
    throw new UserError(`That quote is ${c.length.toLocaleString('en-US')} characters long; please check at most ${MAX_CLAIM_CHARS.toLocaleString('en-US')} at a time.`, { code: 'claim_too_long' });
  }
  return c;
}
