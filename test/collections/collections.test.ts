/**
 * Per-server collections: isolation between servers, background jobs with an
 * atomic swap (questions answered from the previous index meanwhile), limits
 * and refusals that index nothing, removal, the default corpus reloaded when
 * its index changes on disk, and DOCS_INCLUDE_DEFAULT.
 */
import { placeOf } from '../../src/present/citation.js';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCollections, type Collections } from '../../src/collections/collections.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createEngine, QUOTER } from '../../src/engine.js';
import { ingest } from '../../src/index/store.js';
import type { Engine } from '../../src/engine-api.js';
import { UserError } from '../../src/errors.js';
import { silentLogger } from '../../src/log.js';
import type { Fetched } from '../../src/net/safe-fetch.js';
import { DEFAULT_DOC, ROOT, tempDir } from '../helpers/paths.js';
import { npmRun } from '../helpers/spawn.js';

const A = '200000000000000001';
const B = '200000000000000002';
const FIX = path.join(ROOT, 'test/fixtures/docs');

let tmp: Awaited<ReturnType<typeof tempDir>>;
let config: Config;
let defaultEngine: Engine;
let collections: Collections | null = null;

/** Files served by name, as if downloaded. */
const files: Record<string, () => Promise<Buffer>> = {
  'report.pdf': () => readFile(path.join(FIX, 'report.pdf')),
  'memo.docx': () => readFile(path.join(FIX, 'memo.docx')),
  'photo.png': async () => Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
};
const fakeFetch = vi.fn(async (url: string): Promise<Fetched> => ({ bytes: await files[url.split('/').pop()!]!(), contentType: '', url }));
const attachment = (name: string, size = 1000) => ({ kind: 'attachment' as const, url: `https://cdn.example/att/${name}`, size, name, addedBy: 'u1' });

async function setup(env: Record<string, string> = {}, deps: Partial<Parameters<typeof createCollections>[0]> = {}) {
  config = loadConfig({ INDEX_DIR: path.join(tmp.dir, 'index'), DOCS_DIR: path.join(tmp.dir, 'collections'), EMBEDDING_MODEL: 'none', DOCUMENTS: DEFAULT_DOC, ...env }, ROOT);
  defaultEngine = await createEngine({ config, logger: silentLogger(), embedder: null });
  collections = createCollections({ config, logger: silentLogger(), embedder: null, defaultEngine, fetch: fakeFetch, watchIntervalMs: 0, ...deps });
  return collections;
}

beforeEach(async () => {
  tmp = await tempDir('verbatim-collections-');
  fakeFetch.mockClear();
});
afterEach(async () => {
  await collections?.close();
  collections = null;
  await defaultEngine?.close();
  await tmp.cleanup();
});

const titles = (e: Engine) => e.documents().map((d) => d.title);

