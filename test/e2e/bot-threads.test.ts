/**
 * Thread mode, auto-answer channels, follow-ups in threads, DMs switched off,
 * and messages the bot must ignore — end to end through the fake Discord.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { APP_ID, CHANNEL, GUILD, quotesIn, startBotHarness, until, type BotHarness, guildWith } from './bot-harness.js';

const ANSWERS = '300000000000000003';
let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness({
    fake: guildWith({ id: ANSWERS, name: 'ask-the-document' }),
    env: { DISCORD_THREAD_MODE: 'true', DISCORD_ANSWER_CHANNELS: ANSWERS, DISCORD_ALLOW_DMS: 'false' },
  });
}, 60_000);

afterAll(async () => {
  await h?.close();
});

beforeEach(() => {
  h.clock.now += 61_000;
});

const postIn = (channelId: string, after = 0) =>
  h.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages` && r.status === 200 && r.at >= after, 10_000);

/** Ask by mention in #general; thread mode opens a thread on the question (its id is the question's id). */
async function askInThread(question: string) {
  const q = await h.fake.sendMessage({ channelId: CHANNEL, content: question, mentionBot: true });
  const created = await h.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${CHANNEL}/messages/${q.id}/threads`, 10_000);
  const threadId = created.response.id as string;
  const answer = await postIn(threadId);
  await until(() => h.bot.context.conversations.byMessage(answer.response.id), 'the answer filed under the thread conversation');
  return { q, threadId, created, answer };
}

describe('threads and channels', () => {
  it('given thread mode, when mentioned in a channel, then a thread named after the question opens on it and the answer is posted there', async () => {
    const { created, threadId, answer } = await askInThread('What did Annan tell the Council?');
    expect(created.body.name).toBe('What did Annan tell the Council?');
    expect(threadId).toBeTruthy();
    const message = h.fake.messages(threadId).find((m) => m.id === answer.response.id)!;
    const quotes = quotesIn(message);
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(h.documentText.includes(q)).toBe(true);
    expect(h.fake.requests.some((r) => r.method === 'POST' && r.path === `/channels/${threadId}/typing`)).toBe(true);
  });

  it('given a bot-owned thread, when a follow-up with "he" is posted there without a mention, then it is answered from the previous turn', async () => {
    const { threadId } = await askInThread('What did Annan tell the Council?');
    const started = Date.now();
    await h.fake.sendMessage({ channelId: threadId, content: 'And what did he tell the regional organizations?' });
    const reply = await postIn(threadId, started);
    const message = h.fake.messages(threadId).find((m) => m.id === reply.response.id)!;
    const quotes = quotesIn(message);
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(h.documentText.includes(q)).toBe(true);
    expect(quotes.join(' ')).toMatch(/regional/);
    expect(message.embeds.at(-1).footer?.text).toMatch(/^Understood as: .*Annan/);
    // Both turns live in the one thread conversation.
    expect((await h.bot.context.conversations.get(`g:${GUILD}:t:${threadId}`))?.turns.length).toBe(2);
  });

  it('given a bot-owned thread, when /ask is used inside it, then it continues the thread conversation', async () => {
    const { threadId } = await askInThread('What did Annan tell the Council?');
    const { token } = await h.fake.sendInteraction({
      type: 2,
      channelId: threadId,
      data: { name: 'ask', type: 1, options: [{ name: 'question', type: 3, value: 'And what did he tell the regional organizations?' }] },
    });
    await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/${APP_ID}/${token}/messages/@original`, 10_000);
    const message = h.fake.messages(threadId).find((m) => m.id === h.fake.interaction(token)!.originalId)!;
    expect(message.embeds.at(-1).footer?.text).toMatch(/^Understood as: .*Annan/);
  });

  it('given an auto-answer channel, when a question is posted without a mention, then it is answered (in a thread)', async () => {
    const q = await h.fake.sendMessage({ channelId: ANSWERS, content: 'What did Annan tell the Council?' });
    const created = await h.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${ANSWERS}/messages/${q.id}/threads`, 10_000);
    const answer = await postIn(created.response.id);
    expect(quotesIn(answer.body).length).toBeGreaterThan(0);
  });

  it('given messages from other bots, in threads the bot does not own, or in plain channels without a mention, when posted, then it stays silent', async () => {
    const userThread = h.fake.addChannel(GUILD, { id: '300000000000000077', type: 11, name: 'chit-chat', parent_id: CHANNEL, owner_id: '400000000000000001' });
    const seen: string[] = [];
    const listener = (m: { id: string }) => void seen.push(m.id);
    h.bot.client.on('messageCreate', listener);
    const before = h.fake.requests.length;
    const sent: { id: string }[] = [];
    sent.push(await h.fake.sendMessage({ channelId: CHANNEL, content: 'What did Annan tell the Council?', mentionBot: true, author: { id: '500000000000000001', username: 'otherbot', bot: true } }));
    sent.push(await h.fake.sendMessage({ channelId: userThread.id, content: 'What did Annan tell the Council?' }));
    sent.push(await h.fake.sendMessage({ channelId: CHANNEL, content: 'What did Annan tell the Council?' }));
    sent.push(await h.fake.sendMessage({ channelId: ANSWERS, content: '' })); // an image or a sticker in the auto-answer channel
    await until(() => sent.every((m) => seen.includes(m.id)), 'the client to receive all four messages');
    await new Promise((r) => setTimeout(r, 400));
    h.bot.client.off('messageCreate', listener);
    expect(sent.every((m) => seen.includes(m.id))).toBe(true); // delivered to the bot, and deliberately not answered
    expect(h.fake.requests.slice(before).filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('given a mention with no question in it, when posted, then the bot says how to ask instead of answering', async () => {
    const q = await h.fake.sendMessage({ channelId: CHANNEL, content: '', mentionBot: true });
    const reply = await h.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${CHANNEL}/messages` && (r.body as { message_reference?: { message_id?: string } }).message_reference?.message_id === q.id, 10_000);
    expect(JSON.stringify(reply.body)).toContain('Ask me a question about the document');
    expect(quotesIn(reply.body)).toEqual([]);
  });

  it('given DMs are switched off, when a DM arrives or a slash command is used in a DM, then the message is ignored and the command politely refused', async () => {
    const before = h.fake.requests.length;
    const dm = await h.fake.sendMessage({ dm: true, content: 'What did Annan tell the Council?' });
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.requests.slice(before).filter((r) => r.path.includes(dm.channel_id))).toEqual([]);
    const itx = await h.fake.sendInteraction({
      type: 2,
      guildId: null,
      data: { name: 'ask', type: 1, options: [{ name: 'question', type: 3, value: 'What did Annan tell the Council?' }] },
    });
    const cb = await h.fake.waitForRequest((r) => r.path === `/interactions/${itx.id}/${itx.token}/callback`);
    expect(cb.body).toMatchObject({ type: 4, data: { flags: 64, content: "I don't answer in direct messages here — please ask in a server channel." } });
  });

  it('given every REST request in this file, when validated, then none breaks the spec, the limits or allowed_mentions', () => {
    expect(h.fake.validateAll()).toEqual([]);
  });
});
