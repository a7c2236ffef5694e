/**
 * In a conversation already at a place in a story, a follow-up's quotes go by probability alone
 * (src/decide/conversation.ts, quotesByRank): the sentence beside that place keeps its slot against a lesser one
 * from another paragraph.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine/index.js';
import type { Engine } from '../../src/engine-api.js';
import { silentLogger } from '../../src/log.js';
import type { Conversation } from '../../src/types.js';
import { ROOT } from '../helpers/paths.js';

const TEXT =
  'The museum opened in 1990 in a small town. Its founder was Maria Lopez, a retired teacher. Lopez bought her first paintings in Spain. The paintings came from Madrid and from Seville.\n\n' +
  'Many paintings were cleaned in 2005 by a team from Rome.\n\nThe town is proud of its museum.';
let engine: Engine;
beforeAll(async () => {
  const config = loadConfig({ INDEX_DIR: '/nonexistent-never-written', EMBEDDING_MODEL: 'none', MAX_QUOTES: '2' }, ROOT);
  engine = await createEngine({ config, logger: silentLogger(), embedder: null, documents: [{ id: 'museum', path: 'museum', text: TEXT }] });
});

describe('a follow-up\'s quotes in a conversation', () => {
  it('given an answer about the founder, when "where did she buy paintings?" follows (two quote slots), then both quotes are the founder\'s paragraph, not the other paragraph\'s sentence about paintings', async () => {
    const c: Conversation = { id: 'museum', turns: [] };
    const first = await engine.ask('Who was the founder?', c);
    expect(first.quotes.map((q) => q.quote)).toEqual(['Its founder was Maria Lopez, a retired teacher.']);
    const next = await engine.ask('where did she buy paintings?', c);
    expect(next.refused).toBe(false);
    expect(next.quotes.map((q) => q.quote)).toEqual(['Lopez bought her first paintings in Spain.', 'The paintings came from Madrid and from Seville.']);
    for (const q of next.quotes) expect(TEXT.slice(q.start, q.end)).toBe(q.quote);
  });
});
