import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import type { Engine } from '../../src/engine-api.js';
import { silentLogger } from '../../src/log.js';
import type { Conversation } from '../../src/types.js';
import { completion, startFakeOpenAI, type FakeOpenAI } from '../llm/fake-openai.js';
import { DEFAULT_DOC, ROOT, tempDir } from '../helpers/paths.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const TEXT = readFileSync(path.join(ROOT, DEFAULT_DOC), 'utf8');
let fake: FakeOpenAI;
let engine: Engine;
let tmp: Awaited<ReturnType<typeof tempDir>>;

beforeAll(async () => {
  tmp = await tempDir();
  fake = await startFakeOpenAI();
  const config = loadConfig({ INDEX_DIR: `${tmp.dir}/index`, EMBEDDING_MODEL: 'none', LLM_BASE_URL: fake.baseURL, LLM_MODEL: 'fake-model', LLM_TIMEOUT_MS: '1500' }, ROOT);
  engine = await createEngine({ config, logger: silentLogger(), embedder: null });
});
afterAll(async () => {
  await fake.close();
  await tmp.cleanup();
});

describe('engine with an LLM configured', () => {
  it('given a faithful model, when asked, then the answer is the model text and its quotations are verified against the document', async () => {
    fake.script(() => ({ type: 'json', body: completion('Annan told the Council that “it is essential that we do even more” [¶5].') }));
    const a = await engine.ask('What did Annan tell the Council?');
    expect(a.mode).toBe('llm');
    expect(a.text).toContain('[¶5]');
    expect(a.quotes.length).toBeGreaterThan(0);
    for (const q of a.quotes) expect(TEXT.slice(q.start, q.end)).toBe(q.quote);
    expect(a.quotes.some((q) => q.quote === 'it is essential that we do even more')).toBe(true);
  });

  it('given a model that invents a quotation, when asked, then the invention never reaches the answer', async () => {
    fake.script(() => ({ type: 'json', body: completion('Annan said “the UN will double its budget next year” [¶5].') }));
    const a = await engine.ask('What did Annan tell the Council?');
    expect(JSON.stringify(a)).not.toContain('double its budget');
    for (const q of a.quotes) expect(TEXT.slice(q.start, q.end)).toBe(q.quote);
  });

  it('given the endpoint fails, when asked, then the extractive answer comes back with a one-line note', async () => {
    fake.script(() => ({ type: 'json', status: 500, body: { error: { message: 'boom' } } }));
    const a = await engine.ask('What did Annan tell the Council?');
    expect(a.mode).toBe('llm-fallback');
    expect(a.note).toMatch(/extractive/);
    expect(a.quotes.map((q) => q.paragraph)).toContain(5);
  });

  it('given the endpoint hangs, when asked, then the answer still comes within the configured timeout', async () => {
    fake.script(() => ({ type: 'hang' }));
    const t0 = performance.now();
    const a = await engine.ask('What did Annan tell the Council?');
    expect(performance.now() - t0).toBeLessThan(1500 + 1000);
    expect(a.mode).toBe('llm-fallback');
  });

  it('given a follow-up in a conversation, when asked, then the model condenses it and the rewritten question drives retrieval', async () => {
    const c: Conversation = { id: 'c', turns: [] };
    fake.script(() => ({ type: 'json', body: completion('Annan told the Council that “it is essential that we do even more” [¶5].') }));
    await engine.ask('What did Annan tell the Council?', c);
    fake.script((req) => {
      const sys = JSON.stringify(req.body.messages);
      if (/standalone/i.test(sys) && !/PASSAGES|passage \[/i.test(sys)) return { type: 'json', body: completion('What did Annan tell the heads of the regional organizations?') };
      return { type: 'json', body: completion('He told them “We need to ensure that multilateralism and joint action – rather than polarized initiatives – bridge our efforts” [¶2].') };
    });
    const a = await engine.ask('And what did he say to the others?', c);
    expect(c.turns[1]!.standalone).toBe('What did Annan tell the heads of the regional organizations?');
    expect(a.quotes.map((q) => q.paragraph)).toContain(2);
  });

  it('given a question the document does not answer, when asked, then the bot refuses without calling the model', async () => {
    const before = fake.requests.length;
    const a = await engine.ask('What is the capital of France?');
    expect(a.refused).toBe(true);
    expect(fake.requests.length).toBe(before);
  });
});

describe('half an LLM configuration', () => {
  it('given LLM_BASE_URL without LLM_MODEL, when the engine starts, then it stops with a clear message instead of silently ignoring the LLM', async () => {
    const config = loadConfig({ INDEX_DIR: `${tmp.dir}/index2`, EMBEDDING_MODEL: 'none', LLM_BASE_URL: 'http://127.0.0.1:9/v1' }, ROOT);
    await expect(createEngine({ config, logger: silentLogger(), embedder: null })).rejects.toThrow(/LLM_MODEL is not/);
  });

  it('given a prompt template missing a placeholder, when the engine starts, then it stops naming the file', async () => {
    const { mkdir, readdir, copyFile, readFile, writeFile } = await import('node:fs/promises');
    const dir = `${tmp.dir}/prompts-broken`;
    await mkdir(dir, { recursive: true });
    for (const f of await readdir(path.join(ROOT, 'prompts'))) await copyFile(path.join(ROOT, 'prompts', f), path.join(dir, f));
    const answer = await readFile(path.join(dir, 'answer.md'), 'utf8');
    await writeFile(path.join(dir, 'answer.md'), answer.replace(/\{\{\s*question\s*\}\}/g, ''));
    const config = loadConfig({ INDEX_DIR: `${tmp.dir}/index3`, EMBEDDING_MODEL: 'none', LLM_BASE_URL: fake.baseURL, LLM_MODEL: 'm', PROMPTS_DIR: dir }, ROOT);
    await expect(createEngine({ config, logger: silentLogger(), embedder: null })).rejects.toThrow(/answer\.md/);
  });
});
