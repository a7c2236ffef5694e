/**
 * An LLM's prose as a reader sees it. The model cites with markers ("[¶3]");
 * its verified quotations are listed after the prose, each with its one
 * citation, so a marker right after a listed quotation would cite that place a
 * second time: it is dropped. A marker after the model's own words (a
 * paraphrase) is the only citation of that claim: it stays, worded like every
 * other citation ("(¶3)").
 *
 * @example
 * proseText('He wanted “a truly effective division of labour” [¶3]. They met in New York [¶4].', quotes);
 * // 'He wanted “a truly effective division of labour”. They met in New York (¶4).'
 */
import type { Quote } from '../types.js';
import { placeOf } from './citation.js';

/** "[¶3]", "[¶3, ¶8]", "[¶ 3]" with the space before it. */
const MARKER = /[ \t\u00a0]*\[¶\s*\d+(?:\s*,\s*¶?\s*\d+)*\]/gu;
/** What may stand between a quotation's last word and its marker: a closing mark. */
const CLOSERS = /[”"’'»)\]]{0,2}$/u;

/** End offsets (in `text`) of every occurrence of the quotations' words. */
function quoteEnds(text: string, quotes: Quote[]): Set<number> {
  const ends = new Set<number>();
  for (const q of quotes) {
    if (!q.quote) continue;
    for (let at = text.indexOf(q.quote); at >= 0; at = text.indexOf(q.quote, at + 1)) ends.add(at + q.quote.length);
  }
  return ends;
}

export function proseText(text: string, quotes: Quote[]): string {
  const ends = quoteEnds(text, quotes);
  return text.replace(MARKER, (marker, offset: number) => {
    const closers = CLOSERS.exec(text.slice(Math.max(0, offset - 2), offset))![0].length;
    for (let k = 0; k <= closers; k++) if (ends.has(offset - k)) return '';
    const nums = [...marker.matchAll(/\d+/gu)].map((m) => Number(m[0]));
    return ` (${nums.map((n) => placeOf({ paragraph: n })).join(', ')})`;
  });
}
