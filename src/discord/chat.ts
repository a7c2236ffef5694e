/**
 * Answering in chat: when @mentioned, in DMs, on a reply to one of the bot's
 * answers, in auto-answer channels, and in threads the bot owns (every
 * message there is a follow-up). Thread mode opens a thread on the question
 * and answers there. Shows typing while working; ignores bots and itself;
 * silently ignores channels outside the allow-list.
 *
 * @example
 * client.on(Events.MessageCreate, (m) => void handleMessage(m, ctx));
 */
import { ChannelType, Routes, type Message, type ThreadChannel } from 'discord.js';
import { echo } from '../present/echo.js';
import type { Conversation } from '../types.js';
import { channelAllowed, answerFields, logAnswer, type BotContext } from './context.js';
import { busyError } from '../worker/busy.js';
import { GENERIC_ERROR, outcomeFor, RESTARTING, userMessageFor } from './errors.js';
import { ellipsize, renderAnswer, renderNotice, type Payload } from './format.js';
import { LIMITS, QUESTION_MAX_LENGTH, TYPING_REFRESH_MS, TYPING_SETTLE_MS } from './limits.js';
import { rateLimitMessage } from './rate-limit.js';

export type ChatTrigger = 'dm' | 'mention' | 'reply' | 'thread' | 'channel';

/** Why (if at all) a message is a question for the bot. Pure. */
export function chatTrigger(f: { isDM: boolean; mentioned: boolean; replyToBot: boolean; inBotThread: boolean; inAnswerChannel: boolean }): ChatTrigger | null {
  if (f.isDM) return 'dm';
  if (f.mentioned) return 'mention';
  if (f.replyToBot) return 'reply';
  if (f.inBotThread) return 'thread';
  if (f.inAnswerChannel) return 'channel';
  return null;
}

/** Does the text mention the bot (`<@id>` or the legacy `<@!id>`)? */
export function mentionsBot(content: string, botId: string): boolean {
  return content.includes(`<@${botId}>`) || content.includes(`<@!${botId}>`);
}

