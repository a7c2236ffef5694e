import { describe, expect, it } from 'vitest';
import { MAX_QUESTION_CHARS, sanitizeQuestion } from '../../src/answer/sanitize.js';
import { UserError } from '../../src/errors.js';

/** The README's "Bad input" line: the 1,000-character limit, mention syntax ignored as text, invisible characters removed. */
const refusal = (q: string): unknown => {
  try {
    sanitizeQuestion(q);
    return null;
  } catch (e) {
    return e;
  }
};

describe('question length limit', () => {
  it('given a question of exactly 1,000 characters, when sanitized, then it is accepted', () => {
    const q = `What ${'a'.repeat(995)}`;
    expect(q).toHaveLength(1000);
    expect(MAX_QUESTION_CHARS).toBe(1000);
    expect(sanitizeQuestion(q)).toBe(q);
  });

  it('given a question of 1,001 characters, when sanitized, then one UserError names its length and the limit', () => {
    const e = refusal(`What ${'a'.repeat(996)}`);
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).code).toBe('question_too_long');
    expect((e as UserError).message).toBe('That question is 1,001 characters long; please keep it under 1,000.');
  });

  it('given 1,000 characters of question padded with invisible characters and spaces, when sanitized, then the padding does not count', () => {
    const q = `What ${'a'.repeat(995)}`;
    expect(sanitizeQuestion(`  \u200b${q}\u202e\u0000  `)).toBe(q);
  });
});

describe('Discord mention syntax in a question', () => {
  it.each([
    ['a user mention', '<@123456789012345678> what did Annan tell the Council?'],
    ['a nickname mention', '<@!123456789012345678> what did Annan tell the Council?'],
    ['a role mention', '<@&123456789012345678> what did Annan tell the Council?'],
    ['a channel mention', '<#123456789012345678> what did Annan tell the Council?'],
    ['@everyone', '@everyone what did Annan tell the Council?'],
    ['@here', '@here what did Annan tell the Council?'],
  ])('given %s, when sanitized, then it is dropped and the question is left', (_what, q) => {
    expect(sanitizeQuestion(q)).toBe('what did Annan tell the Council?');
  });

  it('given only mentions, when sanitized, then it is refused as an empty question', () => {
    const e = refusal('<@123> @everyone <#456>');
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).code).toBe('empty_question');
  });
});

describe('invisible characters in a question', () => {
  it('given control, zero-width and bidi characters and tabs, when sanitized, then they are removed and whitespace collapses', () => {
    expect(sanitizeQuestion('\u0007What\tdid\u200b Annan\u200f tell\u2066 the \u202eCouncil?\u0000\ufeff')).toBe('What did Annan tell the Council?');
  });
});
