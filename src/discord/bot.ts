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
 * @example
 * const bot = createBot({ config, engine, logger });
 * await bot.start();           // resolves when the gateway says READY
 * process.once('SIGTERM', () => void bot.stop());
 */
import { Client, Events, GatewayIntentBits, Partials, type ClientOptions } from 'discord.js';
import type { Config } from '../config.js';
import type { Engine } from '../engine-api.js';
import { UserError } from '../errors.js';
import type { Logger } from '../log.js';
import type { ConversationStore } from '../state/conversations.js';
import type { FeedbackStore } from '../state/feedback.js';
import type { Metrics } from '../ops/metrics.js';
import { handleMessage } from './chat.js';
import { commands as defaultCommands } from './commands/index.js';
import { createBotContext, type BotContext, type Command } from './context.js';
import { handleInteraction } from './interactions.js';

export interface Bot {
  client: Client;
  /** The handlers' shared state (conversations, rate limiter) — exposed for tests and admin tooling. */
  context: BotContext;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface CreateBotOptions {
  config: Config;
  engine: Engine;
  logger: Logger;
  clock?: () => number;
  commands?: ReadonlyMap<string, Command>;
  /** Conversation memory (default: in this process only). */
  conversations?: ConversationStore;
  feedback?: FeedbackStore;
  metrics?: Metrics;
}

/** discord.js client options for this bot (exported for tests). */
export function clientOptions(config: Pick<Config, 'DISCORD_API_URL'>): ClientOptions {
  const options: ClientOptions = {
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel, Partials.Message],
    allowedMentions: { parse: [] },
  };
  if (config.DISCORD_API_URL) options.rest = { api: config.DISCORD_API_URL };
  return options;
}

export function createBot(opts: CreateBotOptions): Bot {
  const { config, engine } = opts;
  const logger = opts.logger.child({ component: 'discord' });
  const token = config.DISCORD_TOKEN;
  if (!token) throw new UserError('DISCORD_TOKEN is not set — put the bot token from the Discord developer portal in .env.');
  const ctx = createBotContext({ config, engine, logger, clock: opts.clock, conversations: opts.conversations, feedback: opts.feedback, metrics: opts.metrics });
  const commands = opts.commands ?? defaultCommands;
  const client = new Client(clientOptions(config));

  client.on(Events.InteractionCreate, (interaction) => {
    handleInteraction(interaction, ctx, commands).catch((e: unknown) => logger.error({ err: e }, 'interaction handler crashed'));
  });
  client.on(Events.MessageCreate, (message) => {
    handleMessage(message, ctx).catch((e: unknown) => logger.error({ err: e }, 'message handler crashed'));
  });
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
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
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
      await ready;
      logger.info({ user: client.user?.tag, userId: client.user?.id, guilds: client.guilds.cache.size, commands: commands.size, ...(client.shard ? { shards: client.shard.ids, shardCount: client.shard.count } : {}) }, 'discord bot ready');
    },
    async stop() {
      if (!started) return;
      started = false;
      await client.destroy();
      logger.info('discord bot stopped');
    },
  };
}
