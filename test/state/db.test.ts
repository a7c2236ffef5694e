import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, IN_MEMORY } from '../../src/state/db.js';
import { StateError } from '../../src/state/errors.js';
import { migrate, MIGRATIONS, splitStatements } from '../../src/state/migrations.js';
import { tempDir } from '../helpers/paths.js';
import { startPgServer, type PgServer } from '../helpers/pg-server.js';

let server: PgServer;
let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  server = await startPgServer();
  tmp = await tempDir();
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await tmp?.cleanup();
});

describe('state database', () => {
  it('given an embedded database in use by one process, when a second opens it, then it is refused with one line naming DATABASE_URL; after the first closes, it opens', async () => {
    const dir = `${tmp.dir}/state`;
    const first = await openDb({ dir });
    try {
      const err = await openDb({ dir }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(StateError);
      expect((err as StateError).stateCode).toBe('state_in_use');
      expect((err as Error).message).toMatch(/in use by another Verbatim process.*DATABASE_URL/);
      expect((err as Error).message).not.toContain('\n');
    } finally {
      await first.close();
    }
    const again = await openDb({ dir });
    await again.close();
  }, 120_000);

  it('given two processes migrating one server at once, then each migration is applied exactly once, and running again applies nothing', async () => {
    const a = await openDb({ url: server.url, dir: 'unused' });
    const b = await openDb({ url: server.url, dir: 'unused' });
    try {
      const [ra, rb] = await Promise.all([migrate(a), migrate(b)]);
      expect([...ra, ...rb].sort()).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await migrate(a)).toEqual([]);
      const rows = await a.query<{ version: number }>('select version from schema_migrations order by version');
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('given a database migrated by a newer Verbatim, when opened by this one, then it is refused rather than misread', async () => {
    const db = await openDb({ dir: IN_MEMORY });
    try {
      await migrate(db, [...MIGRATIONS, { version: 99, name: 'from the future', sql: 'create table future (x int)' }]);
      await expect(migrate(db)).rejects.toThrow(/schema version 99, newer than this Verbatim knows/);
    } finally {
      await db.close();
    }
  }, 120_000);

  it('given an unreachable DATABASE_URL, then one clear line, not a stack', async () => {
    await expect(openDb({ url: 'postgres://x:y@127.0.0.1:9/nowhere', dir: 'unused' })).rejects.toThrow(/Cannot reach the Postgres server in DATABASE_URL/);
  });

  it('splits migration SQL into statements, dropping comments', () => {
    expect(splitStatements('create table a (x int); -- note; here\ncreate index b on a (x);\n')).toEqual(['create table a (x int)', 'create index b on a (x)']);
  });
});
