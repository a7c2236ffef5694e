/**
 * The state database: what must survive a restart (conversations, the
 * answers they produced, feedback). One small interface, two implementations:
 *
 * - **embedded** (default): PGlite — Postgres compiled to WASM — in a folder
 *   under the data directory (`STATE_DIR`). No server, no native build. One
 *   process at a time may open it (a lock file says so clearly).
 * - **server**: `DATABASE_URL=postgres://…` — the same schema on a Postgres
 *   server through `pg`, shared by every bot process on every machine.
 *
 * Opened lazily: a command that needs no state never pays for it.
 *
 * @example
 * const db = await openDb({ url: config.DATABASE_URL, dir: config.STATE_DIR });
 * await migrate(db);
 * const rows = await db.query<{ id: string }>('select id from conversations where id = $1', ['cli:work']);
 */
import { mkdir } from 'node:fs/promises';
import v8 from 'node:v8';
import { StateError } from './errors.js';

/** What a query runs on: the database, or one transaction of it. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: 'embedded' | 'server';
  /**
   * `COPY … FROM '/dev/blob'` with these bytes as the input (the embedded
   * database only: PGlite reads the blob in one call). Absent on a server,
   * where bulk loads use batched multi-row inserts.
   */
  copyFrom?(sql: string, data: Uint8Array): Promise<void>;
  /** Run `fn` in one transaction (BEGIN … COMMIT, ROLLBACK on error). */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenDbOptions {
  /** `postgres://…`: a Postgres server. Absent: the embedded database in `dir`. */
  url?: string;
  /** The embedded database's folder. */
  dir: string;
  /** Load the pgvector extension into the embedded database (a server must have it installed). */
  vector?: boolean;
  /** Extra `postgresql.conf` lines for the embedded database (e.g. `shared_buffers=256MB` for a bulk vector load). */
  settings?: string[];
  /**
   * Compile the embedded database's WebAssembly with V8's baseline compiler only (Liftoff, no optimising
   * tier): ~40 MB less resident memory and about half the CPU to open it, slower only on heavy queries —
   * right for small state, not for a bulk vector load. A V8 flag: it applies to WebAssembly compiled in
   * this process from then on.
   */
  baselineOnly?: boolean;
  /**
   * The build's pre-made empty database, copied on a first start instead of running initdb (`template.ts`); default
   * `dist/state-template`. `null`: always initdb (in a child process).
   */
  template?: string | null;
  /** Told how the embedded database was created, when this open created it. */
  onCreate?: (how: import('./create-embedded.js').Creation) => void;
}

/** Open the configured database (the caller migrates it: see `openState`). */
export async function openDb(opts: OpenDbOptions): Promise<Db> {
  return opts.url ? openServer(opts.url) : openEmbedded(opts);
}

/**
 * Small settings: this database holds kilobytes of conversation, not a warehouse (keeps PGlite's memory near 100 MB).
 * `wal_init_zero=off`: a new 16 MB WAL segment is not zero-filled. PGlite's file layer (Emscripten's pwritev) copies
 * each 1 MB of zeros into a fresh ArrayBuffer; glibc keeps the 16 MB it took in the process's heap after they are
 * freed, so the first new segment (after ~3,000 questions) left RSS 16 MB higher for good (issue 13). Postgres then writes only
 * the segment's last byte, as it does on copy-on-write file systems.
 */
const EMBEDDED_CONF = ['shared_buffers=8MB', 'work_mem=1MB', 'wal_buffers=256kB', 'max_wal_size=64MB', 'wal_init_zero=off'];

/** `memory://`: an embedded database that lives only as long as the process (tests). */
export const IN_MEMORY = 'memory://';

async function openEmbedded(opts: OpenDbOptions): Promise<Db> {
  const { dir } = opts;
  let release: () => Promise<void> = async () => undefined;
  if (dir !== IN_MEMORY) release = await lockDir(dir);
  let pg: import('@electric-sql/pglite').PGlite;
  const postgresqlconf = [...EMBEDDED_CONF, ...(opts.settings ?? [])];
  try {
    // The first start copies the build's empty database, or creates one in a throwaway process (initdb's ~640 MB of WASM memory goes with it).
    if (dir !== IN_MEMORY) {
      const { createDatabase, isCreated } = await import('./create-embedded.js');
      if (!isCreated(dir)) {
        const template = opts.template === undefined ? (await import('./template.js')).defaultTemplateDir() : opts.template;
        const how = await createDatabase(dir, postgresqlconf, template);
        opts.onCreate?.(how);
      }
    }
    if (opts.baselineOnly) v8.setFlagsFromString('--liftoff-only');
    const { PGlite } = await import('@electric-sql/pglite');
    const extensions: import('@electric-sql/pglite').Extensions = opts.vector ? { vector: (await import('@electric-sql/pglite-pgvector')).vector } : {};
    pg = await PGlite.create({ dataDir: dir, postgresqlconf, extensions });
  } catch (cause) {
    await release().catch(() => undefined);
    if (cause instanceof StateError) throw cause;
    throw new StateError('state_unavailable', `Cannot open the embedded state database in ${dir}: ${(cause as Error)?.message ?? cause}`, { cause });
  }
  return {
    kind: 'embedded',
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pg.query<T>(sql, params)).rows;
    },
    async copyFrom(sql, data) {
      await pg.query(sql, [], { blob: new Blob([data]) });
    },
    async transaction(fn) {
      return pg.transaction((tx) => fn({ query: async <T>(sql: string, params: unknown[] = []) => (await tx.query<T>(sql, params)).rows }));
    },
    async close() {
      try {
        await pg.close();
      } finally {
        await release().catch(() => undefined);
      }
    },
  };
}

/** PGlite is one process's: hold a lock on its folder for as long as it is open. */
async function lockDir(dir: string): Promise<() => Promise<void>> {
  await mkdir(dir, { recursive: true });
  const lockfile = await import('proper-lockfile');
  try {
    // A killed holder's lock goes stale after 10 s (its mtime stops being refreshed).
    // A lock that could not be refreshed in time (a long pause) is not worth crashing the bot over: PGlite itself is still ours.
    return await lockfile.lock(dir, { stale: 10_000, update: 3_000, retries: { retries: 10, minTimeout: 100, maxTimeout: 1_000 }, realpath: false, onCompromised: () => undefined });
  } catch (cause) {
    throw new StateError('state_in_use', `The embedded state database in ${dir} is in use by another Verbatim process (the bot?). Stop it, or set DATABASE_URL so several processes share a Postgres server.`, { cause });
  }
}

async function openServer(url: string): Promise<Db> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000 });
  // A dropped idle connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    await pool.query('select 1');
  } catch (cause) {
    await pool.end().catch(() => undefined);
    throw new StateError('state_unavailable', `Cannot reach the Postgres server in DATABASE_URL: ${(cause as Error)?.message ?? cause}`, { cause });
  }
  return {
    kind: 'server',
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const out = await fn({ query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[] });
        await client.query('commit');
        return out;
      } catch (e) {
        await client.query('rollback').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
