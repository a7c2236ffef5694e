/**
 * Shutdown while answering (issue 11, item 7): new work is refused with a
 * notice, answers in progress finish within the grace period, the rest are
 * closed with a notice instead of "thinking…", then the bot logs out — and
 * the real `npm start` process does all that on SIGTERM and exits 0.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine-api.js';
import { INTERRUPTED, RESTARTING } from '../../src/discord/errors.js';
import { startNpm } from '../helpers/npm-start.js';
import { tempDir } from '../helpers/paths.js';
import { syntheticCorpus, writeCorpus } from '../helpers/corpus.js';
import { CHANNEL, quotesIn, startBotHarness, TOKEN, until, type BotHarness } from './bot-harness.js';
import { startFakeDiscord } from './fake-discord/index.js';

const LOADING = 128;
const ask = (h: BotHarness, question: string, user?: { id: string; username: string }) =>
  h.fake.sendInteraction({ type: 2, data: { name: 'ask', type: 1, options: [{ name: 'question', type: 3, value: question }] }, ...(user ? { user } : {}) });
const reply = (h: BotHarness, token: string) => h.fake.messages().find((m) => m.id === h.fake.interaction(token)?.originalId);
const deferred = (h: BotHarness, token: string) => until(() => h.fake.interaction(token)?.acknowledgedWith === 5 || undefined, 'the deferral');

/** An engine whose answers wait for `gate` (to hold an answer in progress). */
function gated(gate: Promise<void>) {
  return (engine: Engine): Engine => ({ ...engine, ask: async (...args) => (await gate, engine.ask(...args)) });
}

describe('bot.stop({ graceMs }) while answering', () => {
  it('given an answer in progress, when stopping, then it finishes and is delivered, a new question meanwhile is told the bot is restarting, then it logs out', async () => {
    let open!: () => void;
    const h = await startBotHarness({ wrapEngine: gated(new Promise<void>((r) => (open = r))) });
    try {
      const first = await ask(h, 'What did Annan tell the Council?');
      await deferred(h, first.token);
      const stopped = h.bot.stop({ graceMs: 10_000 });
      const second = await ask(h, 'Who spoke?', { id: '400000000000000002', username: 'bob' });
      const refusal = await h.fake.waitForRequest((r) => r.path.includes(second.token) && r.path.endsWith('/callback'));
      expect(refusal.body.type).toBe(4);
      expect(refusal.body.data.content).toBe(RESTARTING);
      expect(refusal.body.data.flags & 64).toBe(64);
      setTimeout(open, 300);
      await stopped;
      const answer = reply(h, first.token);
      expect(answer.flags & LOADING).toBe(0);
      for (const q of quotesIn(answer)) expect(h.documentText).toContain(q);
      expect(quotesIn(answer).length).toBeGreaterThan(0);
      expect(h.bot.client.isReady()).toBe(false);
      expect(h.logs.some((l) => l.msg === 'finishing answers in progress' && l.inFlight === 1)).toBe(true);
    } finally {
      open();
      await h.close();
    }
  }, 60_000);

  it('given a shutdown already waiting for an answer, when stop is called again (a second SIGTERM), then the second call does nothing: the answer is still delivered and the bot stops once', async () => {
    let open!: () => void;
    const h = await startBotHarness({ wrapEngine: gated(new Promise<void>((r) => (open = r))) });
    try {
      const { token } = await ask(h, 'What did Annan tell the Council?');
      await deferred(h, token);
      const stopped = h.bot.stop({ graceMs: 10_000 });
      await h.bot.stop({ graceMs: 0 }); // a second, impatient stop must not start a shutdown of its own
      setTimeout(open, 300);
      await stopped;
      const answer = reply(h, token);
      expect(answer.content).not.toBe(INTERRUPTED);
      expect(quotesIn(answer).length).toBeGreaterThan(0);
      expect(h.logs.filter((l) => l.msg === 'finishing answers in progress')).toHaveLength(1);
      expect(h.logs.filter((l) => l.msg === 'discord bot stopped')).toHaveLength(1);
    } finally {
      open();
      await h.close();
    }
  }, 60_000);

  it('given an answer that outlasts the grace period, when stopping, then its "thinking…" is replaced by a notice and its late failure sends nothing more', async () => {
    let fail!: (e: Error) => void;
    const stuck = new Promise<void>((_, reject) => (fail = reject));
    stuck.catch(() => undefined);
    const h = await startBotHarness({ wrapEngine: gated(stuck) });
    try {
      const { token } = await ask(h, 'What did Annan tell the Council?');
      await deferred(h, token);
      const t0 = Date.now();
      await h.bot.stop({ graceMs: 300 });
      expect(Date.now() - t0).toBeLessThan(5000);
      const notice = reply(h, token);
      expect(notice.content).toBe(INTERRUPTED);
      expect(notice.flags & LOADING).toBe(0);
      fail(new Error('the engine stopped'));
      await new Promise((r) => setTimeout(r, 300));
      expect(h.fake.messages().filter((m) => m.interaction_metadata?.id === h.fake.interaction(token)!.id)).toHaveLength(1);
      expect(h.logs.some((l) => l.msg === 'interaction failed')).toBe(false);
    } finally {
      await h.close();
    }
  }, 60_000);
});

describe('npm start on SIGTERM while answering', () => {
  it('given a /summary in progress over 800 documents, when SIGTERM arrives, then the summary is delivered, the bot logs out and the process exits 0', async () => {
    const fake = await startFakeDiscord({ token: TOKEN, ackTimeoutMs: 20_000 });
    const tmp = await tempDir();
    const docs = await writeCorpus(path.join(tmp.dir, 'docs'), syntheticCorpus(800));
    const bot = startNpm({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.restUrl, INDEX_DIR: path.join(tmp.dir, 'index'), DOCUMENTS: docs, SHUTDOWN_GRACE_MS: '60000' });
    try {
      await until(() => /discord bot ready/.test(bot.output()), 'the bot ready', 180_000);
      await fake.sendInteraction({ type: 2, data: { name: 'summary', type: 1, options: [{ name: 'length', type: 3, value: 'long' }] } });
      const callback = await fake.waitForRequest((r) => r.path.endsWith('/callback'), 10_000);
      const token = callback.path.split('/')[3];
      bot.child.kill('SIGTERM');
      const signalled = Date.now();
      expect(await bot.exited).toBe(0);
      const lines = bot.logs();
      expect(lines.some((l) => l.msg === 'finishing answers in progress' && l.inFlight === 1)).toBe(true);
      const final = fake.messages().find((m) => m.id === fake.interaction(token)?.originalId);
      expect(final.flags & LOADING).toBe(0);
      expect(final.content).not.toBe(INTERRUPTED);
      expect(final.embeds.length).toBeGreaterThan(0);
      expect(lines.some((l) => l.msg === 'discord bot stopped')).toBe(true);
      expect(Date.now() - signalled).toBeLessThan(70_000);
    } finally {
      bot.child.kill('SIGKILL');
      await fake.close();
      await tmp.cleanup();
    }
  }, 300_000);
});
