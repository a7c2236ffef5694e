/**
 * The engine collects its idle warm-up's garbage itself, in idle time (src/engine/collect.ts), so that the next
 * question does not finish a major collection.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

const collected = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../../src/engine/collect.js', async (original) => {
  const real = await original<typeof import('../../src/engine/collect.js')>();
  return { collectGarbage: () => (collected.calls++, real.collectGarbage()) };
});

const { collectGarbage } = await import('../../src/engine/collect.js');
const { loadConfig } = await import('../../src/config.js');
const { createEngine } = await import('../../src/engine/index.js');
const { silentLogger } = await import('../../src/log.js');
const { DEFAULT_DOC_PATH, ROOT } = await import('../helpers/paths.js');

describe('collectGarbage', () => {
  it('given tens of MB that nothing references any more, when called, then the heap shrinks by them (and no gc global appears)', () => {
    let junk: { i: number; s: string }[] | null = Array.from({ length: 300_000 }, (_, i) => ({ i, s: `garbage ${i} `.repeat(4) }));
    const before = process.memoryUsage().heapUsed;
    expect(junk.length).toBe(300_000);
    junk = null;
    expect(collectGarbage()).toBe(true);
    expect(before - process.memoryUsage().heapUsed).toBeGreaterThan(20 * 1024 * 1024);
    expect('gc' in globalThis).toBe(false);
  });
});

describe('the engine after its idle warm-up', () => {
  it('given an engine that answered a question, when its warm-up is done (settled), then it has collected garbage once; a new engine that answered nothing has not', { timeout: 60_000 }, async () => {
    const config = loadConfig({ INDEX_DIR: '/nonexistent-never-written', EMBEDDING_MODEL: 'none', LOG_LEVEL: 'silent' }, ROOT);
    const text = readFileSync(DEFAULT_DOC_PATH, 'utf8');
    const make = () => createEngine({ config, logger: silentLogger(), embedder: null, documents: [{ id: 'd', path: 'd', text }] });
    collected.calls = 0;
    const idle = await make();
    await new Promise((r) => setTimeout(r, 300));
    expect(collected.calls).toBe(0);
    await idle.close();
    const engine = await make();
    await engine.ask('Who spoke?');
    await engine.settled!();
    expect(collected.calls).toBe(1);
    await engine.close();
  });
});
