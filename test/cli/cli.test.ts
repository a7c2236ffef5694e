import { readFileSync } from 'node:fs';
import { readdir, writeFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DOC, DEFAULT_DOC_PATH, TINY_MODEL, tempDir } from '../helpers/paths.js';
import { logLines, npmRun, runCommand } from '../helpers/spawn.js';

const TEXT = readFileSync(DEFAULT_DOC_PATH, 'utf8');
let tmp: Awaited<ReturnType<typeof tempDir>>;
let env: Record<string, string>;
beforeAll(async () => {
  tmp = await tempDir();
  env = { INDEX_DIR: path.join(tmp.dir, 'index'), EMBEDDING_MODEL: 'none' };
});
afterAll(() => tmp.cleanup());

interface JsonAnswer {
  question: string;
  answer: string;
  refused: boolean;
  citations: { doc: string; paragraph: number; start: number; end: number; quote: string }[];
  latencyMs: number;
}
const expectVerbatim = (a: JsonAnswer) => {
  for (const c of a.citations) {
    expect(c.doc).toBe(DEFAULT_DOC);
    expect(TEXT.slice(c.start, c.end)).toBe(c.quote);
  }
};
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('npm run ask', () => {
  it('given no index yet, when asked with --json, then the index is built and stdout is exactly one JSON object with verbatim citations', async () => {
    const r = await npmRun('ask', ['--json', 'What did Annan tell the Council?'], { env });
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout) as JsonAnswer;
    expect(Object.keys(a)).toEqual(['question', 'answer', 'refused', 'citations', 'latencyMs']);
    expect(a.refused).toBe(false);
    expect(a.citations.map((c) => c.paragraph)).toContain(5);
    expectVerbatim(a);
    expect(await readdir(env.INDEX_DIR!)).toContain('manifest.json');
  });

  it('given a human question, when asked, then the answer quotes with ¶ citations', async () => {
    const r = await npmRun('ask', ['Where', 'was', 'the', 'closed-door', 'meeting?'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('closed-door meeting at UN headquarters');
    expect(r.stdout).toMatch(/\(¶3\)/);
  });

  it('given a conversation file, when asked with --json --conversation, then one JSON line per turn follows the conversation', async () => {
    const f = path.join(tmp.dir, 'c.jsonl');
    await writeFile(f, ['What did Annan tell the Council?', 'And what did he tell the regional organizations?', 'Where was that?', 'what else?'].map((q) => JSON.stringify({ q })).join('\n'));
    const r = await npmRun('ask', ['--json', '--conversation', f], { env });
    expect(r.code).toBe(0);
    const turns = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as JsonAnswer);
    expect(turns.map((t) => t.question)).toEqual(['What did Annan tell the Council?', 'And what did he tell the regional organizations?', 'Where was that?', 'what else?']);
    turns.forEach(expectVerbatim);
    expect(turns[1]!.citations[0]!.paragraph).toBe(2);
    expect(turns[2]!.citations[0]!.paragraph).toBe(3);
  });

  it.each([
    [[''], /Please ask a question/],
    [['x'.repeat(10_000)], /10,000 characters/],
  ])('given a bad question, when asked, then one clear line and exit code 1', async (args, msg) => {
    const r = await npmRun('ask', args, { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(msg);
    noStack(r.stderr);
  });
});

describe('npm start (terminal chat)', () => {
  it('given questions on stdin (not a terminal), when started without DISCORD_TOKEN, then each is answered in turn as one conversation and it exits at end of input', async () => {
    const r = await runCommand('npm', ['start'], { env, input: 'What did Annan tell the Council?\nAnd what did he tell the regional organizations?\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Much as we have strengthened our capacities');
    expect(r.stdout).toContain('We need to ensure that multilateralism');
  });
});

describe('models and the index', () => {
  it('given a model folder that does not exist, when asked, then one clear warning and a lexical answer', async () => {
    const r = await npmRun('ask', ['--json', 'What did Annan tell the Council?'], { env: { ...env, INDEX_DIR: path.join(tmp.dir, 'lex'), EMBEDDING_MODEL: path.join(tmp.dir, 'no-such-model') } });
    expect(r.code).toBe(0);
    const warnings = logLines(r.stderr, 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.msg).toMatch(/lexical/i);
    expect((JSON.parse(r.stdout) as JsonAnswer).refused).toBe(false);
  });

  it('given the tiny model folder, when ingested, then chunks are embedded through transformers.js and answers still verify', async () => {
    const e = { ...env, INDEX_DIR: path.join(tmp.dir, 'tiny'), EMBEDDING_MODEL: TINY_MODEL };
    const r = await npmRun('ingest', [], { env: e });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Indexed 8 chunks with .*tiny-model.*8 chunks embedded/);
    const manifest = JSON.parse(await readFile(path.join(e.INDEX_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.model).toMatch(/tiny-model/);
    const again = await npmRun('ingest', [], { env: e });
    expect(again.stdout).toMatch(/1 unchanged; 0 chunks embedded/);
    const a = JSON.parse((await npmRun('ask', ['--json', 'What did Annan tell the Council?'], { env: e })).stdout) as JsonAnswer;
    expectVerbatim(a);
  });

  it('given a corrupted index file, when asked, then it is moved aside with one warning, rebuilt, and the answer still comes', async () => {
    const e = { ...env, INDEX_DIR: path.join(tmp.dir, 'corrupt') };
    expect((await npmRun('ingest', [], { env: e })).code).toBe(0);
    await writeFile(path.join(e.INDEX_DIR, 'documents.json'), '{"trunc');
    const r = await npmRun('ask', ['--json', 'What did Annan tell the Council?'], { env: e });
    expect(r.code).toBe(0);
    expect(logLines(r.stderr, 40).map((l) => l.msg).join('\n')).toMatch(/damaged.*moved it aside/);
    expectVerbatim(JSON.parse(r.stdout) as JsonAnswer);
  });

  it.each([
    [['no/such/file.txt'], /No such file or folder/],
    // A loopback address is refused by the same SSRF guard as a link posted in Discord…
    [['http://127.0.0.1:1/nothing-listens-here'], /I won't fetch http:\/\/127\.0\.0\.1:1\/nothing-listens-here: .*only public internet addresses are allowed/],
    // …unless URL_ALLOW_PRIVATE opts out (then it is simply unreachable).
    [['http://127.0.0.1:1/nothing-listens-here', 'URL_ALLOW_PRIVATE=true'], /Could not fetch http:\/\/127\.0\.0\.1:1\/nothing-listens-here: ECONNREFUSED/],
  ])('given a bad source %j, when ingested, then one clear line and exit code 1, and the index is untouched', async (args0, msg) => {
    const allow = args0.includes('URL_ALLOW_PRIVATE=true');
    const args = args0.filter((a) => !a.includes('='));
    const e = { ...env, INDEX_DIR: path.join(tmp.dir, 'bad-src'), ...(allow ? { URL_ALLOW_PRIVATE: 'true' } : {}) };
    const r = await npmRun('ingest', args, { env: e });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(msg);
    noStack(r.stderr);
  });
});
