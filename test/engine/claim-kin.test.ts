/**
 * The engine's claim check reads WordNet kin (src/decide/claim-kin.json): a real claim whose verb the document
 * says with its kin ("caused" / "led to") is answered with its speaker; the same claim with the count of another
 * unit of time, or the other stance, is refused. Over a tuning-side story (tune-gadhafi-icc).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine/index.js';
import { silentLogger } from '../../src/log.js';
import { ROOT } from '../helpers/paths.js';

describe('WordNet kin in the engine', () => {
  it('given "who said the family believes NATO\'s actions caused Gadhafi\'s death?", when asked, then the lawyer who said "led to" is named; "against" what the US supports is refused', { timeout: 60_000 }, async () => {
    const config = loadConfig({ INDEX_DIR: '/nonexistent-never-written', EMBEDDING_MODEL: 'none' }, ROOT);
    const text = readFileSync(path.join(ROOT, 'test/fixtures/coqa-cnn/tune-gadhafi-icc.txt'), 'utf8');
    const engine = await createEngine({ config, logger: silentLogger(), embedder: null, documents: [{ id: 'd', path: 'd', text }] });
    const a = await engine.ask("Who said the family believes NATO's actions caused Gadhafi's death?");
    expect(a.refused).toBe(false);
    expect(a.quotes[0]?.attribution?.speaker).toMatch(/Ceccaldi/u);
    const b = await engine.ask('Who said the US is against an independent investigation?');
    expect(b.refused).toBe(true);
  });
});
