import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine/index.js';
import type { Engine } from '../../src/engine-api.js';
import { silentLogger } from '../../src/log.js';
import type { Conversation } from '../../src/types.js';
import { DEFAULT_DOC, DEFAULT_DOC_PATH, ROOT } from '../helpers/paths.js';

const TEXT = readFileSync(DEFAULT_DOC_PATH, 'utf8');
let engine: Engine;
beforeAll(async () => {
  const config = loadConfig({ INDEX_DIR: '/nonexistent-never-written', EMBEDDING_MODEL: 'none' }, ROOT);
  engine = await createEngine({ config, logger: silentLogger(), embedder: null, documents: [{ id: DEFAULT_DOC, path: DEFAULT_DOC, text: TEXT }] });
});

const afterAnswer = async (m: string) => {
  const c: Conversation = { id: 'i', turns: [] };
  await engine.ask('What did Annan tell the Council?', c);
  return engine.ask(m, c);
};

describe('intents the rules were not written for, through the engine', () => {
  it.each(['cheers mate', 'ty bot, super useful', 'haha ok cool', 'you rock'])('given an answer, when the friendly "%s" follows, then the reply is chit-chat and quotes nothing', async (m) => {
    const a = await afterAnswer(m);
    expect(a.intent).toBe('chat');
    expect(a.quotes).toEqual([]);
    expect(a.refused).toBe(false);
  });

  it.each(['why?', 'who else?', 'and then?'])('given an answer, when the short follow-up "%s" follows, then it is not taken for chit-chat', async (m) => {
    expect((await afterAnswer(m)).intent).not.toBe('chat');
  });

  it('given "can you boil this down for me?", when asked, then the cited summary of the document comes back, quotes verbatim', async () => {
    const a = await engine.ask('can you boil this down for me?');
    expect(a.intent).toBe('summary');
    expect(a.refused).toBe(false);
    expect(new Set(a.quotes.map((q) => q.paragraph)).size).toBeGreaterThanOrEqual(2);
    for (const q of a.quotes) expect(TEXT.slice(q.start, q.end)).toBe(q.quote);
  });

  it('given "what does the first paragraph say word for word", when asked, then ¶1 comes back in full', async () => {
    const a = await engine.ask('what does the first paragraph say word for word');
    expect(a.intent).toBe('paragraph');
    expect(a.quotes.map((q) => q.paragraph)).toEqual([1]);
  });

  it('given "can I get the exact line on capacity-building", when asked, then it is a quote request answered from ¶7', async () => {
    const a = await engine.ask('can I get the exact line on capacity-building');
    expect(a.intent).toBe('quote');
    expect(a.quotes.map((q) => q.paragraph)).toContain(7);
  });

  it('given a Russian question, when asked, then the reply says questions are understood in English', async () => {
    expect((await engine.ask('Что сказал Аннан о Совете Безопасности?')).note).toMatch(/English/);
  });
});

describe('the bot addressed by its name (round 8)', () => {
  it('given "verbatim: capacity-building", when asked, then it is a quote request answered from ¶7, verbatim', async () => {
    const a = await engine.ask('verbatim: capacity-building');
    expect(a).toMatchObject({ intent: 'quote', refused: false });
    expect(a.quotes.map((q) => q.paragraph)).toContain(7);
    for (const q of a.quotes) expect(TEXT.slice(q.start, q.end)).toBe(q.quote);
  });

  it('given "verbatim, what did Annan tell the Council?", when asked, then the question after the name is answered from ¶5', async () => {
    const a = await engine.ask('verbatim, what did Annan tell the Council?');
    expect(a).toMatchObject({ intent: 'question', refused: false });
    expect(a.quotes.map((q) => q.paragraph)).toContain(5);
  });
});

describe('paragraphs counted from the end and runs of paragraphs, through the engine (round 13)', () => {
  const bodyCount = 8;
  it('given "quote the last two paragraphs", when asked, then the last two body paragraphs come back whole, in order', async () => {
    const a = await engine.ask('quote the last two paragraphs');
    expect(a.quotes.map((q) => q.paragraph)).toEqual([bodyCount - 1, bodyCount]);
  });

  it('given "quote the third from last paragraph", when asked, then that one paragraph comes back', async () => {
    const a = await engine.ask('quote the third from last paragraph');
    expect(a.quotes.map((q) => q.paragraph)).toEqual([bodyCount - 2]);
  });

  it('given "what happens in paragraph 4?", when asked, then a summary of ¶4 alone comes back', async () => {
    const a = await engine.ask('what happens in paragraph 4?');
    expect(a.intent).toBe('summary');
    expect(a.quotes.length).toBeGreaterThan(0);
    expect(a.quotes.every((q) => q.paragraph === 4)).toBe(true);
  });

  it('given "Give me a summary of the whole article.", when asked, then the whole-document summary comes back, not a refusal', async () => {
    const a = await engine.ask('Give me a summary of the whole article.');
    expect(a.refused).toBe(false);
    expect(new Set(a.quotes.map((q) => q.paragraph)).size).toBeGreaterThanOrEqual(2);
  });
});
