/**
 * The fake Discord's data: snowflakes, Discord-shaped objects (users, members, channels,
 * guilds, messages) and the in-memory store shared by the REST side and the gateway side.
 *
 * Objects follow the shapes Discord sends (API v10), with the fields discord.js 14 reads.
 */

/** Discord's epoch (2015-01-01T00:00:00Z) in milliseconds. */
const DISCORD_EPOCH = 1420070400000n;

/**
 * Make a snowflake generator: ids whose timestamp part is the clock's time, so
 * `SnowflakeUtil.timestampFrom(id)` in discord.js gives a sensible creation date.
 * @example const next = createSnowflakes(); next(); // '1290000000000000000'
 */
export function createSnowflakes(now: () => number = Date.now): () => string {
  let increment = 0n;
  return () => {
    increment = (increment + 1n) & 0xfffn;
    return (((BigInt(now()) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
  };
}

/** Permission bits the fake uses (https://discord.com/developers/docs/topics/permissions). */
export const PERMISSIONS = {
  ADMINISTRATOR: 1n << 3n,
  ADD_REACTIONS: 1n << 6n,
  VIEW_CHANNEL: 1n << 10n,
  SEND_MESSAGES: 1n << 11n,
  MANAGE_MESSAGES: 1n << 13n,
  EMBED_LINKS: 1n << 14n,
  ATTACH_FILES: 1n << 15n,
  READ_MESSAGE_HISTORY: 1n << 16n,
  MANAGE_GUILD: 1n << 5n,
  USE_APPLICATION_COMMANDS: 1n << 31n,
  CREATE_PUBLIC_THREADS: 1n << 35n,
  SEND_MESSAGES_IN_THREADS: 1n << 38n,
} as const;

/** What an ordinary member (and the bot) may do: read, write, embed, use commands, make threads. */
export const MEMBER_PERMISSIONS = (
  PERMISSIONS.ADD_REACTIONS | PERMISSIONS.VIEW_CHANNEL | PERMISSIONS.SEND_MESSAGES | PERMISSIONS.EMBED_LINKS |
  PERMISSIONS.ATTACH_FILES | PERMISSIONS.READ_MESSAGE_HISTORY | PERMISSIONS.USE_APPLICATION_COMMANDS |
  PERMISSIONS.CREATE_PUBLIC_THREADS | PERMISSIONS.SEND_MESSAGES_IN_THREADS
).toString();

/** Channel types used here (https://discord.com/developers/docs/resources/channel#channel-object-channel-types). */
export const ChannelKind = { GuildText: 0, DM: 1, PublicThread: 11, PrivateThread: 12 } as const;

/** Message flags the fake interprets. */
export const MessageFlag = { SuppressEmbeds: 4, HasThread: 32, Ephemeral: 64, Loading: 128, SuppressNotifications: 4096 } as const;

export interface FakeUser { id: string; username: string; bot?: boolean }
export interface FakeChannel { id: string; type?: number; name?: string; parent_id?: string }
export interface FakeGuild { id: string; name?: string; channels: FakeChannel[]; roles?: unknown[] }

/** A user as Discord sends it (`discriminator: '0'` = the post-2023 username system). */
export function userObject(u: FakeUser): Record<string, unknown> {
  return {
    id: u.id, username: u.username, discriminator: '0', global_name: u.bot ? null : u.username,
    avatar: null, public_flags: 0, ...(u.bot ? { bot: true } : {}),
  };
}

/** A guild member; `user` is omitted inside MESSAGE_CREATE (Discord sends it beside `author`). */
export function memberObject(user?: FakeUser, joinedAt = new Date(0).toISOString()): Record<string, unknown> {
  return {
    ...(user ? { user: userObject(user) } : {}),
    roles: [], nick: null, avatar: null, joined_at: joinedAt, premium_since: null,
    deaf: false, mute: false, flags: 0, pending: false, communication_disabled_until: null,
  };
}

/** A stored channel: the Discord channel object (guild text, thread or DM). */
export type ChannelObject = Record<string, any> & { id: string; type: number; guild_id?: string };

/** Build a guild channel or thread object from the short test description. */
export function channelObject(c: FakeChannel, guildId: string, ownerId: string, now: Date): ChannelObject {
  const type = c.type ?? ChannelKind.GuildText;
  const base = {
    id: c.id, type, guild_id: guildId, name: c.name ?? `channel-${c.id.slice(-4)}`,
    parent_id: c.parent_id ?? null, last_message_id: null, rate_limit_per_user: 0, flags: 0,
  };
  if (type === ChannelKind.PublicThread || type === ChannelKind.PrivateThread) {
    return {
      ...base, owner_id: ownerId, message_count: 0, member_count: 1, total_message_sent: 0,
      thread_metadata: {
        archived: false, auto_archive_duration: 1440, archive_timestamp: now.toISOString(),
        locked: false, create_timestamp: now.toISOString(),
      },
    };
  }
  return { ...base, position: 0, permission_overwrites: [], topic: null, nsfw: false };
}

/** A DM channel between the bot and `user`. */
export function dmChannelObject(id: string, user: FakeUser): ChannelObject {
  return { id, type: ChannelKind.DM, recipients: [userObject(user)], last_message_id: null, flags: 0 };
}

/** The GUILD_CREATE payload discord.js needs to cache a guild, its channels, threads and the bot member. */
export function guildCreatePayload(
  guild: FakeGuild, channels: ChannelObject[], bot: FakeUser, joinedAt: string,
): Record<string, unknown> {
  const strip = ({ guild_id: _g, ...rest }: ChannelObject) => rest;
  const isThread = (c: ChannelObject) => c.type === ChannelKind.PublicThread || c.type === ChannelKind.PrivateThread;
  const everyone = {
    id: guild.id, name: '@everyone', permissions: MEMBER_PERMISSIONS, position: 0, color: 0,
    hoist: false, managed: false, mentionable: false, flags: 0, icon: null, unicode_emoji: null,
  };
  return {
    id: guild.id, name: guild.name ?? 'Fake Guild', icon: null, splash: null, banner: null, description: null,
    owner_id: '1', afk_channel_id: null, afk_timeout: 300, verification_level: 0,
    default_message_notifications: 0, explicit_content_filter: 0, mfa_level: 0, nsfw_level: 0,
    premium_tier: 0, premium_subscription_count: 0, premium_progress_bar_enabled: false,
    system_channel_id: null, system_channel_flags: 0, rules_channel_id: null, public_updates_channel_id: null,
    preferred_locale: 'en-US', features: [], application_id: null, vanity_url_code: null,
    roles: guild.roles ?? [everyone], emojis: [], stickers: [],
    joined_at: joinedAt, large: false, unavailable: false, member_count: 2,
    members: [memberObject(bot, joinedAt)], voice_states: [], presences: [], stage_instances: [],
    guild_scheduled_events: [], soundboard_sounds: [],
    channels: channels.filter((c) => !isThread(c)).map(strip),
    threads: channels.filter(isThread),
  };
}

/** The ids and users a message's content would ping, given `allowed_mentions` (absent = Discord's default: parse all). */
export function computeMentions(
  content: string, allowed: any, users: Map<string, FakeUser>, repliedTo?: FakeUser,
): { mentions: unknown[]; mention_roles: string[]; mention_everyone: boolean } {
  const parse: string[] = allowed == null ? ['users', 'roles', 'everyone'] : (allowed.parse ?? []);
  const ids = [...content.matchAll(/<@!?(\d{15,21})>/g)].map((m) => m[1]);
  const pinged = ids.filter((id) => parse.includes('users') || (allowed?.users ?? []).includes(id));
  if (repliedTo && (allowed == null || allowed.replied_user === true)) pinged.push(repliedTo.id);
  const roleIds = [...content.matchAll(/<@&(\d{15,21})>/g)].map((m) => m[1]);
  return {
    mentions: [...new Set(pinged)].map((id) => userObject(users.get(id) ?? { id, username: `user${id.slice(-4)}` })),
    mention_roles: roleIds.filter((id) => parse.includes('roles') || (allowed?.roles ?? []).includes(id)),
    mention_everyone: /@(everyone|here)\b/.test(content) && parse.includes('everyone'),
  };
}

/** A stored message: the Discord message object, plus a hidden note of whose it is. */
export type MessageObject = Record<string, any> & { id: string; channel_id: string; author: any };

/** A fresh message object with every field Discord sends; callers fill content and the rest. */
export function messageObject(id: string, channel: ChannelObject, author: FakeUser, now: Date): MessageObject {
  return {
    id, type: 0, channel_id: channel.id, author: userObject(author), content: '', timestamp: now.toISOString(),
    edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [],
    attachments: [], embeds: [], components: [], pinned: false, flags: 0,
  };
}

/** What `applyMessageBody` needs besides the body. */
export interface ApplyContext {
  users: Map<string, FakeUser>;
  snowflake(): string;
  /** The author of the message replied to (pinged unless allowed_mentions says otherwise). */
  repliedTo?: FakeUser;
  /** Files uploaded with the body (multipart), by form field `files[n]`. */
  files?: { field: string; filename: string; size: number; contentType: string }[];
}

/**
 * Apply a create/edit body (content, embeds, components, flags, attachments) to a stored
 * message, as Discord stores it: embeds get `type: 'rich'`, uploads become attachments with
 * snowflake ids, kept attachments stay, absent fields stay unchanged.
 */
export function applyMessageBody(msg: MessageObject, body: any, ctx: ApplyContext): void {
  if (!body || typeof body !== 'object') return;
  if ('content' in body) msg.content = body.content ?? '';
  if ('embeds' in body) msg.embeds = (body.embeds ?? []).map((e: any) => ({ type: 'rich', ...e }));
  if ('components' in body) msg.components = body.components ?? [];
  const files = ctx.files ?? [];
  if (Array.isArray(body.attachments) || files.length) {
    const wanted: any[] = body.attachments ?? files.map((_, i) => ({ id: String(i) }));
    msg.attachments = wanted.flatMap((a) => {
      const kept = msg.attachments.find((old: any) => old.id === a.id);
      if (kept) return [kept];
      const file = files.find((f) => f.field === `files[${a.id}]`);
      if (!file) return [];
      const id = ctx.snowflake();
      const url = `https://cdn.discordapp.invalid/attachments/${msg.channel_id}/${id}/${file.filename}`;
      return [{ id, filename: a.filename ?? file.filename, size: file.size, content_type: file.contentType, url, proxy_url: url }];
    });
  }
  if (typeof body.flags === 'number') {
    const settable = MessageFlag.SuppressEmbeds | MessageFlag.SuppressNotifications;
    msg.flags = (msg.flags & ~settable) | (body.flags & settable);
  }
  if ('content' in body || 'allowed_mentions' in body) {
    Object.assign(msg, computeMentions(msg.content, body.allowed_mentions, ctx.users, ctx.repliedTo));
  }
}

/** One REST request the client made, as the fake received and answered it. */
export interface RecordedRequest {
  method: string;
  /** Decoded path without `/api/v10`, e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  /** The request target exactly as received, e.g. `/api/v10/channels/1/messages?x=1`. */
  url: string;
  query: Record<string, string>;
  /** Parsed JSON body, or the parsed `payload_json` part of a multipart body; undefined if none. */
  body: any;
  /** Request headers, lower-cased names. */
  headers: Record<string, string>;
  /** Arrival time (ms since epoch). */
  at: number;
  /** Status the fake answered. */
  status: number;
  /** JSON the fake answered (undefined for 204). */
  response?: any;
  /** Files of a multipart body. */
  files: { field: string; filename: string; size: number; contentType: string }[];
  /** True when the answer came from `failRoutes`, not from the route. */
  injected?: boolean;
  /** True when no route matched (answered 404 `{ code: 0 }`). */
  unknownRoute?: boolean;
}

/** What the fake remembers about one interaction it dispatched. */
export interface InteractionState {
  id: string;
  token: string;
  /** Interaction type: 2 command, 3 component, 4 autocomplete, 5 modal submit. */
  type: number;
  channelId: string;
  guildId: string | null;
  user: FakeUser;
  commandName?: string;
  /** The message carrying the clicked component (type 3). */
  componentMessageId?: string;
  createdAt: number;
  /** The callback type that acknowledged it, once acknowledged. */
  acknowledgedWith?: number;
  /** The id `@original` refers to. */
  originalId?: string;
  /** A deferred reply (type 5) not yet edited: the next follow-up replaces it, as on Discord. */
  loading: boolean;
  ephemeral: boolean;
  /** Original and follow-up message ids. */
  messageIds: string[];
  /** The last autocomplete result (callback type 8). */
  autocompleteChoices?: unknown[];
}

/** The state the REST side, the gateway side and the test helpers share. */
export interface FakeState {
  applicationId: string;
  bot: FakeUser;
  token?: string;
  snowflake(): string;
  now(): Date;
  guilds: FakeGuild[];
  channels: Map<string, ChannelObject>;
  /** Every message, bot's and users', by id (insertion order = creation order). */
  messages: Map<string, MessageObject>;
  /** Users seen (bot, authors, interaction users), for mentions and member look-ups. */
  users: Map<string, FakeUser>;
  /** Interactions by token. */
  interactions: Map<string, InteractionState>;
  /** Registered commands: key 'global' or a guild id. */
  commands: Map<string, any[]>;
  failRoutes: { method: string; path: RegExp; status: number; times: number; retryAfter?: number }[];
  slowRoutes: { method: string; path: RegExp; delayMs: number }[];
  /** A callback later than this after dispatch gets 404 Unknown interaction (Discord: 3 s). */
  ackTimeoutMs: number;
  restUrl: string;
  gatewayUrl: string;
  /** What GET /gateway/bot recommends. */
  recommendedShards: number;
  dispatch(t: string, d: unknown): void;
}

/** The DM channel between the bot and `user`, created on first use (Discord creates it silently: no CHANNEL_CREATE). */
export function ensureDmChannel(state: FakeState, user: FakeUser): ChannelObject {
  const existing = [...state.channels.values()].find((c) => c.type === ChannelKind.DM && c.recipients[0].id === user.id);
  if (existing) return existing;
  const channel = dmChannelObject(state.snowflake(), user);
  state.channels.set(channel.id, channel);
  return channel;
}

/** The gateway form of a message: adds `guild_id`, `member` and `channel_type`, as MESSAGE_CREATE carries them. */
export function gatewayMessage(state: FakeState, msg: MessageObject): Record<string, unknown> {
  const channel = state.channels.get(msg.channel_id);
  const guild = channel?.guild_id ? { guild_id: channel.guild_id, member: memberObject() } : {};
  return { ...msg, ...guild, channel_type: channel?.type };
}

/** Dispatch a bot message event unless the message is ephemeral (Discord sends those to nobody but the user). */
export function dispatchMessage(state: FakeState, t: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE', msg: MessageObject): void {
  if (msg.flags & MessageFlag.Ephemeral) return;
  state.dispatch(t, gatewayMessage(state, msg));
}
