/**
 * The fake REST API (`/api/v10/...`): the routes a discord.js bot uses for gateway discovery,
 * interaction responses, webhooks (follow-ups, `@original`), channel messages, typing, threads,
 * DMs and command registration. Every request is recorded; Discord's limits are enforced with
 * 400 Invalid Form Body; `failRoutes` inject 429s (with Retry-After) and 5xx outages.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkLimits } from './validate.js';
import {
  ChannelKind, MessageFlag, applyMessageBody, channelObject, dispatchMessage, ensureDmChannel, memberObject,
  messageObject, userObject,
  type ChannelObject, type FakeState, type FakeUser, type InteractionState, type MessageObject, type RecordedRequest,
} from './model.js';

interface Ctx {
  method: string; path: string; params: Record<string, string>; query: Record<string, string>; body: any;
  files: RecordedRequest['files'];
}
interface Reply { status: number; body?: unknown; headers?: Record<string, string> }
type Handler = (c: Ctx) => Reply;

const ok = (body: unknown, status = 200): Reply => ({ status, body });
const noContent: Reply = { status: 204 };
const fail = (status: number, code: number, message: string, errors?: unknown): Reply =>
  ({ status, body: { message, code, ...(errors ? { errors } : {}) } });

/** Interaction callback types allowed per interaction type (https://discord.com/developers/docs/interactions/receiving-and-responding). */
const CALLBACKS_FOR: Record<number, number[]> = { 2: [4, 5, 9], 3: [4, 5, 6, 7, 9], 4: [8], 5: [4, 5, 6, 7] };

/** A user in FakeUser form, from a Discord user object. */
const asFakeUser = (u: any): FakeUser => ({ id: u.id, username: u.username, bot: u.bot });

/**
 * Build the request listener. Each handled request is passed to `record` after it is answered.
 * @example http.createServer(createRestHandler(state, (r) => requests.push(r)))
 */
