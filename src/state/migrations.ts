/**
 * Versioned schema migrations. Each runs once, in order, inside a transaction
 * that first takes a transaction-scoped advisory lock — so two processes
 * starting at once against one server apply each migration exactly once.
 * Never edit a migration that has shipped: add the next one.
 */
import type { Db } from './db.js';
import { StateError } from './errors.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'conversations, answered messages, feedback',
    sql: `
      create table conversations (
        id text primary key,
        turns jsonb not null default '[]'::jsonb,
        updated_at bigint not null
      );
      create index conversations_updated_at on conversations (updated_at);
      -- One row per message the bot answered with: replies to it continue the conversation,
      -- and feedback on it finds the question and the answer.
      create table answer_messages (
        message_id text primary key,
        conversation_id text not null references conversations (id) on delete cascade,
        question text not null,
        answer jsonb not null,
        created_at bigint not null
      );
      create index answer_messages_conversation on answer_messages (conversation_id);
      create table feedback (
        id bigserial primary key,
        message_id text not null,
        user_key text not null,
        rating smallint not null check (rating in (-1, 1)),
        question text not null,
        answer jsonb not null,
        conversation jsonb not null default '[]'::jsonb,
        documents jsonb not null default '[]'::jsonb,
        created_at bigint not null,
        unique (message_id, user_key)
      );
    `,
  },
  {
    version: 2,
    name: 'vector sets (pgvector copies of an index, one table each)',
    sql: `
      -- One row per published set of vectors: its table is named after a fingerprint of the model,
      -- the ids and the vectors, so processes with the same index share it and others never overwrite it.
      create table vector_sets (
        name text primary key,
        model text not null,
        dim integer not null,
        rows integer not null,
        method text not null,
        created_at timestamptz not null default now(),
        used_at timestamptz not null default now()
      );
    `,
  },
];

/** A number no other application is likely to lock on. */
const LOCK_KEY = 0x76657262; // "verb"

/** Bring the schema up to date. Returns the versions applied now. */
export async function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  await db.query('create table if not exists schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())');
  const applied: number[] = [];
  for (const m of migrations) {
    const ran = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const done = await tx.query('select 1 from schema_migrations where version = $1', [m.version]);
      if (done.length) return false;
      // Multi-statement SQL: one statement at a time (the extended protocol takes one).
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (ran) applied.push(m.version);
  }
  const newest = await db.query<{ v: number | null }>('select max(version) as v from schema_migrations');
  const known = migrations.at(-1)?.version ?? 0;
  if ((newest[0]?.v ?? 0) > known) {
    throw new StateError('state_schema_newer', `The state database has schema version ${newest[0]!.v}, newer than this Verbatim knows (${known}): upgrade Verbatim, or point it at another database.`);
  }
  return applied;
}

/** Split SQL on semicolons that end a statement (our migrations have no semicolons inside strings). */
export function splitStatements(sql: string): string[] {
  return sql
    .replace(/--[^\n]*/g, '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}
