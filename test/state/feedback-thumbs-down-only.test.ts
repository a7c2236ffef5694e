import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDbConversationStore } from '../../src/state/conversations-db.js';
import { exportFeedback } from '../../src/state/feedback-export.js';
import { createFeedbackStore } from '../../src/state/feedback.js';
import { IN_MEMORY, openDb, type Db } from '../../src/state/db.js';
import { migrate } from '../../src/state/migrations.js';
import { turn } from './conversation-store.shared.js';

/** README: "`npm run feedback -- --export cases.jsonl` turns the 👎 answers into `npm run eval` cases" — the 👍 ones stay out. */
let db: Db;
beforeAll(async () => {
  db = await openDb({ dir: IN_MEMORY });
  await migrate(db);
}, 120_000);
afterAll(async () => {
  await db?.close();
});

describe('feedback filter', () => {
  it('given a 👍 on one answer and a 👎 on another, when the 👎 votes are listed and exported, then only the 👎 answer becomes a case', async () => {
    const store = createDbConversationStore(db, { maxTurns: 10, ttlMs: 60_000 });
    for (const [key, msg, q] of [['g:1:t:1', 'msg-up', 'What did Annan tell the Council?'], ['g:1:t:2', 'msg-down', 'Where was the meeting?']] as const) {
      const conv = await store.forKey(key);
      conv.turns.push(turn(q));
      await store.touch(conv);
      await store.link(msg, conv);
    }
    const feedback = createFeedbackStore(db, store);
    expect(await feedback.record({ messageId: 'msg-up', userId: 'u1', rating: 1, documents: ['documents/a.txt'] })).toBe('recorded');
    expect(await feedback.record({ messageId: 'msg-down', userId: 'u1', rating: -1, documents: ['documents/a.txt'] })).toBe('recorded');
    const down = await feedback.list({ rating: -1 });
    expect(down.map((v) => v.question)).toEqual(['Where was the meeting?']);
    expect((await feedback.list({ rating: 1 })).map((v) => v.question)).toEqual(['What did Annan tell the Council?']);
    expect(await feedback.list()).toHaveLength(2);
    const lines = exportFeedback(down, { root: '/srv/verbatim' });
    expect(lines).toHaveLength(1);
    expect(JSON.stringify(lines[0])).toContain('Where was the meeting?');
  });
});
