/**
 * The Discord bot: a discord.js client wired to the engine. Thin glue — the
 * answers come from `Engine`, the rendering from `format.ts`.
 *
 * Intents: Guilds, GuildMessages, MessageContent (privileged: needed to read
 * the question in a mention), DirectMessages; partials Channel and Message
 * (DM channels arrive uncached). `allowedMentions: { parse: [] }` is the
 * client default and is set on every payload too. Slash commands are
 * registered by `npm run deploy-commands`, never here. Signal handling
 * belongs to the caller (`src/cli/start.ts`).
 *
 * Reliability: every channel message carries a `nonce` with `enforce_nonce`
 * (a retry after Discord applied it returns the same message, not a second
 * one), and a follow-up retried after Discord applied it is first looked for
 * in the channel (`follow-ups.ts`); `stop({ graceMs })` drains — new work is refused with a notice,
 * answers in progress may finish, the rest get a notice instead of
 * "thinking…", then it logs out; losing the credentials mid-session (REST
 * 401, or an unrecoverable gateway close such as 4004/4014) logs one line
 * naming the cause and calls `onFatal`, so the process can exit non-zero.
 *
 * @example
 * const bot = createBot({ config, engine, logger, onFatal: () => process.exit(78) });
 * await bot.start();           // resolves when the gateway says READY
 * process.on('SIGTERM', () => void bot.stop({ graceMs: 10_000 }));
 */
import { Client, DefaultRestOptions, Events, GatewayIntentBits, makeURLSearchParams, Partials, RESTEvents, Routes, type ClientOptions, type Interaction, type Message, type RESTOptions } from 'discord.js';
import type { Config } from '../config.js';
import type { Collections } from '../collections/collections.js';
import type { Engine } from '../engine-api.js';
import { UserError } from '../errors.js';
import type { Logger } from '../log.js';
import type { ConversationStore } from '../state/conversations.js';
import type { FeedbackStore } from '../state/feedback.js';
import type { Metrics } from '../ops/metrics.js';
import { handleMessage } from './chat.js';
import { commands as defaultCommands } from './commands/index.js';
import { createBotContext, type BotContext, type Command } from './context.js';
import { fatalFromGatewayClose, fatalFromRest, type BotFatal } from './fatal.js';
import { createFollowUpGuard } from './follow-ups.js';
import { handleInteraction, refuseWhileStopping } from './interactions.js';
import { interruptInteraction, interruptMessage } from './shutdown.js';

export interface Bot {
  client: Client;
  /** The handlers' shared state (conversations, rate limiter) — exposed for tests and admin tooling. */
  context: BotContext;
  start(): Promise<void>;
  /** Drain and log out: refuse new work, let answers in progress finish for up to `graceMs`, close the rest with a notice. */
  stop(options?: { graceMs?: number }): Promise<void>;
  /** Handlers still running. */
  inFlight(): number;
}

export interface CreateBotOptions {
  config: Config;
  engine: Engine;
  logger: Logger;
  clock?: () => number;
  commands?: ReadonlyMap<string, Command>;
  /** Per-server document collections (/docs); without them every server answers from `engine`. */
  collections?: Collections;
  /** Discord no longer accepts the bot's credentials (already logged, once): the caller should exit non-zero. */
  onFatal?: (fatal: BotFatal) => void;
  /** REST client overrides (tests: a shorter request timeout). */
  rest?: Partial<RESTOptions>;
  /** Conversation memory (default: in this process only). */
  conversations?: ConversationStore;
  feedback?: FeedbackStore;
  metrics?: Metrics;
}

/** discord.js client options for this bot (exported for tests). */
export function clientOptions(config: Pick<Config, 'DISCORD_API_URL'>, rest: Partial<RESTOptions> = {}): ClientOptions {
  const options: ClientOptions = {
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel, Partials.Message],
    allowedMentions: { parse: [] },
    // A nonce on every channel message, enforced: a retried create (5xx after Discord applied it) cannot post twice.
    enforceNonce: true,
  };
  if (config.DISCORD_API_URL || Object.keys(rest).length) options.rest = { ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}), ...rest };
  return options;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref?.());

/** Most time spent telling unfinished users about the shutdown. */
const NOTICE_BUDGET_MS = 3000;

