/**
 * Auth lost mid-session (issue 11, item 8): an unrecoverable gateway close
 * (4004 token revoked, 4014 intents switched off) ends in one fatal log line
 * naming the cause and `onFatal`; the real `npm start` process exits non-zero
 * (AUTH_LOST_EXIT_CODE) after a REST 401, instead of staying up deaf.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUTH_LOST_EXIT_CODE } from '../../src/discord/fatal.js';
import { startNpm } from '../helpers/npm-start.js';
import { tempDir } from '../helpers/paths.js';
import { CHANNEL, startBotHarness, TOKEN, until } from './bot-harness.js';
import { startFakeDiscord } from './fake-discord/index.js';
import { startFaultProxy } from './fault-proxy.js';

describe('gateway closes that cannot be resumed', () => {
  for (const [code, cause, wording] of [
    [4004, 'gateway_auth_failed', /4004 Authentication failed .*DISCORD_TOKEN/],
    [4014, 'gateway_disallowed_intents', /4014 Disallowed intents .*Message Content Intent/],
  ] as const) {
    it(`given a session, when Discord closes the gateway with ${code}, then one fatal line names the cause and onFatal is called`, async () => {
      const h = await startBotHarness();
      try {
        h.fake.disconnectGateway(code);
        await until(() => h.fatals.length > 0 || undefined, 'onFatal', 10_000);
        expect(h.fatals.map((f) => f.code)).toEqual([cause]);
        const fatal = h.logs.filter((l) => l.level === 60);
        expect(fatal).toHaveLength(1);
        expect(fatal[0].msg).toMatch(wording);
      } finally {
        await h.close();
      }
    }, 60_000);
  }

  it('given a session, when the gateway closes with a resumable 4000, then nothing is fatal', async () => {
    const h = await startBotHarness();
    try {
      h.fake.disconnectGateway(4000);
      await until(() => h.fake.gatewayLog.some((e) => JSON.stringify(e).includes('"op":6')), 'RESUME', 10_000);
      expect(h.fatals).toEqual([]);
    } finally {
      await h.close();
    }
  }, 60_000);
});

describe('npm start when the token is revoked mid-session', () => {
  it('given a running bot, when a reply gets REST 401, then the process logs one fatal line and exits with AUTH_LOST_EXIT_CODE', async () => {
    const fake = await startFakeDiscord({ token: TOKEN, ackTimeoutMs: 20_000 });
    const proxy = await startFaultProxy(fake.restUrl);
    const tmp = await tempDir();
    const bot = startNpm({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: proxy.url, INDEX_DIR: path.join(tmp.dir, 'index') });
    try {
      await until(() => /discord bot ready/.test(bot.output()), 'the bot ready', 60_000);
      proxy.inject({ method: 'POST', path: new RegExp(`^/channels/${CHANNEL}/messages$`), times: 1, status: 401 });
      const asked = Date.now();
      await fake.sendMessage({ channelId: CHANNEL, content: 'What did Annan tell the Council?', mentionBot: true });
      const code = await Promise.race([bot.exited, new Promise((r) => setTimeout(() => r('still running'), 20_000))]);
      expect(code).toBe(AUTH_LOST_EXIT_CODE);
      expect(Date.now() - asked).toBeLessThan(20_000);
      const fatal = bot.logs().filter((l) => l.level === 60);
      expect(fatal).toHaveLength(1);
      expect(fatal[0]!.msg).toMatch(/rejected the bot token \(401 Unauthorized/);
      expect(bot.output()).not.toContain(TOKEN.split('.').pop()!);
    } finally {
      bot.child.kill('SIGKILL');
      await proxy.close();
      await fake.close();
      await tmp.cleanup();
    }
  }, 120_000);
});
