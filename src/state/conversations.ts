/**
 * Conversation memory: one `Conversation` per terminal session, Discord
 * thread, DM channel or reply chain (a reply to one of the bot's answers
 * continues the conversation that answer belongs to). Bounded — at most
 * `maxTurns` turns each — and expiring `ttlMs` after the last activity, by an
 * injected clock.
 *
 * Two implementations behind one interface, checked by one shared test:
 * `createMemoryConversationStore` (tests, a single process without a
 * database) and `createDbConversationStore` (survives restarts; shared by
 * every process on one `DATABASE_URL`).
 *
 * @example
 * const conv = await store.forKey(`g:${guild}:t:${thread}`);
 * await engine.ask(question, conv);          // the engine appends the turn
 * await store.touch(conv);                   // trims to maxTurns, saves, refreshes expiry
 * await store.link(answerMessage.id, conv);  // replies to this message continue it
 */
import type { Answer, Conversation } from '../types.js';

export interface ConversationStoreOptions {
  maxTurns: number;
  ttlMs: number;
  clock?: () => number;
}

/** A message the bot answered with: what was asked and answered there (for feedback). */
export interface AnsweredMessage {
  messageId: string;
  conversationId: string;
  question: string;
  answer: Answer;
  createdAt: number;
}

export interface ConversationStore {
  /** The live conversation for `key` (a fresh, empty one when missing or expired). */
  forKey(key: string): Promise<Conversation>;
  /** The live conversation for `key`, if any (expired ones are dropped). */
  get(key: string): Promise<Conversation | undefined>;
  /** The conversation a message (one of the bot's answers) belongs to. */
  byMessage(messageId: string): Promise<Conversation | undefined>;
  /** Remember that replies to `messageId` continue `conversation`, and that it showed the conversation's last turn. */
  link(messageId: string, conversation: Conversation): Promise<void>;
  /** What was asked and answered in a message the bot sent (undefined when unknown or expired). */
  answered(messageId: string): Promise<AnsweredMessage | undefined>;
  /** After a turn: trim to `maxTurns`, save, refresh the expiry. */
  touch(conversation: Conversation): Promise<void>;
  /** Forget everything (or the conversations whose key starts with `prefix`). Returns how many were dropped. */
  clear(prefix?: string): Promise<number>;
}

/** Keep only the latest `maxTurns` turns (in place). */
export function trimTurns(conversation: Conversation, maxTurns: number): void {
  if (conversation.turns.length > maxTurns) conversation.turns.splice(0, conversation.turns.length - maxTurns);
}
