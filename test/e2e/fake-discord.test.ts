/**
 * Tests of the fake Discord itself, driven by a bare discord.js 14 client (no bot code):
 * they show the fake speaks the protocol the real client expects, records what it sends,
 * and that its validator fails on bodies Discord would refuse.
 */
import { afterEach, describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import { WebSocket } from 'ws';
import {
  ChannelType, Client, Events, GatewayIntentBits, Partials, RESTJSONErrorCodes, Routes,
  type ChatInputCommandInteraction, type ClientOptions, type Message,
} from 'discord.js';
import {
  DEFAULT_CHANNEL_ID, DEFAULT_GUILD_ID, DEFAULT_USER, checkAllowedMentions, checkLimits, specAvailable, startFakeDiscord,
  type FakeDiscord, type FakeDiscordOptions,
} from './fake-discord/index.js';

const open: { fake: FakeDiscord; client?: Client }[] = [];

/** Start a fake and log a bare client into it; both are closed after the test. */
async function start(opts: FakeDiscordOptions = {}, clientOpts: Partial<ClientOptions> = {}) {
  const fake = await startFakeDiscord(opts);
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    rest: { api: fake.restUrl },
    ...clientOpts,
  });
  open.push({ fake, client });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login('fake-token');
  await ready;
  return { fake, client };
}

/** The next `event` the client emits that satisfies `pred`. */
function next<T extends unknown[]>(client: Client, event: string, pred: (...args: T) => boolean = () => true, ms = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { client.off(event, listener); reject(new Error(`no ${event} within ${ms} ms`)); }, ms);
    const listener = (...args: unknown[]) => {
      if (!pred(...(args as T))) return;
      clearTimeout(timer);
      client.off(event, listener);
      resolve(args as T);
    };
    client.on(event, listener);
  });
}

afterEach(async () => {
  for (const { fake, client } of open.splice(0)) {
    await client?.destroy();
    await fake.close();
  }
});

