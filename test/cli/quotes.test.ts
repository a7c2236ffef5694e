import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DOC, DEFAULT_DOC_PATH, tempDir } from '../helpers/paths.js';
import { npmRun } from '../helpers/spawn.js';

const TEXT = readFileSync(DEFAULT_DOC_PATH, 'utf8');
let tmp: Awaited<ReturnType<typeof tempDir>>;
let env: Record<string, string>;
beforeAll(async () => {
  tmp = await tempDir('verbatim-quotes-');
  env = { INDEX_DIR: path.join(tmp.dir, 'index'), EMBEDDING_MODEL: 'none', LOG_LEVEL: 'warn' };
});
afterAll(() => tmp.cleanup());

interface Item {
  doc: string;
  paragraph: number;
  start: number;
  end: number;
  quote: string;
  speaker: string | null;
  cue: string | null;
  addressee: string | null;
  setting: string | null;
}
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('npm run quotes', () => {
  it('given the default corpus, when listed with --json, then stdout is the array of all quotations with verbatim offsets and the fixed fields', async () => {
    const r = await npmRun('quotes', ['--json'], { env });
    expect(r.code).toBe(0);
    const items = JSON.parse(r.stdout) as Item[];
    expect(items.map((q) => q.paragraph)).toEqual([0, 2, 3, 4, 5]);
    for (const q of items) {
      // The original fields in their order, then the document's title (never only its stored path).
      expect(Object.keys(q)).toEqual(['doc', 'paragraph', 'start', 'end', 'quote', 'speaker', 'cue', 'addressee', 'setting', 'title']);
      expect(q.doc).toBe(DEFAULT_DOC);
      expect((q as unknown as { title: string }).title).toMatch(/^Annan stresses/);
      expect(TEXT.slice(q.start, q.end)).toBe(q.quote);
      expect(q.speaker).toBe('Kofi Annan');
    }
  }, 120_000);

  it('given --speaker and --to, when listed for people, then each quotation shows as a quoted block with "— speaker, cue addressee (¶n)" under it', async () => {
    const r = await npmRun('quotes', ['--speaker', 'Mr. Annan', '--to', 'regional organizations'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  > We need to ensure that multilateralism and joint action');
    expect(r.stdout).toContain('\n    — Kofi Annan, told the heads of more than 20 regional and other intergovernmental organizations (¶2)');
    expect(r.stdout).not.toContain('(¶5)');
  }, 120_000);

  it('given --about with no match, when listed, then it says so and exits 0; given an unknown option, then one error line and exit 1', async () => {
    const none = await npmRun('quotes', ['--about', 'climate change'], { env });
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/No quotations about climate change/);
    const bad = await npmRun('quotes', ['--bogus'], { env });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/unknown option '--bogus'/);
    noStack(bad.stderr);
  }, 120_000);

  it('given a 100,000-character --speaker, a 100,000-character summary --focus, or a --to of bidi-override characters, when run, then one short error line (exit 1), and nothing invisible is echoed', async () => {
    const huge = 'a'.repeat(100_000);
    for (const [script, args, flag] of [['quotes', ['--speaker', huge], '--speaker'], ['summary', ['--focus', huge], '--focus']] as const) {
      const r = await npmRun(script, [...args], { env });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim()).toBe(`Error: ${flag} takes at most ${flag === '--focus' ? 200 : 100} characters (this one has 100,000).`);
    }
    const rtl = await npmRun('quotes', ['--to', 'the Council\u202e\u200b'], { env });
    expect(rtl.code).toBe(0);
    expect(rtl.stdout).not.toMatch(/[\u200b\u202e]/);
    expect(rtl.stdout).toMatch(/Kofi Annan/);
  }, 180_000);
});
