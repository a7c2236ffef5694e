/**
 * The bot against the fault-injecting proxy in front of the fake Discord, the
 * real discord.js client and the worker engine (issue 11, items 8 and 9):
 * retries after Discord applied a request never post twice and never leave
 * "thinking…"; 429s and outages are waited out; lost credentials (REST 401,
 * gateway 4004/4014) end in one log line naming the cause and `onFatal`.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_LOST_EXIT_CODE } from '../../src/discord/fatal.js';
import { APP_ID, CHANNEL, quotesIn, startBotHarness, until, type BotHarness } from './bot-harness.js';

const LOADING = 128;
let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness({ workers: 1, proxy: true, rest: { timeout: 1500, retries: 3 } });
}, 120_000);
afterAll(async () => {
  await h?.close();
});
afterEach(() => {
  expect(h.proxy!.pending()).toEqual([]); // every injected fault was hit
});

const ask = (question: string) => h.fake.sendInteraction({ type: 2, data: { name: 'ask', type: 1, options: [{ name: 'question', type: 3, value: question }] } });
const storedReply = (token: string) => {
  const id = h.fake.interaction(token)?.originalId;
  return id ? h.fake.messages().find((m) => m.id === id) : undefined;
};
/** Wait until the interaction's reply is final (not "thinking…") and return it. */
const finalReply = (token: string, timeoutMs = 20_000) =>
  until(() => {
    const m = storedReply(token);
    return m && !(m.flags & LOADING) && (m.embeds?.length || m.content) ? m : undefined;
  }, `the final reply of ${token}`, timeoutMs);
const verbatim = (m: any) => {
  const quotes = quotesIn(m);
  expect(quotes.length).toBeGreaterThan(0);
  for (const q of quotes) expect(h.documentText).toContain(q);
};