describe('fake Discord with a bare discord.js client', () => {
  it('given the fake, when the client logs in, then ready fires with the guild and channel cached and login made one REST call', async () => {
    const { fake, client } = await start();
    expect(client.user?.id).toBe(fake.botUser.id);
    expect(client.application?.id).toBe(fake.applicationId);
    expect(client.guilds.cache.get(DEFAULT_GUILD_ID)?.channels.cache.get(DEFAULT_CHANNEL_ID)?.type).toBe(ChannelType.GuildText);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /gateway/bot']);
    expect(fake.requests[0].headers.authorization).toBe('Bot fake-token');
    const sent = fake.gatewayLog.filter((e) => e.dir === 'out' && e.op === 0).map((e) => e.t);
    expect(sent).toEqual(['READY', 'GUILD_CREATE']);
  });

  it('given a guild channel, when a user mentions the bot, then messageCreate gets it and the reply is recorded, stored and valid', async () => {
    const { fake, client } = await start();
    const received = next<[Message]>(client, Events.MessageCreate, (m) => !m.author.bot);
    const sent = await fake.sendMessage({ content: 'what did he say?', mentionBot: true });
    const [message] = await received;
    expect(message.content).toBe(`<@${fake.botUser.id}> what did he say?`);
    expect(message.mentions.users.has(fake.botUser.id)).toBe(true);
    expect(message.author.id).toBe(DEFAULT_USER.id);

    await message.reply('He said @everyone should cooperate.');
    const post = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${DEFAULT_CHANNEL_ID}/messages`);
    expect(post.body.message_reference.message_id).toBe(sent.id);
    expect(post.body.allowed_mentions).toEqual({ parse: [] });
    const [stored] = fake.messages(DEFAULT_CHANNEL_ID);
    expect(stored).toMatchObject({ type: 19, content: 'He said @everyone should cooperate.', mention_everyone: false, mentions: [] });
    expect(stored.referenced_message.id).toBe(sent.id);
    expect(fake.validateAll()).toEqual([]);
  });

  it('given a reply to a bot message, when it is dispatched, then the reply pings the bot and carries referenced_message', async () => {
    const { fake, client } = await start();
    const channel = client.channels.cache.get(DEFAULT_CHANNEL_ID);
    if (!channel?.isSendable()) throw new Error('channel not sendable');
    const botMessage = await channel.send('an answer');
    const received = next<[Message]>(client, Events.MessageCreate, (m) => !m.author.bot);
    await fake.sendMessage({ content: 'and where was that?', replyTo: botMessage.id });
    const [message] = await received;
    expect(message.reference?.messageId).toBe(botMessage.id);
    expect(message.mentions.repliedUser?.id).toBe(fake.botUser.id);
    expect(message.mentions.has(fake.botUser.id)).toBe(true);
  });

  it('given no guild, when a user DMs the bot, then messageCreate gets a DM (Partials.Channel) and the reply lands in that DM', async () => {
    const { fake, client } = await start();
    const received = next<[Message]>(client, Events.MessageCreate, (m) => !m.author.bot);
    const sent = await fake.sendMessage({ dm: true, content: 'hello in private' });
    const [message] = await received;
    expect(message.channel.type).toBe(ChannelType.DM);
    expect(message.guildId).toBeNull();
    expect(message.content).toBe('hello in private');
    if (!message.channel.isSendable()) throw new Error('DM not sendable');
    await message.channel.send('hi back');
    await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${sent.channel_id}/messages`);
    expect(fake.messages(sent.channel_id).map((m) => m.content)).toEqual(['hi back']);
    expect(fake.validateAll()).toEqual([]);
  });

  it('given a client without the MessageContent intent, when a user posts without mentioning the bot, then the content arrives empty', async () => {
    const { fake, client } = await start({}, { intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages] });
    const received = next<[Message]>(client, Events.MessageCreate);
    await fake.sendMessage({ content: 'no mention here' });
    const [message] = await received;
    expect(message.content).toBe('');
  });

  it('given a slash command, when the client defers then edits, then callback type 5 and PATCH @original are recorded and the stored reply is final', async () => {
    const { fake, client } = await start();
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await interaction.editReply({ content: `You asked: ${interaction.options.getString('question')}` });
    });
    const { id, token } = await fake.sendInteraction({ type: 2, data: { name: 'ask', options: [{ name: 'question', type: 3, value: 'who spoke?' }] } });
    const patch = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/${fake.applicationId}/${token}/messages/@original`);
    const callback = fake.requests.find((r) => r.path === `/interactions/${id}/${token}/callback`);
    expect(callback?.body).toMatchObject({ type: 5 });
    expect(callback!.at).toBeLessThanOrEqual(patch.at);
    expect(patch.body.content).toBe('You asked: who spoke?');
    const [reply] = fake.messages(DEFAULT_CHANNEL_ID);
    expect(reply).toMatchObject({ content: 'You asked: who spoke?', flags: 0, type: 20, interaction_metadata: { name: 'ask' } });
    expect(fake.validateAll()).toEqual([]);
  });

  it('given an ephemeral defer, when the client follows up, then the follow-up replaces the thinking message, as on Discord', async () => {
    const { fake, client } = await start();
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply({ flags: 64 });
      await interaction.followUp({ content: 'done', flags: 64 });
    });
    const { token } = await fake.sendInteraction({ type: 2, data: { name: 'help' } });
    await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/webhooks/${fake.applicationId}/${token}`);
    const stored = fake.messages();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ content: 'done', flags: 64 });
    expect(fake.interaction(token)).toMatchObject({ acknowledgedWith: 5, loading: false, ephemeral: true });
  });

  it('given a bot message with a button, when a user clicks it and the client updates, then the message is edited in place (type 7)', async () => {
    const { fake, client } = await start();
    const channel = client.channels.cache.get(DEFAULT_CHANNEL_ID);
    if (!channel?.isSendable()) throw new Error('channel not sendable');
    const withButton = await channel.send({
      content: 'page 1', components: [{ type: 1, components: [{ type: 2, style: 2, custom_id: 'ctx:1', label: '▶' }] }],
    });
    client.on(Events.InteractionCreate, async (interaction) => {
      if (interaction.isButton()) await interaction.update({ content: `page 2 via ${interaction.customId}` });
    });
    const { id, token } = await fake.sendInteraction({ type: 3, data: { custom_id: 'ctx:1' }, message: withButton.id });
    const callback = await fake.waitForRequest((r) => r.path === `/interactions/${id}/${token}/callback`);
    expect(callback.body.type).toBe(7);
    expect(fake.messages().map((m) => m.content)).toEqual(['page 2 via ctx:1']);
    expect(fake.validateAll()).toEqual([]);
  });

  it('given a reply with withResponse, when the client follows up, then with_response returns the message and the follow-up is a second message', async () => {
    const { fake, client } = await start();
    const ids = new Promise<string[]>((resolve) => {
      client.on(Events.InteractionCreate, async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        const response = await interaction.reply({ content: 'first', withResponse: true });
        const followUp = await interaction.followUp({ content: 'second' });
        resolve([response.resource!.message!.id, followUp.id]);
      });
    });
    const { token } = await fake.sendInteraction({ type: 2, data: { name: 'about' } });
    const [originalId, followUpId] = await ids;
    expect(fake.requests.find((r) => r.path.endsWith('/callback'))?.query.with_response).toBe('true');
    expect(fake.messages().map((m) => [m.id, m.content])).toEqual([[originalId, 'first'], [followUpId, 'second']]);
    expect(fake.interaction(token)?.originalId).toBe(originalId);
    expect(fake.validateAll()).toEqual([]);
  });

  it('given a message with a file, when the client sends it, then the multipart payload_json is the recorded body and the file is listed', async () => {
    const { fake, client } = await start();
    const channel = client.channels.cache.get(DEFAULT_CHANNEL_ID);
    if (!channel?.isSendable()) throw new Error('channel not sendable');
    await channel.send({ content: 'see attached', files: [{ attachment: Buffer.from('quoted text'), name: 'quote.txt' }] });
    const post = fake.requests.find((r) => r.method === 'POST')!;
    expect(post.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(post.body).toMatchObject({ content: 'see attached', allowed_mentions: { parse: [] }, attachments: [{ id: '0' }] });
    expect(post.files).toEqual([{ field: 'files[0]', filename: 'quote.txt', size: 11, contentType: expect.any(String) }]);
    expect(fake.messages()[0].attachments).toEqual([expect.objectContaining({ filename: 'quote.txt', size: 11 })]);
    expect(fake.validateAll()).toEqual([]);
  });

  it('given the client posts a message, then its own MESSAGE_CREATE comes back through the gateway, as on Discord', async () => {
    const { client } = await start();
    const channel = client.channels.cache.get(DEFAULT_CHANNEL_ID);
    if (!channel?.isSendable()) throw new Error('channel not sendable');
    const echoed = next<[Message]>(client, Events.MessageCreate);
    const sent = await channel.send('echo');
    const [message] = await echoed;
    expect(message.id).toBe(sent.id);
    expect(message.author.id).toBe(client.user!.id);
  });

  it('given an autocomplete interaction, when the client responds, then callback type 8 with the choices is recorded', async () => {
    const { fake, client } = await start();
    client.on(Events.InteractionCreate, async (interaction) => {
      if (interaction.isAutocomplete()) await interaction.respond([{ name: `¶ ${interaction.options.getFocused()}`, value: '3' }]);
    });
    const { token } = await fake.sendInteraction({ type: 4, data: { name: 'quote', options: [{ name: 'paragraph', type: 3, value: '3', focused: true }] } });
    const callback = await fake.waitForRequest((r) => r.path.endsWith(`/${token}/callback`));
    expect(callback.body).toEqual({ type: 8, data: { choices: [{ name: '¶ 3', value: '3' }] } });
    expect(fake.interaction(token)?.autocompleteChoices).toEqual([{ name: '¶ 3', value: '3' }]);
  });

  it('given an interaction answered after the acknowledgement window, then Discord\'s 10062 Unknown interaction comes back', async () => {
    const { fake, client } = await start({ ackTimeoutMs: 50 });
    const failure = new Promise<unknown>((resolve) => {
      client.on(Events.InteractionCreate, async (interaction) => {
        await new Promise((r) => setTimeout(r, 120));
        await (interaction as ChatInputCommandInteraction).deferReply().then(() => resolve(null), resolve);
      });
    });
    await fake.sendInteraction({ type: 2, data: { name: 'ask' } });
    expect(await failure).toMatchObject({ code: 10062 });
  });

  it('given a command registered with default_member_permissions, when a member lacking them uses it, then the fake refuses to deliver it', async () => {
    const { fake, client } = await start();
    await client.application!.commands.set([
      { name: 'reindex', description: 'Rebuild the index', defaultMemberPermissions: '32' },
      { name: 'ask', description: 'Ask', options: [{ name: 'question', description: 'q', type: 3, required: true }] },
    ], DEFAULT_GUILD_ID);
    const put = await fake.waitForRequest((r) => r.method === 'PUT');
    expect(put.path).toBe(`/applications/${fake.applicationId}/guilds/${DEFAULT_GUILD_ID}/commands`);
    expect(fake.commands(DEFAULT_GUILD_ID).map((c) => [c.name, typeof c.id])).toEqual([['reindex', 'string'], ['ask', 'string']]);
    await expect(fake.sendInteraction({ type: 2, data: { name: 'reindex' }, memberPermissions: '0' })).rejects.toThrow(/default_member_permissions 32/);
    await expect(fake.sendInteraction({ type: 2, data: { name: 'reindex' }, memberPermissions: '8' })).resolves.toHaveProperty('token');
    await expect(fake.sendInteraction({ type: 2, data: { name: 'reindex' }, memberPermissions: '0', skipPermissionCheck: true })).resolves.toHaveProperty('token');
    expect(fake.validateAll()).toEqual([]);
  });

  it('given a 429 once on channel messages, when the client sends, then discord.js waits Retry-After, retries and succeeds', async () => {
    const { fake, client } = await start({ failRoutes: [{ method: 'POST', path: /^\/channels\/\d+\/messages$/, status: 429, times: 1, retryAfter: 0.2 }] });
    const channel = client.channels.cache.get(DEFAULT_CHANNEL_ID);
    if (!channel?.isSendable()) throw new Error('channel not sendable');
    const message = await channel.send('after the wait');
    const posts = fake.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.status)).toEqual([429, 200]);
    expect(posts[1].at - posts[0].at).toBeGreaterThanOrEqual(200);
    expect(message.content).toBe('after the wait');
    expect(fake.validateAll()).toEqual([]);
  });

  it('given a 503 outage longer than the retries, when the client sends, then discord.js gives up after 1 + 3 attempts', async () => {
    const { fake, client } = await start({ failRoutes: [{ method: '*', path: /\/messages$/, status: 503, times: 10 }] });
    const channel = client.channels.cache.get(DEFAULT_CHANNEL_ID);
    if (!channel?.isSendable()) throw new Error('channel not sendable');
    await expect(channel.send('lost')).rejects.toMatchObject({ status: 503 });
    expect(fake.requests.filter((r) => r.method === 'POST').length).toBe(4);
  });

  it('given bodies Discord would refuse, then the fake answers 400 and validateAll names every problem', async () => {
    const { fake, client } = await start();
    const route = Routes.channelMessages(DEFAULT_CHANNEL_ID);
    await expect(client.rest.post(route, { body: { content: 'x'.repeat(2001), allowed_mentions: { parse: [] } } })).rejects.toMatchObject({ status: 400, code: 50035 });
    await client.rest.post(route, { body: { content: 'no mention guard' } });
    await client.rest.post(route, {
      body: {
        allowed_mentions: { parse: [] },
        embeds: [{ title: 't', fields: Array.from({ length: 3 }, (_, i) => ({ name: `f${i}`, value: 'v'.repeat(2000) })) }],
      },
    }).catch(() => undefined);
    await client.rest.get('/not-a-route' as `/${string}`).catch(() => undefined);
    const problems = fake.validateAll();
    expect(problems.some((p) => p.includes('content is 2001 chars (max 2000)'))).toBe(true);
    expect(problems.some((p) => p.includes('missing allowed_mentions'))).toBe(true);
    expect(problems.some((p) => p.includes('fields[0].value is 2000 chars (max 1024)'))).toBe(true);
    expect(problems.some((p) => p.includes('GET /not-a-route: unknown route'))).toBe(true);
  });

  it('given enforce_nonce, when the same create is sent twice, then the second gets the first message back (as Discord does); without it, two messages', async () => {
    const { fake, client } = await start();
    const route = Routes.channelMessages(DEFAULT_CHANNEL_ID);
    const body = (nonce: string, enforce: boolean) => ({ content: 'once', nonce, enforce_nonce: enforce, allowed_mentions: { parse: [] } });
    const a = (await client.rest.post(route, { body: body('n-1', true) })) as any;
    const b = (await client.rest.post(route, { body: body('n-1', true) })) as any;
    expect(b.id).toBe(a.id);
    expect(a.nonce).toBe('n-1');
    const c = (await client.rest.post(route, { body: body('n-2', false) })) as any;
    const d = (await client.rest.post(route, { body: body('n-2', false) })) as any;
    expect(d.id).not.toBe(c.id);
    expect(fake.messages(DEFAULT_CHANNEL_ID).map((m) => m.content)).toEqual(['once', 'once', 'once']);
    expect(fake.validateAll()).toEqual([]);
  });

  it.skipIf(!specAvailable)('given the API spec (needs ../shared/discord-api-spec), then the fields the fake honours exist: nonce and enforce_nonce on message creates, 40060 is Discord\'s', async () => {
    const { readFileSync } = await import('node:fs');
    const { specPath } = await import('./fake-discord/index.js');
    const spec = JSON.parse(readFileSync(specPath, 'utf8'));
    const create = spec.components.schemas.MessageCreateRequest.properties;
    expect(Object.keys(create)).toEqual(expect.arrayContaining(['nonce', 'enforce_nonce']));
    expect(create.enforce_nonce.type).toContain('boolean');
    expect(RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged).toBe(40060);
  });

  it.skipIf(!specAvailable)('given a body the OpenAPI schema rejects (needs ../shared/discord-api-spec), then validateAll reports the schema error', async () => {
    const { fake, client } = await start();
    await client.rest.post(Routes.channelMessages(DEFAULT_CHANNEL_ID), { body: { content: 'ok', allowed_mentions: { parse: [] }, tts: 'yes' } });
    expect(fake.validateAll()).toEqual([expect.stringMatching(/schema MessageCreateRequest: body\/tts must be boolean/)]);
  });

  it('given a bot message, when the client starts a thread on it, then THREAD_CREATE caches the thread and user messages in it arrive', async () => {
    const { fake, client } = await start();
    const channel = client.channels.cache.get(DEFAULT_CHANNEL_ID);
    if (!channel?.isSendable()) throw new Error('channel not sendable');
    const starter = await channel.send('question');
    const thread = await starter.startThread({ name: 'Verbatim: question' });
    expect(thread.id).toBe(starter.id);
    const received = next<[Message]>(client, Events.MessageCreate, (m) => !m.author.bot);
    await fake.sendMessage({ channelId: thread.id, content: 'and where was that?' });
    const [message] = await received;
    expect(message.channel.isThread()).toBe(true);
    expect(message.channelId).toBe(thread.id);
    expect(fake.validateAll()).toEqual([]);
  });

  it('given a dropped gateway connection, when a user posts meanwhile, then the client resumes (op 6) and gets the missed message', async () => {
    const { fake, client } = await start();
    const resumed = next(client, Events.ShardResume);
    fake.disconnectGateway(4000);
    const received = next<[Message]>(client, Events.MessageCreate, (m) => m.content === 'while you were away');
    await fake.sendMessage({ content: 'while you were away' });
    await resumed;
    await received;
    expect(fake.gatewayLog.filter((e) => e.dir === 'in' && e.op === 2)).toHaveLength(1);
    expect(fake.gatewayLog.filter((e) => e.dir === 'in' && e.op === 6)).toHaveLength(1);
  });

  it('given a client asking for zlib-stream, when it connects, then HELLO arrives deflated with a sync flush', async () => {
    const fake = await startFakeDiscord();
    open.push({ fake });
    const ws = new WebSocket(`${fake.gatewayUrl}/?v=10&encoding=json&compress=zlib-stream`);
    const data = await new Promise<Buffer>((resolve) => ws.once('message', (d) => resolve(d as Buffer)));
    ws.terminate();
    expect([...data.subarray(-4)]).toEqual([0, 0, 255, 255]);
    const hello = JSON.parse(zlib.inflateSync(data, { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString());
    expect(hello).toMatchObject({ op: 10, d: { heartbeat_interval: 41250 } });
  });
});

