import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DOC, DEFAULT_DOC_PATH, tempDir } from '../helpers/paths.js';
import { npmRun } from '../helpers/spawn.js';

const TEXT = readFileSync(DEFAULT_DOC_PATH, 'utf8');
let tmp: Awaited<ReturnType<typeof tempDir>>;
let env: Record<string, string>;
beforeAll(async () => {
  tmp = await tempDir('verbatim-verify-');
  env = { INDEX_DIR: path.join(tmp.dir, 'index'), EMBEDDING_MODEL: 'none', LOG_LEVEL: 'warn' };
});
afterAll(() => tmp.cleanup());

describe('npm run verify', () => {
  it('given an exact quote and --json, when run, then { claim, verdict, citations, speaker, differences } with the verbatim citation', async () => {
    const r = await npmRun('verify', ['--json', '“new level of clarity, practicality and seriousness”'], { env });
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout);
    expect(Object.keys(v)).toEqual(['claim', 'verdict', 'citations', 'speaker', 'differences']);
    expect(v).toMatchObject({ claim: 'new level of clarity, practicality and seriousness', verdict: 'exact', speaker: 'Kofi Annan', differences: [] });
    expect(v.citations).toHaveLength(1);
    const c = v.citations[0];
    expect(Object.keys(c)).toEqual(['doc', 'paragraph', 'start', 'end', 'quote']);
    expect(c).toMatchObject({ doc: DEFAULT_DOC, paragraph: 4 });
    expect(TEXT.slice(c.start, c.end)).toBe(c.quote);
  }, 120_000);

  it('given a reworded quote for people, then close with the real words and what differs; given an invented one, then not found; given nothing, then one error line and exit 1', async () => {
    const close = await npmRun('verify', ['We need to make sure that multilateralism and joint action'], { env });
    expect(close.code).toBe(0);
    expect(close.stdout).toMatch(/^Close, but not word for word\. Kofi Annan’s words say it differently:\n {2}“We need to ensure that multilateralism and joint action” \(¶2\)\n/);
    expect(close.stdout.match(/¶2/g)).toHaveLength(1); // the place, said once
    expect(close.stdout).toMatch(/What differs:\n {2}document: ensure → claim: make sure/);
    const none = await npmRun('verify', ['Let them eat cake'], { env });
    expect(none.stdout.trim()).toBe('Not found — the document does not say that, and nothing in it is close.');
    const bad = await npmRun('verify', ['  '], { env });
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/Paste the words to check/);
  }, 120_000);
});
