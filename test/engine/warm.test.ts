/**
 * The engine analyses sentences and compiles its question path ahead, in idle time (src/select/warm.ts).
 * That changes when work is done, never what is answered, and never what a conversation records.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine/index.js';
import { silentLogger } from '../../src/log.js';
import type { Answer, Conversation } from '../../src/types.js';
import { DEFAULT_DOC_PATH, ROOT } from '../helpers/paths.js';

const QUESTIONS = ['Who said NATO should be disbanded?', 'When did the high-level meetings begin?', 'What did Annan’s delegates say about coordination?', 'Which organizations took part?', 'How tall is Mount Everest?'];
const config = loadConfig({ INDEX_DIR: '/nonexistent-never-written', EMBEDDING_MODEL: 'none', LOG_LEVEL: 'silent' }, ROOT);
const text = readFileSync(DEFAULT_DOC_PATH, 'utf8');
const engine = () => createEngine({ config, logger: silentLogger(), embedder: null, documents: [{ id: 'd', path: 'd', text }] });
const shape = (a: Answer) => ({ refused: a.refused, reason: a.reason, lead: a.lead, confidence: a.confidence, quotes: a.quotes.map((q) => [q.start, q.end, q.attribution?.speaker]) });

describe('the engine warmed in idle time', () => {
  it('given an engine that has settled (sentences analysed, question path warmed), when asked, then it answers exactly as before, and its conversation holds only what was asked', { timeout: 60_000 }, async () => {
    const cold = await engine();
    const before = [];
    for (const q of QUESTIONS) before.push(shape(await cold.ask(q)));
    await cold.close();

    const warm = await engine();
    const c: Conversation = { id: 'c', turns: [] };
    await warm.ask('Who spoke?', c);
    await warm.settled!();
    const after = [];
    for (const q of QUESTIONS) after.push(shape(await warm.ask(q)));
    expect(after).toEqual(before);
    expect(c.turns.map((t) => t.question)).toEqual(['Who spoke?']);
    await warm.close();
  });

  it('given an engine whose claim checks are observed (`npm run fit:claim`), when it warms up, then its warm-up questions (who said …? among them) are not observed', { timeout: 60_000 }, async () => {
    const observed: string[] = [];
    const e = await createEngine({ config, logger: silentLogger(), embedder: null, documents: [{ id: 'd', path: 'd', text }], onClaim: (c) => void observed.push(c.doc.id) });
    await e.ask('Who said regional organizations should work more closely with the UN?');
    const own = observed.length;
    expect(own).toBeGreaterThan(0);
    await e.settled!();
    expect(observed.length).toBe(own);
    await e.close();
  });
});
