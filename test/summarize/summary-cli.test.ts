import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DOC, DEFAULT_DOC_PATH, tempDir } from '../helpers/paths.js';
import { npmRun } from '../helpers/spawn.js';

const TEXT = readFileSync(DEFAULT_DOC_PATH, 'utf8');
let tmp: Awaited<ReturnType<typeof tempDir>>;
let env: Record<string, string>;
beforeAll(async () => {
  tmp = await tempDir('verbatim-summary-');
  env = { INDEX_DIR: path.join(tmp.dir, 'index'), EMBEDDING_MODEL: 'none', LOG_LEVEL: 'warn' };
});
afterAll(() => tmp.cleanup());

const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('npm run summary', () => {
  it('given --length short --json, when run, then stdout is { summary, length, focus } with three verbatim cited sentences, ¶2’s quotation with its speaker', async () => {
    const r = await npmRun('summary', ['--length', 'short', '--json'], { env });
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as { summary: { doc: string; paragraph: number; start: number; end: number; quote: string; speaker: string | null }[]; length: string; focus: string | null };
    expect(Object.keys(s)).toEqual(['summary', 'length', 'focus']);
    expect(s.length).toBe('short');
    expect(s.focus).toBeNull();
    expect(s.summary).toHaveLength(3);
    for (const q of s.summary) {
      expect(Object.keys(q)).toEqual(['doc', 'paragraph', 'start', 'end', 'quote', 'speaker', 'title']);
      expect(q.doc).toBe(DEFAULT_DOC);
      expect(TEXT.slice(q.start, q.end)).toBe(q.quote);
      expect(q.paragraph).toBeGreaterThan(0);
    }
    expect(s.summary.map((q) => [q.paragraph, q.speaker])).toEqual([[1, null], [2, 'Kofi Annan'], [4, null]]);
  }, 120_000);

  it('given a focus with no match, when run for people, then the note says so; given a bad length, then one error line and exit 1', async () => {
    const r = await npmRun('summary', ['--focus', 'climate change'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('Nothing in the document is about "climate change".');
    const human = await npmRun('summary', ['--length', 'medium'], { env });
    // Five quoted blocks, each cited once on the line under it; two of them attributed to Annan.
    const lines = human.stdout.split('\n');
    expect(lines.filter((l) => /^ {2}> .+/u.test(l))).toHaveLength(5);
    expect(lines.filter((l) => /^ {4}(?:— .+ )?\(¶\d+\)$/u.test(l))).toHaveLength(5);
    expect(lines.filter((l) => /^ {4}— Kofi Annan, (?:told|said)/.test(l))).toHaveLength(2);
    const long = await npmRun('summary', ['--length', 'long', '--json'], { env });
    expect((JSON.parse(long.stdout) as { summary: unknown[] }).summary.length).toBeLessThan(8); // never the whole document
    const bad = await npmRun('summary', ['--length', 'huge'], { env });
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/Allowed choices are short, medium, long/);
    noStack(bad.stderr);
  }, 120_000);
});
