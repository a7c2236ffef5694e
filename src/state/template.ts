/**
 * A pre-made, empty, migrated embedded state database, made once by the build
 * (`src/launch.mjs`: `npm install`'s `prepare`, or the first start after
 * `src/` changed) and copied into `STATE_DIR` on a first start. Creating a
 * database is Postgres's initdb, which in WebAssembly peaks near 0.9 GB for a
 * second (issue 13: that would not fit a 512 MB host); a copy of files peaks at
 * nothing. The build already needs far more memory than that (TypeScript's
 * compiler), so the peak moves to where memory is.
 *
 * The template is a plain folder (`dist/state-template/`) with a stamp beside
 * it (`dist/state-template.json`): the PGlite version that made it (a data
 * folder is only valid for the Postgres it was made by) and the migrations it
 * holds. A template whose PGlite is not the installed one is not used: the
 * database is then created by initdb in a child process, as before. A template
 * with fewer migrations than the code is fine (the rest are applied at open).
 *
 * @example
 * const template = findTemplate();                 // undefined when none is usable
 * if (template) await copyTemplate(template, temp);
 */
import { existsSync, readFileSync } from 'node:fs';
import { cp, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the stamp beside a template records. */
export interface TemplateStamp {
  /** `@electric-sql/pglite`'s version that created the folder. */
  pglite: string;
  /** The schema migrations applied in it. */
  migrations: number[];
}

/** The installed PGlite's version (its package.json, beside its entry point's folder). */
export function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  return (JSON.parse(readFileSync(path.join(path.dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * Where the build puts the template: `dist/state-template`, found from this module, wherever it was compiled to
 * (dist/state/, a bundle's chunk in dist/cli/, or src/state/ when run from source).
 */
export function defaultTemplateDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, '..', 'state-template'), path.join(here, '..', '..', 'dist', 'state-template')];
  return candidates.find((c) => existsSync(path.join(c, 'PG_VERSION'))) ?? candidates.at(-1)!;
}

const stampOf = (dir: string) => `${dir}.json`;

/** The template's stamp, or undefined when there is no template or no readable stamp. */
export function readStamp(dir: string): TemplateStamp | undefined {
  try {
    if (!existsSync(path.join(dir, 'PG_VERSION'))) return undefined;
    const stamp = JSON.parse(readFileSync(stampOf(dir), 'utf8')) as TemplateStamp;
    return typeof stamp.pglite === 'string' && Array.isArray(stamp.migrations) ? stamp : undefined;
  } catch {
    return undefined;
  }
}

/** Is the template in `dir` usable with the installed PGlite? */
export const usableTemplate = (dir: string): boolean => readStamp(dir)?.pglite === pgliteVersion();

/** Copy the template's files into `dest` (which must not exist). */
export async function copyTemplate(template: string, dest: string): Promise<void> {
  await cp(template, dest, { recursive: true, errorOnExist: true, force: false });
}

/**
 * Build time: make the template in `dir` (initdb in a child process, then the migrations), unless one for the
 * installed PGlite and these migrations is there already. Made beside and renamed into place, so a build killed
 * half-way leaves no half-made template. Returns whether a new one was made.
 */
export async function makeTemplate(dir: string): Promise<boolean> {
  const { MIGRATIONS, migrate } = await import('./migrations.js');
  const wanted: TemplateStamp = { pglite: pgliteVersion(), migrations: MIGRATIONS.map((m) => m.version) };
  if (JSON.stringify(readStamp(dir)) === JSON.stringify(wanted)) return false;
  const temp = `${dir}.making-${process.pid}`;
  await rm(temp, { recursive: true, force: true });
  try {
    const { openDb } = await import('./db.js');
    // Created by initdb (never copied from an older template), in a child process; migrated in this one.
    const db = await openDb({ dir: temp, template: null });
    try {
      await migrate(db);
      await db.query('checkpoint');
    } finally {
      await db.close();
    }
    await rm(dir, { recursive: true, force: true });
    await rm(stampOf(dir), { force: true });
    await rename(temp, dir);
    await writeFile(stampOf(dir), `${JSON.stringify(wanted)}\n`);
    return true;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