describe('the validator\'s rules, one bad body each', () => {
  const msg = '/channels/1/messages';
  const cb = '/interactions/1/tok/callback';
  const cmds = '/applications/1/commands';
  const guard = { allowed_mentions: { parse: [] } };
  const row = (n: number, extra: object = {}) => ({ type: 1, components: Array.from({ length: n }, (_, i) => ({ type: 2, style: 1, custom_id: `b${i}`, label: 'x', ...extra })) });
  const opt = (name: string, required = false) => ({ type: 3, name, description: 'd', required });
  const cases: [string, string, string, unknown, string][] = [
    ['content over 2000', 'POST', msg, { content: 'x'.repeat(2001) }, 'content is 2001 chars (max 2000)'],
    ['11 embeds', 'POST', msg, { embeds: Array.from({ length: 11 }, () => ({ title: 't' })) }, '11 embeds (max 10)'],
    ['title over 256', 'POST', msg, { embeds: [{ title: 't'.repeat(257) }] }, 'embeds[0].title is 257 chars (max 256)'],
    ['description over 4096', 'POST', msg, { embeds: [{ description: 'd'.repeat(4097) }] }, 'embeds[0].description is 4097 chars (max 4096)'],
    ['26 fields', 'POST', msg, { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }] }, 'has 26 fields (max 25)'],
    ['field value over 1024', 'POST', msg, { embeds: [{ fields: [{ name: 'n', value: 'v'.repeat(1025) }] }] }, 'fields[0].value is 1025 chars (max 1024)'],
    ['empty field value', 'POST', msg, { embeds: [{ fields: [{ name: 'n', value: '' }] }] }, 'needs a non-empty name and value'],
    ['footer over 2048', 'POST', msg, { embeds: [{ footer: { text: 'f'.repeat(2049) } }] }, 'footer.text is 2049 chars (max 2048)'],
    ['author name over 256', 'POST', msg, { embeds: [{ author: { name: 'a'.repeat(257) } }] }, 'author.name is 257 chars (max 256)'],
    ['embed text over 6000 in total', 'POST', msg, { embeds: [{ description: 'd'.repeat(4000) }, { description: 'd'.repeat(2001) }] }, '6001 chars of text in total (max 6000'],
    ['6 action rows', 'POST', msg, { components: Array.from({ length: 6 }, () => row(1)) }, '6 action rows (max 5)'],
    ['6 buttons in a row', 'POST', msg, { components: [row(6)] }, 'has 6 buttons (max 5)'],
    ['custom_id over 100', 'POST', msg, { components: [{ type: 1, components: [{ type: 2, style: 1, label: 'x', custom_id: 'c'.repeat(101) }] }] }, 'custom_id is 101 chars (max 100)'],
    ['label over 80', 'POST', msg, { components: [row(1, { label: 'l'.repeat(81) })] }, 'label is 81 chars (max 80)'],
    ['duplicate custom_id', 'POST', msg, { components: [row(1), row(1)] }, 'duplicate custom_id "b0"'],
    ['an empty message', 'POST', msg, { content: '' }, 'cannot send an empty message'],
    ['reply (type 4) over 2000', 'POST', cb, { type: 4, data: { content: 'x'.repeat(2001) } }, 'content is 2001 chars'],
    ['26 autocomplete choices', 'POST', cb, { type: 8, data: { choices: Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: `${i}` })) } }, '26 autocomplete choices (max 25)'],
    ['choice name over 100', 'POST', cb, { type: 8, data: { choices: [{ name: 'n'.repeat(101), value: '1' }] } }, 'choices[0].name must be 1-100 chars'],
    ['upper-case command name', 'PUT', cmds, [{ name: 'Ask', description: 'd' }], 'name must be 1-32 lowercase'],
    ['command description over 100', 'PUT', cmds, [{ name: 'ask', description: 'd'.repeat(101) }], 'description must be 1-100 chars'],
    ['26 options', 'PUT', cmds, [{ name: 'ask', description: 'd', options: Array.from({ length: 26 }, (_, i) => opt(`o${i}`)) }], 'has 26 options (max 25)'],
    ['required after optional', 'PUT', cmds, [{ name: 'ask', description: 'd', options: [opt('a'), opt('b', true)] }], 'required options must come before optional ones'],
    ['thread name over 100', 'POST', '/channels/1/messages/2/threads', { name: 't'.repeat(101) }, 'thread name must be 1-100 chars'],
  ];
  it.each(cases)('given %s, then checkLimits reports it', (_name, method, path, body, expected) => {
    const withGuard = Array.isArray(body) || path === cb ? body : { ...guard, ...(body as object) };
    expect(checkLimits(method, path, withGuard).join(' | ')).toContain(expected);
  });

  it('given bodies at the limits (2000 emoji = 2000 code points), then checkLimits reports nothing', () => {
    const fiveRows = Array.from({ length: 5 }, (_, r) => ({
      type: 1, components: Array.from({ length: 5 }, (_, i) => ({ type: 2, style: 1, label: 'l'.repeat(80), custom_id: `${r}${i}`.padEnd(100, 'x') })),
    }));
    expect(checkLimits('POST', msg, { ...guard, content: '😀'.repeat(2000), components: fiveRows })).toEqual([]);
    expect(checkLimits('POST', msg, { ...guard, embeds: [{ title: 't'.repeat(256), description: 'd'.repeat(4096), fields: [{ name: 'n', value: 'v'.repeat(1024) }] }] })).toEqual([]);
    expect(checkLimits('PUT', cmds, [{ name: 'quote', description: 'Quote', options: [opt('about', true), { ...opt('paragraph'), autocomplete: true }] }])).toEqual([]);
  });

  it('given message bodies without allowed_mentions parse [], then checkAllowedMentions reports each; with it, nothing', () => {
    expect(checkAllowedMentions('POST', msg, { content: 'hi' })).toEqual(['missing allowed_mentions (must be { parse: [] })']);
    expect(checkAllowedMentions('PATCH', '/webhooks/1/tok/messages/@original', { content: 'hi', allowed_mentions: { parse: ['everyone'] } })).toEqual(['allowed_mentions.parse must be [] (got ["everyone"])']);
    expect(checkAllowedMentions('POST', cb, { type: 4, data: { content: 'hi' } })).toHaveLength(1);
    expect(checkAllowedMentions('POST', cb, { type: 5 })).toEqual([]);
    expect(checkAllowedMentions('POST', '/webhooks/1/tok', { content: 'hi', ...guard })).toEqual([]);
  });
});
