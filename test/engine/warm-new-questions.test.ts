/**
 * The engine's warm-up asks new questions made from its own documents (src/select/warm.ts warmQuestions), not only
 * the fixed ones again: what reaches warmQuestionPath is checked here, where the engine wires it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { DEFAULT_DOC_PATH, ROOT } from '../helpers/paths.js';

const seen: (readonly string[] | undefined)[] = [];
vi.mock('../../src/select/warm.js', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../src/select/warm.js')>();
  return {
    ...orig,
    warmQuestionPath: (ask: Parameters<typeof orig.warmQuestionPath>[0], busy: Parameters<typeof orig.warmQuestionPath>[1], more?: readonly string[]) => {
      seen.push(more);
      return orig.warmQuestionPath(ask, busy, more);
    },
  };
});

const { createEngine } = await import('../../src/engine/index.js');
const { WARM_NEW_QUESTIONS } = await import('../../src/select/warm.js');

describe('the engine warming its question path', () => {
  it('given an engine over the default document, when it settles, then its warm-up is given WARM_NEW_QUESTIONS new questions, some with the document\'s own words', { timeout: 60_000 }, async () => {
    const config = loadConfig({ INDEX_DIR: '/nonexistent-never-written', EMBEDDING_MODEL: 'none', LOG_LEVEL: 'silent' }, ROOT);
    const text = readFileSync(DEFAULT_DOC_PATH, 'utf8');
    const e = await createEngine({ config, logger: silentLogger(), embedder: null, documents: [{ id: 'd', path: 'd', text }] });
    await e.ask('Who spoke?');
    await e.settled!();
    await e.close();
    expect(seen.length).toBeGreaterThan(0);
    const more = seen[0] ?? [];
    expect(more.length).toBe(WARM_NEW_QUESTIONS);
    expect(WARM_NEW_QUESTIONS).toBeGreaterThan(0);
    expect(more.some((q) => /multilateralism|organizations|regional/i.test(q))).toBe(true);
  });
});
