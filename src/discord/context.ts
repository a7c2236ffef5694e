/**
 * What every command, button and chat handler receives: the engine, config,
 * logger, clock, conversation store and rate limiter — injected, so tests
 * build one with fakes. Plus the small shared glue (channel policy, sending
 * a list of payloads as one interaction response, the answer log line).
 *
 * @example
 * const ctx = createBotContext({ config, engine, logger });
 * await commands.ask.execute(interaction, ctx);
 */
import type { Answer } from '../types.js';
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  Message,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RepliableInteraction,
} from 'discord.js';
import type { Collections } from '../collections/collections.js';
import { unavailableEngine } from '../collections/unavailable.js';
import type { Config } from '../config.js';
import type { Engine } from '../engine-api.js';
import type { Logger } from '../log.js';
import { docInfo } from '../present/documents.js';
import { createMemoryConversationStore } from '../state/conversations-memory.js';
import type { ConversationStore } from '../state/conversations.js';
import type { FeedbackStore } from '../state/feedback.js';
import { corpusFingerprint } from './custom-ids.js';
import type { Payload, RenderContext } from './format.js';
import { createRateLimiter, type RateLimiter } from './rate-limit.js';
import { withFeedbackButtons } from './feedback.js';
import type { Metrics } from '../ops/metrics.js';

export interface BotContext {
  config: Config;
  engine: Engine;
  logger: Logger;
  clock: () => number;
  conversations: ConversationStore;
  /** Where 👍/👎 on answers are stored; absent when the bot runs without a state database. */
  feedback?: FeedbackStore;
  /** Prometheus metrics, when `METRICS_PORT` is set. */
  metrics?: Metrics;
  /** Add 👍/👎 to an answer's payloads when feedback is kept (unchanged otherwise). */
  feedbackButtons(payloads: Payload[]): Payload[];
  rateLimiter: RateLimiter;
  /** Fingerprint and document list for rendering (recomputed when the engine's documents change). */
  render(): RenderContext;
  /** Per-server document collections (/docs), when the bot has them. */
  collections?: Collections;
  /** This context with the engine of a server's collection (or of DMs, null). Never throws. */
  scope(guildId: string | null): Promise<BotContext>;
}

/** A slash command module, discord.js template style: `{ data, execute, autocomplete? }`. */
export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  /** Counts against the per-user question rate limit (it runs the engine); the router defers it publicly before `execute`. */
  rateLimited?: boolean;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
}

export function createBotContext(opts: {
  config: Config;
  engine: Engine;
  logger: Logger;
  clock?: () => number;
  conversations?: ConversationStore;
  feedback?: FeedbackStore;
  metrics?: Metrics;
  rateLimiter?: RateLimiter;
  collections?: Collections;
}): BotContext {
  const clock = opts.clock ?? Date.now;
  const { config, engine, collections } = opts;
  let cached: { docs: unknown; value: RenderContext } | null = null;
  const scoped = new WeakMap<Engine, BotContext>();
  const ctx: BotContext = {
    config,
    engine,
    logger: opts.logger,
    clock,
    conversations:
      opts.conversations ??
      createMemoryConversationStore({ maxTurns: config.CONVERSATION_MAX_TURNS, ttlMs: config.CONVERSATION_TTL_MINUTES * 60_000, clock }),
    ...(opts.feedback ? { feedback: opts.feedback } : {}),
    ...(opts.metrics ? { metrics: opts.metrics } : {}),
    feedbackButtons: (payloads) => (opts.feedback ? withFeedbackButtons(payloads) : payloads),
    rateLimiter: opts.rateLimiter ?? createRateLimiter({ perMinute: config.RATE_LIMIT_PER_MINUTE, clock }),
    render() {
      const docs = engine.documents();
      if (!cached || cached.docs !== docs) {
        cached = { docs, value: { fp: corpusFingerprint(docs), docs: docs.map(docInfo) } };
      }
      return cached.value;
    },
    collections,
    async scope(guildId) {
      if (!collections) return ctx;
      let e: Engine;
      try {
        e = await collections.engineFor(guildId);
      } catch (err) {
        opts.logger.error({ err, guildId }, "could not open this server's collection");
        e = unavailableEngine();
      }
      if (e === engine) return ctx;
      let c = scoped.get(e);
      if (!c) scoped.set(e, (c = createBotContext({ ...opts, engine: e, conversations: ctx.conversations, rateLimiter: ctx.rateLimiter })));
      return c;
    },
  };
  return ctx;
}

/**
 * The channel allow-list: in a guild, `DISCORD_ALLOWED_CHANNELS` (empty = all;
 * a thread counts as its parent channel); in DMs, `DISCORD_ALLOW_DMS`.
 */
export function channelAllowed(config: Pick<Config, 'DISCORD_ALLOWED_CHANNELS' | 'DISCORD_ALLOW_DMS'>, where: { guild: boolean; channelId: string | null; parentId?: string | null }): boolean {
  if (!where.guild) return config.DISCORD_ALLOW_DMS;
  const list = config.DISCORD_ALLOWED_CHANNELS;
  if (!list.length) return true;
  return (!!where.channelId && list.includes(where.channelId)) || (!!where.parentId && list.includes(where.parentId));
}

export const NOT_ALLOWED_HERE = "I'm not set up to answer in this channel — please ask in one of the channels the server admins chose for me.";
export const DMS_DISABLED = "I don't answer in direct messages here — please ask in a server channel.";

/**
 * Send rendered payloads as an interaction's response: the first one as the
 * reply (or the edit of a deferred reply), the rest as follow-ups. Returns
 * the messages, so replies to them can continue the conversation.
 */
export async function respond(interaction: RepliableInteraction, payloads: Payload[]): Promise<Message[]> {
  const messages: Message[] = [];
  const [first, ...rest] = payloads;
  if (!first) return messages;
  // An edit keeps fields it does not mention: clear any streamed partial text the answer replaces.
  if (interaction.deferred || interaction.replied) messages.push(await interaction.editReply({ content: '', ...first }));
  else {
    const res = await interaction.reply({ ...first, withResponse: true });
    if (res.resource?.message) messages.push(res.resource.message);
  }
  for (const p of rest) messages.push(await interaction.followUp(p));
  return messages;
}

/** One structured log line per answer: where it came from, who asked, how long it took, how it ended. */
/** The log fields that describe an engine answer (outcome, quote count, mode, refusal reason). */
export function answerFields(answer: Answer): { outcome: 'answered' | 'refused'; quotes: number; mode?: string; reason?: string } {
  return {
    outcome: answer.refused ? 'refused' : 'answered',
    quotes: answer.quotes.length,
    mode: answer.mode,
    ...(answer.refused && answer.reason ? { reason: answer.reason } : {}),
  };
}

export function logAnswer(
  ctx: BotContext,
  fields: {
    source: string;
    userId: string;
    channelId?: string | null;
    startedAt: number;
    outcome: 'answered' | 'refused' | 'error' | 'rate-limited' | 'busy';
    quotes?: number;
    mode?: string;
    /** Why the engine refused (a diagnostic, not shown to the user). */
    reason?: string;
  },
): void {
  const { startedAt, ...rest } = fields;
  const latencyMs = ctx.clock() - startedAt;
  ctx.logger.info({ ...rest, latencyMs }, 'answer');
  ctx.metrics?.answer({ source: fields.source, outcome: fields.outcome, latencyMs, reason: fields.reason });
}
