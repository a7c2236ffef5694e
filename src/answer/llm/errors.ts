/**
 * Why an LLM call failed, in a form the caller can act on: every failure of
 * the endpoint (down, slow, rate-limited, 5xx, malformed, context too long)
 * and an answer with no verifiable quotation become one
 * {@link LlmUnavailableError}, so the engine falls back to the extractive
 * answer and prints {@link LlmUnavailableError.note} as its one-line note.
 */
import type { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';

/** The openai client's error classes (the client loads `openai` on its first call, not at start-up). */
export interface OpenAiErrors {
  APIConnectionError: typeof APIConnectionError;
  APIConnectionTimeoutError: typeof APIConnectionTimeoutError;
  APIError: typeof APIError;
  APIUserAbortError: typeof APIUserAbortError;
}

export type LlmFailure =
  | 'unreachable'
  | 'timeout'
  | 'rate-limited'
  | 'server-error'
  | 'context-too-long'
  | 'unauthorized'
  | 'rejected'
  | 'bad-response'
  | 'unverifiable';

const SHORT: Record<LlmFailure, string> = {
  unreachable: 'could not be reached',
  timeout: 'did not answer in time',
  'rate-limited': 'is rate-limited (HTTP 429)',
  'server-error': 'failed with a server error',
  'context-too-long': 'cannot fit the question and passages in its context',
  unauthorized: 'refused the API key',
  rejected: 'rejected the request',
  'bad-response': 'sent a malformed response',
  unverifiable: 'gave no quotation that checks out against the document',
};

/**
 * The LLM could not give a usable answer. `reason` says why; `note` is one
 * short line for the user; `cause` keeps the underlying error.
 *
 * @example
 * try { answer = await llm.answer(input); }
 * catch (e) {
 *   if (!(e instanceof LlmUnavailableError)) throw e;
 *   answer = { ...extractive, mode: 'llm-fallback' };
 *   console.log(e.note); // "The language model did not answer in time (30 s) — showing the extractive answer."
 * }
 */
export class LlmUnavailableError extends Error {
  override name = 'LlmUnavailableError';
  readonly reason: LlmFailure;
  /** One line for the user, ending with what happens instead. */
  readonly note: string;
  constructor(reason: LlmFailure, detail: string, options?: { cause?: unknown }) {
    super(`LLM ${reason}: ${detail}`, options?.cause !== undefined ? { cause: options.cause } : undefined);
    this.reason = reason;
    const extra = reason === 'timeout' || reason === 'server-error' || reason === 'rejected' ? ` (${detail})` : '';
    this.note = `The language model ${SHORT[reason]}${extra} — showing the extractive answer.`;
  }
}

/** A caller-initiated abort (the user cancelled): not a reason to fall back. */
export function abortError(reason?: unknown): Error {
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const e = new Error('The request was cancelled.', reason !== undefined ? { cause: reason } : undefined);
  e.name = 'AbortError';
  return e;
}

const CONTEXT_RE =
  /context[_ ]length|context[_ ]window|context size|maximum context|too many tokens|prompt is too long|too long for the model|exceeds? (?:the )?(?:model'?s? )?(?:maximum )?(?:available )?context|n_ctx/i;

/** Map anything the openai client (or the stream) throws to an {@link LlmUnavailableError}. */
export function classifyLlmError(e: unknown, ctx: { timeoutMs: number; timedOut: boolean; api?: OpenAiErrors }): LlmUnavailableError {
  if (e instanceof LlmUnavailableError) return e;
  const secs = `${Math.round(ctx.timeoutMs / 100) / 10} s`;
  const api = ctx.api;
  if (ctx.timedOut || (api && e instanceof api.APIConnectionTimeoutError)) return new LlmUnavailableError('timeout', secs, { cause: e });
  if (api && e instanceof api.APIUserAbortError) return new LlmUnavailableError('timeout', secs, { cause: e });
  if (api && e instanceof api.APIConnectionError) return new LlmUnavailableError('unreachable', e.message, { cause: e });
  if (api && e instanceof api.APIError) {
    const status = e.status;
    const err = (e.error ?? {}) as { code?: unknown; message?: unknown };
    const text = `${e.message} ${typeof err.message === 'string' ? err.message : ''} ${typeof err.code === 'string' ? err.code : ''}`;
    if (err.code === 'context_length_exceeded' || CONTEXT_RE.test(text))
      return new LlmUnavailableError('context-too-long', text.trim(), { cause: e });
    if (status === 429) return new LlmUnavailableError('rate-limited', 'HTTP 429', { cause: e });
    if (status === 401 || status === 403) return new LlmUnavailableError('unauthorized', `HTTP ${status}`, { cause: e });
    if (status === undefined) return new LlmUnavailableError('server-error', 'error event in the stream', { cause: e });
    if (status >= 500) return new LlmUnavailableError('server-error', `HTTP ${status}`, { cause: e });
    return new LlmUnavailableError('rejected', `HTTP ${status}`, { cause: e });
  }
  const message = e instanceof Error ? e.message : String(e);
  return new LlmUnavailableError('bad-response', message, { cause: e });
}
