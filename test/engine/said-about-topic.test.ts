/**
 * "What did Y say about X?" checks a topic, not a claim: it is read by the topic model (round 7's claim model), not by
 * the who-said model, whose `covered` a topic of a word or two never reaches (a topic names what a sentence is about,
 * it does not restate a clause). Over the default document, from the `tune` phrasing set.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine/index.js';
import { silentLogger } from '../../src/log.js';
import { phrasingDocument } from '../helpers/phrasings.js';
import { ROOT } from '../helpers/paths.js';

describe('what Y said about a topic', () => {
  it('given "what did Annan say about multilateralism?" and "what did the delegates say about coordination?", when asked, then each is answered from its paragraph', { timeout: 60_000 }, async () => {
    const config = loadConfig({ INDEX_DIR: '/nonexistent-never-written', EMBEDDING_MODEL: 'none' }, ROOT);
    const engine = await createEngine({ config, logger: silentLogger(), embedder: null, documents: [phrasingDocument('default')] });
    const a = await engine.ask('What did Annan say about multilateralism?');
    expect(a.refused).toBe(false);
    expect(a.quotes.map((q) => q.paragraph)).toContain(2);
    const b = await engine.ask('What did the delegates say about coordination?');
    expect(b.refused).toBe(false);
    expect(b.quotes.map((q) => q.paragraph)).toContain(8);
  });
});