/** The question without the bot's mention(s), whitespace tidied. */
export function stripBotMention(content: string, botId: string): string {
  return content
    .split(`<@!${botId}>`)
    .join(' ')
    .split(`<@${botId}>`)
    .join(' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/^[\s,:;]+/, '')
    .trim();
}

/** A thread name from the question (1–100 chars). */
export function threadName(question: string): string {
  const flat = echo(question) || 'Question';
  return ellipsize(flat, LIMITS.threadName);
}

export const EMPTY_QUESTION = 'Ask me a question about the document — for example “What did Annan tell the Council?” — or use `/help`.';

/**
 * Keep the typing indicator on until `stop()` (it lasts ~10 s per call on Discord). `stop()` waits for a typing
 * request still in flight (at most TYPING_SETTLE_MS), then cancels any typing request not yet sent, so the indicator
 * is never posted after the answer — it would otherwise show "typing…" for ten seconds under an answer already there.
 * (A typing request can wait in discord.js's queue behind an earlier, slow one for the same channel.)
 */
function keepTyping(channel: { id: string; client: Message['client'] }, ctx: BotContext): () => Promise<void> {
  const cancel = new AbortController();
  let inFlight: Promise<unknown> = Promise.resolve();
  const send = () => {
    inFlight = channel.client.rest
      .post(Routes.channelTyping(channel.id), { signal: cancel.signal })
      .catch((e: unknown) => ctx.logger.debug({ err: e }, 'typing failed'));
  };
  send();
  const timer = setInterval(send, TYPING_REFRESH_MS);
  timer.unref?.();
  return async () => {
    clearInterval(timer);
    let settle: NodeJS.Timeout | undefined;
    await Promise.race([inFlight, new Promise((resolve) => { settle = setTimeout(resolve, TYPING_SETTLE_MS); })]);
    clearTimeout(settle);
    cancel.abort();
  };
}

/**
 * Handle one incoming message. Never throws (errors are logged and, when it was a question, answered with an apology).
 * While the bot is `stopping`, a question gets a "restarting" notice instead of an answer.
 */
export async function handleMessage(message: Message, ctx: BotContext, opts: { stopping?: boolean } = {}): Promise<void> {
  const botId = message.client.user?.id;
  if (!botId || message.author.bot || message.author.id === botId || message.system || message.webhookId) return;
  const { config } = ctx;
  const isDM = !message.inGuild();
  const channel = message.channel;
  if (!channel.isSendable()) return;
  const isThread = channel.isThread();
  const parentId = isThread ? channel.parentId : null;
  if (!channelAllowed(config, { guild: !isDM, channelId: channel.id, parentId })) return;

  const refId = message.reference?.messageId;
  const replyConversation = refId ? await ctx.conversations.byMessage(refId) : undefined;
  const trigger = chatTrigger({
    isDM,
    mentioned: mentionsBot(message.content, botId),
    replyToBot: !!refId && (message.mentions.repliedUser?.id === botId || !!replyConversation),
    inBotThread: isThread && channel.ownerId === botId,
    inAnswerChannel: config.DISCORD_ANSWER_CHANNELS.includes(channel.id) || (!!parentId && config.DISCORD_ANSWER_CHANNELS.includes(parentId)),
  });
  if (!trigger) return;

  const startedAt = ctx.clock();
  const source = `chat:${trigger}`;
  const userId = message.author.id;
  const question = stripBotMention(message.content, botId);
  const reply = (payload: Payload) =>
    message.reply({ ...payload, failIfNotExists: false }).catch((e: unknown) => ctx.logger.warn({ err: e, source }, 'could not reply'));

  if (!question) {
    // In auto-answer channels and threads an empty message (an image, a sticker) is not a question.
    if (trigger === 'dm' || trigger === 'mention' || trigger === 'reply') await reply(renderNotice(EMPTY_QUESTION, { markdown: true })[0]);
    return;
  }
  if (opts.stopping) {
    await reply(renderNotice(RESTARTING)[0]);
    return;
  }
  if (question.length > QUESTION_MAX_LENGTH) {
    await reply(renderNotice(`That question is too long — please keep it under ${QUESTION_MAX_LENGTH} characters.`)[0]);
    logAnswer(ctx, { source, userId, channelId: channel.id, startedAt, outcome: 'refused' });
    return;
  }
  const limit = ctx.rateLimiter.take(userId);
  if (!limit.ok) {
    if (limit.firstRefusal) await reply(renderNotice(rateLimitMessage(limit.retryAfterMs))[0]);
    logAnswer(ctx, { source, userId, channelId: channel.id, startedAt, outcome: 'rate-limited' });
    return;
  }

  let stopTyping: () => Promise<void> = async () => undefined;
  try {
    if (ctx.engine.saturated?.()) throw busyError();
    // Where the answer goes, and which conversation it belongs to.
    let target: ThreadChannel | null = null;
    let conversation: Conversation;
    const guildKey = `g:${message.guildId}`;
    if (isDM) conversation = await ctx.conversations.forKey(`dm:${channel.id}`);
    else if (isThread) conversation = await ctx.conversations.forKey(`${guildKey}:t:${channel.id}`);
    else if (config.DISCORD_THREAD_MODE && (channel.type === ChannelType.GuildText || channel.type === ChannelType.GuildAnnouncement) && trigger !== 'reply') {
      try {
        const thread = await message.startThread({ name: threadName(question) });
        target = thread;
        conversation = await ctx.conversations.forKey(`${guildKey}:t:${thread.id}`);
      } catch (e) {
        ctx.logger.warn({ err: e, source, channelId: channel.id }, 'could not open a thread; answering in the channel');
        conversation = await ctx.conversations.forKey(`${guildKey}:m:${message.id}`);
      }
    } else conversation = replyConversation ?? await ctx.conversations.forKey(`${guildKey}:m:${message.id}`);

    stopTyping = keepTyping(target ?? channel, ctx);
    const answer = await ctx.engine.ask(question, conversation);
    await ctx.conversations.touch(conversation);
    const standalone = conversation.turns.at(-1)?.standalone;
    const payloads = ctx.feedbackButtons(renderAnswer(answer, ctx.render(), { question, standalone }));
    await stopTyping();

    const sent: Message[] = [];
    for (const [i, p] of payloads.entries()) {
      if (target) sent.push(await target.send(p));
      else if (i === 0) sent.push(await message.reply({ ...p, failIfNotExists: false }));
      else sent.push(await channel.send(p));
    }
    for (const m of sent) await ctx.conversations.link(m.id, conversation);
    logAnswer(ctx, {
      source,
      userId,
      channelId: channel.id,
      startedAt,
      ...answerFields(answer),
    });
  } catch (e) {
    await stopTyping();
    const outcome = outcomeFor(e);
    if (outcome === 'error') ctx.logger.error({ err: e, source, userId, channelId: channel.id, latencyMs: ctx.clock() - startedAt, outcome }, 'chat answer failed');
    else logAnswer(ctx, { source, userId, channelId: channel.id, startedAt, outcome });
    await reply(renderNotice(outcome === 'error' ? GENERIC_ERROR : userMessageFor(e))[0]);
  }
}
