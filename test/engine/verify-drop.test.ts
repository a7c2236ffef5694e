import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine/index.js';
import type { LlmAnswerer } from '../../src/answer/llm/index.js';
import { capturingLogger } from '../helpers/capture-logger.js';
import type { Quote } from '../../src/types.js';
import { DEFAULT_DOC, DEFAULT_DOC_PATH, ROOT } from '../helpers/paths.js';

const TEXT = readFileSync(DEFAULT_DOC_PATH, 'utf8');
const config = loadConfig({ INDEX_DIR: '/nonexistent-never-written', EMBEDDING_MODEL: 'none' }, ROOT);

/** An LLM stub that returns the given quotes (some deliberately corrupted) as its answer. */
function llmReturning(quotes: () => Quote[]): LlmAnswerer {
  return {
    label: 'stub',
    condense: async (q: string) => q,
    answer: async (input: { question: string }) => ({ question: input.question, lead: 'Stub answer:', quotes: quotes(), refused: false, mode: 'llm' }),
    summarize: async () => ({ text: '' }),
  } as unknown as LlmAnswerer;
}

const at = (needle: string, paragraph: number, shift = 0): Quote => {
  const start = TEXT.indexOf(needle);
  return { doc: DEFAULT_DOC, paragraph, start: start + shift, end: start + needle.length + shift, quote: needle };
};

describe('the verifier drop path, reached through the engine', () => {
  it('given an answer with one quote off by one character, when asked, then exactly that quote is dropped, logged once as a bug, and the verbatim one is kept', async () => {
    const good = at('it is essential that we do even more', 5);
    const bad = at('we have to work together in a much more complicated world', 3, 1);
    const { logger, dropped } = capturingLogger();
    const engine = await createEngine({ config, logger, embedder: null, llm: llmReturning(() => [good, bad]), documents: [{ id: DEFAULT_DOC, path: DEFAULT_DOC, text: TEXT }] });
    const a = await engine.ask('What did Annan tell the Council?');
    expect(a.quotes).toEqual([good]);
    expect(dropped()).toBe(1);
  });

  it('given an answer whose every quote is corrupted, when asked, then nothing is shown and the refusal says why', async () => {
    const { logger, dropped } = capturingLogger();
    const engine = await createEngine({ config, logger, embedder: null, llm: llmReturning(() => [at('it is essential that we do even more', 5, -1), at('division of labour', 3, 2)]), documents: [{ id: DEFAULT_DOC, path: DEFAULT_DOC, text: TEXT }] });
    const a = await engine.ask('What did Annan tell the Council?');
    expect(a.refused).toBe(true);
    expect(a.quotes).toEqual([]);
    expect(a.reason).toBe('no-verified-quote');
    expect(dropped()).toBe(2);
  });
});
