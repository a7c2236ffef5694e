import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertSquad } from '../../src/eval/convert.js';
import { toJsonl } from '../../src/eval/format.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const FIX = path.join(ROOT, 'test', 'eval', 'fixtures');

function runCli(script: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      [path.join(ROOT, 'src', 'cli', script), ...args],
      { cwd: ROOT, env: { ...process.env, EMBEDDING_MODEL: 'none', LOG_LEVEL: 'silent', ALLOW_REMOTE_MODELS: 'false' }, timeout: 120_000, maxBuffer: 16 << 20 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run eval (real engine, lexical only)', () => {
  let tmp: string;
  let result: { code: number; stdout: string; stderr: string };
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'verbatim-eval-cli-'));
    result = await runCli('eval.ts', [path.join(FIX, 'tiny.jsonl'), '--json', '--k', '3', '--out', path.join(tmp, 'details.jsonl')]);
  }, 130_000);
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('given --json, when run on a fixture with path, inline and shared documents, then stdout is exactly one JSON object of the documented shape', () => {
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const json = JSON.parse(lines[0]);
    expect(json).toMatchObject({ dataset: 'tiny', n: 6, k: 3 });
    expect(Object.keys(json.systems)).toEqual(['bm25', 'vector', 'hybrid']);
    expect(json.systems.vector).toBeNull(); // no model
    expect(json.systems.hybrid).toEqual({ ...json.systems.bm25, p50Ms: json.systems.hybrid.p50Ms, p95Ms: json.systems.hybrid.p95Ms });
    const m = json.systems.bm25;
    expect(Object.keys(m)).toEqual(['evidenceRecallAtK', 'evidenceInAnswer', 'f1', 'em', 'refusalPrecision', 'refusalRecall', 'refused', 'quoteValidity', 'p50Ms', 'p95Ms']);
    expect(m.quoteValidity).toBe(1);
    for (const k of ['evidenceRecallAtK', 'evidenceInAnswer', 'f1', 'em']) {
      expect(m[k]).toBeGreaterThanOrEqual(0);
      expect(m[k]).toBeLessThanOrEqual(1);
    }
    expect(m.p95Ms).toBeGreaterThanOrEqual(m.p50Ms);
    expect(result.stderr).toMatch(/vector system is not applicable/);
  });

  it('given --out, when run, then one detail line per scored turn and system carries the retrieved chunks and verified citations', async () => {
    const details = (await readFile(path.join(tmp, 'details.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(details).toHaveLength(6 * 2);
    const story = await readFile(path.join(FIX, 'story.txt'), 'utf8');
    for (const d of details) {
      expect(d.retrieved.length).toBeLessThanOrEqual(3);
      for (const q of d.answer.quotes) {
        expect(q.valid).toBe(true);
        if (q.doc.endsWith('story.txt')) expect(story.slice(q.start, q.end)).toBe(q.quote);
      }
    }
  });
});

describe('npm run eval:convert', () => {
  it('given squad and a SQuAD file, when converted, then stdout is the converter output as JSONL', async () => {
    const file = path.join(FIX, 'squad-tiny.json');
    const r = await runCli('eval-convert.ts', ['squad', file]);
    expect(r.code, r.stderr).toBe(0);
    const expected = convertSquad(JSON.parse(await readFile(file, 'utf8'))).map(toJsonl).join('\n') + '\n';
    expect(r.stdout).toBe(expected);
  }, 60_000);

  it('given an unknown format or a missing file, when run, then it exits 1 with a one-line error and no stack trace', async () => {
    const bad = await runCli('eval-convert.ts', ['nq', path.join(FIX, 'squad-tiny.json')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe('Error: Unknown format "nq"; use one of: squad, abg-coqa.');
    const missing = await runCli('eval-convert.ts', ['squad', path.join(FIX, 'nope.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/Cannot read .*nope\.json \(ENOENT\)/);
  }, 60_000);
});
