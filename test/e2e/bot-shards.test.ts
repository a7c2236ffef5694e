/**
 * Sharding with discord.js's ShardingManager (`SHARDS=2`), the real `npm start`
 * against the fake Discord: each shard IDENTIFYs with `shard: [i, 2]`, a
 * guild's events reach only shard (guild_id >> 22) % 2, and a conversation
 * started on one shard's process continues after that process dies and is
 * respawned — the shards share state through DATABASE_URL (a Postgres wire
 * server on 127.0.0.1).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNpm } from '../helpers/npm-start.js';
import { tempDir } from '../helpers/paths.js';
import { startPgServer, type PgServer } from '../helpers/pg-server.js';
import { openDb } from '../../src/state/db.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/index.js';
import { TOKEN, until } from './bot-harness.js';

const GUILD_A = '200000000000000001'; // (id >> 22) % 2 = 0
const GUILD_B = '200000000004194305'; // (id >> 22) % 2 = 1
const CHANNEL_A = '300000000000000001';
const CHANNEL_B = '300000000000000002';

let fake: FakeDiscord;
let pg: PgServer;
let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  fake = await startFakeDiscord({
    token: TOKEN,
    ackTimeoutMs: 20_000,
    guilds: [
      { id: GUILD_A, name: 'Guild A', channels: [{ id: CHANNEL_A, name: 'general' }] },
      { id: GUILD_B, name: 'Guild B', channels: [{ id: CHANNEL_B, name: 'general' }] },
    ],
  });
  pg = await startPgServer();
  tmp = await tempDir();
}, 120_000);
afterAll(async () => {
  await fake?.close();
  await pg?.stop();
  await tmp?.cleanup();
});

const identifies = (shard: number) => fake.gatewayLog.filter((e) => e.dir === 'in' && e.op === 2 && e.shard?.[0] === shard && e.shard?.[1] === 2).length;
const answerTo = (channel: string, messageId: string) =>
  fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${channel}/messages` && r.body?.message_reference?.message_id === messageId, 60_000);

describe('SHARDS=2', () => {
  it('given two guilds on two shards, when questions arrive, then each guild is served by its own shard, and a conversation survives its shard process being killed and respawned', async () => {
    const bot = startNpm({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.restUrl, DATABASE_URL: pg.url, SHARDS: '2', INDEX_DIR: path.join(tmp.dir, 'index') });
    const out = () => bot.output();
    try {
      await until(() => identifies(0) >= 1 && identifies(1) >= 1, 'IDENTIFY from both shards', 240_000).catch((e: Error) => {
        throw new Error(`${e.message}; the process said:\n${out().slice(-3000)}`);
      });
      await until(() => /"shards":\[0\]/.test(out()) && /"shards":\[1\]/.test(out()), 'both shards ready', 60_000);

      for (const [channel, shard] of [[CHANNEL_A, 0], [CHANNEL_B, 1]] as const) {
        const from = fake.gatewayLog.length;
        const q = await fake.sendMessage({ channelId: channel, content: 'What did Annan tell the Council?', mentionBot: true });
        const reply = await answerTo(channel, q.id);
        expect(JSON.stringify(reply.body)).toContain('Much as we have strengthened our capacities');
        const delivered = fake.gatewayLog.slice(from).filter((e) => e.dir === 'out' && e.t === 'MESSAGE_CREATE');
        expect(delivered.length).toBeGreaterThan(0);
        expect(delivered.every((e) => e.shard?.[0] === shard)).toBe(true);
      }

      // A conversation on shard 0; then shard 0's process dies.
      const q = await fake.sendMessage({ channelId: CHANNEL_A, content: 'What did Annan tell the Council?', mentionBot: true });
      const first = await answerTo(CHANNEL_A, q.id);
      // The answer is filed under its conversation just after it is sent; a crash before that would lose the link.
      const db = await openDb({ url: pg.url, dir: 'unused' });
      try {
        await until(async () => (await db.query('select 1 from answer_messages where message_id = $1', [first.response.id])).length > 0, 'the answer filed in the shared database', 30_000);
      } finally {
        await db.close();
      }
      const ready0 = out().split('\n').find((l) => l.includes('"discord bot ready"') && l.includes('"shards":[0]'))!;
      const pid = (JSON.parse(ready0) as { pid: number }).pid;
      const before = identifies(0);
      process.kill(pid, 'SIGKILL');
      await until(() => identifies(0) > before, 'shard 0 respawned and IDENTIFYing again', 240_000);
      await new Promise((r) => setTimeout(r, 1000)); // READY / GUILD_CREATE processed

      const follow = await fake.sendMessage({ channelId: CHANNEL_A, content: 'And what did he tell the regional organizations?', replyTo: first.response.id });
      const reply = await answerTo(CHANNEL_A, follow.id);
      expect(JSON.stringify(reply.body)).toMatch(/Understood as: [^"]*Annan/);
    } finally {
      bot.child.kill('SIGTERM');
    }
    expect(await bot.exited).toBe(0);
    expect(out()).toMatch(/shutting down shards/);
  }, 600_000);

  it('given SHARDS without DATABASE_URL, when started, then one clear line says why and the exit is non-zero', async () => {
    const bot = startNpm({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.restUrl, SHARDS: '2', DATABASE_URL: '', INDEX_DIR: path.join(tmp.dir, 'index') });
    expect(await bot.exited).not.toBe(0);
    expect(bot.output()).toMatch(/SHARDS .*DATABASE_URL/);
    expect(bot.output()).not.toMatch(/\n\s+at .+:\d+:\d+/);
  }, 240_000);
});
