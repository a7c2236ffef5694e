/**
 * The typing indicator is never posted after the answer: the reply waits for a typing request still in flight, but
 * no longer than TYPING_SETTLE_MS, so a slow or failing typing endpoint cannot hold answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TYPING_SETTLE_MS } from '../../src/discord/limits.js';
import { CHANNEL, startBotHarness, type BotHarness } from './bot-harness.js';

const TYPING_DELAY_MS = 4000;
let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness({ fake: { slowRoutes: [{ method: 'POST', path: /^\/channels\/\d+\/typing$/, delayMs: TYPING_DELAY_MS }] } });
}, 60_000);

afterAll(async () => {
  await h?.close();
});

describe('typing and the answer', () => {
  it('given a typing endpoint slower than the answer, when mentioned, then the reply waits for it up to the settle bound and no longer', async () => {
    const question = await h.fake.sendMessage({ content: 'What did Annan tell the Council?', mentionBot: true });
    const reply = await h.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${CHANNEL}/messages` && r.body?.message_reference?.message_id === question.id, 20_000);
    // A request is recorded once answered: the typing one only after its 4 s, with the time it arrived.
    const typing = await h.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${CHANNEL}/typing`, 10_000);
    const waited = reply.at - typing.at;
    // Without the wait the reply follows the answer (tens of ms); with it, the settle bound, never the slow endpoint's 4 s.
    expect(waited).toBeGreaterThanOrEqual(TYPING_SETTLE_MS - 100);
    expect(waited).toBeLessThan(TYPING_DELAY_MS - 500);
  });
});
