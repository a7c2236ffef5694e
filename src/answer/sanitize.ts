/**
 * Questions arrive from chat and terminals with anything in them. Clean what
 * cannot mean anything (control, zero-width and bidi-override characters),
 * and refuse what cannot be answered, with a clear message.
 */
import { UserError } from '../errors.js';

export const MAX_QUESTION_CHARS = 1000;

// C0/C1 controls (except tab/newline, which become spaces), zero-width and bidi formatting characters.
export const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/g;

/**
 * @example
 * sanitizeQuestion('  What did\u200b Annan\ttell the Council?\u202e '); // 'What did Annan tell the Council?'
 * sanitizeQuestion('   '); // throws UserError
 */
export function sanitizeQuestion(raw: string): string {
  const q = String(raw ?? '')
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    // Discord mention syntax and @everyone/@here carry no meaning for a question.
    .replace(/<(?:@[!&]?|#)\d+>|@(?:everyone|here)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!q || !/[\p{L}\p{N}]/u.test(q)) {
    throw new UserError('Please ask a question about the document — for example: What did Annan tell the Council?', { code: 'empty_question' });
  }
  if (q.length > MAX_QUESTION_CHARS) {
    throw new UserError(`That question is ${q.length.toLocaleString('en-US')} characters long; please keep it under ${MAX_QUESTION_CHARS.toLocaleString('en-US')}.`, { code: 'question_too_long' });
  }
  return q;
}
