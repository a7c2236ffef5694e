/**
 * 👍/👎 on answers, end to end: the real discord.js client against the fake
 * Discord, with conversations and feedback in a state database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEvalJsonl } from '../../src/eval/format.js';
import { exportFeedback } from '../../src/state/feedback-export.js';
import { createMetrics } from '../../src/ops/metrics.js';
import { APP_ID, CHANNEL, startBotHarness, until, type BotHarness } from './bot-harness.js';

const metrics = createMetrics({ defaultMetrics: false });
let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness({ state: true, metrics });
}, 120_000);
afterAll(() => h?.close());

const channelPost = (pred: (body: any) => boolean) =>
  h.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${CHANNEL}/messages` && pred(r.body), 15_000);
/** The click's acknowledgement, and the text the voter then sees (the deferred reply's edit, or its first follow-up). */
const callbackOf = (click: { id: string; token: string }) => h.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/interactions/${click.id}/${click.token}/callback`);
const shownTo = (click: { token: string }) =>
  h.fake.waitForRequest((r) => (r.method === 'PATCH' || r.method === 'POST') && r.path.startsWith(`/webhooks/${APP_ID}/${click.token}`) && r.status === 200, 15_000);
const buttons = (m: any): { id: string; label?: string }[] => (m.components ?? []).flatMap((row: any) => row.components.map((c: any) => ({ id: c.custom_id, label: c.label })));

describe('feedback buttons', () => {
  it('given an answer, when 👎 is clicked, then the clicker is thanked privately and the vote is stored with the question and the cited quotes, and exports as an eval case', async () => {
    const q = await h.fake.sendMessage({ content: 'What did Annan tell the Council?', mentionBot: true });
    const reply = await channelPost((b) => b.message_reference?.message_id === q.id);
    const answerId = reply.response.id as string;
    const answer = h.fake.messages(CHANNEL).find((m: any) => m.id === answerId)!;
    const ids = buttons(answer).map((b) => b.id);
    expect(ids).toEqual(expect.arrayContaining(['v1:f:up', 'v1:f:down']));
    await until(() => h.bot.context.conversations.answered(answerId), 'the answer filed');

    const click = await h.fake.sendInteraction({ type: 3, data: { custom_id: 'v1:f:down' }, message: answerId });
    const cb = await callbackOf(click);
    expect(cb.body.type).toBe(5); // acknowledged first…
    expect(cb.body.data.flags & 64).toBe(64); // …ephemerally
    expect((await shownTo(click)).body.content).toMatch(/noted/i);

    const votes = await h.state!.feedback.list({ rating: -1 });
    expect(votes).toHaveLength(1);
    expect(votes[0]!.question).toBe('What did Annan tell the Council?');
    expect(votes[0]!.answer.quotes.length).toBeGreaterThan(0);
    for (const c of votes[0]!.answer.quotes) expect(h.documentText.slice(c.start, c.end)).toBe(c.quote);

    // Voting again changes the vote rather than adding one.
    const again = await h.fake.sendInteraction({ type: 3, data: { custom_id: 'v1:f:up' }, message: answerId });
    expect((await shownTo(again)).body.content).toMatch(/Changed your vote to 👍/);
    expect(await h.state!.feedback.list({ rating: -1 })).toHaveLength(0);
    expect(await h.state!.feedback.list({ rating: 1 })).toHaveLength(1);

    const lines = exportFeedback(await h.state!.feedback.list(), { root: h.config.root });
    const file = parseEvalJsonl(lines.join('\n'), 'feedback.jsonl');
    expect(file.conversations).toHaveLength(1);
    expect(file.conversations[0]!.turns.at(-1)!.question).toBe('What did Annan tell the Council?');
  });

  it('given a follow-up in a reply chain, when 👎 is clicked on its answer, then the stored case carries the earlier turn unscored', async () => {
    h.clock.now += 61_000;
    const q = await h.fake.sendMessage({ content: 'What did Annan tell the Council?', mentionBot: true });
    const first = await channelPost((b) => b.message_reference?.message_id === q.id);
    await until(() => h.bot.context.conversations.answered(first.response.id), 'the first answer filed');
    const follow = await h.fake.sendMessage({ content: 'And what did he tell the regional organizations?', replyTo: first.response.id });
    const second = await channelPost((b) => b.message_reference?.message_id === follow.id);
    await until(() => h.bot.context.conversations.answered(second.response.id), 'the follow-up filed');
    const click = await h.fake.sendInteraction({ type: 3, data: { custom_id: 'v1:f:down' }, message: second.response.id });
    await shownTo(click);
    const down = (await h.state!.feedback.list({ rating: -1 })).find((v) => v.messageId === second.response.id)!;
    expect(down.conversation.map((t) => t.question)).toEqual(['What did Annan tell the Council?']);
    const [line] = exportFeedback([down], { root: h.config.root });
    const conv = parseEvalJsonl(line!, 'x.jsonl').conversations[0]!;
    expect(conv.turns.map((t) => [t.question, t.scored])).toEqual([
      ['What did Annan tell the Council?', false],
      ['And what did he tell the regional organizations?', undefined],
    ]);
  });

  it('given a message the bot never answered with, when 👍 is clicked, then it says the answer expired and stores nothing', async () => {
    const before = (await h.state!.feedback.list()).length;
    const q = await h.fake.sendMessage({ content: 'just chatting', mentionBot: false });
    const click = await h.fake.sendInteraction({ type: 3, data: { custom_id: 'v1:f:up' }, message: q.id });
    expect(JSON.stringify((await shownTo(click)).body)).toMatch(/no longer remember/);
    expect((await h.state!.feedback.list()).length).toBe(before);
  });

  it('given a slow state database, when 👍 is clicked, then the click is acknowledged before the vote is filed', async () => {
    h.clock.now += 61_000;
    const q = await h.fake.sendMessage({ content: 'What did Annan tell the Council?', mentionBot: true });
    const reply = await channelPost((b) => b.message_reference?.message_id === q.id);
    await until(() => h.bot.context.conversations.answered(reply.response.id), 'the answer filed');
    const store = h.state!.feedback;
    const record = store.record;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    store.record = async (vote) => {
      await held;
      return record.call(store, vote);
    };
    try {
      const click = await h.fake.sendInteraction({ type: 3, data: { custom_id: 'v1:f:up' }, message: reply.response.id });
      expect((await callbackOf(click)).status).toBe(204); // while the database still holds the vote
      release();
      expect((await shownTo(click)).body.content).toMatch(/glad it helped/);
    } finally {
      release();
      store.record = record;
    }
  });

  it('given the bot answered mentions, when metrics are read, then the gateway is ready and the answers are counted', async () => {
    const body = await metrics.registry.metrics();
    expect(body).toContain('verbatim_gateway_status 2');
    expect(body).toMatch(/verbatim_questions_total\{source="chat:mention",outcome="answered"\} [2-9]/);
  });
});
