/**
 * The `npm run quotes` line under a quotation. Wording of attributions is
 * the presentation layer's (./render.ts); this only adds the citation.
 */
import type { Quotation } from '../types.js';
import { citation, describeAttribution } from './render.js';

/**
 * "— speaker, cue addressee setting (¶n)" in the bot's own words (nothing
 * here is in quotation marks, so nothing here claims to be verbatim).
 *
 * @example
 * attribution(q); // '— Kofi Annan, told the Council (¶5)'
 * attribution(q3); // '— Kofi Annan, said in a closed-door meeting at UN headquarters (¶3)'
 */
export function attribution(q: Quotation, opts: { withDoc?: boolean } = {}): string {
  const cite = `(${citation(q)}${opts.withDoc ? `, ${q.doc}` : ''})`;
  return `— ${describeAttribution(q)} ${cite}`;
}