export function createBot(opts: CreateBotOptions): Bot {
  const { config, engine } = opts;
  const logger = opts.logger.child({ component: 'discord' });
  const token = config.DISCORD_TOKEN;
  if (!token) throw new UserError('DISCORD_TOKEN is not set — put the bot token from the Discord developer portal in .env.');
  const ctx = createBotContext({ config, engine, logger, clock: opts.clock, conversations: opts.conversations, feedback: opts.feedback, metrics: opts.metrics, collections: opts.collections });
  const commands = opts.commands ?? defaultCommands;
  // Follow-ups carry no nonce: a retry after Discord applied one first looks for it in the channel (follow-ups.ts).
  const followUps = createFollowUpGuard({ onLookupError: (e) => logger.debug({ err: e }, 'could not look for an applied follow-up; retrying it') });
  const client = new Client(clientOptions(config, { ...opts.rest, makeRequest: followUps.wrap(opts.rest?.makeRequest ?? DefaultRestOptions.makeRequest) }));
  followUps.bind((channelId) => client.rest.get(Routes.channelMessages(channelId), { query: makeURLSearchParams({ limit: 50 }) }));

  /** Handlers running now, and how to close each one with a notice if the shutdown cannot wait for it. */
  const inflight = new Map<Promise<void>, () => Promise<void>>();
  const track = (work: Promise<void>, interrupt: () => Promise<void>) => {
    const done = work.finally(() => inflight.delete(done));
    inflight.set(done, interrupt);
  };
  let stopping = false;

  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    if (interaction.isRepliable()) followUps.track(interaction);
    if (stopping) {
      void refuseWhileStopping(interaction, ctx);
      return;
    }
    // Each server answers from its own document collection (DMs and servers without documents: the default corpus).
    const work = ctx.scope(interaction.guildId).then((scoped) => handleInteraction(interaction, scoped, commands)).catch((e: unknown) => logger.error({ err: e }, 'interaction handler crashed'));
    track(work, () => interruptInteraction(interaction, logger));
  });
  client.on(Events.MessageCreate, (message: Message) => {
    const work = ctx.scope(message.guildId).then((scoped) => handleMessage(message, scoped, { stopping })).catch((e: unknown) => logger.error({ err: e }, 'message handler crashed'));
    if (!stopping) track(work, () => interruptMessage(message, logger));
  });

  // Lost credentials: one line naming the cause, then the caller exits non-zero (a supervisor restarts or alerts).
  let ready = false;
  let fatal: BotFatal | null = null;
  const die = (f: BotFatal | null) => {
    if (!f || fatal || !ready) return;
    fatal = f;
    logger.fatal({ cause: f.code, ...f.detail }, f.message);
    opts.onFatal?.(f);
  };
  client.rest.on(RESTEvents.Response, (request, response) => die(fatalFromRest(request, response.status)));
  client.on(Events.ShardDisconnect, (event) => die(fatalFromGatewayClose(event.code)));
  client.on(Events.Error, (e) => logger.error({ err: e }, 'discord client error'));
  client.on(Events.Warn, (m) => logger.warn({ detail: m }, 'discord client warning'));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ shard, code: event.code }, 'gateway disconnected'));
  client.on(Events.ShardReconnecting, (shard) => logger.info({ shard }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway resumed'));
  if (opts.metrics) {
    const m = opts.metrics;
    client.on(Events.ShardReady, () => m.gateway('ready'));
    client.on(Events.ShardResume, () => m.gateway('ready'));
    client.on(Events.ShardReconnecting, () => m.gateway('connecting'));
    client.on(Events.ShardDisconnect, () => m.gateway('disconnected'));
  }

  let started = false;
  return {
    client,
    context: ctx,
    async start() {
      if (started) return;
      started = true;
      const readyEvent = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      try {
        await client.login(token);
      } catch (e) {
        started = false;
        // discord.js errors never contain the token; keep the cause for the log.
        const reason = (e as Error)?.message ?? String(e);
        const hint = /disallowed intents|privileged intent/i.test(reason)
          ? ' — switch on Message Content Intent in the Developer Portal (your application → Bot → Privileged Gateway Intents)'
          : /token/i.test(reason)
            ? ' — check DISCORD_TOKEN'
            : '';
        throw new UserError(`Could not log in to Discord: ${reason}${hint}`, { cause: e, code: 'login_failed' });
      }
      await readyEvent;
      ready = true;
      logger.info({ user: client.user?.tag, userId: client.user?.id, guilds: client.guilds.cache.size, commands: commands.size, ...(client.shard ? { shards: client.shard.ids, shardCount: client.shard.count } : {}) }, 'discord bot ready');
    },
    async stop(options = {}) {
      if (!started || stopping) return;
      stopping = true;
      const graceMs = options.graceMs ?? 0;
      if (inflight.size) {
        logger.info({ inFlight: inflight.size, graceMs }, 'finishing answers in progress');
        await Promise.race([Promise.allSettled([...inflight.keys()]), sleep(graceMs)]);
      }
      if (inflight.size) {
        logger.warn({ unfinished: inflight.size }, 'closing unfinished answers with a notice');
        await Promise.race([Promise.allSettled([...inflight.values()].map((interrupt) => interrupt())), sleep(NOTICE_BUDGET_MS)]);
      }
      started = false;
      ready = false;
      await client.destroy();
      logger.info('discord bot stopped');
    },
    inFlight: () => inflight.size,
  };
}
