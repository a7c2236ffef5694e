/**
 * The engine's who-said path with round 10's rules, over a tuning-side story (tune-boko-hostage): a real claim with an
 * indefinite pronoun ("everyone" / "all those") is answered with its speaker; the same speaker's words placed elsewhere
 * ("in Cameroon" / "in Nigeria") are refused.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine/index.js';
import { silentLogger } from '../../src/log.js';
import { ROOT } from '../helpers/paths.js';

describe('round 10 who-said rules in the engine', () => {
  it('given "did eberhard say he was grateful to everyone …", when asked, then Eberhard is named; "did Biya say the German was abducted in Cameroon?" is refused', { timeout: 60_000 }, async () => {
    const config = loadConfig({ INDEX_DIR: '/nonexistent-never-written', EMBEDDING_MODEL: 'none' }, ROOT);
    const text = readFileSync(path.join(ROOT, 'test/fixtures/coqa-cnn/tune-boko-hostage.txt'), 'utf8');
    const engine = await createEngine({ config, logger: silentLogger(), embedder: null, documents: [{ id: 'd', path: 'd', text }] });
    const a = await engine.ask('did eberhard say he was grateful to everyone who worked to get him released');
    expect(a.refused).toBe(false);
    expect(a.quotes[0]?.attribution?.speaker).toMatch(/Eberhard/u);
    const b = await engine.ask('Did Biya say the German was abducted in Cameroon?');
    expect(b.refused).toBe(true);
  });
});
