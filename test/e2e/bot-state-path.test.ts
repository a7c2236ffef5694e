/**
 * The state database stays off the path to an answer (issue 11): /ask is
 * acknowledged before any state work, a busy engine is reported before any,
 * a chain the interaction starts is not looked up (it is new by
 * construction), and the turn is saved only once the answer is on screen —
 * with the real discord.js client, the fake Discord and an in-memory PGlite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine-api.js';
import { ENGINE_BUSY } from '../../src/worker/busy.js';
import { APP_ID, CHANNEL, GUILD, startBotHarness, until, type BotHarness } from './bot-harness.js';

let h: BotHarness;
/** Saturation the engine reports, call by call (the router asks first, then /ask itself). */
let saturation: boolean[] = [];
/** State calls, in order, with when they happened. */
let calls: { op: string; at: number }[] = [];

beforeAll(async () => {
  h = await startBotHarness({
    state: true,
    env: { RATE_LIMIT_PER_MINUTE: '100' },
    wrapEngine: (e: Engine): Engine => ({ ...e, saturated: () => saturation.shift() ?? false }),
  });
  const store = h.state!.conversations as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
  for (const op of ['forKey', 'get', 'byMessage', 'touch', 'link', 'answered']) {
    const real = store[op]!.bind(store);
    store[op] = (...a: unknown[]) => {
      calls.push({ op, at: Date.now() });
      return real(...a);
    };
  }
}, 60_000);
afterAll(async () => {
  await h?.close();
});

const ask = (question: string, channelId?: string) =>
  h.fake.sendInteraction({ type: 2, data: { name: 'ask', type: 1, options: [{ name: 'question', type: 3, value: question }] }, ...(channelId ? { channelId } : {}) });

describe('/ask and the state database', () => {
  it('given /ask in a channel (a new chain), when answered, then nothing is read from the state database and the turn is saved after the answer is shown', async () => {
    calls = [];
    const { id, token } = await ask('What did Annan tell the Council?');
    const shown = await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/${APP_ID}/${token}/messages/@original` && r.status === 200, 20_000);
    await until(() => calls.some((c) => c.op === 'link') || undefined, 'the answer filed', 20_000);
    expect(calls.map((c) => c.op).filter((op) => op === 'forKey' || op === 'get')).toEqual([]);
    const touch = calls.find((c) => c.op === 'touch')!;
    expect(touch.at).toBeGreaterThanOrEqual(shown.at);
    // …and the conversation is there for replies to the answer.
    expect((await h.state!.conversations.byMessage(shown.response.id))?.id).toBe(`g:${GUILD}:i:${id}`);
  }, 60_000);

  it('given a thread and an engine that became busy after the acknowledgement, when /ask runs, then the user is told busy and the state database is never touched', async () => {
    const thread = h.fake.addChannel(GUILD, { id: '300000000000000091', type: 11, name: 'follow-ups', parent_id: CHANNEL, owner_id: APP_ID });
    calls = [];
    saturation = [false, true]; // free when the router checks, busy when /ask is about to read the thread's conversation
    const { id } = await ask('What did Annan tell the Council?', thread.id);
    const told = await until(() => h.fake.messages().find((m) => m.interaction_metadata?.id === id && m.content === ENGINE_BUSY), 'told busy', 20_000);
    expect(told.flags & 64).toBe(64);
    await new Promise((r) => setTimeout(r, 200));
    expect(calls).toEqual([]);
  }, 60_000);
});