describe('retries after Discord applied the request (nonce, 40060)', () => {
  it('given a 502 after the chat reply was created, when discord.js retries, then the same nonce returns the same message: one answer, not two', async () => {
    h.proxy!.inject({ method: 'POST', path: new RegExp(`^/channels/${CHANNEL}/messages$`), times: 1, status: 502, after: true });
    const before = h.fake.messages(CHANNEL).length;
    await h.fake.sendMessage({ content: 'What did Annan tell the Council?', mentionBot: true });
    await until(() => h.proxy!.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${CHANNEL}/messages`).length >= 2, 'the retried create', 20_000);
    await until(() => h.fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${CHANNEL}/messages`).length >= 2 || undefined, 'both creates at the fake', 20_000);
    const posts = h.fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${CHANNEL}/messages`).slice(-2);
    expect(posts[0].body.nonce).toBeTruthy();
    expect(posts[0].body.enforce_nonce).toBe(true);
    expect(posts[1].body.nonce).toBe(posts[0].body.nonce);
    expect(posts[1].response.id).toBe(posts[0].response.id);
    const added = h.fake.messages(CHANNEL).slice(before);
    expect(added).toHaveLength(1);
    verbatim(added[0]);
  }, 40_000);

  it('given a 502 after the deferral was applied, when the retry gets 40060, then it counts as acknowledged and the answer replaces "thinking…"', async () => {
    h.proxy!.inject({ method: 'POST', path: /^\/interactions\/\d+\/[^/]+\/callback$/, times: 1, status: 502, after: true });
    const { token } = await ask('What did Annan tell the Council?');
    const retried = await h.fake.waitForRequest((r) => r.path.includes(token) && r.path.endsWith('/callback') && r.status === 400, 20_000);
    expect(retried.response.code).toBe(40060);
    const reply = await finalReply(token);
    verbatim(reply);
    expect(h.fake.interaction(token)?.acknowledgedWith).toBe(5);
  }, 40_000);

  it('given a hang after the deferral was applied, when discord.js times out and retries, then the answer still arrives once', async () => {
    h.proxy!.inject({ method: 'POST', path: /^\/interactions\/\d+\/[^/]+\/callback$/, times: 1, hang: true, after: true });
    const { token } = await ask('Who did Annan speak to?');
    const reply = await finalReply(token);
    expect(reply.embeds.length + (reply.content ? 1 : 0)).toBeGreaterThan(0);
    const fromBot = h.fake.messages(CHANNEL).filter((m) => m.interaction_metadata?.id === h.fake.interaction(token)!.id);
    expect(fromBot).toHaveLength(1);
  }, 40_000);
});

describe('follow-ups (no nonce on Discord) retried after Discord applied them', () => {
  /** Ask, wait for the answer, click More quotes; returns the click's interaction. */
  const clickMore = async () => {
    h.clock.now += 120_000; // a fresh per-user rate-limit window
    const { token } = await ask('What did Annan say about regional organizations?'); // more quotes are left after the first three
    const answer = await finalReply(token);
    const more = answer.components.flatMap((r: any) => r.components).find((c: any) => c.label === 'More quotes');
    expect(more).toBeTruthy();
    return h.fake.sendInteraction({ type: 3, data: { custom_id: more.custom_id }, message: answer.id });
  };
  /** The public messages this interaction made (its follow-ups). */
  const followUpsOf = (token: string) => h.fake.messages(CHANNEL).filter((m) => m.interaction_metadata?.id === h.fake.interaction(token)!.id && !(m.flags & 64));

  for (const fault of [{ status: 502 }, { hang: true }] as const) {
    const what = 'status' in fault ? `a ${fault.status}` : 'a hang';
    it(`given ${what} after a More quotes follow-up was applied, when discord.js retries, then the channel shows it once`, async () => {
      h.proxy!.inject({ method: 'POST', path: new RegExp(`^/webhooks/${APP_ID}/[^/]+$`), times: 1, after: true, ...fault });
      const click = await clickMore();
      await until(() => h.proxy!.requests.some((r) => r.fault && r.path.includes(click.token)) || undefined, 'the faulted follow-up', 20_000);
      // Long enough for a retry to land, had one been sent.
      await until(() => h.bot.inFlight() === 0 || undefined, 'the click handled', 20_000);
      await new Promise((r) => setTimeout(r, 500));
      const posts = h.fake.requests.filter((r) => r.method === 'POST' && r.path === `/webhooks/${APP_ID}/${click.token}`);
      expect(posts).toHaveLength(1); // applied once, never re-sent
      const made = followUpsOf(click.token);
      expect(made).toHaveLength(1);
      verbatim(made[0]);
      expect(h.logs.some((l) => l.msg === 'interaction failed')).toBe(false);
    }, 60_000);
  }

  it('given a 502 before a follow-up was applied, when discord.js retries, then it is sent (once)', async () => {
    h.proxy!.inject({ method: 'POST', path: new RegExp(`^/webhooks/${APP_ID}/[^/]+$`), times: 1, status: 502 });
    const click = await clickMore();
    await until(() => followUpsOf(click.token).length > 0 || undefined, 'the follow-up', 20_000);
    await until(() => h.bot.inFlight() === 0 || undefined, 'the click handled', 20_000);
    expect(h.proxy!.requests.filter((r) => r.path === `/webhooks/${APP_ID}/${click.token}` && r.method === 'POST').map((r) => r.fault ?? r.status)).toEqual(['502 before', 200]);
    expect(followUpsOf(click.token)).toHaveLength(1);
  }, 60_000);
});

describe('rate limits and outages before Discord applied the request', () => {
  it('given a 429 with retry_after on the deferral and a 503 on the edit, when answered, then both are waited out and the answer lands once', async () => {
    h.proxy!.inject({ method: 'POST', path: /\/callback$/, times: 1, status: 429, retryAfter: 0.2 });
    h.proxy!.inject({ method: 'PATCH', path: new RegExp(`^/webhooks/${APP_ID}/[^/]+/messages/@original$`), times: 1, status: 503 });
    const { token } = await ask('What did Annan tell the Council?');
    verbatim(await finalReply(token));
    const faults = h.proxy!.requests.filter((r) => r.fault && r.path.includes(token)).map((r) => r.fault);
    expect(faults).toEqual(['429 before', '503 before']);
  }, 40_000);
});

describe('auth lost mid-session', () => {
  it('given a REST 401 on an authenticated call, then one fatal line names the revoked token and onFatal is called once', async () => {
    h.proxy!.inject({ method: 'POST', path: new RegExp(`^/channels/${CHANNEL}/messages$`), times: 1, status: 401 });
    await h.fake.sendMessage({ content: 'What did Annan tell the Council?', mentionBot: true });
    await until(() => h.fatals.length > 0 || undefined, 'onFatal', 20_000);
    expect(h.fatals.map((f) => f.code)).toEqual(['rest_unauthorized']);
    const fatal = h.logs.filter((l) => l.level === 60);
    expect(fatal).toHaveLength(1);
    expect(fatal[0].msg).toMatch(/401 Unauthorized on POST \/channels\/.*DISCORD_TOKEN/);
    expect(AUTH_LOST_EXIT_CODE).not.toBe(0);
  }, 40_000);
});
