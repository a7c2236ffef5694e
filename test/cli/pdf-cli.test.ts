/**
 * The CLI on a PDF: `npm run ingest -- report.pdf`, then `npm run ask -- --json`:
 * citations carry "page" as well as "paragraph", and every quote is
 * `text.slice(start, end)` of the stored (extracted) text.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredDocument } from '../../src/types.js';
import { tempDir } from '../helpers/paths.js';
import { npmRun } from '../helpers/spawn.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
let env: Record<string, string>;
beforeAll(async () => {
  tmp = await tempDir();
  env = { INDEX_DIR: path.join(tmp.dir, 'index'), EMBEDDING_MODEL: 'none', DOCUMENTS: 'test/fixtures/docs/report.pdf' };
});
afterAll(() => tmp.cleanup());

describe('npm run ingest / ask on a PDF', () => {
  it('given report.pdf ingested, when asked with --json, then citations carry page and paragraph and quote the stored text exactly', async () => {
    const ing = await npmRun('ingest', ['test/fixtures/docs/report.pdf', 'test/fixtures/docs/memo.docx'], { env, timeoutMs: 240_000 });
    expect(ing.stderr).not.toMatch(/Failed|Error/);
    expect(ing.stdout).toMatch(/2 added/);
    expect(ing.code).toBe(0);
    const r = await npmRun('ask', ['--json', 'What did Maria Okafor tell the town council?'], { env, timeoutMs: 240_000 });
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout) as { citations: { doc: string; page?: number; paragraph: number; start: number; end: number; quote: string }[] };
    const docs = JSON.parse(await readFile(path.join(env.INDEX_DIR!, 'documents.json'), 'utf8')) as StoredDocument[];
    const pdf = docs.find((d) => d.id === 'test/fixtures/docs/report.pdf')!;
    expect(a.citations.length).toBeGreaterThan(0);
    expect(a.citations[0]).toMatchObject({ doc: pdf.id, page: 2, paragraph: 3 });
    expect(Object.keys(a.citations[0]!)).toEqual(['doc', 'paragraph', 'start', 'end', 'quote', 'title', 'page']);
    for (const c of a.citations) expect(docs.find((d) => d.id === c.doc)!.text.slice(c.start, c.end)).toBe(c.quote);
    // A DOCX has no pages: its citations carry none.
    const m = JSON.parse((await npmRun('ask', ['--json', 'What did Lena Duarte tell the volunteers?'], { env, timeoutMs: 240_000 })).stdout) as { citations: { doc: string; page?: number }[] };
    expect(m.citations[0]!.doc).toBe('test/fixtures/docs/memo.docx');
    expect(m.citations[0]!.page).toBeUndefined();
  }, 600_000);
});
