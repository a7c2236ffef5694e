/**
 * The bot end to end: the real discord.js client (createBot) against the fake
 * Discord on 127.0.0.1, answering from the real engine over the default
 * document. One client for the whole file.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { decodeCustomId } from '../../src/discord/custom-ids.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { silentLogger } from '../../src/log.js';
import { ROOT, tempDir } from '../helpers/paths.js';
import { PERMISSIONS, startFakeDiscord } from './fake-discord/index.js';
import { APP_ID, buttonIds, CHANNEL, GUILD, quotesIn, startBotHarness, TOKEN, until, type BotHarness, guildWith } from './bot-harness.js';

const OFF_LIMITS = '300000000000000002';
let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness({
    fake: guildWith({ id: OFF_LIMITS, name: 'off-limits' }),
    env: { DISCORD_ALLOWED_CHANNELS: CHANNEL, RATE_LIMIT_PER_MINUTE: '4' },
  });
}, 60_000);

afterAll(async () => {
  await h?.close();
});

// A fresh rate-limit window for every test (the bot's clock is injected).
beforeEach(() => {
  h.clock.now += 61_000;
});

const ask = (question: string, extra: Record<string, unknown> = {}) =>
  h.fake.sendInteraction({ type: 2, data: { name: 'ask', type: 1, options: [{ name: 'question', type: 3, value: question }] }, ...extra });

const callbackOf = (id: string, token: string) => h.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/interactions/${id}/${token}/callback`);
const originalEdit = (token: string) =>
  h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/${APP_ID}/${token}/messages/@original` && r.status === 200, 10_000);
const followUp = (token: string) => h.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/webhooks/${APP_ID}/${token}` && r.status === 200, 10_000);
const channelPost = (channelId: string, pred: (body: any) => boolean = () => true) =>
  h.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages` && pred(r.body), 10_000);

/** Every quote shown in a message is verbatim: `documentText.slice(start, end)` for the offsets its Context button carries. */
function expectVerbatim(message: any) {
  const quotes = quotesIn(message);
  expect(quotes.length).toBeGreaterThan(0);
  for (const q of quotes) expect(h.documentText.includes(q)).toBe(true);
  const ctx = buttonIds(message)
    .map((b) => decodeCustomId(b.id))
    .filter((a): a is Extract<ReturnType<typeof decodeCustomId>, { kind: 'context' }> => a?.kind === 'context');
  expect(ctx.map((a) => h.documentText.slice(a.start, a.end))).toEqual(quotes);
  return quotes;
}

