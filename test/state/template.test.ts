/**
 * The build's pre-made state database (src/state/template.ts): a first start
 * copies it instead of running Postgres's initdb (which peaks near 0.9 GB in
 * WebAssembly), and only when it was made by the installed PGlite.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/state/db.js';
import { MIGRATIONS } from '../../src/state/migrations.js';
import { makeTemplate, pgliteVersion, readStamp } from '../../src/state/template.js';
import { runCommand } from '../helpers/spawn.js';
import { ROOT, tempDir } from '../helpers/paths.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
let template: string;
beforeAll(async () => {
  tmp = await tempDir();
  template = path.join(tmp.dir, 'state-template');
  expect(await makeTemplate(template)).toBe(true);
  // A mark only a copy of this template holds: a database made by initdb has no such table.
  const db = await openDb({ dir: template, template: null });
  try {
    await db.query('create table template_mark (v text)');
    await db.query("insert into template_mark values ('copied')");
    await db.query('checkpoint');
  } finally {
    await db.close();
  }
}, 300_000);
afterAll(async () => {
  await tmp.cleanup();
});

/** Open the state as the bot does (openState), in a child process: its peak RSS (MB), the mark, the migrations. */
async function firstStart(dir: string, templateDir: string) {
  const script = `
    const { openState } = await import(${JSON.stringify(path.join(ROOT, 'src/state/index.ts'))});
    const state = await openState({ dir: ${JSON.stringify(dir)}, maxTurns: 10, ttlMs: 60000, template: ${JSON.stringify(templateDir)} });
    const conversation = await state.conversations.forKey('cli:work');
    conversation.turns.push({ question: 'q', standalone: 'q', answer: { question: 'q', lead: 'a', quotes: [], refused: false }, at: 1 });
    await state.conversations.touch(conversation);
    const mark = await state.db.query("select to_regclass('template_mark') is not null as copied");
    const versions = await state.db.query('select version from schema_migrations order by version');
    console.log(JSON.stringify({ peakMb: process.resourceUsage().maxRSS / 1024, copied: mark[0].copied, versions: versions.map((r) => r.version) }));
    await state.close();`;
  const r = await runCommand(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeoutMs: 240_000 });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { peakMb: number; copied: boolean; versions: number[] };
}

describe('the state database template', () => {
  it('given a template made by the build, then its stamp names the installed PGlite and every migration, and making it again is skipped', async () => {
    expect(readStamp(template)).toEqual({ pglite: pgliteVersion(), migrations: MIGRATIONS.map((m) => m.version) });
    expect(await makeTemplate(template)).toBe(false);
    expect((await readdir(tmp.dir)).filter((f) => f.includes('.making-'))).toEqual([]);
  });

  it('given a template the code has outgrown (another PGlite or fewer migrations), when the build makes the template, then the old folder is replaced by a new one', async () => {
    const outdated = path.join(tmp.dir, 'outdated-template');
    await runCommand('cp', ['-r', template, outdated]);
    await writeFile(`${outdated}.json`, JSON.stringify({ pglite: pgliteVersion(), migrations: [1] }));
    expect(await makeTemplate(outdated)).toBe(true);
    expect(readStamp(outdated)).toEqual({ pglite: pgliteVersion(), migrations: MIGRATIONS.map((m) => m.version) });
    // A new database, not the old folder: the old one's mark is gone.
    const db = await openDb({ dir: outdated, template: null });
    try {
      expect(await db.query("select to_regclass('template_mark') is null as absent")).toEqual([{ absent: true }]);
    } finally {
      await db.close();
    }
    expect((await readdir(tmp.dir)).filter((f) => f.includes('.making-'))).toEqual([]);
  }, 300_000);

  it('given a usable template, when the bot’s first start opens an empty folder, then the database is a copy of it (no initdb: the process peaks under 250 MB), migrated, and it keeps what is written across a reopen', async () => {
    const dir = path.join(tmp.dir, 'first');
    const first = await firstStart(dir, template);
    expect(first.copied).toBe(true);
    expect(first.versions).toEqual(MIGRATIONS.map((m) => m.version));
    // initdb in this process grows PGlite's WebAssembly memory to ~640 MB; opening a made database stays near 130 MB.
    expect(first.peakMb).toBeLessThan(250);
    expect((await readdir(tmp.dir)).filter((f) => f.includes('.creating-'))).toEqual([]);
    const db = await openDb({ dir });
    try {
      expect((await db.query<{ id: string }>('select id from conversations')).map((r) => r.id)).toEqual(['cli:work']);
    } finally {
      await db.close();
    }
  }, 300_000);

  it('given a template made by another PGlite version, when a first start opens an empty folder, then it is not copied: the database is created by initdb (in a child process) and works', async () => {
    const stale = path.join(tmp.dir, 'stale-template');
    await runCommand('cp', ['-r', template, stale]);
    const stamp = JSON.parse(await readFile(`${template}.json`, 'utf8')) as { pglite: string };
    await writeFile(`${stale}.json`, JSON.stringify({ ...stamp, pglite: '0.0.1' }));
    const dir = path.join(tmp.dir, 'from-initdb');
    let how: string | undefined;
    const db = await openDb({ dir, template: stale, onCreate: (h) => (how = h) });
    try {
      expect(how).toBe('initdb');
      expect(await db.query("select to_regclass('template_mark') is null as absent")).toEqual([{ absent: true }]);
    } finally {
      await db.close();
    }
  }, 300_000);
});
