/**
 * The in-process conversation store: nothing survives a restart. Also
 * bounded in count — at most `maxConversations` (least recently used
 * evicted first).
 */
import type { Conversation } from '../types.js';
import { trimTurns, type AnsweredMessage, type ConversationStore, type ConversationStoreOptions } from './conversations.js';

interface Entry {
  conversation: Conversation;
  lastUsed: number;
}

export function createMemoryConversationStore(opts: ConversationStoreOptions & { maxConversations?: number }): ConversationStore & { readonly size: number } {
  const clock = opts.clock ?? Date.now;
  const maxConversations = opts.maxConversations ?? 1000;
  const entries = new Map<string, Entry>();
  /** message id → what it answered; bounded like the conversations (a few answer messages each). */
  const links = new Map<string, AnsweredMessage>();
  const maxLinks = maxConversations * 8;

  const expired = (e: Entry) => clock() - e.lastUsed >= opts.ttlMs;

  function live(key: string): Entry | undefined {
    const e = entries.get(key);
    if (!e) return undefined;
    if (expired(e)) {
      entries.delete(key);
      return undefined;
    }
    // LRU: move to the end.
    entries.delete(key);
    entries.set(key, e);
    return e;
  }

  function sweep() {
    for (const [k, e] of entries) if (expired(e)) entries.delete(k);
    while (entries.size > maxConversations) entries.delete(entries.keys().next().value as string);
    while (links.size > maxLinks) links.delete(links.keys().next().value as string);
  }

  function liveLink(messageId: string): { link: AnsweredMessage; entry: Entry } | undefined {
    const link = links.get(messageId);
    if (!link) return undefined;
    const entry = live(link.conversationId);
    if (!entry) {
      links.delete(messageId);
      return undefined;
    }
    return { link, entry };
  }

  return {
    async forKey(key) {
      const e = live(key);
      if (e) {
        e.lastUsed = clock();
        return e.conversation;
      }
      const conversation: Conversation = { id: key, turns: [] };
      entries.set(key, { conversation, lastUsed: clock() });
      sweep();
      return conversation;
    },
    async get(key) {
      return live(key)?.conversation;
    },
    async byMessage(messageId) {
      return liveLink(messageId)?.entry.conversation;
    },
    async answered(messageId) {
      return liveLink(messageId)?.link;
    },
    async link(messageId, conversation) {
      const last = conversation.turns.at(-1);
      links.delete(messageId);
      links.set(messageId, {
        messageId,
        conversationId: conversation.id,
        question: last?.question ?? '',
        answer: last?.answer ?? { question: '', lead: '', quotes: [], refused: true },
        createdAt: clock(),
      });
      if (!entries.has(conversation.id)) entries.set(conversation.id, { conversation, lastUsed: clock() });
      sweep();
    },
    async touch(conversation) {
      trimTurns(conversation, opts.maxTurns);
      const e = entries.get(conversation.id);
      if (e && e.conversation === conversation) {
        e.lastUsed = clock();
        entries.delete(conversation.id);
        entries.set(conversation.id, e);
      } else entries.set(conversation.id, { conversation, lastUsed: clock() });
      sweep();
    },
    async clear(prefix) {
      let n = 0;
      for (const k of [...entries.keys()]) {
        if (prefix === undefined || k.startsWith(prefix)) {
          entries.delete(k);
          n++;
        }
      }
      if (prefix === undefined) links.clear();
      return n;
    },
    get size() {
      sweep();
      return entries.size;
    },
  };
}
