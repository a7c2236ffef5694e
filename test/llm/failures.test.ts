import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import {
  answerWithFallback,
  createLlmAnswerer,
  loadPrompts,
  LlmUnavailableError,
  type LlmFailure,
  type Prompts,
} from '../../src/answer/llm/index.js';
import type { Answer } from '../../src/types.js';
import { chunk, chunksOf, closedPort, startFakeOpenAI, type FakeOpenAI, type Reply } from './fake-openai.js';
import { documentText, passage, repoRoot, testConfig, useFakeOpenAI } from './helpers.js';

/** The deadline used here, and the slack allowed on top of it (2 shared cores). */
const TIMEOUT = 300;
const MARGIN = 700;

const fixture = useFakeOpenAI();

const llmAt = (baseURL: string) =>
  createLlmAnswerer({ config: testConfig({ LLM_BASE_URL: baseURL, LLM_TIMEOUT_MS: String(TIMEOUT) }), logger: silentLogger(), prompts: fixture.prompts });

const input = (stream: boolean) => ({
  question: 'What did Annan ask for?',
  passages: [passage(3), passage(4)],
  history: [],
  documentText,
  ...(stream ? { onPartial: () => {} } : {}),
});

const EXTRACTIVE: Answer = {
  question: 'What did Annan ask for?',
  lead: 'Annan asked for a clearer division of labour.',
  quotes: [{ doc: passage(3).doc, paragraph: 3, start: 0, end: 1, quote: 'x' }],
  refused: false,
  mode: 'extractive',
};

async function timed<T>(p: Promise<T>): Promise<{ value: T | unknown; ms: number }> {
  const t0 = performance.now();
  const value = await p.catch((e: unknown) => e);
  return { value, ms: performance.now() - t0 };
}

const contextOpenAI = {
  error: {
    message: "This model's maximum context length is 4096 tokens. However, your messages resulted in 9000 tokens.",
    type: 'invalid_request_error',
    code: 'context_length_exceeded',
  },
};
const contextLlamaCpp = { error: { code: 400, message: 'the request exceeds the available context size, try increasing it', type: 'exceed_context_size_error' } };

const cases: { name: string; stream: boolean; reply: Reply; reason: LlmFailure; slow?: boolean }[] = [
  { name: 'no response at all (slow)', stream: false, reply: { type: 'hang' }, reason: 'timeout', slow: true },
  { name: 'a JSON answer after 5 s (slow)', stream: false, reply: { type: 'json', delayMs: 5000, body: {} }, reason: 'timeout', slow: true },
  {
    name: 'a stream that stalls after two chunks (slow)',
    stream: true,
    reply: { type: 'sse', events: chunksOf('He wanted “a truly effective division of labour” [¶3].', 5), stallAfter: 2 },
    reason: 'timeout',
    slow: true,
  },
  { name: 'HTTP 429', stream: false, reply: { type: 'json', status: 429, body: { error: { message: 'Rate limit reached' } } }, reason: 'rate-limited' },
  { name: 'HTTP 429 while streaming', stream: true, reply: { type: 'json', status: 429, body: { error: { message: 'slow down' } } }, reason: 'rate-limited' },
  { name: 'HTTP 500', stream: false, reply: { type: 'json', status: 500, body: { error: { message: 'boom' } } }, reason: 'server-error' },
  { name: 'HTTP 503 while streaming', stream: true, reply: { type: 'raw', status: 503, body: 'Service Unavailable' }, reason: 'server-error' },
  { name: 'a malformed stream (bad JSON)', stream: true, reply: { type: 'sse', events: [chunk('He'), '{"choices": [ {"delta": '] }, reason: 'bad-response' },
  { name: 'a stream of chunks without choices', stream: true, reply: { type: 'sse', events: [{ id: 'x', object: 'chat.completion.chunk' }] }, reason: 'bad-response' },
  { name: 'a stream that is not SSE at all', stream: true, reply: { type: 'raw', status: 200, headers: { 'content-type': 'text/html' }, body: '<html>hi</html>' }, reason: 'bad-response' },
  { name: 'an error event inside the stream', stream: true, reply: { type: 'sse', events: [chunk('He'), { error: { message: 'model crashed' } }] }, reason: 'server-error' },
  { name: 'a non-JSON 200 answer', stream: false, reply: { type: 'raw', status: 200, headers: { 'content-type': 'text/plain' }, body: 'hello' }, reason: 'bad-response' },
  { name: 'an empty completion', stream: false, reply: { type: 'json', body: { choices: [{ index: 0, message: { role: 'assistant', content: '' }, finish_reason: 'stop' }] } }, reason: 'bad-response' },
  { name: 'context too long (OpenAI/vLLM style 400)', stream: false, reply: { type: 'json', status: 400, body: contextOpenAI }, reason: 'context-too-long' },
  { name: 'context too long (llama.cpp style 400, streaming)', stream: true, reply: { type: 'json', status: 400, body: contextLlamaCpp }, reason: 'context-too-long' },
  { name: 'HTTP 401', stream: false, reply: { type: 'json', status: 401, body: { error: { message: 'bad key' } } }, reason: 'unauthorized' },
  { name: 'HTTP 404 (unknown model)', stream: false, reply: { type: 'json', status: 404, body: { error: { message: 'model "x" not found' } } }, reason: 'rejected' },
];

