/**
 * What a Discord reader sees, end to end (the real discord.js client against
 * the fake Discord, the real engine over the default document): More quotes
 * until nothing is left, a refusal in chat, the bare-mention hint, /about.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ID, buttonIds, CHANNEL, quotesIn, startBotHarness, type BotHarness } from './bot-harness.js';

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness({ env: { RATE_LIMIT_PER_MINUTE: '100' } });
}, 60_000);
afterAll(async () => {
  await h?.close();
});

const callbackOf = (id: string, token: string) => h.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/interactions/${id}/${token}/callback`);
const followUp = (token: string) => h.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/webhooks/${APP_ID}/${token}` && r.status === 200, 10_000);
const channelPost = (pred: (body: any) => boolean) => h.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${CHANNEL}/messages` && pred(r.body), 10_000);
const ask = (question: string) => h.fake.sendInteraction({ type: 2, data: { name: 'ask', type: 1, options: [{ name: 'question', type: 3, value: question }] } });
const moreOf = (m: any) => m.components.flatMap((r: any) => r.components).find((c: any) => c.label === 'More quotes' || c.label === 'No more quotes');

describe('More quotes, until nothing is left', () => {
  it('given More quotes clicked down the chain, when nothing new is left, then only the clicker is told (ephemeral), the button reads "No more quotes", and no public "doesn’t say" is posted', async () => {
    const { token } = await ask('What did Annan tell the Council?');
    await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/${APP_ID}/${token}/messages/@original` && r.status === 200, 10_000);
    let messageId = h.fake.interaction(token)!.originalId!;
    const seen = new Set<string>(quotesIn(h.fake.messages(CHANNEL).find((m) => m.id === messageId)!));
    let exhausted = false;
    for (let i = 0; i < 12 && !exhausted; i++) {
      const message = h.fake.messages(CHANNEL).find((m) => m.id === messageId)!;
      const more = moreOf(message);
      expect(more.disabled ?? false).toBe(false);
      const click = await h.fake.sendInteraction({ type: 3, data: { custom_id: more.custom_id }, message: messageId });
      expect((await callbackOf(click.id, click.token)).body.type).toBe(7);
      const post = await followUp(click.token);
      if (post.body.flags === 64) {
        exhausted = true;
        expect(post.body.content).toMatch(/^No more quotes/);
        await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.startsWith(`/webhooks/${APP_ID}/${click.token}/messages/`) && r.status === 200, 10_000);
        const after = moreOf(h.fake.messages(CHANNEL).find((m) => m.id === messageId)!);
        expect(after).toMatchObject({ disabled: true, label: 'No more quotes' });
        // Nothing public came of this click: every message it made is ephemeral.
        const made = h.fake.interaction(click.token)!.messageIds.map((id) => h.fake.messages(CHANNEL).find((m) => m.id === id));
        expect(made.every((m) => !m || (m.flags & 64) !== 0)).toBe(true);
      } else {
        // The used button is disabled; the new message carries the next one.
        expect(moreOf(h.fake.messages(CHANNEL).find((m) => m.id === messageId)!)).toMatchObject({ disabled: true, label: 'More quotes' });
        messageId = h.fake.interaction(click.token)!.messageIds.at(-1)!;
        const fresh = quotesIn(h.fake.messages(CHANNEL).find((m) => m.id === messageId)!);
        for (const q of fresh) expect(seen.has(q)).toBe(false);
        for (const q of fresh) seen.add(q);
      }
    }
    expect(exhausted).toBe(true);
    const publicText = JSON.stringify(h.fake.messages(CHANNEL).filter((m) => !(m.flags & 64)));
    expect(publicText).not.toMatch(/doesn.t say|That is all the document says/);
  }, 60_000);
});

describe('chat', () => {
  it('given an unanswerable question in chat, when refused, then the reply is an embed like an answer (the question as title), not plain text', async () => {
    await h.fake.sendMessage({ content: 'What is the capital of France?', mentionBot: true });
    const reply = await channelPost((b) => b.embeds?.[0]?.title === 'What is the capital of France?');
    expect(reply.body.content ?? '').toBe('');
    expect(reply.body.embeds[0].description.length).toBeGreaterThan(0);
    expect(buttonIds(reply.body)).toEqual([]);
  });

  it('given a bare mention, when the hint is sent, then /help is shown as code, not as escaped backticks', async () => {
    await h.fake.sendMessage({ content: '', mentionBot: true });
    const reply = await channelPost((b) => typeof b.content === 'string' && b.content.includes('/help'));
    expect(reply.body.content).toContain('`/help`');
    expect(reply.body.content).not.toContain('\\`');
  });

  it('given /about, when shown, then the index time is given once, one way (a relative Discord timestamp)', async () => {
    const { id, token } = await h.fake.sendInteraction({ type: 2, data: { name: 'about', type: 1 } });
    const cb = await callbackOf(id, token);
    const built = cb.body.data.embeds[0].fields.find((f: any) => f.name === 'Index built').value;
    expect(built).toMatch(/^<t:\d+:R>$/);
  });
});
