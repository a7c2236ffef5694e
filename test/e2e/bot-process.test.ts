/**
 * The real entry point: `npm start` with DISCORD_TOKEN set runs the bot (building
 * the index first), answers a mention through the fake Discord, and shuts down
 * cleanly on SIGTERM — in its own process, exactly as a user starts it.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNpm } from '../helpers/npm-start.js';
import { ROOT, DEFAULT_DOC, tempDir } from '../helpers/paths.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/index.js';
import { CHANNEL, TOKEN, until } from './bot-harness.js';

const TEXT = readFileSync(path.join(ROOT, DEFAULT_DOC), 'utf8');
let fake: FakeDiscord;
let tmp: Awaited<ReturnType<typeof tempDir>>;

beforeAll(async () => {
  fake = await startFakeDiscord({ token: TOKEN, ackTimeoutMs: 20_000 });
  tmp = await tempDir();
});
afterAll(async () => {
  await fake.close();
  await tmp.cleanup();
});

/** `npm start` with a token, in its own process; resolves when it has said IDENTIFY to the fake. */
async function startBot(env: Record<string, string>) {
  const identifies = fake.gatewayLog.filter((e) => JSON.stringify(e).includes('"op":2')).length;
  const bot = startNpm({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.restUrl, ...env });
  await until(() => fake.gatewayLog.filter((e) => JSON.stringify(e).includes('"op":2')).length > identifies, 'IDENTIFY from the bot process', 150_000);
  await new Promise((r) => setTimeout(r, 500)); // let READY/GUILD_CREATE be processed
  return { child: bot.child, exited: bot.exited, output: bot.output };
}

describe('npm start with a DISCORD_TOKEN', () => {
  it('given a conversation in a reply chain, when the bot process is restarted in the middle of it, then the follow-up after the restart is resolved against the turns before it', async () => {
    const env = { INDEX_DIR: path.join(tmp.dir, 'index-restart'), STATE_DIR: path.join(tmp.dir, 'state') };
    const first = await startBot(env);
    let answerId: string;
    try {
      const q = await fake.sendMessage({ channelId: CHANNEL, content: 'What did Annan tell the Council?', mentionBot: true });
      const reply = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${CHANNEL}/messages` && r.body?.message_reference?.message_id === q.id, 30_000);
      answerId = reply.response.id;
    } finally {
      first.child.kill('SIGTERM');
    }
    expect(await first.exited).toBe(0);

    const second = await startBot(env);
    try {
      const follow = await fake.sendMessage({ channelId: CHANNEL, content: 'And what did he tell the regional organizations?', replyTo: answerId });
      const reply = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${CHANNEL}/messages` && r.body?.message_reference?.message_id === follow.id, 30_000);
      const text = JSON.stringify(reply.body);
      // "he" was resolved from the turn asked before the restart.
      expect(text).toMatch(/Understood as: [^"]*Annan/);
      expect(text).toContain('multilateralism and joint action');
    } finally {
      second.child.kill('SIGTERM');
    }
    expect(await second.exited).toBe(0);
    expect(second.output()).toMatch(/"state":"embedded"/);
  }, 480_000);


  it('given a token and no index, when started, then it builds the index, logs in, answers a mention with verbatim quotes, never logs the token, and exits 0 on SIGTERM', async () => {
    const { child, exited, output } = await startBot({ INDEX_DIR: path.join(tmp.dir, 'index'), STATE_DIR: path.join(tmp.dir, 'state-first') });
    try {
      const q = await fake.sendMessage({ channelId: CHANNEL, content: 'What did Annan tell the Council?', mentionBot: true });
      const reply = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${CHANNEL}/messages` && r.body?.message_reference?.message_id === q.id, 30_000);
      const text = JSON.stringify(reply.body);
      expect(text).toContain('Much as we have strengthened our capacities');
      expect(TEXT).toContain('Much as we have strengthened our capacities over the years');
      expect(reply.body.allowed_mentions).toEqual(expect.objectContaining({ parse: [] }));
    } finally {
      child.kill('SIGTERM');
    }
    // npm forwards SIGTERM; the start script `exec`s, so it reaches the bot, which logs out and exits 0.
    expect(await exited).toBe(0);
    expect(output()).toMatch(/shutting down/);
    expect(output()).not.toContain(TOKEN.split('.').pop()!);
    expect(fake.validateAll()).toEqual([]);
  }, 240_000);
});
