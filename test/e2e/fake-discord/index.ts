/**
 * A fake Discord on 127.0.0.1 — REST (`/api/v10`) and WebSocket gateway on one port — that the
 * real discord.js 14 client talks to, for end-to-end tests. Tests play the users
 * (`sendMessage`, `sendInteraction`), then inspect what the bot sent (`requests`, `messages`)
 * and check it against Discord's OpenAPI description and limits (`validateAll`).
 *
 * @example
 * const fake = await startFakeDiscord();
 * const client = new Client({ intents: [...], partials: [Partials.Channel], rest: { api: fake.restUrl } });
 * await client.login('any-token');
 * await fake.sendMessage({ content: 'What did he say?', mentionBot: true });
 * const reply = await fake.waitForRequest((r) => r.method === 'POST' && r.path.endsWith('/messages'));
 * expect(fake.validateAll()).toEqual([]);
 * await client.destroy(); await fake.close();
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGateway, type GatewayLogEntry } from './gateway.js';
import { createRestHandler } from './rest.js';
import { validateRequests } from './validate.js';
import {
  MEMBER_PERMISSIONS, PERMISSIONS, channelObject, computeMentions, createSnowflakes, ensureDmChannel,
  gatewayMessage, guildCreatePayload, memberObject, messageObject, userObject,
  type ChannelObject, type FakeChannel, type FakeGuild, type FakeState, type FakeUser, type InteractionState,
  type RecordedRequest,
} from './model.js';

export type { RecordedRequest, FakeUser, FakeChannel, FakeGuild, InteractionState, GatewayLogEntry };
export { specAvailable, specPath, checkLimits, checkAllowedMentions, validateRequests } from './validate.js';
export { PERMISSIONS, MEMBER_PERMISSIONS } from './model.js';

/** The user who speaks when a test gives no author. */
export const DEFAULT_USER: FakeUser = { id: '400000000000000001', username: 'alice' };
export const DEFAULT_GUILD_ID = '200000000000000001';
export const DEFAULT_CHANNEL_ID = '300000000000000001';

export interface FakeDiscordOptions {
  /** Default '100000000000000001'. */
  applicationId?: string;
  /** Default: id = applicationId, username 'Verbatim'. */
  botUser?: { id: string; username: string };
  /** Default: guild '200000000000000001' with text channel '300000000000000001' (#general). */
  guilds?: FakeGuild[];
  /** Answer matching requests with `status` the next `times` times (429 carries Retry-After: `retryAfter` s, default 0.05). `method` '*' = any. */
  failRoutes?: { method: string; path: RegExp; status: number; times: number; retryAfter?: number }[];
  /** Answer matching requests only after `delayMs` (a slow API: the request is recorded when it arrives, answered later). */
  slowRoutes?: { method: string; path: RegExp; delayMs: number }[];
  /** When set, REST `Authorization: Bot <token>` and gateway IDENTIFY must carry it. */
  token?: string;
  /** Milliseconds an interaction may wait for its first callback (Discord: 3000). */
  ackTimeoutMs?: number;
  /** HELLO's heartbeat interval (Discord: 41250). */
  heartbeatIntervalMs?: number;
  /** What GET /gateway/bot recommends (default 1). */
  recommendedShards?: number;
}

