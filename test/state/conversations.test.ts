import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryConversationStore } from '../../src/state/conversations-memory.js';
import { createDbConversationStore } from '../../src/state/conversations-db.js';
import { createFeedbackStore } from '../../src/state/feedback.js';
import { IN_MEMORY, openDb, type Db } from '../../src/state/db.js';
import { migrate } from '../../src/state/migrations.js';
import { startPgServer, type PgServer } from '../helpers/pg-server.js';
import type { Turn } from '../../src/types.js';
import { conversationStoreContract, turn } from './conversation-store.shared.js';

let embedded: Db;
let server: PgServer;
let remote: Db;
let n = 0;
/** Each test gets a clean slate in the shared database. */
const fresh = async (db: Db) => {
  await db.query('delete from conversations');
  await db.query('delete from feedback');
  n++;
  return db;
};

beforeAll(async () => {
  embedded = await openDb({ dir: IN_MEMORY });
  await migrate(embedded);
  server = await startPgServer();
  remote = await openDb({ url: server.url, dir: 'unused' });
  await migrate(remote);
}, 120_000);
afterAll(async () => {
  await remote?.close();
  await server?.stop();
  await embedded?.close();
});

conversationStoreContract('memory', async (o) => createMemoryConversationStore(o));
conversationStoreContract('embedded database (PGlite)', async (o) => createDbConversationStore(await fresh(embedded), o));
conversationStoreContract('Postgres server (DATABASE_URL)', async (o) => createDbConversationStore(await fresh(remote), o));

describe('memory store only', () => {
  it('given the same key twice, then the very same object comes back (the engine appends to it in place)', async () => {
    const store = createMemoryConversationStore({ maxTurns: 5, ttlMs: 60_000 });
    const a = await store.forKey('g:1:t:9');
    expect(await store.forKey('g:1:t:9')).toBe(a);
  });

  it('given more conversations than the cap, when a new one starts, then the least recently used is evicted', async () => {
    const store = createMemoryConversationStore({ maxTurns: 5, ttlMs: 60_000, maxConversations: 2 });
    const a = await store.forKey('a');
    await store.forKey('b');
    await store.forKey('a'); // a is now more recent than b
    await store.forKey('c');
    expect(store.size).toBe(2);
    expect(await store.get('a')).toBe(a);
    expect(await store.get('b')).toBeUndefined();
  });
});

describe('database store only', () => {
  it('given two processes on one DATABASE_URL, when one saves a turn, then the other continues the conversation', async () => {
    const other = await openDb({ url: server.url, dir: 'unused' });
    try {
      await fresh(remote);
      const a = createDbConversationStore(remote, { maxTurns: 5, ttlMs: 60_000 });
      const b = createDbConversationStore(other, { maxTurns: 5, ttlMs: 60_000 });
      const conv = await a.forKey('g:7:t:1');
      conv.turns.push(turn('What did Annan tell the Council?'));
      await a.touch(conv);
      await a.link('msg-1', conv);
      const seen = await b.byMessage('msg-1');
      expect(seen?.turns.map((t) => t.question)).toEqual(['What did Annan tell the Council?']);
      seen!.turns.push(turn('And what did he tell the regional organizations?'));
      await b.touch(seen!);
      expect((await a.forKey('g:7:t:1')).turns).toHaveLength(2);
      // Feedback given through one process is seen by the other.
      await createFeedbackStore(other, b).record({ messageId: 'msg-1', userId: 'u1', rating: -1, documents: ['documents/a.txt'] });
      const votes = await createFeedbackStore(remote, a).list({ rating: -1 });
      expect(votes.map((v) => [v.messageId, v.question])).toEqual([['msg-1', 'What did Annan tell the Council?']]);
    } finally {
      await other.close();
    }
  });
});

describe('feedback', () => {
  it('given two refused answers with the same lead in one conversation, when the second is voted on, then the vote keeps the questions asked before the second, not before the first', async () => {
    const store = createDbConversationStore(await fresh(embedded), { maxTurns: 10, ttlMs: 60_000 });
    const refusal = (q: string): Turn => ({ question: q, standalone: q, answer: { question: q, lead: 'I could not find that in the documents.', quotes: [], refused: true }, at: 0 });
    const conv = await store.forKey('g:3:t:1');
    conv.turns.push(refusal('Who chaired the meeting?'), turn('What did Annan tell the Council?'), refusal('Who took the minutes?'));
    await store.touch(conv);
    await store.link('msg-refused-2', conv);
    const feedback = createFeedbackStore(embedded, store);
    expect(await feedback.record({ messageId: 'msg-refused-2', userId: 'u1', rating: -1, documents: ['documents/a.txt'] })).toBe('recorded');
    const [vote] = await feedback.list({ rating: -1 });
    expect(vote?.question).toBe('Who took the minutes?');
    expect(vote?.conversation).toEqual([{ question: 'Who chaired the meeting?' }, { question: 'What did Annan tell the Council?' }]);
  });
});
