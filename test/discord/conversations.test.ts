import { describe, expect, it } from 'vitest';
import { createConversationStore } from '../../src/discord/conversations.js';
import type { Turn } from '../../src/types.js';

const turn = (q: string): Turn => ({ question: q, standalone: q, answer: { question: q, lead: '', quotes: [], refused: false }, at: 0 });

describe('conversation store', () => {
  it('given a thread key, when asked twice, then the same conversation is returned', () => {
    const store = createConversationStore({ maxTurns: 5, ttlMs: 60_000 });
    const a = store.forKey('g:1:t:9');
    expect(store.forKey('g:1:t:9')).toBe(a);
    expect(store.forKey('g:1:t:8')).not.toBe(a);
  });

  it('given an answer message linked to a conversation, when a reply to it arrives, then it continues that conversation', () => {
    const store = createConversationStore({ maxTurns: 5, ttlMs: 60_000 });
    const conv = store.forKey('g:1:m:100');
    store.link('answer-1', conv);
    expect(store.byMessage('answer-1')).toBe(conv);
    expect(store.byMessage('unknown')).toBeUndefined();
  });

  it('given more turns than the maximum, when touched, then only the latest turns are kept', () => {
    const store = createConversationStore({ maxTurns: 2, ttlMs: 60_000 });
    const conv = store.forKey('k');
    conv.turns.push(turn('a'), turn('b'), turn('c'));
    store.touch(conv);
    expect(conv.turns.map((t) => t.question)).toEqual(['b', 'c']);
  });

  it('given a conversation idle past the TTL, when looked up by key or by message, then it is gone and a fresh one starts', () => {
    let now = 0;
    const store = createConversationStore({ maxTurns: 5, ttlMs: 60_000, clock: () => now });
    const conv = store.forKey('k');
    conv.turns.push(turn('a'));
    store.link('m1', conv);
    now = 59_999;
    expect(store.byMessage('m1')).toBe(conv); // still alive
    store.touch(conv); // activity refreshes expiry
    now = 59_999 + 59_999;
    expect(store.get('k')).toBe(conv);
    now += 60_000;
    expect(store.byMessage('m1')).toBeUndefined();
    const fresh = store.forKey('k');
    expect(fresh).not.toBe(conv);
    expect(fresh.turns).toEqual([]);
  });

  it('given more conversations than the cap, when a new one starts, then the least recently used is evicted', () => {
    const store = createConversationStore({ maxTurns: 5, ttlMs: 60_000, maxConversations: 2 });
    const a = store.forKey('a');
    store.forKey('b');
    store.forKey('a'); // a is now more recent than b
    store.forKey('c');
    expect(store.size).toBe(2);
    expect(store.get('a')).toBe(a);
    expect(store.get('b')).toBeUndefined();
  });

  it('given conversations in two guilds, when one guild is cleared, then the other keeps its memory', () => {
    const store = createConversationStore({ maxTurns: 5, ttlMs: 60_000 });
    store.forKey('g:1:t:1');
    store.forKey('g:1:m:2');
    const other = store.forKey('g:2:t:3');
    expect(store.clear('g:1:')).toBe(2);
    expect(store.get('g:2:t:3')).toBe(other);
    expect(store.size).toBe(1);
  });
});