export function createRestHandler(st: FakeState, record: (r: RecordedRequest) => void) {
  const routes: { method: string; regex: RegExp; names: string[]; handler: Handler }[] = [];
  const on = (method: string, template: string, handler: Handler) => {
    const names = [...template.matchAll(/:(\w+)/g)].map((m) => m[1]);
    routes.push({ method, regex: new RegExp(`^${template.replace(/:\w+/g, '([^/]+)')}$`), names, handler });
  };

  const channelOr404 = (id: string) => st.channels.get(id);
  const unknownChannel = () => fail(404, 10003, 'Unknown Channel');
  const unknownMessage = () => fail(404, 10008, 'Unknown Message');
  const clone = <T>(v: T): T => structuredClone(v);

  /**
   * Nonces of recent bot messages, per channel (Discord: "If enforce_nonce is true, the nonce will be
   * checked for uniqueness in the past few minutes. If another message was created by the same author
   * with the same nonce, that message will be returned and no new message will be created.").
   */
  const nonces = new Map<string, { id: string; at: number }>();
  const NONCE_WINDOW_MS = 5 * 60_000;
  /** The message an enforced nonce already created, if any (a retried create gets it back, 200). */
  const sameNonce = (channel: ChannelObject, body: any): MessageObject | undefined => {
    if (!body?.enforce_nonce || body.nonce == null) return undefined;
    const seen = nonces.get(`${channel.id}:${body.nonce}`);
    return seen && Date.now() - seen.at < NONCE_WINDOW_MS ? st.messages.get(seen.id) : undefined;
  };

  /** Create a message authored by the bot in `channel`, store it and dispatch MESSAGE_CREATE. */
  function createBotMessage(channel: ChannelObject, c: Ctx, body: any, extra: Partial<MessageObject> = {}, repliedTo?: FakeUser) {
    const msg = messageObject(st.snowflake(), channel, st.bot, st.now());
    Object.assign(msg, extra);
    applyMessageBody(msg, body, { users: st.users, snowflake: st.snowflake, repliedTo, files: c.files });
    if (body?.nonce != null) {
      (msg as MessageObject & { nonce?: unknown }).nonce = body.nonce;
      if (body.enforce_nonce) nonces.set(`${channel.id}:${body.nonce}`, { id: msg.id, at: Date.now() });
    }
    st.messages.set(msg.id, msg);
    if (!(msg.flags & MessageFlag.Ephemeral)) channel.last_message_id = msg.id;
    dispatchMessage(st, 'MESSAGE_CREATE', msg);
    return msg;
  }

  function editMessage(msg: MessageObject, c: Ctx, body: any) {
    const repliedTo = msg.referenced_message ? asFakeUser(msg.referenced_message.author) : undefined;
    applyMessageBody(msg, body, { users: st.users, snowflake: st.snowflake, repliedTo, files: c.files });
    msg.flags &= ~MessageFlag.Loading;
    msg.edited_timestamp = st.now().toISOString();
    dispatchMessage(st, 'MESSAGE_UPDATE', msg);
    return msg;
  }

  /* ---------- discovery, identity ---------- */
  on('GET', '/gateway', () => ok({ url: st.gatewayUrl }));
  on('GET', '/gateway/bot', () => ok({
    url: st.gatewayUrl, shards: st.recommendedShards,
    session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
  }));
  on('GET', '/users/@me', () => ok({ ...userObject(st.bot), verified: true, mfa_enabled: false, flags: 0, locale: 'en-US', email: null }));
  on('GET', '/applications/@me', () => ok({
    id: st.applicationId, name: st.bot.username, icon: null, description: '', summary: '', type: null,
    bot_public: true, bot_require_code_grant: false, verify_key: '0'.repeat(64), flags: 0, team: null,
    owner: userObject({ id: '1', username: 'owner' }), bot: userObject(st.bot), redirect_uris: [],
    interactions_endpoint_url: null, approximate_guild_count: st.guilds.length, tags: [],
  }));

  /* ---------- commands ---------- */
  const scopeOf = (c: Ctx) => c.params.guild ?? 'global';
  const badApp = (c: Ctx) => c.params.app !== st.applicationId ? fail(403, 50001, 'Missing Access') : null;
  const toCommand = (c: Ctx, cmd: any, previous: any[]) => ({
    type: 1, options: [], default_member_permissions: null, nsfw: false, contexts: null,
    integration_types: [0], name_localizations: null, description_localizations: null, description: '',
    ...cmd,
    id: previous.find((p) => p.name === cmd.name && p.type === (cmd.type ?? 1))?.id ?? st.snowflake(),
    application_id: st.applicationId, version: st.snowflake(),
    ...(c.params.guild ? { guild_id: c.params.guild } : {}),
  });
  for (const base of ['/applications/:app/commands', '/applications/:app/guilds/:guild/commands']) {
    on('GET', base, (c) => badApp(c) ?? ok(st.commands.get(scopeOf(c)) ?? []));
    on('PUT', base, (c) => {
      if (badApp(c)) return badApp(c)!;
      const previous = st.commands.get(scopeOf(c)) ?? [];
      const list = (c.body as any[]).map((cmd) => toCommand(c, cmd, previous));
      st.commands.set(scopeOf(c), list);
      return ok(list);
    });
    on('POST', base, (c) => {
      if (badApp(c)) return badApp(c)!;
      const previous = st.commands.get(scopeOf(c)) ?? [];
      const cmd = toCommand(c, c.body, previous);
      st.commands.set(scopeOf(c), [...previous.filter((p) => p.id !== cmd.id), cmd]);
      return ok(cmd, 201);
    });
  }

  /* ---------- channels and messages ---------- */
  on('GET', '/channels/:channel', (c) => {
    const channel = channelOr404(c.params.channel);
    return channel ? ok(channel) : unknownChannel();
  });
  on('GET', '/channels/:channel/messages', (c) => {
    if (!channelOr404(c.params.channel)) return unknownChannel();
    const list = [...st.messages.values()]
      .filter((m) => m.channel_id === c.params.channel && !(m.flags & MessageFlag.Ephemeral))
      .filter((m) => !c.query.before || BigInt(m.id) < BigInt(c.query.before))
      .reverse().slice(0, Math.min(Number(c.query.limit ?? 50), 100));
    return ok(clone(list));
  });
  on('GET', '/channels/:channel/messages/:message', (c) => {
    const msg = st.messages.get(c.params.message);
    return msg && msg.channel_id === c.params.channel && !(msg.flags & MessageFlag.Ephemeral) ? ok(clone(msg)) : unknownMessage();
  });
  on('POST', '/channels/:channel/messages', (c) => {
    const channel = channelOr404(c.params.channel);
    if (!channel) return unknownChannel();
    const earlier = sameNonce(channel, c.body);
    if (earlier) return ok(clone(earlier));
    const ref = c.body.message_reference;
    if (!ref?.message_id) return ok(createBotMessage(channel, c, c.body));
    const target = st.messages.get(ref.message_id);
    if (!target || target.channel_id !== (ref.channel_id ?? channel.id)) {
      if (ref.fail_if_not_exists !== false) {
        return fail(400, 50035, 'Invalid Form Body', { message_reference: { _errors: [{ code: 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', message: 'Unknown message' }] } });
      }
      return ok(createBotMessage(channel, c, c.body));
    }
    const extra = {
      type: 19, referenced_message: clone(target),
      message_reference: { type: 0, message_id: target.id, channel_id: channel.id, ...(channel.guild_id ? { guild_id: channel.guild_id } : {}) },
    };
    return ok(createBotMessage(channel, c, c.body, extra, asFakeUser(target.author)));
  });
  on('PATCH', '/channels/:channel/messages/:message', (c) => {
    const msg = st.messages.get(c.params.message);
    if (!msg || msg.channel_id !== c.params.channel) return unknownMessage();
    if (msg.author.id !== st.bot.id) return fail(403, 50005, 'Cannot edit a message authored by another user');
    return ok(clone(editMessage(msg, c, c.body)));
  });
  on('DELETE', '/channels/:channel/messages/:message', (c) => {
    const msg = st.messages.get(c.params.message);
    if (!msg || msg.channel_id !== c.params.channel) return unknownMessage();
    st.messages.delete(msg.id);
    const channel = st.channels.get(msg.channel_id);
    st.dispatch('MESSAGE_DELETE', { id: msg.id, channel_id: msg.channel_id, ...(channel?.guild_id ? { guild_id: channel.guild_id } : {}) });
    return noContent;
  });
  on('POST', '/channels/:channel/typing', (c) => (channelOr404(c.params.channel) ? noContent : unknownChannel()));

  /* ---------- threads and DMs ---------- */
  const startThread = (parent: ChannelObject, id: string, body: any, type: number): Reply => {
    if (parent.type !== ChannelKind.GuildText) return fail(400, 50024, 'Cannot execute action on this channel type');
    const thread = channelObject({ id, type, name: body.name, parent_id: parent.id }, parent.guild_id!, st.bot.id, st.now());
    thread.thread_metadata.auto_archive_duration = body.auto_archive_duration ?? 4320;
    thread.member = { id, user_id: st.bot.id, join_timestamp: st.now().toISOString(), flags: 0 };
    st.channels.set(id, thread);
    st.dispatch('THREAD_CREATE', { ...thread, newly_created: true });
    return ok(clone(thread), 201);
  };
  on('POST', '/channels/:channel/messages/:message/threads', (c) => {
    const parent = channelOr404(c.params.channel);
    if (!parent) return unknownChannel();
    const msg = st.messages.get(c.params.message);
    if (!msg || msg.channel_id !== parent.id) return unknownMessage();
    if (st.channels.has(msg.id)) return fail(400, 160004, 'A thread has already been created for this message');
    const reply = startThread(parent, msg.id, c.body, ChannelKind.PublicThread); // a message's thread has the message's id
    if (reply.status === 201) {
      msg.flags |= MessageFlag.HasThread;
      msg.thread = reply.body;
    }
    return reply;
  });
  on('POST', '/channels/:channel/threads', (c) => {
    const parent = channelOr404(c.params.channel);
    return parent ? startThread(parent, st.snowflake(), c.body, c.body.type ?? ChannelKind.PrivateThread) : unknownChannel();
  });
  on('PUT', '/channels/:channel/thread-members/@me', (c) => (channelOr404(c.params.channel) ? noContent : unknownChannel()));
  on('POST', '/users/@me/channels', (c) => {
    const user = st.users.get(c.body?.recipient_id);
    return user ? ok(clone(ensureDmChannel(st, user))) : fail(400, 50033, 'Invalid Recipient(s)');
  });
  on('GET', '/guilds/:guild/members/:user', (c) => {
    const user = st.users.get(c.params.user);
    const guild = st.guilds.find((g) => g.id === c.params.guild);
    if (!guild) return fail(404, 10004, 'Unknown Guild');
    return user ? ok(memberObject(user)) : fail(404, 10007, 'Unknown Member');
  });

  /* ---------- interactions ---------- */
  const interactionMessageExtra = (itx: InteractionState, flags: number): Partial<MessageObject> => ({
    type: itx.type === 2 ? 20 : 0, flags, webhook_id: st.applicationId, application_id: st.applicationId,
    interaction_metadata: {
      id: itx.id, type: itx.type, user: userObject(itx.user),
      authorizing_integration_owners: itx.guildId ? { 0: itx.guildId } : { 1: itx.user.id },
      ...(itx.commandName ? { name: itx.commandName, command_type: 1 } : {}),
    },
    interaction: { id: itx.id, type: itx.type, name: itx.commandName ?? '', user: userObject(itx.user) },
  });

  on('POST', '/interactions/:id/:token/callback', (c) => {
    const itx = st.interactions.get(c.params.token);
    if (!itx || itx.id !== c.params.id) return fail(404, 10062, 'Unknown interaction');
    if (itx.acknowledgedWith !== undefined) return fail(400, 40060, 'Interaction has already been acknowledged.');
    if (Date.now() - itx.createdAt > st.ackTimeoutMs) return fail(404, 10062, 'Unknown interaction'); // the 3-second window passed
    const type = c.body?.type;
    if (!CALLBACKS_FOR[itx.type]?.includes(type)) {
      return fail(400, 50035, 'Invalid Form Body', { type: { _errors: [{ code: 'INTERACTION_CALLBACK_TYPE_INVALID', message: `Callback type ${type} is not valid for interaction type ${itx.type}` }] } });
    }
    const data = c.body.data ?? {};
    const channel = st.channels.get(itx.channelId)!;
    const ephemeral = ((data.flags ?? 0) & MessageFlag.Ephemeral) !== 0;
    let message: MessageObject | undefined;
    if (type === 4 || type === 5) {
      const flags = (ephemeral ? MessageFlag.Ephemeral : 0) | (type === 5 ? MessageFlag.Loading : 0);
      message = createBotMessage(channel, c, type === 4 ? data : {}, interactionMessageExtra(itx, flags));
      Object.assign(itx, { originalId: message.id, loading: type === 5, ephemeral });
      itx.messageIds.push(message.id);
    } else if (type === 6 || type === 7) {
      itx.originalId = itx.componentMessageId;
      const target = itx.originalId ? st.messages.get(itx.originalId) : undefined;
      if (type === 7 && target) message = editMessage(target, c, data);
    } else if (type === 8) {
      itx.autocompleteChoices = data.choices;
    }
    itx.acknowledgedWith = type;
    if (c.query.with_response !== 'true') return noContent;
    return ok({
      interaction: {
        id: itx.id, type: itx.type, response_message_id: message?.id, response_message_loading: type === 5,
        response_message_ephemeral: ephemeral,
      },
      resource: { type, ...(message ? { message: clone(message) } : {}) },
    });
  });

  /** The interaction behind a webhook route, or the error Discord gives. */
  const webhookInteraction = (c: Ctx): InteractionState | Reply => {
    const itx = st.interactions.get(c.params.token);
    if (c.params.app !== st.applicationId || !itx) return fail(404, 10015, 'Unknown Webhook');
    return itx;
  };
  const webhookMessage = (c: Ctx, itx: InteractionState): MessageObject | undefined => {
    const id = c.params.message === '@original' ? itx.originalId : c.params.message;
    return id && (id === itx.originalId || itx.messageIds.includes(id)) ? st.messages.get(id) : undefined;
  };

  on('POST', '/webhooks/:app/:token', (c) => {
    const itx = webhookInteraction(c);
    if ('status' in itx) return itx;
    if (itx.acknowledgedWith === undefined) return fail(404, 10015, 'Unknown Webhook');
    let msg: MessageObject;
    const original = itx.originalId ? st.messages.get(itx.originalId) : undefined;
    if (itx.loading && original) {
      msg = editMessage(original, c, c.body); // the first follow-up after a defer replaces the "thinking…" message
      itx.loading = false;
    } else {
      const flags = (c.body.flags ?? 0) & MessageFlag.Ephemeral;
      msg = createBotMessage(st.channels.get(itx.channelId)!, c, c.body, interactionMessageExtra(itx, flags));
      itx.messageIds.push(msg.id);
    }
    return c.query.wait === 'true' ? ok(clone(msg)) : noContent;
  });
  on('GET', '/webhooks/:app/:token/messages/:message', (c) => {
    const itx = webhookInteraction(c);
    if ('status' in itx) return itx;
    const msg = webhookMessage(c, itx);
    return msg ? ok(clone(msg)) : unknownMessage();
  });
  on('PATCH', '/webhooks/:app/:token/messages/:message', (c) => {
    const itx = webhookInteraction(c);
    if ('status' in itx) return itx;
    const msg = webhookMessage(c, itx);
    if (!msg) return unknownMessage();
    if (msg.id === itx.originalId) itx.loading = false;
    return ok(clone(editMessage(msg, c, c.body)));
  });
  on('DELETE', '/webhooks/:app/:token/messages/:message', (c) => {
    const itx = webhookInteraction(c);
    if ('status' in itx) return itx;
    const msg = webhookMessage(c, itx);
    if (!msg) return unknownMessage();
    st.messages.delete(msg.id);
    if (!(msg.flags & MessageFlag.Ephemeral)) st.dispatch('MESSAGE_DELETE', { id: msg.id, channel_id: msg.channel_id });
    return noContent;
  });

  /* ---------- the listener ---------- */
  function answer(method: string, path: string, query: Record<string, string>, headers: Record<string, string>, body: any, files: RecordedRequest['files']): Reply & { injected?: boolean; unknownRoute?: boolean } {
    const injected = st.failRoutes.find((f) => f.times > 0 && (f.method === '*' || f.method.toUpperCase() === method) && f.path.test(path));
    if (injected) {
      injected.times--;
      if (injected.status === 429) {
        const retryAfter = injected.retryAfter ?? 0.05;
        return {
          status: 429, injected: true,
          headers: { 'retry-after': String(retryAfter), 'x-ratelimit-scope': 'user' },
          body: { message: 'You are being rate limited.', retry_after: retryAfter, global: false },
        };
      }
      return { status: injected.status, injected: true, body: { message: `${injected.status}: injected failure`, code: 0 } };
    }
    const isPublic = /^\/(interactions|webhooks)\//.test(path);
    const auth = headers.authorization ?? '';
    if (!isPublic && (!auth.startsWith('Bot ') || (st.token !== undefined && auth !== `Bot ${st.token}`))) {
      return fail(401, 0, '401: Unauthorized');
    }
    for (const route of routes) {
      const match = route.method === method ? route.regex.exec(path) : null;
      if (!match) continue;
      const params = Object.fromEntries(route.names.map((n, i) => [n, match[i + 1]]));
      const problems = body === undefined ? [] : checkLimits(method, path, body);
      if (problems.length) {
        return fail(400, 50035, 'Invalid Form Body', { _errors: problems.map((message) => ({ code: 'FAKE_DISCORD_LIMIT', message })) });
      }
      return route.handler({ method, path, params, query, body: body ?? {}, files });
    }
    return { ...fail(404, 0, '404: Not Found'), unknownRoute: true };
  }

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const at = Date.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.replace(/^\/api(\/v\d+)?/, '').split('/').map(decodeURIComponent).join('/');
    const method = (req.method ?? 'GET').toUpperCase();
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v ?? '']));
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    let body: any;
    const files: RecordedRequest['files'] = [];
    const type = headers['content-type'] ?? '';
    try {
      if (raw.length && type.startsWith('multipart/form-data')) {
        const form = await new Request('http://x', { method: 'POST', headers: { 'content-type': type }, body: raw }).formData();
        for (const [field, value] of form) {
          if (typeof value === 'string') {
            if (field === 'payload_json') body = JSON.parse(value);
          } else {
            files.push({ field, filename: value.name, size: value.size, contentType: value.type });
          }
        }
      } else if (raw.length) {
        body = JSON.parse(raw.toString('utf8'));
      }
    } catch {
      const reply = fail(400, 50109, 'The request body contains invalid JSON.');
      send(res, reply);
      record({ method, path, url: req.url ?? '', query: {}, body: raw.toString('utf8'), headers, at, status: 400, response: reply.body, files });
      return;
    }
    const query = Object.fromEntries(url.searchParams);
    const reply = answer(method, path, query, headers, body, files);
    const slow = st.slowRoutes.find((f) => (f.method === '*' || f.method.toUpperCase() === method) && f.path.test(path));
    if (slow) await new Promise((resolve) => setTimeout(resolve, slow.delayMs));
    const text = send(res, reply);
    record({
      method, path, url: req.url ?? '', query, body, headers, at, status: reply.status, response: text ? JSON.parse(text) : undefined, files,
      ...(reply.injected ? { injected: true } : {}), ...(reply.unknownRoute ? { unknownRoute: true } : {}),
    });
  };
}

/** Write the reply; returns the JSON text sent ('' for none). */
function send(res: ServerResponse, reply: Reply): string {
  const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    ...(text ? { 'content-type': 'application/json' } : {}),
    'content-length': Buffer.byteLength(text).toString(),
    ...reply.headers,
  });
  res.end(text);
  return text;
}
