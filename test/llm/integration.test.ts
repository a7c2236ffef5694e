/**
 * The LLM answerer on the lead's real document model: paragraphs and chunks
 * from src/ingest (¶ numbers as the engine assigns them), windowed chunks
 * with overlap, and the engine's Passage shape.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/ingest/document.js';
import { chunkDocument } from '../../src/ingest/chunk.js';
import { silentLogger } from '../../src/log.js';
import { createLlmAnswerer, llmPassagesFrom, loadPrompts } from '../../src/answer/llm/index.js';
import type { Passage } from '../../src/types.js';
import { answerWith, startFakeOpenAI, type FakeOpenAI } from './fake-openai.js';
import { DOC_ID, DOC_TEXT, repoRoot, testConfig } from './helpers.js';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});

describe('with the engine’s own documents and chunks', () => {
  const doc = buildDocument({ id: DOC_ID, path: DOC_ID, text: DOC_TEXT });
  const documentText = (id: string) => {
    if (id !== doc.id) throw new Error(id);
    return doc.text;
  };
  const paraOf = (needle: string) => doc.paragraphs.find((p) => p.kind === 'body' && doc.text.slice(p.start, p.end).includes(needle))!.n;

  const llm = async () =>
    createLlmAnswerer({ config: testConfig({ LLM_BASE_URL: fake.baseURL }), logger: silentLogger(), prompts: await loadPrompts(path.join(repoRoot, 'prompts')) });

  it('given the default document’s chunks as passages, then quotations verify to exact offsets with the engine’s ¶ numbers', async () => {
    const chunks = chunkDocument(doc);
    const a3 = chunks.find((c) => c.paragraph === paraOf('division of labour'))!;
    const a5 = chunks.find((c) => c.paragraph === paraOf('Much as we have strengthened'))!;
    const passages: Passage[] = [a5, a3].map((chunk, i) => ({ chunk, score: 1 - i / 10, rank: i + 1 }));
    const llmPassages = llmPassagesFrom(passages, documentText);
    for (const p of llmPassages) expect(p.text).toBe(doc.text.slice(p.start, p.end));
    const span = 'the growing awareness of the fragility of post-conflict situations, and the increased emphasis on prevention';
    fake.script(answerWith(`Annan pointed to “${span}” [¶${a5.paragraph}] and to “a truly effective division of labour” [¶${a3.paragraph}].`));
    const a = await (await llm()).answer({ question: 'What did Annan point to?', passages: llmPassages, history: [], documentText });
    expect(a.quotes.map((q) => [q.paragraph, q.quote])).toEqual([
      [a5.paragraph, span],
      [a3.paragraph, 'a truly effective division of labour'],
    ]);
    for (const q of a.quotes) {
      expect(doc.text.slice(q.start, q.end)).toBe(q.quote);
      const para = doc.paragraphs.find((p) => p.kind === 'body' && p.n === q.paragraph)!;
      expect(q.start >= para.start && q.end <= para.end).toBe(true);
    }
  });

  it('given a long paragraph retrieved as overlapping sentence windows, then a quotation across a window boundary verifies', async () => {
    const long = [
      'The committee met in Geneva on Monday.',
      'Its chair opened the session with a warning about delays.',
      'Members then reviewed the budget line by line.',
      'A vote on the final text was postponed until spring.',
    ].join(' ');
    const d = buildDocument({ id: 'docs/minutes.txt', path: 'docs/minutes.txt', text: `Minutes\n\n${long}\n` });
    const text = (id: string) => (id === d.id ? d.text : '');
    const windows = chunkDocument(d, { maxChars: 110 });
    expect(windows.length).toBeGreaterThan(1);
    const first = windows[0]!;
    const passages = llmPassagesFrom(windows.map((chunk, i) => ({ chunk, score: 1, rank: i + 1 })), text);
    const n = first.paragraph;
    // a span that starts in one window and ends in the next
    const spanStart = d.text.indexOf('in Geneva');
    const spanEnd = d.text.indexOf('Members then reviewed') + 'Members then reviewed'.length;
    expect(windows.some((w) => w.start <= spanStart && w.end >= spanEnd)).toBe(false);
    const quote = d.text.slice(spanStart, spanEnd);
    fake.script(answerWith(`The minutes say they met “${quote}” [¶${n}].`));
    const a = await (await llm()).answer({ question: 'What happened?', passages, history: [], documentText: text });
    expect(a.quotes.map((q) => q.quote)).toEqual([quote]);
    expect(d.text.slice(a.quotes[0]!.start, a.quotes[0]!.end)).toBe(quote);
  });
});
