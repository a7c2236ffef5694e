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

describe('"what else?"', () => {
  it('given a first answer, when "what else?" follows, then it answers with new verbatim quotes (it does not refuse)', async () => {
    const c: Conversation = { id: 'w', turns: [] };
    const first = await engine.ask('What did Annan tell the Council?', c);
    const more = await engine.ask('what else?', c);
    expect(more.refused).toBe(false);
    expect(more.quotes.length).toBeGreaterThan(0);
    for (const q of more.quotes) {
      expect(TEXT.slice(q.start, q.end)).toBe(q.quote);
      expect(first.quotes.map((x) => x.start)).not.toContain(q.start);
    }
  });

  it('given "what else?" with no earlier question, when asked, then it does not crash and quotes nothing it cannot verify', async () => {
    const a = await engine.ask('what else?', { id: 'e', turns: [] });
    for (const q of a.quotes) expect(TEXT.slice(q.start, q.end)).toBe(q.quote);
  });
});

describe('chit-chat in a conversation', () => {
  it.each(['thanks, that helps!', 'ok', 'lol'])('given an answer, when "%s" follows, then the reply quotes nothing and is not a refusal', async (m) => {
    const c: Conversation = { id: 'c', turns: [] };
    await engine.ask('What did Annan tell the Council?', c);
    const a = await engine.ask(m, c);
    expect(a.quotes).toEqual([]);
    expect(a.refused).toBe(false);
    expect(a.intent).toBe('chat');
  });

  it('given thanks between two questions, when a follow-up comes after it, then the follow-up still resolves against the question before the thanks', async () => {
    const c: Conversation = { id: 'f', turns: [] };
    await engine.ask('What did Annan tell the heads of the regional organizations?', c);
    await engine.ask('thanks!', c);
    const a = await engine.ask('Where was that?', c);
    expect(a.refused).toBe(false);
    expect(a.quotes.map((q) => q.paragraph)).toContain(3);
  });
});

describe('who said it', () => {
  it('given a claim nobody in the document made, when asked who said it, then it is refused as nobody said it', async () => {
    const a = await engine.ask('Who said NATO should be disbanded?');
    expect(a.refused).toBe(true);
    expect(a.quotes).toEqual([]);
  });
});

describe('yes/no follow-ups and off-topic follow-ups', () => {
  it('given an answer about Annan, when a yes/no follow-up asks about something the document says ("Did he mention capacity-building?"), then it is answered with the passage that says it', async () => {
    const c: Conversation = { id: 'yn', turns: [] };
    await engine.ask('What did Annan tell the Council?', c);
    const a = await engine.ask('Did he mention capacity-building?', c);
    expect(a.intent).toBe('question');
    expect(a.refused).toBe(false);
    expect(a.quotes.some((q) => /capacity-building/.test(q.quote))).toBe(true);
    expect(c.turns.at(-1)!.standalone).toBe('Did Annan mention capacity-building?');
  });

  it.each(['Did he win the World Cup?', 'What did he say about the football league?'])('given an answer about Annan, when an off-topic follow-up "%s" comes, then it is refused', async (q) => {
    const c: Conversation = { id: 'off', turns: [] };
    await engine.ask('What did Annan tell the Council?', c);
    const a = await engine.ask(q, c);
    expect(a.refused).toBe(true);
    expect(a.quotes).toEqual([]);
  });

  it.each(['yes', 'no', 'ok thanks'])('given a yes/no follow-up just answered, when the user replies "%s", then it is chit-chat and quotes nothing', async (m) => {
    const c: Conversation = { id: 'ack', turns: [] };
    await engine.ask('What did Annan tell the Council?', c);
    await engine.ask('Did he mention capacity-building?', c);
    const a = await engine.ask(m, c);
    expect(a.intent).toBe('chat');
    expect(a.quotes).toEqual([]);
  });
});

describe('a refused question still says where the conversation is', () => {
  it('given a question refused at low confidence, when the turn is recorded, then it keeps its best sentence (holding one of its words) unshown, and the answer shows nothing of it', async () => {
    const c: Conversation = { id: 'unshown', turns: [] };
    const a = await engine.ask('Was the Security Council happy with the outcome?', c);
    expect(a.refused).toBe(true);
    expect(a.reason).toBe('low-confidence');
    expect(a.quotes).toEqual([]);
    expect('unshown' in a).toBe(false);
    const u = c.turns.at(-1)!.unshown!;
    expect(u.doc).toBe(DEFAULT_DOC);
    expect(TEXT.slice(u.start, u.end)).toMatch(/Council/);
  });

  it('given a question that retrieved nothing, when the turn is recorded, then nothing is kept', async () => {
    const c: Conversation = { id: 'none', turns: [] };
    const a = await engine.ask('Was the zeppelin mauve?', c);
    expect(a.refused).toBe(true);
    expect(c.turns.at(-1)!.unshown).toBeUndefined();
  });
});
