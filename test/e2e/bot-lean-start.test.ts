/**
 * Lean start (issue 13), with the real process (`npm start`'s program), the
 * fake Discord and the tiny embedding model: an idle bot has not loaded the
 * model, and its main thread (the one that talks to Discord) never loads the
 * engine's modules — the worker thread has them; the first /ask is
 * acknowledged at once, before the model loads, and answered; a model that
 * turns out broken only then still gets an answer (lexical) and one warning.
 */
import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNpm, type NpmProcess } from '../helpers/npm-start.js';
import { ROOT, TINY_MODEL, tempDir } from '../helpers/paths.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/index.js';
import { APP_ID, TOKEN, until } from './bot-harness.js';

const HOOK = path.join(ROOT, 'test/helpers/main-thread-modules.mjs');
let fake: FakeDiscord;
let tmp: Awaited<ReturnType<typeof tempDir>>;
let env: Record<string, string>;

beforeAll(async () => {
  fake = await startFakeDiscord({ token: TOKEN, ackTimeoutMs: 20_000 });
  tmp = await tempDir();
  // A copy of the model, so a test can break it after the index was built with it.
  await cp(TINY_MODEL, path.join(tmp.dir, 'model'), { recursive: true });
  env = { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.restUrl, EMBEDDING_MODEL: path.join(tmp.dir, 'model'), INDEX_DIR: path.join(tmp.dir, 'index'), STATE_DIR: path.join(tmp.dir, 'state'), RATE_LIMIT_PER_MINUTE: '100' };
  // The first start builds the index with the model (loaded at start: there is nothing to defer to yet).
  const first = startNpm(env);
  await until(() => first.output().includes('discord bot ready'), 'the first start', 180_000);
  expect(await first.stop()).toBe(0);
}, 240_000);
afterAll(async () => {
  await fake?.close();
  await tmp?.cleanup();
});

/** `npm start`'s program with the module-listing hook; resolves when READY. */
async function start(): Promise<NpmProcess> {
  const bot = startNpm(env, { nodeArgs: ['--import', HOOK] });
  await until(() => bot.output().includes('discord bot ready'), 'READY', 150_000);
  return bot;
}

/** /ask, then the acknowledgement and the answer on screen. */
async function ask(question: string) {
  const { id, token } = await fake.sendInteraction({ type: 2, data: { name: 'ask', type: 1, options: [{ name: 'question', type: 3, value: question }] } });
  const ack = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/interactions/${id}/${token}/callback`, 20_000);
  const shown = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/${APP_ID}/${token}/messages/@original` && r.status === 200, 60_000);
  return { ack, shown };
}

/** Engine modules (the worker thread's) that the main thread loaded. */
const engineModulesInMainThread = (bot: NpmProcess) =>
  bot
    .output()
    .split('\n')
    .filter((l) => l.startsWith('MAIN-THREAD-MODULE '))
    .map((l) => l.slice('MAIN-THREAD-MODULE '.length).replace(/^.*\/(dist|src)\//, ''))
    .filter((m) => /^(engine\.js|engine\/|retrieve\/|select\/|quotes\/|understand\/|index\/|embed\/load|summarize\/)/.test(m));

const modelLoads = (bot: NpmProcess) => bot.logs().filter((l) => /embedding model loaded/.test(l.msg));

describe('npm start: lean until the first question', () => {
  it('given an index built with the model, when the bot is idle after READY, then the model is not loaded and the main thread holds no engine module; the first /ask is acknowledged before the model loads, then answered', async () => {
    const bot = await start();
    try {
      await new Promise((r) => setTimeout(r, 1500)); // idle
      expect(bot.output()).toContain('MAIN-THREAD-MODULE '); // the hook is listening
      expect(modelLoads(bot)).toEqual([]);
      expect(engineModulesInMainThread(bot)).toEqual([]);

      const { ack, shown } = await ask('What did Annan tell the Council?');
      expect(JSON.stringify(shown.body)).toContain('he told the Council');
      const loaded = await until(() => modelLoads(bot).find((l) => l.msg === 'embedding model loaded on first use'), 'the model loaded on first use', 20_000);
      expect(ack.at).toBeLessThanOrEqual(Number(loaded.time)); // deferReply went out before the model was ready
      expect(shown.at).toBeGreaterThanOrEqual(Number(loaded.time));
      // Loaded once; the main thread still has none of the engine.
      await ask('Where was the closed-door meeting?');
      expect(modelLoads(bot).filter((l) => l.msg === 'embedding model loaded')).toHaveLength(1);
      expect(engineModulesInMainThread(bot)).toEqual([]);
    } finally {
      expect(await bot.stop()).toBe(0);
    }
  }, 240_000);

  it('given the model broken after the index was built, when the first /ask comes, then it is still answered (lexical retrieval) with one warning', async () => {
    await writeFile(path.join(tmp.dir, 'model', 'onnx', 'model.onnx'), 'not an ONNX model');
    const bot = await start();
    try {
      const { shown } = await ask('What did Annan tell the Council?');
      expect(JSON.stringify(shown.body)).toContain('he told the Council');
      const warnings = bot.logs().filter((l) => l.level === 40 && /lexical retrieval only/.test(l.msg));
      expect(warnings.length).toBeGreaterThanOrEqual(1);
      await ask('Where was the closed-door meeting?');
      expect(bot.logs().filter((l) => l.level === 40 && /lexical retrieval only/.test(l.msg))).toHaveLength(warnings.length);
    } finally {
      expect(await bot.stop()).toBe(0);
    }
  }, 240_000);
});