describe('collections', () => {
  it('given a PDF added in one server and a DOCX in another, then each answers, cites and lists only its own; DMs keep the default corpus', async () => {
    const c = await setup();
    const added = await c.add(A, attachment('report.pdf'));
    expect(added.entry).toMatchObject({ title: 'Riverside Library Annual Report', pages: 3, paragraphs: 7 });
    expect(added.entry.quotations).toBeGreaterThanOrEqual(1);
    await c.add(B, attachment('memo.docx'));

    const a = await c.engineFor(A);
    const b = await c.engineFor(B);
    expect(titles(a)).toEqual(['Riverside Library Annual Report']);
    expect(titles(b)).toEqual(['Memo on the Harbour Clean-up']);
    expect(a.about().documents.map((d) => d.title)).toEqual(['Riverside Library Annual Report']);
    expect(b.about().documents.map((d) => d.title)).toEqual(['Memo on the Harbour Clean-up']);
    expect(await c.engineFor(null)).toBe(defaultEngine);

    const answer = await a.ask('What did Maria Okafor tell the town council?');
    expect(answer.refused).toBe(false);
    const doc = a.documents()[0]!;
    for (const q of answer.quotes) {
      expect(q.doc).toBe(doc.id);
      expect(doc.text.slice(q.start, q.end)).toBe(q.quote);
    }
    expect(answer.quotes[0]).toMatchObject({ page: 2, paragraph: 3 });
    expect(placeOf(answer.quotes[0]!)).toBe('p. 2 ¶3'); // how every surface cites it (the lead carries no citations)
    // The same question in the other server finds nothing of server A's.
    const other = await b.ask('What did Maria Okafor tell the town council?');
    expect(other.quotes.every((q) => q.doc === b.documents()[0]!.id)).toBe(true);
    expect(JSON.stringify(other.quotes)).not.toContain('Okafor');
    expect(JSON.stringify(other.quotes)).not.toContain('Riverside');
  });

  it('given a server that has added nothing, then it answers from the default corpus', async () => {
    const c = await setup();
    expect(await c.engineFor(B)).toBe(defaultEngine);
    await c.add(A, attachment('report.pdf'));
    expect(await c.engineFor(B)).toBe(defaultEngine);
  });

  it('given an add in progress, then questions are answered from the previous index until the new one is swapped in', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let built = false;
    let hold = false;
    const c = await setup({}, { beforeSwap: async () => { built = true; if (hold) await gate; } });
    await c.add(A, attachment('memo.docx'));
    const before = await c.engineFor(A);
    // Second add: held after building, before the swap.
    hold = true;
    built = false;
    let ready = false;
    const job = c.add(A, attachment('report.pdf')).then((r) => ((ready = true), r));
    await vi.waitFor(() => expect(built).toBe(true), { timeout: 10_000 });
    expect(ready).toBe(false);
    const during = await c.engineFor(A);
    expect(during).toBe(before);
    expect(titles(during)).toEqual(['Memo on the Harbour Clean-up']);
    expect((await during.ask('How much plastic did volunteers remove?')).refused).toBe(false);
    release();
    await job;
    expect(titles(await c.engineFor(A))).toEqual(['Memo on the Harbour Clean-up', 'Riverside Library Annual Report']);
  });

  it('given a refused file (an image), then nothing is indexed or kept and the server keeps its engine', async () => {
    const c = await setup();
    const e = await c.add(A, attachment('photo.png')).then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).code).toBe('image');
    expect(await c.list(A)).toEqual([]);
    expect(await readdir(path.join(config.DOCS_DIR, A, 'files')).catch(() => [])).toEqual([]);
    expect(await c.engineFor(A)).toBe(defaultEngine);
  });

  it('given the per-server limit is reached, then the next add is refused before downloading', async () => {
    const c = await setup({ DOCS_MAX_PER_SERVER: '1' });
    await c.add(A, attachment('memo.docx'));
    fakeFetch.mockClear();
    const e = (await c.add(A, attachment('report.pdf')).catch((x: unknown) => x)) as UserError;
    expect(e.code).toBe('too_many_documents');
    expect(e.message).toMatch(/already has 1 documents, the most allowed/);
    expect(fakeFetch).not.toHaveBeenCalled();
    expect((await c.list(A)).map((d) => d.name)).toEqual(['memo.docx']);
  });

  it('given an attachment larger than DOCS_MAX_FILE_MB, then it is refused without downloading it', async () => {
    const c = await setup({ DOCS_MAX_FILE_MB: '1' });
    const e = (await c.add(A, attachment('report.pdf', 5 * 1024 * 1024)).catch((x: unknown) => x)) as UserError;
    expect(e.code).toBe('file_too_large');
    expect(e.message).toMatch(/report\.pdf is too large \(5 MB; the limit is 1 MB\)/);
    expect(fakeFetch).not.toHaveBeenCalled();
  });

  it('given more servers than DOCS_OPEN_COLLECTIONS, then the least recently used is closed and re-opened from disk when asked', async () => {
    const c = await setup({ DOCS_OPEN_COLLECTIONS: '1' });
    await c.add(A, attachment('report.pdf'));
    const a1 = await c.engineFor(A);
    await c.add(B, attachment('memo.docx'));
    expect(await c.engineFor(B)).not.toBe(defaultEngine);
    const a2 = await c.engineFor(A); // A was closed when B opened: a fresh engine, the same documents
    expect(a2).not.toBe(a1);
    expect(titles(a2)).toEqual(['Riverside Library Annual Report']);
    expect(await c.engineFor(A)).toBe(a2);
  });

  it('given a title with the file, then the document is cited and listed by that title', async () => {
    const c = await setup();
    const r = await c.add(A, { ...attachment('memo.docx'), title: 'Harbour memo (May)' });
    expect(r.entry.title).toBe('Harbour memo (May)');
    expect(titles(await c.engineFor(A))).toEqual(['Harbour memo (May)']);
  });

  it('given files added one after another, then each add reports how many documents the server now has', async () => {
    const c = await setup();
    expect((await c.add(A, attachment('memo.docx'))).count).toBe(1);
    expect((await c.add(A, attachment('report.pdf'))).count).toBe(2);
    expect((await c.list(A)).map((d) => d.name)).toEqual(['memo.docx', 'report.pdf']);
  });

  it('given the same file twice, then the second is refused as a duplicate', async () => {
    const c = await setup();
    await c.add(A, attachment('memo.docx'));
    expect(((await c.add(A, attachment('memo.docx')).catch((x: unknown) => x)) as UserError).code).toBe('duplicate');
  });

  it('given a document removed, then it is gone from the answers; the last one removed returns the server to the default corpus', async () => {
    const c = await setup();
    const memo = await c.add(A, attachment('memo.docx'));
    await c.add(A, attachment('report.pdf'));
    await c.remove(A, memo.entry.id);
    expect(titles(await c.engineFor(A))).toEqual(['Riverside Library Annual Report']);
    const [report] = await c.list(A);
    await c.remove(A, report!.id);
    expect(await c.engineFor(A)).toBe(defaultEngine);
    expect(((await c.remove(A, report!.id).catch((x: unknown) => x)) as UserError).code).toBe('not_found');
  });

  it('given a server whose index was damaged or lost, when next used, then it is rebuilt from the kept files with nothing lost', async () => {
    const c = await setup();
    await c.add(A, attachment('report.pdf'));
    await c.add(A, attachment('memo.docx'));
    const before = (await c.engineFor(A)).documents().map((d) => [d.id, d.title, d.hash, d.paragraphs.map((p) => p.page)]);
    await c.close();
    await writeFile(path.join(config.DOCS_DIR, A, 'index', 'documents.json'), '{ not json');
    collections = createCollections({ config, logger: silentLogger(), embedder: null, defaultEngine, fetch: fakeFetch, watchIntervalMs: 0 });
    const after = await collections.engineFor(A);
    expect(after.documents().map((d) => [d.id, d.title, d.hash, d.paragraphs.map((p) => p.page)])).toEqual(before);
    expect((await after.ask('What did Maria Okafor tell the town council?')).quotes[0]).toMatchObject({ page: 2 });
    await rm(path.join(config.DOCS_DIR, A, 'index'), { recursive: true });
    await collections.close();
    collections = createCollections({ config, logger: silentLogger(), embedder: null, defaultEngine, fetch: fakeFetch, watchIntervalMs: 0 });
    expect((await collections.engineFor(A)).documents()).toHaveLength(2);
  });

  it('given DOCS_INCLUDE_DEFAULT, then a server with documents answers from them and the default corpus', async () => {
    const c = await setup({ DOCS_INCLUDE_DEFAULT: 'true' });
    await c.add(A, attachment('memo.docx'));
    const a = await c.engineFor(A);
    expect(a.documents().map((d) => d.id)).toEqual([DEFAULT_DOC, expect.stringMatching(/^memo-/)]);
    expect((await a.ask('What did Annan tell the Council?')).refused).toBe(false);
    // The default corpus grows on disk (another process ran ingest): the server's collection follows.
    await c.close();
    collections = createCollections({ config, logger: silentLogger(), embedder: null, defaultEngine, fetch: fakeFetch, watchIntervalMs: 50 });
    await collections.engineFor(A);
    await ingest({ dir: config.INDEX_DIR, root: ROOT, sources: ['test/fixtures/docs/report.pdf'], embedder: null, quoter: QUOTER, logger: silentLogger() });
    await vi.waitFor(async () => expect((await collections!.engineFor(A)).documents()).toHaveLength(3), { timeout: 10_000, interval: 50 });
    expect(titles(await collections.engineFor(B))).toEqual([titles(defaultEngine)[0], 'Riverside Library Annual Report']);
  });

  it('given the default index unchanged on disk, when a reload is asked for, then nothing is reloaded and the same engine answers', async () => {
    const c = await setup();
    const before = await c.engineFor(null);
    expect(await c.reloadDefault()).toBe(false);
    expect(await c.engineFor(null)).toBe(before);
  });

  it('given `npm run ingest` rewrites the default index while the bot runs, then the default engine is reloaded without a restart', async () => {
    const c = await setup({}, { watchIntervalMs: 100 });
    expect(defaultEngine.documents()).toHaveLength(1);
    const run = await npmRun('ingest', ['test/fixtures/docs/report.pdf'], { env: { INDEX_DIR: config.INDEX_DIR, EMBEDDING_MODEL: 'none', DOCUMENTS: DEFAULT_DOC }, timeoutMs: 240_000 });
    expect(run.code).toBe(0);
    await vi.waitFor(async () => expect((await c.engineFor(null)).documents()).toHaveLength(2), { timeout: 10_000, interval: 50 });
    const reloaded = await c.engineFor(null);
    expect(reloaded).not.toBe(defaultEngine);
    const a = await reloaded.ask('When is the renovation of the east wing due to finish?');
    expect(a.quotes[0]?.page).toBe(3);
  }, 300_000);
});
