/**
 * Conversation memory for Discord: one `Conversation` per thread, per DM
 * channel, or per reply chain (a reply to one of the bot's answers continues
 * the conversation that answer belongs to). Bounded — at most `maxTurns`
 * turns per conversation and `maxConversations` conversations (least recently
 * used evicted first) — and expiring `ttlMs` after the last activity, by an
 * injected clock.
 *
 * @example
 * const store = createConversationStore({ maxTurns: 10, ttlMs: 60 * 60_000 });
 * const conv = store.forKey(`thread:${thread.id}`);
 * await engine.ask(question, conv);        // the engine appends the turn
 * store.touch(conv);                       // trims to maxTurns, refreshes expiry
 * store.link(answerMessage.id, conv);      // replies to this message continue it
 */
import type { Conversation } from '../types.js';

export interface ConversationStoreOptions {
  maxTurns: number;
  ttlMs: number;
  /** Most conversations kept at once (LRU). Default 1000. */
  maxConversations?: number;
  clock?: () => number;
}

export interface ConversationStore {
  /** The live conversation for `key` (created when missing or expired). */
  forKey(key: string): Conversation;
  /** The live conversation for `key`, if any (expired ones are dropped). */
  get(key: string): Conversation | undefined;
  /** The conversation a message (one of the bot's answers) belongs to. */
  byMessage(messageId: string): Conversation | undefined;
  /** Remember that replies to `messageId` continue `conversation`. */
  link(messageId: string, conversation: Conversation): void;
  /** After a turn: trim to `maxTurns` and refresh the expiry. */
  touch(conversation: Conversation): void;
  /** Forget everything (or the conversations whose key starts with `prefix`). Returns how many were dropped. */
  clear(prefix?: string): number;
  readonly size: number;
}

interface Entry {
  conversation: Conversation;
  lastUsed: number;
}

export function createConversationStore(opts: ConversationStoreOptions): ConversationStore {
  const clock = opts.clock ?? Date.now;
  const maxConversations = opts.maxConversations ?? 1000;
  const entries = new Map<string, Entry>();
  /** message id → conversation id; bounded like the conversations (a few answer messages each). */
  const links = new Map<string, string>();
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

  return {
    forKey(key) {
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
    get(key) {
      return live(key)?.conversation;
    },
    byMessage(messageId) {
      const key = links.get(messageId);
      if (!key) return undefined;
      const e = live(key);
      if (!e) {
        links.delete(messageId);
        return undefined;
      }
      return e.conversation;
    },
    link(messageId, conversation) {
      links.delete(messageId);
      links.set(messageId, conversation.id);
      if (!entries.has(conversation.id)) entries.set(conversation.id, { conversation, lastUsed: clock() });
      sweep();
    },
    touch(conversation) {
      if (conversation.turns.length > opts.maxTurns) conversation.turns.splice(0, conversation.turns.length - opts.maxTurns);
      const e = entries.get(conversation.id);
      if (e && e.conversation === conversation) {
        e.lastUsed = clock();
        entries.delete(conversation.id);
        entries.set(conversation.id, e);
      } else entries.set(conversation.id, { conversation, lastUsed: clock() });
      sweep();
    },
    clear(prefix) {
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
