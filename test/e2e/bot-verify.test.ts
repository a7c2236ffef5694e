/**
 * "Did they really say that?" on Discord, end to end through the fake
 * Discord: `/verify text:` and the "Check this quote" message command.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { APP_ID, CHANNEL, GUILD, quotesIn, startBotHarness, type BotHarness } from './bot-harness.js';

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness();
}, 60_000);
afterAll(async () => {
  await h?.close();
});
beforeEach(() => {
  h.clock.now += 61_000;
});

const reply = async (token: string) => {
  await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/${APP_ID}/${token}/messages/@original` && r.status === 200, 10_000);
  return h.fake.messages(CHANNEL).find((m) => m.id === h.fake.interaction(token)!.originalId)!;
};
const verifySlash = (text: string) => h.fake.sendInteraction({ type: 2, data: { name: 'verify', type: 1, options: [{ name: 'text', type: 3, value: text }] } });

describe('verify on Discord', () => {
  it('given deploy, when the commands are registered, then /verify and the "Check this quote" message command are among them', () => {
    const cmds = h.fake.commands(GUILD);
    expect(cmds.find((c: any) => c.name === 'verify')?.options?.[0]).toMatchObject({ name: 'text', required: true });
    expect(cmds.find((c: any) => c.name === 'Check this quote')).toMatchObject({ type: 3 });
  });

  it('given /verify with an exact quote in other quote marks and dashes, when answered, then word for word, with the speaker and the document’s own words', async () => {
    const { token } = await verifySlash('"We need to ensure that multilateralism and joint action - rather than polarized initiatives"');
    const m = await reply(token);
    expect(m.embeds[0].title).toBe('Word for word');
    expect(m.embeds[0].description).toMatch(/word for word, said by Kofi Annan/);
    expect(quotesIn(m)).toEqual(['We need to ensure that multilateralism and joint action – rather than polarized initiatives']);
    // The place is cited once in the whole reply (beside the quote), not also in the verdict.
    expect(JSON.stringify(m).match(/¶2/g)).toHaveLength(1);
    for (const q of quotesIn(m)) expect(h.documentText.includes(q)).toBe(true);
  });

  it('given /verify with a reworded quote, when answered, then close, the real words and what differs', async () => {
    const { token } = await verifySlash('There is a better understanding that we have to work together');
    const m = await reply(token);
    expect(m.embeds[0].title).toBe('Close, not word for word');
    expect(m.embeds[0].description).toMatch(/document: recognition → claim: understanding/);
    expect(quotesIn(m)).toEqual(['There is a better recognition that we have to work together']);
    expect(JSON.stringify(m).match(/¶3/g)).toHaveLength(1);
  });

  it('given "Check this quote" on a message with an invented quote, when answered, then not found, plainly, with no passage', async () => {
    const msg = await h.fake.sendMessage({ content: '“The United Nations has failed the world and must be dissolved” — Annan' });
    const { token } = await h.fake.sendInteraction({ type: 2, data: { name: 'Check this quote', type: 3, target_id: msg.id, resolved: { messages: { [msg.id]: msg } } } });
    const m = await reply(token);
    expect(JSON.stringify(m)).toMatch(/Not found — the document does not say that/);
    expect(quotesIn(m)).toEqual([]);
  });

  it('given "Check this quote" on a message with the exact words, when answered, then word for word with the speaker', async () => {
    const msg = await h.fake.sendMessage({ content: 'Much as we have strengthened our capacities over the years, it is essential that we do even more' });
    const { token } = await h.fake.sendInteraction({ type: 2, data: { name: 'Check this quote', type: 3, target_id: msg.id, resolved: { messages: { [msg.id]: msg } } } });
    const m = await reply(token);
    expect(m.embeds[0].description).toMatch(/word for word, said by Kofi Annan/);
    expect(JSON.stringify(m).match(/¶5/g)).toHaveLength(1);
    expect(h.fake.validateAll()).toEqual([]);
  });
});