describe('the bot through the fake Discord', () => {
  it('given a token and the fake, when started, then the client is ready as the application user and logged that', () => {
    expect(h.bot.client.isReady()).toBe(true);
    expect(h.bot.client.user?.id).toBe(APP_ID);
    expect(h.fake.requests.some((r) => r.method === 'GET' && r.path === '/gateway/bot')).toBe(true);
    expect(h.logs.some((l) => l.msg === 'discord bot ready' && l.guilds === 1)).toBe(true);
  });

  it('given deploy-commands with a guild id, when run, then it PUT every command to the guild route and nothing on ready', () => {
    const puts = h.fake.requests.filter((r) => r.method === 'PUT' && r.path.includes('/commands'));
    expect(puts.map((r) => r.path)).toEqual([`/applications/${APP_ID}/guilds/${GUILD}/commands`]);
    expect(h.fake.commands(GUILD).map((c) => c.name)).toEqual(['ask', 'summary', 'quote', 'verify', 'about', 'help', 'forget', 'docs', 'Check this quote']);
  });

  it('given no guild id, when deploy-commands runs as a CLI, then it PUTs the commands globally through DISCORD_API_URL and prints one line', async () => {
    const fake = await startFakeDiscord({ token: TOKEN });
    const cwd = await tempDir('verbatim-deploy-'); // no .env there
    try {
      const run = promisify(execFile);
      const { stdout } = await run(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'src/cli/deploy-commands.ts')], {
        cwd: cwd.dir,
        env: { PATH: process.env.PATH, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.restUrl, LOG_LEVEL: 'silent' },
      });
      expect(stdout.trim().split('\n')).toHaveLength(1);
      expect(stdout).toMatch(/^Registered 9 commands \(\/ask, \/summary, \/quote, \/verify, \/about, \/help, \/forget, \/docs, “Check this quote”\) globally/);
      expect(fake.requests.filter((r) => r.method === 'PUT').map((r) => r.path)).toEqual([`/applications/${APP_ID}/commands`]);
      expect(fake.commands().map((c) => c.name)).toContain('ask');
      expect(fake.validateAll()).toEqual([]);
    } finally {
      await fake.close();
      await cwd.cleanup();
    }
  });

  it('given a missing token or a 401 from Discord, when deploy-commands runs, then one clear line, exit code 1, no stack trace', async () => {
    const cwd = await tempDir('verbatim-deploy-');
    try {
      const run = promisify(execFile);
      const err = await run(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'src/cli/deploy-commands.ts')], {
        cwd: cwd.dir,
        env: { PATH: process.env.PATH, LOG_LEVEL: 'silent' },
      }).catch((e: { code: number; stderr: string }) => e);
      expect((err as { code: number }).code).toBe(1);
      expect((err as { stderr: string }).stderr.trim()).toBe('DISCORD_TOKEN is not set — put the bot token from the Discord developer portal in .env.');
    } finally {
      await cwd.cleanup();
    }
    const fake = await startFakeDiscord({ failRoutes: [{ method: 'PUT', path: /\/commands$/, status: 401, times: 5 }] });
    try {
      const config = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.restUrl, LOG_LEVEL: 'silent' }, ROOT);
      await expect(deployCommands({ config, logger: silentLogger() })).rejects.toThrow('Discord rejected the token (401 Unauthorized) — check DISCORD_TOKEN.');
    } finally {
      await fake.close();
    }
  });

  it('given /ask, when answered, then the reply is deferred first and edited with quotations verbatim from the document', async () => {
    const { id, token } = await ask('What did Annan tell the Council?');
    const edit = await originalEdit(token);
    const callback = await callbackOf(id, token);
    expect(callback.body.type).toBe(5);
    expect(callback.at).toBeLessThanOrEqual(edit.at);
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    const message = h.fake.messages(CHANNEL).find((m) => m.id === h.fake.interaction(token)!.originalId)!;
    expect(message.embeds[0].title).toBe('What did Annan tell the Council?');
    const quotes = expectVerbatim(message);
    expect(quotes.some((q) => /Council|seriousness|Much as we have strengthened/.test(q))).toBe(true);
    await until(
      () => h.logs.find((l) => l.msg === 'answer' && l.source === 'slash:ask' && l.outcome === 'answered' && typeof l.latencyMs === 'number' && l.userId),
      'the structured answer log line',
    );
  });

  it('given a mention, when the bot answers, then it shows typing and replies to the question with verbatim quotes', async () => {
    const question = await h.fake.sendMessage({ content: 'What did Annan tell the Council?', mentionBot: true });
    const reply = await channelPost(CHANNEL, (b) => b.message_reference?.message_id === question.id);
    expect(reply.body.allowed_mentions).toEqual({ parse: [] });
    const typing = h.fake.requests.find((r) => r.method === 'POST' && r.path === `/channels/${CHANNEL}/typing` && r.at >= Date.parse(question.timestamp) - 1000 && r.at <= reply.at);
    expect(typing).toBeDefined();
    const message = h.fake.messages(CHANNEL).find((m) => m.id === reply.response.id)!;
    expectVerbatim(message);
    expect(message.embeds[0].title).toBe('What did Annan tell the Council?'); // the mention was stripped
  });

  it('given a reply to one of its answers, when it is a follow-up with "he", then it is answered in that conversation', async () => {
    const first = await h.fake.sendMessage({ content: 'What did Annan tell the Council?', mentionBot: true });
    const answer = await channelPost(CHANNEL, (b) => b.message_reference?.message_id === first.id);
    // (a person replies seconds later; the test waits until the bot has filed its answer under the conversation)
    await until(() => h.bot.context.conversations.byMessage(answer.response.id), 'the answer linked to its conversation');
    const follow = await h.fake.sendMessage({ content: 'And what did he tell the regional organizations?', replyTo: answer.response.id });
    const reply = await channelPost(CHANNEL, (b) => b.message_reference?.message_id === follow.id);
    const message = h.fake.messages(CHANNEL).find((m) => m.id === reply.response.id)!;
    const quotes = expectVerbatim(message);
    expect(quotes.join(' ')).toMatch(/regional/);
    const footer = message.embeds.at(-1).footer?.text ?? '';
    expect(footer).toMatch(/^Understood as: .*Annan/);
  });

  it('given a reply to its answer with the ping switched off and the memory lost (a restart), when posted, then it is still answered', async () => {
    const first = await h.fake.sendMessage({ content: 'What did Annan tell the Council?', mentionBot: true });
    const answer = await channelPost(CHANNEL, (b) => b.message_reference?.message_id === first.id);
    await until(() => h.bot.context.conversations.byMessage(answer.response.id), 'the answer linked to its conversation');
    await h.bot.context.conversations.clear();
    const follow = await h.fake.sendMessage({ content: 'What did Annan tell the regional organizations?', replyTo: answer.response.id, replyPing: false });
    const reply = await channelPost(CHANNEL, (b) => b.message_reference?.message_id === follow.id);
    expectVerbatim(h.fake.messages(CHANNEL).find((m) => m.id === reply.response.id));
  });

  it('given a DM, when the bot answers, then it replies in the DM channel', async () => {
    const dm = await h.fake.sendMessage({ dm: true, content: 'What did Annan tell the Council?' });
    const reply = await channelPost(dm.channel_id, (b) => b.message_reference?.message_id === dm.id);
    expectVerbatim(h.fake.messages(dm.channel_id).find((m) => m.id === reply.response.id));
  });

  it('given an answer, when Show context is clicked, then the clicker alone sees the paragraph with the quote in bold, and ◀ ▶ step through paragraphs', async () => {
    const { token } = await ask('What did Annan tell the Council?');
    await originalEdit(token);
    const answerId = h.fake.interaction(token)!.originalId!;
    const answer = h.fake.messages(CHANNEL).find((m) => m.id === answerId)!;
    const ctxButton = buttonIds(answer).find((b) => b.id.startsWith('v1:c:'))!;
    const action = decodeCustomId(ctxButton.id) as { paragraph: number; start: number; end: number };

    const click = await h.fake.sendInteraction({ type: 3, data: { custom_id: ctxButton.id }, message: answerId });
    const cb = await callbackOf(click.id, click.token);
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags & 64).toBe(64);
    const embed = cb.body.data.embeds[0];
    expect(embed.title).toContain(`¶${action.paragraph}`);
    const bold = /\*\*(.+?)\*\*/s.exec(embed.description)![1].replace(/\\([^0-9A-Za-z\s])/g, '$1');
    expect(bold).toBe(h.documentText.slice(action.start, action.end).trim());

    const view = h.fake.interaction(click.token)!.originalId!;
    const next = buttonIds(cb.body.data).find((b) => b.label.endsWith('▶'))!;
    const step = await h.fake.sendInteraction({ type: 3, data: { custom_id: next.id }, message: view });
    const upd = await callbackOf(step.id, step.token);
    expect(upd.body.type).toBe(7);
    expect(upd.body.data.embeds[0].title).toContain(`¶${action.paragraph + 1}`);
    const prev = buttonIds(upd.body.data).find((b) => b.label.startsWith('◀'))!;
    const back = await h.fake.sendInteraction({ type: 3, data: { custom_id: prev.id }, message: view });
    const upd2 = await callbackOf(back.id, back.token);
    expect(upd2.body.data.embeds[0].title).toContain(`¶${action.paragraph}`);
    expect(upd2.body.data.embeds[0].description).toContain('**'); // the quote is bold again on its own paragraph
  });

  it('given an answer, when More quotes is clicked, then that button is disabled at once and further verbatim quotations follow in a new message, none repeated', async () => {
    const { token } = await ask('What did Annan say?');
    await originalEdit(token);
    const answerId = h.fake.interaction(token)!.originalId!;
    const answer = h.fake.messages(CHANNEL).find((m) => m.id === answerId)!;
    const shown = quotesIn(answer);
    const more = buttonIds(answer).find((b) => b.label === 'More quotes')!;
    const click = await h.fake.sendInteraction({ type: 3, data: { custom_id: more.id }, message: answerId });
    const cb = await callbackOf(click.id, click.token);
    expect(cb.body.type).toBe(7); // the ack updates the answer: its More quotes can no longer be clicked
    await followUp(click.token);
    const old = h.fake.messages(CHANNEL).find((m) => m.id === answerId)!;
    expect(old.components.flatMap((r: any) => r.components).find((c: any) => c.custom_id === more.id)).toMatchObject({ disabled: true });
    const message = h.fake.messages(CHANNEL).find((m) => m.id === h.fake.interaction(click.token)!.messageIds.at(-1))!;
    expect(message.embeds?.length).toBe(1);
    const fresh = expectVerbatim(message);
    for (const q of fresh) expect(shown).not.toContain(q);
    // The new More quotes button keeps excluding what the first answer showed.
    const again = decodeCustomId(buttonIds(message).find((b) => b.label === 'More quotes')!.id);
    expect(again?.kind === 'more' && again.shown.length).toBe(shown.length + fresh.length);
  });

  it('given a button id from another index or garbage, when clicked, then an ephemeral "this button has expired"', async () => {
    const { token } = await ask('What did Annan tell the Council?');
    await originalEdit(token);
    const answerId = h.fake.interaction(token)!.originalId!;
    for (const custom_id of ['v1:c:00000000:0:1:0:5', 'something-else']) {
      const click = await h.fake.sendInteraction({ type: 3, data: { custom_id }, message: answerId });
      const cb = await callbackOf(click.id, click.token);
      expect(cb.body).toMatchObject({ type: 4, data: { flags: 64, content: 'This button has expired — ask the question again for fresh buttons.' } });
    }
  });

  it('given /quote paragraph being typed, when autocompleting, then numbered paragraph choices with previews', async () => {
    const { token } = await h.fake.sendInteraction({
      type: 4,
      data: { name: 'quote', type: 1, options: [{ name: 'paragraph', type: 4, value: '2', focused: true }] },
    });
    const choices = (await until(() => h.fake.interaction(token)?.autocompleteChoices, 'autocomplete choices')) as { name: string; value: unknown }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices[0]).toMatchObject({ value: 2 });
    expect(choices[0].name).toMatch(/^¶2 — /);
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
  });

  it('given /quote paragraph:2, when answered, then that paragraph verbatim, cited once (in the title)', async () => {
    const { token } = await h.fake.sendInteraction({ type: 2, data: { name: 'quote', type: 1, options: [{ name: 'paragraph', type: 4, value: 2 }] } });
    await originalEdit(token);
    const message = h.fake.messages(CHANNEL).find((m) => m.id === h.fake.interaction(token)!.originalId)!;
    const [q] = expectVerbatim(message);
    const p2 = h.engine.paragraph(h.engine.documents()[0].id, 2)!;
    expect(q).toBe(p2.text);
    expect(message.embeds[0].title).toBe('¶2');
    expect(message.embeds[0].description).not.toContain('¶2');
  });

  it('given /quote speaker being typed and then chosen, when answered, then the speaker autocompletes and each quotation reads "quote — speaker, cue addressee (¶n)"', async () => {
    const ac = await h.fake.sendInteraction({ type: 4, data: { name: 'quote', type: 1, options: [{ name: 'speaker', type: 3, value: 'ann', focused: true }] } });
    const choices = (await until(() => h.fake.interaction(ac.token)?.autocompleteChoices, 'speaker choices')) as { name: string; value: string }[];
    expect(choices.map((c) => c.value)).toContain('Kofi Annan');
    const { token } = await h.fake.sendInteraction({
      type: 2,
      data: { name: 'quote', type: 1, options: [{ name: 'speaker', type: 3, value: 'Kofi Annan' }, { name: 'to', type: 3, value: 'the Council' }] },
    });
    await originalEdit(token);
    const message = h.fake.messages(CHANNEL).find((m) => m.id === h.fake.interaction(token)!.originalId)!;
    expect(message.embeds[0].title).toBe('Quotations by Kofi Annan to the Council');
    const quotes = quotesIn(message);
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(h.documentText.includes(q)).toBe(true);
    expect(message.embeds[0].description).toMatch(/\n-# — Kofi Annan, told the Council \(¶\d+\)/);
  });

  it('given /quote with no option, when answered, then the document’s quotations are listed, each verbatim with its speaker', async () => {
    const { token } = await h.fake.sendInteraction({ type: 2, data: { name: 'quote', type: 1 } });
    await originalEdit(token);
    const message = h.fake.messages(CHANNEL).find((m) => m.id === h.fake.interaction(token)!.originalId)!;
    expect(message.embeds[0].title).toBe('Quotations in the document');
    const quotes = quotesIn(message);
    expect(quotes.length).toBeGreaterThan(1);
    for (const q of quotes) expect(h.documentText.includes(q)).toBe(true);
    expect(message.embeds[0].description).toMatch(/\n-# — Kofi Annan, /);
  });

  it('given /summary, when answered, then every sentence is a verbatim cited quotation', async () => {
    const { token } = await h.fake.sendInteraction({ type: 2, data: { name: 'summary', type: 1, options: [{ name: 'length', type: 3, value: 'short' }] } });
    await originalEdit(token);
    const message = h.fake.messages(CHANNEL).find((m) => m.id === h.fake.interaction(token)!.originalId)!;
    expect(message.embeds[0].title).toMatch(/^Summary \(short\)/);
    expectVerbatim(message);
  });

  it('given /about and /help, when used, then ephemeral replies naming the document and the commands', async () => {
    const about = await h.fake.sendInteraction({ type: 2, data: { name: 'about', type: 1 } });
    const a = await callbackOf(about.id, about.token);
    expect(a.body.data.flags & 64).toBe(64);
    expect(JSON.stringify(a.body.data.embeds)).toContain(h.engine.documents()[0].title.slice(0, 20));
    expect(JSON.stringify(a.body.data.embeds)).toContain('lexical only');
    const help = await h.fake.sendInteraction({ type: 2, data: { name: 'help', type: 1 } });
    const hb = await callbackOf(help.id, help.token);
    expect(hb.body.data.flags & 64).toBe(64);
    expect(hb.body.data.embeds[0].description).toContain('/ask');
  });

  it('given a user over the rate limit, when asking by slash command, then a friendly ephemeral refusal', async () => {
    const user = { id: '400000000000000009', username: 'eager' };
    const tokens = [];
    for (let i = 0; i < 4; i++) tokens.push((await ask('What did Annan tell the Council?', { user })).token);
    for (const t of tokens) await originalEdit(t);
    const over = await ask('What did Annan tell the Council?', { user });
    const cb = await callbackOf(over.id, over.token);
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags & 64).toBe(64);
    expect(cb.body.data.content).toMatch(/^You're asking faster than I can keep up — please wait \d+ seconds? and try again\.$/);
    await until(() => h.logs.find((l) => l.outcome === 'rate-limited' && l.source === 'slash:ask' && l.userId === user.id), 'a rate-limited log line');
  });

  it('given a user over the rate limit in chat, when they keep asking, then one friendly reply, then silence until the window passes', async () => {
    const user = { id: '400000000000000010', username: 'chatty' };
    for (let i = 0; i < 4; i++) {
      const m = await h.fake.sendMessage({ content: 'What did Annan say?', mentionBot: true, author: user });
      await channelPost(CHANNEL, (b) => b.message_reference?.message_id === m.id);
    }
    const m5 = await h.fake.sendMessage({ content: 'What did Annan say?', mentionBot: true, author: user });
    const r5 = await channelPost(CHANNEL, (b) => b.message_reference?.message_id === m5.id);
    expect(r5.body.content).toMatch(/^You're asking faster/);
    expect(r5.body.allowed_mentions).toEqual({ parse: [] });
    const m6 = await h.fake.sendMessage({ content: 'What did Annan say?', mentionBot: true, author: user });
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.requests.some((r) => r.body?.message_reference?.message_id === m6.id)).toBe(false);
    h.clock.now += 61_000;
    const m7 = await h.fake.sendMessage({ content: 'What did Annan say?', mentionBot: true, author: user });
    const r7 = await channelPost(CHANNEL, (b) => b.message_reference?.message_id === m7.id);
    expect(r7.body.embeds?.length).toBe(1); // answered again
  });

  it('given a channel outside the allow-list, when asked there, then slash commands are refused ephemerally and mentions ignored silently', async () => {
    const itx = await ask('What did Annan tell the Council?', { channelId: OFF_LIMITS });
    const cb = await callbackOf(itx.id, itx.token);
    expect(cb.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(cb.body.data.content).toMatch(/not set up to answer in this channel/);
    const before = h.fake.requests.length;
    await h.fake.sendMessage({ channelId: OFF_LIMITS, content: 'What did Annan tell the Council?', mentionBot: true });
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.requests.slice(before).filter((r) => r.path.startsWith(`/channels/${OFF_LIMITS}`))).toEqual([]);
  });

  it('given the admin-only /forget, when deployed, then it carries default_member_permissions; Discord withholds it from members, a manager can use it', async () => {
    const forget = h.fake.commands(GUILD).find((c) => c.name === 'forget');
    expect(forget.default_member_permissions).toBe(PERMISSIONS.MANAGE_GUILD.toString());
    await expect(h.fake.sendInteraction({ type: 2, data: { name: 'forget', type: 1 } })).rejects.toThrow(/default_member_permissions/);
    const perms = (PERMISSIONS.MANAGE_GUILD | PERMISSIONS.VIEW_CHANNEL | PERMISSIONS.SEND_MESSAGES).toString();
    const itx = await h.fake.sendInteraction({ type: 2, data: { name: 'forget', type: 1 }, memberPermissions: perms });
    const cb = await callbackOf(itx.id, itx.token);
    expect(cb.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(cb.body.data.content).toMatch(/^Done — I forgot \d+ conversations? in this server\.$/);
  });

  it('given everything above, when the logs and requests are read, then the token never appears outside the Authorization header', () => {
    expect(h.rawLogs()).not.toContain(TOKEN);
    for (const r of h.fake.requests) expect(JSON.stringify([r.path, r.query, r.body])).not.toContain(TOKEN);
  });

  it('given every REST request the bot made in this file, when validated, then all match the API spec, the limits and allowed_mentions', () => {
    expect(h.fake.requests.length).toBeGreaterThan(30);
    expect(h.fake.validateAll()).toEqual([]);
  });
});
