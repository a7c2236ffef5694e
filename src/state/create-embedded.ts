/**
 * Creating the embedded state database on a first start, in one of two ways:
 *
 * - **from the template** the build made (`template.ts`: an empty, migrated
 *   data folder for the installed PGlite): its files are copied. No Postgres
 *   runs, so the first start peaks no higher than any later one.
 * - **initdb in a throwaway child process**, when there is no usable template
 *   (a build without one, another PGlite version). PGlite's first open of an
 *   empty folder runs initdb in WASM, which grows its memory to ~640 MB; WASM
 *   memory never shrinks, so done in the bot's own process that memory would
 *   stay until the next restart. In a child it is returned to the system when
 *   the child exits, and the bot then opens the created database like any
 *   later start (~100 MB).
 *
 * Either way the database is made in a sibling folder and renamed into place
 * only when complete, so a start killed half-way leaves no half-made database.
 *
 * @example
 * if (!isCreated(dir)) await createDatabase(dir, ['shared_buffers=8MB'], defaultTemplateDir());
 * const pg = await PGlite.create({ dataDir: dir });   // opens, does not initdb
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { StateError } from './errors.js';
import { copyTemplate, usableTemplate } from './template.js';

/** Has a database been created in `dir`? (Postgres writes PG_VERSION into every data folder.) */
export const isCreated = (dir: string) => existsSync(path.join(dir, 'PG_VERSION'));

/** The child: plain CommonJS, so it runs the same from src/ (tests, tsx) and dist/. argv: PGlite's entry, folder, settings. */
const CHILD = `
const [entry, dir, conf] = process.argv.slice(1);
const { PGlite } = require(entry);
PGlite.create({ dataDir: dir, postgresqlconf: JSON.parse(conf) })
  .then((pg) => pg.close())
  .then(() => process.exit(0), (e) => { process.stderr.write(String((e && e.message) || e)); process.exit(1); });
`;

/** How a database was created: copied from the build's template, or by initdb in a child process. */
export type Creation = 'template' | 'initdb';

/**
 * Create the database in `dir` (absent or empty): a copy of `template` when it is usable with the installed PGlite,
 * else initdb in a child process with these settings. `template: null` never copies (the build makes templates so).
 */
export async function createDatabase(dir: string, conf: string[], template: string | null): Promise<Creation> {
  const temp = `${dir}.creating-${process.pid}`;
  await rm(temp, { recursive: true, force: true });
  try {
    if (existsSync(dir) && (await readdir(dir)).length) throw new Error(`${dir} is not empty but holds no database (no PG_VERSION); move it aside`);
    const how: Creation = template !== null && usableTemplate(template) ? 'template' : 'initdb';
    if (how === 'template') await copyTemplate(template!, temp);
    else await initdbInChild(temp, conf);
    if (!isCreated(temp)) throw new Error(`no database was made in ${temp}`);
    await rm(dir, { recursive: true, force: true }); // empty (checked above; this process holds its lock)
    await rename(temp, dir);
    return how;
  } catch (cause) {
    await rm(temp, { recursive: true, force: true }).catch(() => undefined);
    throw new StateError('state_unavailable', `Cannot create the embedded state database in ${dir}: ${(cause as Error)?.message ?? cause}`, { cause });
  }
}

/** Run initdb for the new folder `dir` in a child process. */
async function initdbInChild(dir: string, conf: string[]): Promise<void> {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', CHILD, entry, dir, JSON.stringify(conf)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
    child.on('error', reject);
    child.on('close', (c) => resolve({ code: c, stderr: err }));
  });
  if (code !== 0 || !isCreated(dir)) throw new Error(stderr.trim() || `the creating process exited with code ${code}`);
}
