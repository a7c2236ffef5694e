import type { Quotation } from '../types.js';


/**
 * The JSON shape of `npm run quotes -- --json` items (field order fixed).
 *
 * @example
 * JSON.stringify(qs.map(quotationJson));
 */
export function quotationJson(q: Quotation) {
  const { doc, paragraph, start, end, quote, speaker, cue, addressee, setting } = q;
  return { doc, paragraph, start, end, quote, speaker, cue, addressee, setting };
}
