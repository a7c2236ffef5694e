/**
 * The lead line of an extractive answer, in the bot's own words (never in
 * quotation marks). The question's path itself lives in src/engine/ask.ts
 * (understand → retrieve → select → decide).
 */
import type { Quote } from '../types.js';
import type { QuoteIntent } from '../understand/said.js';
import { citation } from './render.js';

const cites = (quotes: Quote[]) => [...new Set(quotes.map(citation))].join(', ');

/**
 * @example
 * leadLine({ kind: 'said-to', speaker: 'Annan', to: 'the Council' }, quotes); // 'What Kofi Annan told the Council, in the document's words (¶5):'
 */
export function leadLine(intent: QuoteIntent, quotes: Quote[]): string {
  const a = quotes.find((q) => q.attribution?.speaker)?.attribution;
  const n = quotes.length;
  const plural = n === 1 ? 'passage' : 'passages';
  if (intent?.kind === 'who-said' && a?.speaker) return `${a.speaker} — ${n} ${plural} (${cites(quotes)}):`;
  if (intent && intent.kind !== 'who-said' && a?.speaker) {
    const addressee = intent.kind === 'said-to' && a.addressee ? ` ${a.addressee}` : '';
    const verb = intent.kind === 'said-to' ? (a.cue && /^told|^tell/i.test(a.cue) ? 'told' : 'said to') : 'said';
    return `What ${a.speaker} ${verb}${addressee || (intent.kind === 'said-to' ? ` ${intent.to}` : '')}, in the document's words (${cites(quotes)}):`;
  }
  return `The document says (${cites(quotes)}):`;
}
