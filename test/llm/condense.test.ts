import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { cleanCondensed, createLlmAnswerer, loadPrompts, type Prompts } from '../../src/answer/llm/index.js';
import { completion, startFakeOpenAI, type FakeOpenAI } from './fake-openai.js';
import { repoRoot, testConfig, useFakeOpenAI } from './helpers.js';

const fixture = useFakeOpenAI();

const llm = (timeoutMs = 2000) =>
  createLlmAnswerer({ config: testConfig({ LLM_BASE_URL: fixture.fake.baseURL, LLM_TIMEOUT_MS: String(timeoutMs) }), logger: silentLogger(), prompts: fixture.prompts });

const FOLLOW_UP = 'And what did he tell the regional organizations?';
const HISTORY = [
  {
    question: 'What did Kofi Annan tell the Security Council?',
    answerText: 'He called for a “new level of clarity, practicality and seriousness” in partnerships [¶4].',
  },
];
const REWRITE = 'What did Kofi Annan tell the heads of the regional organizations at the UN meeting?';

describe('LlmAnswerer.condense', () => {
  it('given a follow-up and the conversation, then the request carries both and the standalone rewrite comes back', async () => {
    fixture.fake.script(() => ({ type: 'json', body: completion(REWRITE) }));
    const out = await llm().condense(FOLLOW_UP, HISTORY);
    expect(out).toBe(REWRITE);
    expect(fixture.fake.requests).toHaveLength(1);
    const body = fixture.fake.requests[0].body;
    expect(body.stream).toBe(false);
    expect(body.messages).toHaveLength(1);
    expect(body.messages[0].role).toBe('user');
    const sent: string = body.messages[0].content;
    expect(sent).toContain(`<question>\n${FOLLOW_UP}\n</question>`);
    expect(sent).toContain(`User: ${HISTORY[0].question}`);
    expect(sent).toContain(`Bot: ${HISTORY[0].answerText}`);
    expect(sent.indexOf(HISTORY[0].question)).toBeLessThan(sent.indexOf(FOLLOW_UP));
  });

  it('given a labelled, quoted rewrite, then the label and wrapping quotes are removed', async () => {
    fixture.fake.script(() => ({ type: 'json', body: completion(`Standalone question: "${REWRITE}"\n\nThis resolves "he" to Annan.`) }));
    expect(await llm().condense(FOLLOW_UP, HISTORY)).toBe(REWRITE);
  });

  it('given no history, then the question is returned as is and nothing is sent', async () => {
    expect(await llm().condense(FOLLOW_UP, [])).toBe(FOLLOW_UP);
    expect(fixture.fake.requests).toHaveLength(0);
  });

  it('given the endpoint fails (500) or is too slow, then the input question comes back unchanged, within the timeout', async () => {
    fixture.fake.script(() => ({ type: 'json', status: 500, body: { error: { message: 'boom' } } }));
    expect(await llm().condense(FOLLOW_UP, HISTORY)).toBe(FOLLOW_UP);
    fixture.fake.script(() => ({ type: 'hang' }));
    const t0 = performance.now();
    expect(await llm(300).condense(FOLLOW_UP, HISTORY)).toBe(FOLLOW_UP);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('given only history beyond the last four turns, then only the last four are sent', async () => {
    fixture.fake.script(() => ({ type: 'json', body: completion(REWRITE) }));
    const long = Array.from({ length: 6 }, (_, i) => ({ question: `Question number ${i}?`, answerText: `Answer ${i}.` }));
    await llm().condense(FOLLOW_UP, long);
    const sent: string = fixture.fake.requests[0].body.messages[0].content;
    expect(sent).not.toContain('Question number 1?');
    expect(sent).toContain('Question number 2?');
    expect(sent).toContain('Question number 5?');
  });
});

describe('cleanCondensed', () => {
  it('given empty, overlong or refusing output, then it is unusable (null)', () => {
    expect(cleanCondensed('  \n ')).toBeNull();
    expect(cleanCondensed('x'.repeat(501))).toBeNull();
    expect(cleanCondensed('NOT IN DOCUMENT')).toBeNull();
    expect(cleanCondensed('<think>hmm</think>\n“Who spoke?”')).toBe('Who spoke?');
  });
});

describe('historyFromTurns', () => {
  it('given earlier turns, then each becomes its standalone question and the answer text (or lead and quotations)', async () => {
    const { historyFromTurns } = await import('../../src/answer/llm/index.js');
    const quote = { doc: 'd', paragraph: 3, start: 0, end: 5, quote: 'a truly effective division of labour' };
    const h = historyFromTurns([
      { question: 'what did he want?', standalone: 'What did Annan want?', at: 1, answer: { question: 'q', lead: 'He wanted clarity.', quotes: [quote], refused: false } },
      { question: 'and then?', standalone: '', at: 2, answer: { question: 'q', lead: 'Lead.', quotes: [], refused: false, text: 'He said “x” [¶1].', mode: 'llm' } },
      { question: 'pizza?', standalone: 'pizza?', at: 3, answer: { question: 'q', lead: "The document doesn't say.", quotes: [], refused: true } },
    ]);
    expect(h).toEqual([
      { question: 'What did Annan want?', answerText: 'He wanted clarity. “a truly effective division of labour” [¶3]' },
      { question: 'and then?', answerText: 'He said “x” [¶1].' },
      { question: 'pizza?', answerText: "The document doesn't say." },
    ]);
  });
});