describe('each failure of the endpoint throws LlmUnavailableError promptly (and the caller falls back to extractive)', () => {
  for (const c of cases) {
    it(`given ${c.name}, then it throws LlmUnavailableError "${c.reason}" within the timeout, after one request`, async () => {
      fixture.fake.script(() => c.reply);
      const { value, ms } = await timed(llmAt(fixture.fake.baseURL).answer(input(c.stream)));
      expect(value).toBeInstanceOf(LlmUnavailableError);
      const err = value as LlmUnavailableError;
      expect(err.reason).toBe(c.reason);
      expect(err.cause).toBeDefined();
      expect(err.note).toMatch(/^The language model .+ — showing the extractive answer\.$/);
      expect(err.note).not.toContain('\n');
      expect(ms).toBeLessThan(TIMEOUT + MARGIN);
      if (c.slow) expect(ms).toBeGreaterThanOrEqual(TIMEOUT - 20);
      expect(fixture.fake.requests).toHaveLength(1); // no retries
    });
  }

  it('given nothing listening on the port (connection refused), then it throws "unreachable" promptly', async () => {
    const port = await closedPort();
    const { value, ms } = await timed(llmAt(`http://127.0.0.1:${port}/v1`).answer(input(false)));
    expect(value).toBeInstanceOf(LlmUnavailableError);
    expect((value as LlmUnavailableError).reason).toBe('unreachable');
    expect(ms).toBeLessThan(TIMEOUT + MARGIN);
  });

  it('given any failure, when wrapped by answerWithFallback, then the extractive answer comes back as mode "llm-fallback" with the one-line note', async () => {
    for (const c of [cases[0], cases[3], cases[5], cases[7], cases[13]]) {
      fixture.fake.script(() => c.reply);
      const { value, ms } = await timed(answerWithFallback(llmAt(fixture.fake.baseURL), input(c.stream), EXTRACTIVE));
      const r = value as Awaited<ReturnType<typeof answerWithFallback>>;
      expect(r.answer).toEqual({ ...EXTRACTIVE, mode: 'llm-fallback' });
      expect(r.note).toBe(r.error!.note);
      expect(r.error!.reason).toBe(c.reason);
      expect(ms).toBeLessThan(TIMEOUT + MARGIN);
    }
  });

  it('given a working endpoint, when wrapped by answerWithFallback, then the LLM answer is used and there is no note', async () => {
    fixture.fake.script(() => ({ type: 'json', body: { choices: [{ index: 0, message: { role: 'assistant', content: 'He wanted “a truly effective division of labour” [¶3].' }, finish_reason: 'stop' }] } }));
    const r = await answerWithFallback(llmAt(fixture.fake.baseURL), input(false), () => EXTRACTIVE);
    expect(r.answer.mode).toBe('llm');
    expect(r.note).toBeNull();
  });

  it('given the caller cancels, then it rejects with an AbortError (not a fallback) without waiting for the deadline', async () => {
    fixture.fake.script(() => ({ type: 'hang' }));
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const { value, ms } = await timed(llmAt(fixture.fake.baseURL).answer({ ...input(true), signal: ac.signal }));
    expect(value).not.toBeInstanceOf(LlmUnavailableError);
    expect((value as Error).name).toBe('AbortError');
    expect(ms).toBeLessThan(TIMEOUT);
  });
});
