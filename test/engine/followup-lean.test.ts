/**
 * A follow-up with no words of its own ("What did he do then?", "Why?") right after an answer is about that answer:
 * story order counts for the sentence just quoted and the next one (src/decide/conversation.ts, orderLean). After a
 * refused question the asker has read nothing new, so such a follow-up gains nothing and stays refused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine/index.js';
import type { Engine } from '../../src/engine-api.js';
import { silentLogger } from '../../src/log.js';
import type { Conversation } from '../../src/types.js';
import { ROOT } from '../helpers/paths.js';

const TEXT =
  'The village of Elm Creek sits beside a slow river. Farmers grow corn and beans there, and the market opens every Saturday.\n\n' +
  'Sam found a small dog in the park on Sunday. The dog was shaking because the night had been very cold. Sam wrapped it in his jacket and carried it home. His mother named the dog Biscuit.\n\n' +
  'The next week, the school held a fair. Many children came with their parents and played games. A band from the city played music until dark.\n\n' +
  'In winter the river freezes, and people skate on it.';
let engine: Engine;
beforeAll(async () => {
  const config = loadConfig({ INDEX_DIR: '/nonexistent-never-written', EMBEDDING_MODEL: 'none' }, ROOT);
  engine = await createEngine({ config, logger: silentLogger(), embedder: null, documents: [{ id: 'village', path: 'village', text: TEXT }] });
});

describe('follow-ups with no words of their own', () => {
  it('given answers about the dog Sam found and why it shook, when "What did he do then?" follows, then it is answered first with the sentence right after the last answer', async () => {
    const c: Conversation = { id: 'lean', turns: [] };
    expect((await engine.ask('What did Sam find in the park?', c)).refused).toBe(false);
    const why = await engine.ask('Why was it shaking?', c);
    expect(why.quotes[0]!.quote).toBe('The dog was shaking because the night had been very cold.');
    const then = await engine.ask('What did he do then?', c);
    expect(then.refused).toBe(false);
    expect(then.quotes[0]!.quote).toBe('Sam wrapped it in his jacket and carried it home.');
    for (const q of then.quotes) expect(TEXT.slice(q.start, q.end)).toBe(q.quote);
  });

  it('given an answer and then an off-topic follow-up that was refused, when "Why?" follows, then it is refused too (it is about the refused question, not the answer before it)', async () => {
    const c: Conversation = { id: 'off', turns: [] };
    expect((await engine.ask('What did Sam find in the park?', c)).refused).toBe(false);
    expect((await engine.ask('Did he win the World Cup?', c)).refused).toBe(true);
    const why = await engine.ask('Why?', c);
    expect(why.refused).toBe(true);
    expect(why.quotes).toEqual([]);
  });
});
