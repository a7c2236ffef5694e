/**
 * SOFT_MATCH: the word vectors' near matches of question words a sentence lacks count in the
 * sentence model (README "Refusals"). On the default document "main" is never used; ¶7 says
 * "the two principal challenges".
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine/index.js';
import { silentLogger } from '../../src/log.js';
import { DEFAULT_DOC, DEFAULT_DOC_PATH, ROOT } from '../helpers/paths.js';

const engineWith = (SOFT_MATCH: 'on' | 'off') =>
  createEngine({
    config: loadConfig({ INDEX_DIR: '/nonexistent-never-written', EMBEDDING_MODEL: 'none', SOFT_MATCH }, ROOT),
    logger: silentLogger(),
    embedder: null,
    documents: [{ id: DEFAULT_DOC, path: DEFAULT_DOC, text: readFileSync(DEFAULT_DOC_PATH, 'utf8') }],
  });

describe('soft matching (SOFT_MATCH)', () => {
  it('given a paraphrased question word, when soft matching is on, then the paragraph that says it otherwise is quoted; when off, the answer is less sure', { timeout: 60_000 }, async () => {
    const q = 'What are the two main challenges?';
    const on = await (await engineWith('on')).ask(q);
    const off = await (await engineWith('off')).ask(q);
    expect(on.refused).toBe(false);
    expect(on.quotes[0]?.paragraph).toBe(7);
    expect(off.confidence ?? 0).toBeLessThan(on.confidence ?? 0);
  });

  it('given a claim nobody made, when soft matching is on, then who-said still refuses', { timeout: 60_000 }, async () => {
    const a = await (await engineWith('on')).ask('Who said NATO should be disbanded?');
    expect(a.refused).toBe(true);
    expect(a.quotes).toEqual([]);
  });
});
