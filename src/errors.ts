/**
 * An expected refusal (bad input, missing file, rate limit…): shown to the
 * user as its message, never as a stack trace. Anything else is a bug.
 *
 * @example
 * if (!question.trim()) throw new UserError('Please ask a question.');
 */
export class UserError extends Error {
  override name = 'UserError';
  constructor(message: string, options?: { cause?: unknown; code?: string }) {
    super(message, options?.cause !== undefined ? { cause: options.cause } : undefined);
    this.code = options?.code ?? 'user_error';
  }
  readonly code: string;
}

export const isUserError = (e: unknown): e is UserError => e instanceof UserError;

/** One line for a human, from any error. */
export function describeError(e: unknown): string {
  if (isUserError(e)) return e.message;
  if (e instanceof Error) return `Unexpected error: ${e.message}`;
  return `Unexpected error: ${String(e)}`;
}
