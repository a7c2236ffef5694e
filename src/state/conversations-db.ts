/**
 * The database-backed conversation store: conversations survive a restart,
 * and every process on one `DATABASE_URL` shares them (a thread's follow-up
 * may land on another process, or on the same one after a deploy).
 *
 * Each call reads or writes the database; nothing is cached in the process,
 * so two processes never disagree. A conversation is a few kilobytes of JSON
 * (at most `maxTurns` turns). Expired conversations are deleted at most once
 * a minute, with their answered messages.
 */
import type { Answer, Conversation, Turn } from '../types.js';
import type { Db } from './db.js';
import { trimTurns, type AnsweredMessage, type ConversationStore, type ConversationStoreOptions } from './conversations.js';

interface ConversationRow {
  id: string;
  turns: Turn[] | string;
  updated_at: number | string;
}

const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
/** `like` pattern for "starts with `prefix`". */
const startsWith = (prefix: string) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function createDbConversationStore(db: Db, opts: ConversationStoreOptions): ConversationStore {
  const clock = opts.clock ?? Date.now;
  let lastSweep = -Infinity;
  const alive = (row: { updated_at: number | string }) => clock() - Number(row.updated_at) < opts.ttlMs;
  const toConversation = (row: ConversationRow): Conversation => ({ id: row.id, turns: json<Turn[]>(row.turns) });

  async function sweep() {
    if (clock() - lastSweep < 60_000) return;
    lastSweep = clock();
    await db.query('delete from conversations where updated_at <= $1', [clock() - opts.ttlMs]);
  }

  async function load(key: string): Promise<Conversation | undefined> {
    const [row] = await db.query<ConversationRow>('select id, turns, updated_at from conversations where id = $1', [key]);
    return row && alive(row) ? toConversation(row) : undefined;
  }

  async function save(conversation: Conversation) {
    await db.query(
      `insert into conversations (id, turns, updated_at) values ($1, $2::jsonb, $3)
       on conflict (id) do update set turns = excluded.turns, updated_at = excluded.updated_at`,
      [conversation.id, JSON.stringify(conversation.turns), clock()],
    );
  }

  return {
    async forKey(key) {
      return (await load(key)) ?? { id: key, turns: [] };
    },
    get: load,
    async byMessage(messageId) {
      const [row] = await db.query<ConversationRow>(
        'select c.id, c.turns, c.updated_at from answer_messages a join conversations c on c.id = a.conversation_id where a.message_id = $1',
        [messageId],
      );
      return row && alive(row) ? toConversation(row) : undefined;
    },
    async answered(messageId) {
      const [row] = await db.query<{ conversation_id: string; question: string; answer: Answer | string; created_at: number | string; updated_at: number | string }>(
        'select a.conversation_id, a.question, a.answer, a.created_at, c.updated_at from answer_messages a join conversations c on c.id = a.conversation_id where a.message_id = $1',
        [messageId],
      );
      if (!row || !alive(row)) return undefined;
      return { messageId, conversationId: row.conversation_id, question: row.question, answer: json<Answer>(row.answer), createdAt: Number(row.created_at) } satisfies AnsweredMessage;
    },
    async link(messageId, conversation) {
      const last = conversation.turns.at(-1);
      await db.transaction(async (tx) => {
        await tx.query(
          `insert into conversations (id, turns, updated_at) values ($1, $2::jsonb, $3)
           on conflict (id) do update set updated_at = excluded.updated_at`,
          [conversation.id, JSON.stringify(conversation.turns), clock()],
        );
        await tx.query(
          `insert into answer_messages (message_id, conversation_id, question, answer, created_at) values ($1, $2, $3, $4::jsonb, $5)
           on conflict (message_id) do update set conversation_id = excluded.conversation_id, question = excluded.question, answer = excluded.answer`,
          [messageId, conversation.id, last?.question ?? '', JSON.stringify(last?.answer ?? { question: '', lead: '', quotes: [], refused: true }), clock()],
        );
      });
    },
    async touch(conversation) {
      trimTurns(conversation, opts.maxTurns);
      await save(conversation);
      await sweep();
    },
    async clear(prefix) {
      const rows =
        prefix === undefined
          ? await db.query('delete from conversations returning id')
          : await db.query("delete from conversations where id like $1 escape '\\' returning id", [startsWith(prefix)]);
      return rows.length;
    },
  };
}
