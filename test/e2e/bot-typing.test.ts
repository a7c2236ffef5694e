/**
 * The typing indicator is never posted after the answer: the reply waits for a typing request still in flight, but
 * no longer than TYPING_SETTLE_MS, so a slow or failing typing endpoint cannot hold answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TYPING_SETTLE_MS } from '../../src/discord/limits.js';
import { CHANNEL, startBotHarness, type BotHarness } from './bot-harness.js';
import type { RecordedRequest } from './fake-discord/index.js';

const TYPING_DELAY_MS = 4000;
let h: BotHarness;
/** When the engine's answer was ready (the bot's own clock): the settle bound runs from about then. */
let answeredAt = 0;

beforeAll(async () => {
  h = await startBotHarness({
    fake: { slowRoutes: [{ method: 'POST', path: /^\/channels\/\d+\/typing$/, delayMs: TYPING_DELAY_MS }] },
    wrapEngine: (engine) => ({
      ...engine,
      ask: async (...args: Parameters<typeof engine.ask>) => {
        const answer = await engine.ask(...args);
        answeredAt = Date.now();
        return answer;
      },
    }),
  });
}, 60_000);

afterAll(async () => {
  await h?.close();
});

const isReplyTo = (id: string) => (r: RecordedRequest) => r.method === 'POST' && r.path === `/channels/${CHANNEL}/messages` && r.body?.message_reference?.message_id === id;
const isTyping = (since: number) => (r: RecordedRequest) => r.method === 'POST' && r.path === `/channels/${CHANNEL}/typing` && r.at >= since;

describe('typing and the answer', () => {
  it('given a typing endpoint slower than the answer, when mentioned, then the reply waits for it up to the settle bound and no longer', async () => {
    // A first question warms the process (a cold first answer can keep it busy for a second after the answer); its
    // typing request is let finish so that the next one is not queued behind it.
    const warm = await h.fake.sendMessage({ content: 'What is this about?', mentionBot: true });
    await h.fake.waitForRequest(isReplyTo(warm.id), 20_000);
    await h.fake.waitForRequest(isTyping(0), 10_000);
    const askedAt = Date.now();
    answeredAt = 0;
    const question = await h.fake.sendMessage({ content: 'What did Annan tell the Council?', mentionBot: true });
    const reply = await h.fake.waitForRequest(isReplyTo(question.id), 20_000);
    // A request is recorded once answered: the typing one only after its 4 s, with the time it arrived.
    const typing = await h.fake.waitForRequest(isTyping(askedAt), 10_000);
    // Measured from the answer on the bot's side: without the wait the reply follows the answer (tens of ms); with
    // it, the settle bound.
    expect(answeredAt).toBeGreaterThan(0);
    expect(reply.at - answeredAt).toBeGreaterThanOrEqual(TYPING_SETTLE_MS - 100);
    // Never posted after the answer, and never held until the slow endpoint answers (its 4 s from arrival).
    expect(reply.at).toBeGreaterThanOrEqual(typing.at);
    expect(reply.at).toBeLessThan(typing.at + TYPING_DELAY_MS - 200);
  }, 40_000);

  it('given a typing request queued behind a slow one for the same channel, when the answer is ready first, then that typing is never posted after the answer', async () => {
    const first = await h.fake.sendMessage({ content: 'Who took part in the meeting?', mentionBot: true });
    await h.fake.waitForRequest(isReplyTo(first.id), 20_000);
    // The first question's typing request is still in flight (4 s): the second's waits behind it in discord.js's queue.
    const askedAt = Date.now();
    const second = await h.fake.sendMessage({ content: 'What did Annan tell the Council?', mentionBot: true });
    const reply = await h.fake.waitForRequest(isReplyTo(second.id), 20_000);
    // Any typing request that reached Discord is recorded 4 s after it arrived; wait that long, then look.
    await new Promise((resolve) => setTimeout(resolve, TYPING_DELAY_MS + 1000));
    const late = h.fake.requests.filter((r) => isTyping(askedAt)(r) && r.at > reply.at);
    expect(late.map((r) => r.at - reply.at)).toEqual([]);
  }, 40_000);
});
