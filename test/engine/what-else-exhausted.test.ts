import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { refusalWording } from '../../src/decide/reasons.js';
import { createEngine } from '../../src/engine/index.js';
import type { Engine } from '../../src/engine-api.js';
import { silentLogger } from '../../src/log.js';
import type { Answer, Conversation } from '../../src/types.js';
import { DEFAULT_DOC, DEFAULT_DOC_PATH, ROOT } from '../helpers/paths.js';

/** README: '"what else?" says so when nothing new is left' — not "The document doesn't say". */
const TEXT = readFileSync(DEFAULT_DOC_PATH, 'utf8');
let engine: Engine;
beforeAll(async () => {
  const config = loadConfig({ INDEX_DIR: '/nonexistent-never-written', EMBEDDING_MODEL: 'none' }, ROOT);
  engine = await createEngine({ config, logger: silentLogger(), embedder: null, documents: [{ id: DEFAULT_DOC, path: DEFAULT_DOC, text: TEXT }] });
});

describe('"what else?" running out', () => {
  it('given an answer, when "what else?" is asked until nothing new is left, then the last reply is refused as exhausted, worded as "That is all the document says", never "doesn\'t say"', async () => {
    const c: Conversation = { id: 'x', turns: [] };
    await engine.ask('What did Annan tell the Council?', c);
    let last: Answer | undefined;
    for (let i = 0; i < 8 && !last?.refused; i++) last = await engine.ask('what else?', c);
    expect(last!.refused).toBe(true);
    expect(last!.reason).toBe('exhausted');
    expect(refusalWording(last!.reason!)).toMatch(/^That is all the document says on this/);
  });
});
