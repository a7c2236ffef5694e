/**
 * One chat completion against any OpenAI-compatible endpoint, with the
 * official `openai` client: no retries, one overall deadline
 * (LLM_TIMEOUT_MS, via AbortController, covering connect + the whole stream),
 * streaming or not. Every failure becomes an {@link LlmUnavailableError};
 * a cancel from the caller's own signal is re-thrown as an AbortError.
 */
import type OpenAI from 'openai';
import type { Config } from '../../config.js';
import { secretScrubber, type Logger } from '../../log.js';
import { abortError, classifyLlmError, LlmUnavailableError } from './errors.js';

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

export interface ChatRequest {
  /** What the call is for (logged only). */
  purpose: 'answer' | 'condense' | 'summary';
  messages: ChatMessage[];
  maxTokens: number;
  /** Stream tokens; `onText` gets the whole text so far after each delta. */
  stream: boolean;
  onText?: (textSoFar: string) => void;
  signal?: AbortSignal;
  /** Overrides LLM_TIMEOUT_MS for this call. */
  timeoutMs?: number;
}

export interface ChatResult {
  text: string;
  finishReason: string | null;
  latencyMs: number;
}

export interface ChatClient {
  complete(request: ChatRequest): Promise<ChatResult>;
  /** "model @ host" for logs and `about()`. */
  readonly label: string;
}

const STAINLESS_HEADERS = [
  'X-Stainless-Lang',
  'X-Stainless-Package-Version',
  'X-Stainless-OS',
  'X-Stainless-Arch',
  'X-Stainless-Runtime',
  'X-Stainless-Runtime-Version',
  'X-Stainless-Retry-Count',
  'X-Stainless-Timeout',
];

/** Host (and port) of a base URL, without any credentials or path. */
export function endpointHost(baseURL: string): string {
  try {
    return new URL(baseURL).host;
  } catch {
    return 'the configured endpoint';
  }
}

/**
 * @example
 * const chat = createChatClient({ config, logger });
 * const { text } = await chat.complete({ purpose: 'answer', messages, maxTokens: 600, stream: false });
 */
export function createChatClient(deps: { config: Config; logger: Logger; fetch?: typeof fetch; now?: () => number }): ChatClient {
  const { config, logger } = deps;
  const now = deps.now ?? (() => Date.now());
  const baseURL = config.LLM_BASE_URL!;
  const model = config.LLM_MODEL!;
  // `openai` (~100 modules) loads on the first call, not when the engine opens: a one-shot `ask` rarely calls it.
  let api: typeof import('openai') | undefined;
  let opening: Promise<OpenAI> | undefined;
  const openClient = () => (opening ??= import('openai').then((m) => ((api = m), new m.default(clientOptions))));
  const clientOptions: ConstructorParameters<typeof OpenAI>[0] = {
    baseURL,
    // The client insists on a key; without one we send no Authorization header at all.
    apiKey: config.LLM_API_KEY ?? 'unused',
    // send nothing about this machine: drop the client's platform headers (and Authorization without a key)
    defaultHeaders: {
      'User-Agent': 'verbatim',
      ...Object.fromEntries(STAINLESS_HEADERS.map((h) => [h, null])),
      ...(config.LLM_API_KEY ? {} : { Authorization: null }),
    },
    organization: null,
    project: null,
    maxRetries: 0,
    timeout: config.LLM_TIMEOUT_MS,
    logLevel: 'off',
    ...(deps.fetch ? { fetch: deps.fetch as never } : {}),
  };
  const label = `${model} @ ${endpointHost(baseURL)}`;
  // The model may echo a configured secret (a prompt injection asking for it): never pass one on.
  const scrub = secretScrubber([config.DISCORD_TOKEN, config.LLM_API_KEY]);

  async function complete(req: ChatRequest): Promise<ChatResult> {
    const timeoutMs = req.timeoutMs ?? config.LLM_TIMEOUT_MS;
    if (req.signal?.aborted) throw abortError(req.signal.reason);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error(`LLM deadline of ${timeoutMs} ms passed`));
    }, timeoutMs);
    const onCallerAbort = () => controller.abort(req.signal?.reason);
    req.signal?.addEventListener('abort', onCallerAbort, { once: true });
    const t0 = now();
    const body = { model, messages: req.messages, max_tokens: req.maxTokens, temperature: 0 };
    const opts = { signal: controller.signal, maxRetries: 0, timeout: timeoutMs };
    const callerAborted = () => !timedOut && !!req.signal?.aborted;
    try {
      const client = await openClient();
      let text = '';
      let finishReason: string | null = null;
      if (req.stream) {
        const stream = await client.chat.completions.create({ ...body, stream: true }, opts);
        let chunks = 0;
        for await (const chunk of stream) {
          chunks++;
          if (!chunk || !Array.isArray(chunk.choices)) throw new Error('stream chunk without "choices"');
          const choice = chunk.choices[0];
          const delta = choice?.delta?.content;
          if (typeof delta === 'string' && delta.length) {
            text += delta;
            req.onText?.(scrub(text, { partial: true }));
          }
          if (choice?.finish_reason) finishReason = choice.finish_reason;
        }
        // the client ends the iteration quietly when aborted: that is our deadline or the caller's cancel
        if (controller.signal.aborted) throw controller.signal.reason ?? new Error('aborted');
        if (!chunks) throw new Error('empty stream (no data events)');
      } else {
        const res = await client.chat.completions.create({ ...body, stream: false }, opts);
        const content = (res as { choices?: { message?: { content?: unknown }; finish_reason?: string }[] })?.choices?.[0];
        if (!content || typeof content.message?.content !== 'string') throw new Error('response without choices[0].message.content');
        text = content.message.content;
        finishReason = content.finish_reason ?? null;
      }
      if (!text.trim()) throw new Error('empty completion');
      const latencyMs = now() - t0;
      if (finishReason === 'length') logger.warn({ purpose: req.purpose, maxTokens: req.maxTokens }, 'LLM output hit the max-tokens budget');
      logger.debug({ purpose: req.purpose, llm: label, latencyMs, chars: text.length, finishReason }, 'LLM call done');
      return { text: scrub(text), finishReason, latencyMs };
    } catch (e) {
      if (callerAborted()) throw abortError(req.signal?.reason);
      const err = e instanceof LlmUnavailableError ? e : classifyLlmError(e, { timeoutMs, timedOut, ...(api && { api }) });
      logger.warn({ purpose: req.purpose, llm: label, reason: err.reason, latencyMs: now() - t0, err: err.message }, 'LLM call failed');
      throw err;
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  return { complete, label };
}