export interface FakeDiscord {
  /** `http://127.0.0.1:PORT/api` — pass as `new Client({ rest: { api: restUrl } })` (discord.js appends /v10). */
  restUrl: string;
  /** `ws://127.0.0.1:PORT` — what GET /gateway/bot answers. */
  gatewayUrl: string;
  applicationId: string;
  botUser: { id: string; username: string };
  /** Every REST request, in arrival order of their answers. */
  requests: RecordedRequest[];
  /** Gateway frames in both directions (op, t, s). */
  gatewayLog: GatewayLogEntry[];
  /** Dispatch MESSAGE_CREATE as if a user posted; returns the message object (gateway form). */
  sendMessage(opts: {
    channelId?: string; dm?: boolean; content: string; author?: FakeUser; mentionBot?: boolean;
    /** Id of the message replied to (normally the bot's); the reply pings its author unless replyPing is false. */
    replyTo?: string; replyPing?: boolean; guildId?: string;
  }): Promise<any>;
  /**
   * Dispatch INTERACTION_CREATE: type 2 slash command (`data: {name, options}`), 3 button
   * (`data: {custom_id}`, `message`: a bot message id or object, default the channel's last bot
   * message), 4 autocomplete, 5 modal submit. Guild commands registered with
   * `default_member_permissions` are refused (throws) for members lacking them, as Discord does.
   */
  sendInteraction(opts: {
    type: 2 | 3 | 4 | 5; data: any; channelId?: string; user?: FakeUser; guildId?: string | null;
    /** member.permissions (string bit set); default MEMBER_PERMISSIONS (no admin). */
    memberPermissions?: string;
    /** app_permissions, the bot's permissions in the channel; default MEMBER_PERMISSIONS. */
    appPermissions?: string;
    message?: any;
    /** Deliver even when Discord would refuse for lacking default_member_permissions (to test a bot's own second check). */
    skipPermissionCheck?: boolean;
  }): Promise<{ id: string; token: string }>;
  /** What the fake remembers about an interaction (ack type, original id, autocomplete choices), by token or id. */
  interaction(tokenOrId: string): InteractionState | undefined;
  /**
   * Messages the bot created (channel messages, interaction replies and follow-ups, ephemeral ones
   * included with flags 64), in creation order, as Discord stores them: edits applied, deleted ones
   * gone, `mentions`/`mention_everyone` computed from `allowed_mentions`.
   */
  messages(channelId?: string): any[];
  /** Commands registered through PUT/POST, per scope (a guild id, or global when omitted). */
  commands(guildId?: string): any[];
  /** Resolve with the first recorded request matching `pred` (already recorded ones first). */
  waitForRequest(pred: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** Problems in every recorded request (unknown routes, refused requests, limits, allowed_mentions, OpenAPI schema). */
  validateAll(): string[];
  /** Add a channel or thread to a guild and dispatch CHANNEL_CREATE / THREAD_CREATE. */
  addChannel(guildId: string, channel: FakeChannel & { owner_id?: string }): any;
  /** Send any gateway dispatch to every session. */
  dispatch(t: string, d: unknown): void;
  /** Close gateway connections with `code` (default 4000: discord.js resumes; 1000: it identifies anew; 1006: drop). */
  disconnectGateway(code?: number): void;
  /** Send op 7 Reconnect. */
  requestReconnect(): void;
  close(): Promise<void>;
}

/** Start the fake on a free port of 127.0.0.1. */
export async function startFakeDiscord(opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const applicationId = opts.applicationId ?? '100000000000000001';
  const bot: FakeUser = { ...(opts.botUser ?? { id: applicationId, username: 'Verbatim' }), bot: true };
  const guilds = opts.guilds ?? [{ id: DEFAULT_GUILD_ID, name: 'Fake Guild', channels: [{ id: DEFAULT_CHANNEL_ID, name: 'general' }] }];
  const startedAt = new Date();
  const requests: RecordedRequest[] = [];
  const waiters = new Set<{ pred: (r: RecordedRequest) => boolean; done: (r?: RecordedRequest, e?: Error) => void }>();

  const st: FakeState = {
    applicationId, bot, token: opts.token, guilds,
    snowflake: createSnowflakes(), now: () => new Date(),
    channels: new Map(), messages: new Map(), users: new Map([[bot.id, bot]]), interactions: new Map(),
    commands: new Map(), failRoutes: (opts.failRoutes ?? []).map((f) => ({ ...f })), slowRoutes: opts.slowRoutes ?? [],
    ackTimeoutMs: opts.ackTimeoutMs ?? 3000, restUrl: '', gatewayUrl: '', recommendedShards: opts.recommendedShards ?? 1,
    dispatch: (t, d) => gateway.dispatch(t, d),
  };
  for (const g of guilds) for (const c of g.channels) st.channels.set(c.id, channelObject(c, g.id, DEFAULT_USER.id, startedAt));

  const gateway = createGateway({
    botId: bot.id, token: opts.token, heartbeatIntervalMs: opts.heartbeatIntervalMs ?? 41250, url: () => st.gatewayUrl,
    readyPayload: () => ({
      v: 10, user: { ...userObject(bot), verified: true, mfa_enabled: false, flags: 0, email: null },
      user_settings: {}, guilds: guilds.map((g) => ({ id: g.id, unavailable: true })), private_channels: [],
      relationships: [], presences: [], guild_join_requests: [], geo_ordered_rtc_regions: [],
      session_type: 'normal', shard: [0, 1], application: { id: applicationId, flags: 0 }, auth: {},
    }),
    guildCreates: () => guilds.map((g) => guildCreatePayload(
      g, [...st.channels.values()].filter((c) => c.guild_id === g.id), bot, startedAt.toISOString())),
  });

  const record = (r: RecordedRequest) => {
    requests.push(r);
    for (const w of waiters) if (w.pred(r)) w.done(r);
  };
  const handleRest = createRestHandler(st, record);
  const server = http.createServer((req, res) => void handleRest(req, res));
  server.on('upgrade', gateway.handleUpgrade);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  st.restUrl = `http://127.0.0.1:${port}/api`;
  st.gatewayUrl = `ws://127.0.0.1:${port}`;

  const clone = <T>(v: T): T => structuredClone(v);
  const remember = (u: FakeUser) => { st.users.set(u.id, u); return u; };
  const channelOrThrow = (id: string): ChannelObject => {
    const channel = st.channels.get(id);
    if (!channel) throw new Error(`fake Discord: unknown channel ${id} (known: ${[...st.channels.keys()].join(', ')})`);
    return channel;
  };
  const findCommand = (name: string, guildId: string | null) =>
    [...(guildId ? st.commands.get(guildId) ?? [] : []), ...(st.commands.get('global') ?? [])].find((c) => c.name === name);

  return {
    restUrl: st.restUrl, gatewayUrl: st.gatewayUrl, applicationId, botUser: { id: bot.id, username: bot.username },
    requests, gatewayLog: gateway.log,

    async sendMessage(o) {
      await gateway.waitForSession();
      const author = remember(o.author ?? DEFAULT_USER);
      const channel = o.dm ? ensureDmChannel(st, author) : channelOrThrow(o.channelId ?? DEFAULT_CHANNEL_ID);
      if (o.guildId !== undefined && channel.guild_id !== o.guildId) {
        throw new Error(`fake Discord: channel ${channel.id} is not in guild ${o.guildId}`);
      }
      const msg = messageObject(st.snowflake(), channel, author, st.now());
      msg.content = o.mentionBot ? `<@${bot.id}> ${o.content}` : o.content;
      let repliedTo: FakeUser | undefined;
      if (o.replyTo) {
        const target = st.messages.get(o.replyTo);
        if (!target) throw new Error(`fake Discord: cannot reply to unknown message ${o.replyTo}`);
        repliedTo = { id: target.author.id, username: target.author.username, bot: target.author.bot };
        Object.assign(msg, {
          type: 19, referenced_message: clone(target),
          message_reference: { type: 0, message_id: target.id, channel_id: channel.id, ...(channel.guild_id ? { guild_id: channel.guild_id } : {}) },
        });
      }
      // A user's Discord client pings everything it mentions; a reply pings its author unless turned off.
      const allowed = o.replyPing === false ? { parse: ['users', 'roles', 'everyone'], replied_user: false } : null;
      Object.assign(msg, computeMentions(msg.content, allowed, st.users, repliedTo));
      st.messages.set(msg.id, msg);
      channel.last_message_id = msg.id;
      const event = gatewayMessage(st, msg);
      gateway.dispatch('MESSAGE_CREATE', event);
      return clone(event);
    },

    async sendInteraction(o) {
      await gateway.waitForSession();
      const user = remember(o.user ?? DEFAULT_USER);
      let message = typeof o.message === 'string' ? st.messages.get(o.message) : o.message;
      if (message?.id && st.messages.has(message.id)) message = st.messages.get(message.id);
      const channel = o.channelId ? channelOrThrow(o.channelId)
        : message ? channelOrThrow(message.channel_id)
          : o.guildId === null ? ensureDmChannel(st, user) : channelOrThrow(DEFAULT_CHANNEL_ID);
      const guildId = o.guildId === undefined ? channel.guild_id ?? null : o.guildId;
      const data = { ...o.data };
      if (o.type === 3) {
        message ??= [...st.messages.values()].reverse().find((m) => m.channel_id === channel.id && m.author.id === bot.id && m.components?.length);
        if (!message) throw new Error('fake Discord: a component interaction needs `message` (no bot message with components in that channel)');
        data.component_type ??= 2;
      }
      const permissions = o.memberPermissions ?? MEMBER_PERMISSIONS;
      if (o.type === 2 || o.type === 4) {
        const cmd = findCommand(data.name, guildId);
        data.type ??= 1;
        data.id ??= cmd?.id ?? st.snowflake();
        if (cmd?.guild_id) data.guild_id = cmd.guild_id;
        const required = cmd?.default_member_permissions;
        const perms = BigInt(permissions);
        if (!o.skipPermissionCheck && guildId && required != null && (perms & PERMISSIONS.ADMINISTRATOR) === 0n && (perms & BigInt(required)) !== BigInt(required)) {
          throw new Error(`fake Discord: Discord would not deliver /${data.name} — it needs default_member_permissions ${required}, the member has ${permissions}`);
        }
      }
      const id = st.snowflake();
      const token = `itx-${id}-${Math.random().toString(36).slice(2)}`;
      const state: InteractionState = {
        id, token, type: o.type, channelId: channel.id, guildId, user, createdAt: Date.now(), loading: false,
        ephemeral: false, messageIds: [], commandName: o.type === 2 ? data.name : undefined, componentMessageId: message?.id,
      };
      st.interactions.set(token, state);
      gateway.dispatch('INTERACTION_CREATE', {
        id, application_id: applicationId, type: o.type, data, token, version: 1,
        channel_id: channel.id, channel: clone(channel),
        ...(guildId
          ? { guild_id: guildId, guild: { id: guildId, locale: 'en-US', features: [] }, guild_locale: 'en-US', member: { ...memberObject(user), permissions } }
          : { user: userObject(user) }),
        ...(message ? { message: clone(message) } : {}),
        app_permissions: o.appPermissions ?? MEMBER_PERMISSIONS, locale: 'en-US', entitlements: [],
        authorizing_integration_owners: guildId ? { 0: guildId } : { 0: '0' }, context: guildId ? 0 : 1,
        attachment_size_limit: 10 * 1024 * 1024,
      });
      return { id, token };
    },

    interaction: (key) => st.interactions.get(key) ?? [...st.interactions.values()].find((i) => i.id === key),
    messages: (channelId) => clone([...st.messages.values()].filter((m) => m.author.id === bot.id && (!channelId || m.channel_id === channelId))),
    commands: (guildId) => clone(st.commands.get(guildId ?? 'global') ?? []),

    waitForRequest(pred, timeoutMs = 5000) {
      const found = requests.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = {
          pred,
          done: (r?: RecordedRequest, e?: Error) => {
            clearTimeout(timer);
            waiters.delete(waiter);
            if (r) resolve(r); else reject(e);
          },
        };
        const timer = setTimeout(() => waiter.done(undefined, new Error(
          `fake Discord: no matching request within ${timeoutMs} ms; last requests: ${requests.slice(-8).map((r) => `${r.method} ${r.path} → ${r.status}`).join('; ') || 'none'}`,
        )), timeoutMs);
        waiters.add(waiter);
      });
    },

    validateAll: () => validateRequests(requests),

    addChannel(guildId, c) {
      const channel = channelObject(c, guildId, c.owner_id ?? DEFAULT_USER.id, st.now());
      st.channels.set(channel.id, channel);
      const isThread = channel.type === 11 || channel.type === 12;
      gateway.dispatch(isThread ? 'THREAD_CREATE' : 'CHANNEL_CREATE', { ...channel, ...(isThread ? { newly_created: true } : {}) });
      return clone(channel);
    },
    dispatch: (t, d) => gateway.dispatch(t, d),
    disconnectGateway: (code) => gateway.disconnect(code),
    requestReconnect: () => gateway.requestReconnect(),

    async close() {
      for (const w of waiters) w.done(undefined, new Error('fake Discord closed'));
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
