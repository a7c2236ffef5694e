/**
 * A cold `npm run ask` (package.json's script, compiled and bundled) answers
 * exactly as the warm engine does: the model loading in its own thread, its
 * session from the optimized-model cache, and the documents' analysis read
 * from beside the index change how fast the answer comes, never which one.
 * (That the stored analysis holds exactly what the code computes is
 * test/index/analysis.test.ts's; on this small document it rarely changes
 * an answer, so this suite alone would not notice it wrong.)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { loadEmbedder } from '../../src/embed/load.js';
import { createEngine } from '../../src/engine.js';
import { silentLogger } from '../../src/log.js';
import { ROOT } from '../helpers/paths.js';

const QUESTION = 'What did Annan tell the Council?';
const tiny = path.join(ROOT, 'test/fixtures/tiny-model');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-cold-ask-'));
const env = { EMBEDDING_MODEL: tiny, INDEX_DIR: path.join(tmp, 'index'), MODEL_CACHE_DIR: path.join(tmp, 'models'), STATE_DIR: path.join(tmp, 'state'), ALLOW_REMOTE_MODELS: 'false', LOG_LEVEL: 'warn', LOG_FORMAT: 'json', LLM_BASE_URL: '', LLM_MODEL: '', DATABASE_URL: '' };

/** package.json's `ask` script as argv for node. */
const askArgs = () => (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { ask: string } }).scripts.ask.split(/\s+/).slice(1);

function coldAsk(extra: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [...askArgs(), '--json', QUESTION], { cwd: ROOT, env: { ...process.env, ...env, ...extra }, encoding: 'utf8', timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
  return { json: JSON.parse(r.stdout) as { citations: { doc: string; start: number; end: number; quote: string }[] }, stderr: r.stderr };
}
const cited = (cs: { doc: string; start: number; end: number }[]) => cs.map((c) => `${c.doc}:${c.start}-${c.end}`);

beforeAll(() => {
  const r = spawnSync(process.execPath, ['src/launch.mjs', '--build', '--quiet'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  expect(r.status, r.stderr).toBe(0);
}, 300_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('cold npm run ask', () => {
  let first: ReturnType<typeof coldAsk>;
  let second: ReturnType<typeof coldAsk>;
  beforeAll(() => {
    first = coldAsk(); // builds the index, the optimized model and the stored analysis
    second = coldAsk(); // reads them
  }, 240_000);

  it('given the first and a later cold ask, then both cite exactly what the warm in-process engine cites (asked something else first), quotes verbatim', async () => {
    const config = loadConfig(env, ROOT);
    const embedder = await loadEmbedder({ model: tiny, cacheDir: fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-cold-ask-ref-')), allowRemote: false, logger: silentLogger() });
    const engine = await createEngine({ config, logger: silentLogger(), embedder });
    try {
      await engine.ask('Who attended the meeting?');
      const warm = await engine.ask(QUESTION);
      expect(warm.quotes.length).toBeGreaterThan(0);
      expect(cited(first.json.citations)).toEqual(cited(warm.quotes));
      expect(cited(second.json.citations)).toEqual(cited(warm.quotes));
      const text = engine.documents()[0]!.text;
      for (const c of second.json.citations) expect(text.slice(c.start, c.end)).toBe(c.quote);
    } finally {
      await engine.close();
    }
  });

  it('given the cold asks, then the optimized model and the documents’ analysis were stored once and later read, with no warning', () => {
    expect(fs.readdirSync(path.join(env.MODEL_CACHE_DIR, 'optimized'))).toHaveLength(1);
    expect(fs.existsSync(path.join(env.INDEX_DIR, 'analysis.json'))).toBe(true);
    expect(second.stderr).not.toMatch(/"level":40/);
  });

  it('given the build, then `ask` is one bundle (no relative imports of the engine’s modules) and the lemma table is compiled', () => {
    const bundle = fs.readFileSync(path.join(ROOT, 'dist/cli/ask.js'), 'utf8');
    expect(bundle).not.toMatch(/from ["']\.\.\/(engine|config|log)\.js["']/);
    expect(fs.existsSync(path.join(ROOT, 'dist/text/lemma-data.json'))).toBe(true);
  });

  it('given an index built with a model that then breaks, when asked cold, then one warning and a lexical answer, as without the early thread', () => {
    const broken = path.join(tmp, 'breaking-model');
    fs.cpSync(tiny, broken, { recursive: true });
    const extra = { EMBEDDING_MODEL: broken, INDEX_DIR: path.join(tmp, 'index-breaking') };
    coldAsk(extra); // the index's vectors are this model's
    fs.writeFileSync(path.join(broken, 'onnx', 'model.onnx'), 'not an onnx model'.repeat(10));
    const r = coldAsk(extra);
    expect(r.json.citations.length).toBeGreaterThan(0);
    expect(r.stderr.match(/"level":40/g)).toHaveLength(1);
    expect(r.stderr).toMatch(/no embedding model could be loaded/);
  });
});
