/** Shared fixtures for the LLM tests: the default document, its paragraphs as passages, a config. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { loadPrompts } from '../../src/answer/llm/index.js';
import { startFakeOpenAI } from './fake-openai.js';
import type { LlmPassage } from '../../src/answer/llm/index.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DOC_ID = 'documents/un-news-annan-regional-cooperation.txt';
export const DOC_TEXT = readFileSync(path.join(repoRoot, DOC_ID), 'utf8');

/**
 * Body paragraphs of a text (blank-line separated blocks of 100+ characters;
 * the site banner and the title lines are shorter), numbered from 1, with offsets.
 */
export function bodyParagraphs(text: string): { n: number; start: number; end: number }[] {
  const out: { n: number; start: number; end: number }[] = [];
  const re = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;
  for (const m of text.matchAll(re)) {
    const block = m[0].trim();
    if (block.length < 100) continue;
    const start = m.index! + m[0].indexOf(block);
    out.push({ n: out.length + 1, start, end: start + block.length });
  }
  return out;
}

export const PARAS = bodyParagraphs(DOC_TEXT);

/** The retrieved passage for ¶n of a text (whole paragraph). */
export function passage(n: number, text = DOC_TEXT, doc = DOC_ID): LlmPassage {
  const p = bodyParagraphs(text).find((x) => x.n === n);
  if (!p) throw new Error(`no ¶${n}`);
  return { doc, paragraph: n, start: p.start, end: p.end, text: text.slice(p.start, p.end) };
}

export const documentText = (doc: string): string => {
  if (doc !== DOC_ID) throw new Error(`unknown doc ${doc}`);
  return DOC_TEXT;
};

export function testConfig(env: Record<string, string | undefined> = {}): Config {
  return loadConfig({ LLM_MODEL: 'fake-model', LLM_TIMEOUT_MS: '2000', LOG_LEVEL: 'silent', INDEX_DIR: '/nonexistent-index', ...env }, repoRoot);
}

/**
 * One fake OpenAI server and the real prompts for a test file: started before
 * all, closed after all, its recorded requests cleared before each test.
 */
export function useFakeOpenAI(): { readonly fake: import('./fake-openai.js').FakeOpenAI; readonly prompts: import('../../src/answer/llm/index.js').Prompts } {
  const state = {} as { fake: import('./fake-openai.js').FakeOpenAI; prompts: import('../../src/answer/llm/index.js').Prompts };
  beforeAll(async () => {
    state.fake = await startFakeOpenAI();
    state.prompts = await loadPrompts(path.join(repoRoot, 'prompts'));
  });
  afterAll(async () => {
    await state.fake.close();
  });
  beforeEach(() => {
    state.fake.requests.length = 0;
  });
  return state;
}
