/**
 * One behaviour, every implementation: the conversation store contract,
 * run against the in-memory store and the database store (embedded PGlite
 * and a Postgres server over the wire).
 */
import { describe, expect, it } from 'vitest';
import type { ConversationStore, ConversationStoreOptions } from '../../src/state/conversations.js';
import type { Answer, Turn } from '../../src/types.js';

const answer = (q: string): Answer => ({ question: q, lead: `lead for ${q}`, quotes: [{ doc: 'documents/a.txt', paragraph: 2, start: 5, end: 9, quote: 'word' }], refused: false });
export const turn = (q: string): Turn => ({ question: q, standalone: q, answer: answer(q), at: 0 });

export function conversationStoreContract(name: string, make: (opts: ConversationStoreOptions) => Promise<ConversationStore>) {
  describe(`${name}: the conversation store contract`, () => {
    it('given turns saved under a key, when the key is looked up again, then the same turns come back', async () => {
      const store = await make({ maxTurns: 5, ttlMs: 60_000 });
      const conv = await store.forKey('g:1:t:9');
      expect(conv).toEqual({ id: 'g:1:t:9', turns: [] });
      conv.turns.push(turn('What did Annan tell the Council?'));
      await store.touch(conv);
      const again = await store.forKey('g:1:t:9');
      expect(again.turns.map((t) => t.question)).toEqual(['What did Annan tell the Council?']);
      expect(again.turns[0]!.answer.quotes[0]!.quote).toBe('word');
      expect((await store.forKey('g:1:t:8')).turns).toEqual([]);
    });

    it('given an answer message linked to a conversation, when a reply to it arrives, then it continues that conversation, and what it answered is known', async () => {
      const store = await make({ maxTurns: 5, ttlMs: 60_000 });
      const conv = await store.forKey('g:1:m:100');
      conv.turns.push(turn('first'), turn('second'));
      await store.touch(conv);
      await store.link('answer-1', conv);
      expect((await store.byMessage('answer-1'))?.id).toBe('g:1:m:100');
      expect((await store.byMessage('answer-1'))?.turns).toHaveLength(2);
      expect(await store.byMessage('unknown')).toBeUndefined();
      const a = await store.answered('answer-1');
      expect(a).toMatchObject({ messageId: 'answer-1', conversationId: 'g:1:m:100', question: 'second' });
      expect(a?.answer.lead).toBe('lead for second');
      expect(await store.answered('unknown')).toBeUndefined();
    });

    it('given more turns than the maximum, when touched, then only the latest turns are kept', async () => {
      const store = await make({ maxTurns: 2, ttlMs: 60_000 });
      const conv = await store.forKey('k');
      conv.turns.push(turn('a'), turn('b'), turn('c'));
      await store.touch(conv);
      expect(conv.turns.map((t) => t.question)).toEqual(['b', 'c']);
      expect((await store.forKey('k')).turns.map((t) => t.question)).toEqual(['b', 'c']);
    });

    it('given a conversation idle past the TTL, when looked up by key or by message, then it is gone and a fresh one starts', async () => {
      let now = 1_000_000;
      const store = await make({ maxTurns: 5, ttlMs: 60_000, clock: () => now });
      const conv = await store.forKey('ttl');
      conv.turns.push(turn('a'));
      await store.touch(conv);
      await store.link('m1', conv);
      now += 59_999;
      expect((await store.byMessage('m1'))?.turns).toHaveLength(1); // still alive
      await store.touch(conv); // activity refreshes expiry
      now += 59_999;
      expect((await store.get('ttl'))?.turns).toHaveLength(1);
      now += 60_000;
      expect(await store.byMessage('m1')).toBeUndefined();
      expect(await store.answered('m1')).toBeUndefined();
      expect(await store.get('ttl')).toBeUndefined();
      expect((await store.forKey('ttl')).turns).toEqual([]);
    });

    it('given a conversation idle exactly the TTL, when looked up, then it has expired', async () => {
      let now = 1_000_000;
      const store = await make({ maxTurns: 5, ttlMs: 60_000, clock: () => now });
      const conv = await store.forKey('ttl-edge');
      conv.turns.push(turn('a'));
      await store.touch(conv);
      await store.link('m-edge', conv);
      now += 59_999;
      expect((await store.get('ttl-edge'))?.turns).toHaveLength(1);
      now += 1;
      expect(await store.get('ttl-edge')).toBeUndefined();
      expect(await store.byMessage('m-edge')).toBeUndefined();
    });

    it('given answers in two guilds, when one guild is cleared, then replies to the other guild’s answers still continue their conversation', async () => {
      const store = await make({ maxTurns: 5, ttlMs: 60_000 });
      for (const [key, message] of [['g:1:t:1', 'answer-g1'], ['g:2:t:3', 'answer-g2']] as const) {
        const c = await store.forKey(key);
        c.turns.push(turn(key));
        await store.touch(c);
        await store.link(message, c);
      }
      expect(await store.clear('g:1:')).toBe(1);
      expect((await store.byMessage('answer-g2'))?.id).toBe('g:2:t:3');
      expect((await store.answered('answer-g2'))?.question).toBe('g:2:t:3');
      expect(await store.byMessage('answer-g1')).toBeUndefined();
    });

    it('given conversations in two guilds, when one guild is cleared, then the other keeps its memory', async () => {
      const store = await make({ maxTurns: 5, ttlMs: 60_000 });
      for (const key of ['g:1:t:1', 'g:1:m:2', 'g:2:t:3', 'g:10:t:4']) {
        const c = await store.forKey(key);
        c.turns.push(turn(key));
        await store.touch(c);
      }
      expect(await store.clear('g:1:')).toBe(2);
      expect((await store.get('g:2:t:3'))?.turns).toHaveLength(1);
      expect((await store.get('g:10:t:4'))?.turns).toHaveLength(1); // "g:1:" is not a prefix of "g:10:"
      expect(await store.get('g:1:t:1')).toBeUndefined();
    });

    it('given a key with LIKE wildcards, when cleared by prefix, then only that prefix goes', async () => {
      const store = await make({ maxTurns: 5, ttlMs: 60_000 });
      for (const key of ['a_%:1', 'ab%:2']) {
        const c = await store.forKey(key);
        c.turns.push(turn(key));
        await store.touch(c);
      }
      expect(await store.clear('a_%')).toBe(1);
      expect(await store.get('ab%:2')).toBeDefined();
    });
  });
}
