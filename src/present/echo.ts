/**
 * Anything a user typed that a surface shows back (a question as a title, a
 * topic in a heading, a thread name): without control characters (C0, C1,
 * NUL), zero-width and bidi-override characters, which would garble or
 * reorder what is shown, and on one line.
 *
 * @example
 * echo('What\u0000 did \u202eAnnan\u0085 say?'); // 'What did Annan say?'
 */
import { INVISIBLE } from '../answer/sanitize.js';

export function echo(typed: string): string {
  return stripInvisible(typed).replace(/\s+/g, ' ').trim();
}

/** The same characters removed, lines kept: for the bot's sentences that may hold something typed (a refusal naming the asked person). */
export function stripInvisible(text: string): string {
  return String(text ?? '').replace(INVISIBLE, '');
}
