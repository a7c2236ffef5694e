/**
 * The state layer's surface: open the configured database once, migrate it,
 * and hand out the stores that live in it.
 *
 * @example
 * const state = await openState({ url: config.DATABASE_URL, dir: config.STATE_DIR, maxTurns: 10, ttlMs: 3_600_000 });
 * const conv = await state.conversations.forKey('cli:work');
 * await state.close();
 */
import type { Config } from '../config.js';
import { openDb, type Db } from './db.js';
import { createDbConversationStore } from './conversations-db.js';
import { createFeedbackStore, type FeedbackStore } from './feedback.js';
import { migrate } from './migrations.js';
import type { ConversationStore } from './conversations.js';

export type { ConversationStore } from './conversations.js';
export type { FeedbackStore, FeedbackRecord, Rating } from './feedback.js';
export { createMemoryConversationStore } from './conversations-memory.js';

export interface State {
  db: Db;
  conversations: ConversationStore;
  feedback: FeedbackStore;
  close(): Promise<void>;
}

export interface OpenStateOptions {
  url?: string;
  dir: string;
  maxTurns: number;
  ttlMs: number;
  clock?: () => number;
  /** The embedded database's template for a first start (default: the build's; `null`: initdb). See `template.ts`. */
  template?: string | null;
}

/** The state the configuration names: DATABASE_URL's server, else the embedded database in STATE_DIR. */
export const stateOptions = (config: Pick<Config, 'DATABASE_URL' | 'STATE_DIR' | 'CONVERSATION_MAX_TURNS' | 'CONVERSATION_TTL_MINUTES'>): OpenStateOptions => ({
  url: config.DATABASE_URL,
  dir: config.STATE_DIR,
  maxTurns: config.CONVERSATION_MAX_TURNS,
  ttlMs: config.CONVERSATION_TTL_MINUTES * 60_000,
});

export async function openState(opts: OpenStateOptions): Promise<State> {
  // Kilobytes of conversations: the embedded database's WASM needs no optimising compiler (~40 MB less resident).
  const db = await openDb({ url: opts.url, dir: opts.dir, baselineOnly: true, ...(opts.template !== undefined ? { template: opts.template } : {}) });
  try {
    await migrate(db);
  } catch (e) {
    await db.close().catch(() => undefined);
    throw e;
  }
  const conversations = createDbConversationStore(db, opts);
  return { db, conversations, feedback: createFeedbackStore(db, conversations, opts.clock), close: () => db.close() };
}
