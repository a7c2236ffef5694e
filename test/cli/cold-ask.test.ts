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
import { disableOrtTelemetry } from '../../src/cli/common.js';
import { loadConfig } from '../../src/config.js';
import { loadEmbedder } from '../../src/embed/load.js';
import { createEngine } from '../../src/engine.js';
import { silentLogger } from '../../src/log.js';
import { ROOT } from '../helpers/paths.js';

const QUESTION = 'What did Annan tell the Council?';
const tiny = path.join(ROOT, 'test/fixtures/tiny-model');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-cold-ask-'));
const env = { EMBEDDING_MODEL: tiny, INDEX_DIR: path.join(tmp, 'index'), MODEL_CACHE_DIR: path.join(tmp, 'models'), STATE_DIR: path.join(tmp, 'state'), ALLOW_REMOTE_MODELS: 'false', LOG_LEVEL: 'warn', LOG_FORMAT: 'json', LLM_BASE_URL: '', LLM_MODEL: '', DATABASE_URL: '' };

const home = path.join(tmp, 'home');
fs.mkdirSync(home);

/**
 * The packages a cold `ask` loads whether it uses them or not: the static imports of `dist/cli/<file>`, through
 * the bundle's chunks, and of the chunks every cold ask imports on its way to the answer (the engine, the early
 * model's thread and the model loader); other `import()`s are loaded only on use and not followed.
 */
function startupPackages(file: string, seen = new Set<string>(), packages = new Set<string>()): Set<string> {
  if (seen.has(file)) return packages;
  seen.add(file);
  const code = fs.readFileSync(path.join(ROOT, 'dist/cli', file), 'utf8');
  const imports = [...code.matchAll(/^(?:import|export)\s(?:[^'"]*?\sfrom\s)?["']([^"']+)["']/gms)].map((m) => m[1]!);
  imports.push(...[...code.matchAll(/import\("\.\/((?:engine|early|load)-[A-Z0-9]+\.js)"\)/g)].map((m) => `./${m[1]}`));
  for (const spec of imports) {
    if (spec.startsWith('./')) startupPackages(spec.slice(2), seen, packages);
    else if (!spec.startsWith('node:')) packages.add(spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/'));
  }
  return packages;
}

/** The environment as a user's is by default: ONNX Runtime's telemetry switch unset (Verbatim sets it). */
function withoutTelemetrySwitch(e: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  delete e.ORT_DISABLE_TELEMETRY;
  return e;
}

/** package.json's `ask` script as argv for node. */
const askArgs = () => (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { ask: string } }).scripts.ask.split(/\s+/).slice(1);

function coldAsk(extra: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [...askArgs(), '--json', QUESTION], { cwd: ROOT, env: withoutTelemetrySwitch({ ...process.env, HOME: home, ...env, ...extra }), encoding: 'utf8', timeout: 120_000 });
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

  it('given the build, then a cold `ask` loads no package it needs only on use (the LLM client, the index writer’s lock, transformers.js, compromise, the state database)', () => {
    const packages = startupPackages('ask.js');
    expect(packages).toContain('minisearch'); // the reading works: the lexical index is loaded up front
    for (const lazy of ['openai', 'proper-lockfile', '@huggingface/transformers', 'compromise', '@electric-sql/pglite', 'pino-pretty']) expect(packages).not.toContain(lazy);
  });

  it('given cold asks with ONNX Runtime’s telemetry switch unset, then it writes no telemetry file under the home folder', () => {
    expect(first.json.citations.length).toBeGreaterThan(0); // the model ran (tiny model, through ONNX Runtime)
    expect(fs.existsSync(path.join(home, '.cache', 'Microsoft'))).toBe(false);
  });

  it('given ORT_DISABLE_TELEMETRY set by the user, then it is left as set', () => {
    const own = { ORT_DISABLE_TELEMETRY: '0' };
    disableOrtTelemetry(own);
    expect(own.ORT_DISABLE_TELEMETRY).toBe('0');
    const unset: NodeJS.ProcessEnv = {};
    disableOrtTelemetry(unset);
    expect(unset.ORT_DISABLE_TELEMETRY).toBe('1');
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
