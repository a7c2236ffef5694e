/**
 * The WordNet table (1.3 MB) is read only when a question needs the claim check: questions that are not
 * about who said what never load it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { lexicon } from '../../src/decide/lexicon.js';
import { createEngine } from '../../src/engine/index.js';
import { silentLogger } from '../../src/log.js';
import { DEFAULT_DOC_PATH, ROOT } from '../helpers/paths.js';

describe('when the WordNet table is loaded', () => {
  it('given ordinary questions, when answered, then the table is not loaded; given a who-said question, then it is', { timeout: 60_000 }, async () => {
    const config = loadConfig({ INDEX_DIR: '/nonexistent-never-written', EMBEDDING_MODEL: 'none' }, ROOT);
    const text = readFileSync(DEFAULT_DOC_PATH, 'utf8');
    const engine = await createEngine({ config, logger: silentLogger(), embedder: null, documents: [{ id: 'd', path: 'd', text }] });
    await engine.ask('When did the high-level meetings begin?');
    await engine.ask('Quote the passage about division of labour');
    expect(lexicon()).toBeNull();
    const a = await engine.ask('Who said joint action, not polarized initiatives, should bring our efforts together?');
    expect(lexicon()).not.toBeNull();
    expect(a.refused).toBe(false);
  });
});
