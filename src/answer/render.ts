/**
 * Plain-text rendering of answers for terminals and JSON `answer` fields.
 * Rendering never re-words: quotes are printed exactly as stored.
 */
import type { Answer, Quote } from '../types.js';

/** "(¶5)" or "(title)". */
export const citation = (q: Pick<Quote, 'paragraph'>) => (q.paragraph ? `¶${q.paragraph}` : 'title');

/** "— Kofi Annan, told the Council" when the quotation index knows who spoke. */
export function attributionLine(q: Quote): string | null {
  const a = q.attribution;
  if (!a?.speaker) return null;
  return `— ${a.speaker}${a.cue ? `, ${a.cue}` : ''}${a.addressee ? ` ${a.addressee}` : ''}`;
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
