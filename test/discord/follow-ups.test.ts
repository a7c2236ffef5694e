/**
 * The follow-up guard without a client: a public follow-up that Discord applied and still failed is found in the
 * channel instead of being posted again — also when the same interaction sends the same follow-up more than once.
 */
import { describe, expect, it } from 'vitest';
import { createFollowUpGuard } from '../../src/discord/follow-ups.js';

const APP = '100000000000000001';
const TOKEN = 'aW50ZXJhY3Rpb24tdG9rZW4';
const INTERACTION = '900000000000000001';
const CHANNEL = '300000000000000001';
const URL = `https://discord.com/api/v10/webhooks/${APP}/${TOKEN}`;

describe('follow-up guard', () => {
  it('given the same follow-up applied-then-failed twice in one interaction, when each fails with a 502, then each is answered by its own applied message and none is re-sent', async () => {
    const channel: { id: string; content: string; embeds: never[]; interaction_metadata: { id: string } }[] = [];
    let posted = 0;
    // Discord applies every POST, then answers 502.
    const base = async () => {
      posted++;
      channel.unshift({ id: `m${posted}`, content: 'No more quotes', embeds: [], interaction_metadata: { id: INTERACTION } });
      return new Response('{"message":"bad gateway"}', { status: 502 }) as never;
    };
    const guard = createFollowUpGuard();
    guard.bind(async () => [...channel]);
    guard.track({ token: TOKEN, id: INTERACTION, channelId: CHANNEL });
    const send = guard.wrap(base as never);
    const init = { method: 'POST', body: JSON.stringify({ content: 'No more quotes' }) } as never;

    const first = (await send(URL, init)) as unknown as Response;
    expect(first.status).toBe(200);
    expect(((await first.json()) as { id: string }).id).toBe('m1');
    const second = (await send(URL, init)) as unknown as Response;
    expect(second.status).toBe(200); // a 502 here would make discord.js post it a third time
    expect(((await second.json()) as { id: string }).id).toBe('m2');
    expect(posted).toBe(2);
  });
});
