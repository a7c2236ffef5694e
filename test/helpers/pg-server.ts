/**
 * A real Postgres wire-protocol server on 127.0.0.1 for tests of the
 * `DATABASE_URL` path: PGlite (in memory) served by `@electric-sql/pglite-socket`.
 * No Postgres install needed; `pg` talks to it as to any server.
 */
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import net from 'node:net';

export interface PgServer {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** `vector: true` loads pgvector into the served database (as a server with the extension installed). */
export async function startPgServer(opts: { vector?: boolean } = {}): Promise<PgServer> {
  const db = await PGlite.create(opts.vector ? { extensions: { vector: (await import('@electric-sql/pglite-pgvector')).vector } } : {});
  const port = await freePort();
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 16 });
  await server.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
