/**
 * Feedback on answers (👍/👎 buttons): stored with the question, the answer
 * and its citations, and the conversation before it — so an operator can
 * turn a complaint into a test case (`npm run feedback -- --export`).
 * One vote per user and message; voting again changes it.
 */
import { createHash } from 'node:crypto';
import type { Answer, Turn } from '../types.js';
import type { ConversationStore } from './conversations.js';
import type { Db } from './db.js';

export type Rating = 1 | -1;

export interface FeedbackRecord {
  id: number;
  messageId: string;
  rating: Rating;
  question: string;
  answer: Answer;
  /** The turns before this answer's, oldest first (follow-ups need them to make sense). */
  conversation: Pick<Turn, 'question'>[];
  /** The documents the bot answered from, by id (path or URL). */
  documents: string[];
  createdAt: number;
}

export interface FeedbackStore {
  /** Record a vote on a message the bot answered with. `unknown` when the message is not (or no longer) known. */
  record(vote: { messageId: string; userId: string; rating: Rating; documents: string[] }): Promise<'recorded' | 'changed' | 'unknown'>;
  list(filter?: { rating?: Rating }): Promise<FeedbackRecord[]>;
}

/** Users are stored as a salted-free short hash: enough to keep one vote each, not an id to look up. */
export const userKey = (userId: string) => createHash('sha256').update(`verbatim-feedback:${userId}`).digest('hex').slice(0, 16);

const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

export function createFeedbackStore(db: Db, conversations: ConversationStore, clock: () => number = Date.now): FeedbackStore {
  return {
    async record({ messageId, userId, rating, documents }) {
      const answered = await conversations.answered(messageId);
      if (!answered) return 'unknown';
      const conversation = await conversations.byMessage(messageId);
      const turns = conversation?.turns ?? [];
      const at = turns.findIndex((t) => t.question === answered.question && t.answer.lead === answered.answer.lead);
      const before = (at >= 0 ? turns.slice(0, at) : []).map((t) => ({ question: t.question }));
      const rows = await db.query<{ inserted: boolean }>(
        `insert into feedback (message_id, user_key, rating, question, answer, conversation, documents, created_at)
         values ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7::jsonb, $8)
         on conflict (message_id, user_key) do update set rating = excluded.rating, created_at = excluded.created_at
         returning (xmax = 0) as inserted`,
        [messageId, userKey(userId), rating, answered.question, JSON.stringify(answered.answer), JSON.stringify(before), JSON.stringify(documents), clock()],
      );
      return rows[0]?.inserted ? 'recorded' : 'changed';
    },
    async list(filter = {}) {
      const rows = await db.query<{ id: number | string; message_id: string; rating: number; question: string; answer: unknown; conversation: unknown; documents: unknown; created_at: number | string }>(
        `select id, message_id, rating, question, answer, conversation, documents, created_at from feedback
         ${filter.rating ? 'where rating = $1' : ''} order by id`,
        filter.rating ? [filter.rating] : [],
      );
      return rows.map((r) => ({
        id: Number(r.id),
        messageId: r.message_id,
        rating: (r.rating > 0 ? 1 : -1) as Rating,
        question: r.question,
        answer: json<Answer>(r.answer as Answer),
        conversation: json<{ question: string }[]>(r.conversation as { question: string }[]),
        documents: json<string[]>(r.documents as string[]),
        createdAt: Number(r.created_at),
      }));
    },
  };
}
