/**
 * Plain-text rendering of answers for terminals and JSON `answer` fields.
 * Rendering never re-words: quotes are printed exactly as stored.
 */
import type { Answer, Attribution, Quote } from '../types.js';

/** "¶5", "p. 3 ¶6" (paged documents: the page, then the document-wide ¶), or "title". */
export const citation = (q: Pick<Quote, 'paragraph' | 'page'>) => (q.paragraph ? `${q.page ? `p. ${q.page} ` : ''}¶${q.paragraph}` : 'title');

const PREPOSITION_START = /^(?:in|at|during|on|before|after|ahead|addressing|speaking|while)\b/i;

/**
 * Who said it, in the bot's own words (never in quotation marks): one
 * wording for the terminal, the quotes CLI and Discord.
 *
 * @example
 * describeAttribution({ speaker: 'Kofi Annan', cue: 'said', addressee: null, setting: 'in a closed-door meeting at UN headquarters' });
 * // 'Kofi Annan, said in a closed-door meeting at UN headquarters'
 */
export function describeAttribution(a: Partial<Attribution>): string {
  let who: string;
  if (a.cue && /^according to$/i.test(a.cue)) who = `according to ${a.speaker ?? 'an unnamed source'}`;
  else who = `${a.speaker ?? 'unattributed'}${a.cue ? `, ${a.cue}` : ''}${a.addressee ? ` ${a.addressee}` : ''}`;
  if (a.setting) who += PREPOSITION_START.test(a.setting) ? ` ${a.setting}` : `, at ${a.setting}`;
  return who;
}

/** "— Kofi Annan, told the Council" when the quotation index knows who spoke. */
export function attributionLine(q: Quote): string | null {
  return q.attribution?.speaker ? `— ${describeAttribution(q.attribution)}` : null;
}

/**
 * @example
 * renderAnswerText(answer);
 * // The document says (¶5):
 * //   “…” (¶5)
 */
export function renderAnswerText(answer: Answer, opts: { multiDoc?: boolean } = {}): string {
  const lines = answer.note ? [answer.note] : [];
  lines.push(answer.text && !answer.refused ? answer.text : answer.lead);
  if (answer.text && !answer.refused && answer.quotes.length) lines.push('', 'Verified quotations:');
  for (const q of answer.quotes) {
    const who = attributionLine(q);
    lines.push(`  “${q.quote}” (${citation(q)}${opts.multiDoc ? `, ${q.doc}` : ''})${who ? `\n     ${who}` : ''}`);
  }
  return lines.join('\n');
}
