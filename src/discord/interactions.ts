/**
 * The interaction router: slash commands (after the channel allow-list and
 * the per-user rate limit), autocomplete, buttons — every failure through the
 * one error handler (`errors.ts`).
 *
 * Engine commands (`rateLimited`) are acknowledged here, before any engine
 * work, so Discord's 3-second window never depends on how busy the engine is;
 * when the engine's queue is already full the user is told "busy" at once,
 * ephemerally, instead. Every interaction tolerates Discord's "already
 * acknowledged" (40060) after a retried callback (`ack.ts`).
 *
 * @example
 * client.on(Events.InteractionCreate, (i) => void handleInteraction(i, ctx, commands));
 */
import type { Interaction } from 'discord.js';
import { UserError } from '../errors.js';
import { acknowledge, tolerateAlreadyAcknowledged } from './ack.js';
import { handleButton } from './buttons.js';
import { handleFeedback, isFeedbackButton } from './feedback.js';
import { channelAllowed, DMS_DISABLED, NOT_ALLOWED_HERE, type BotContext, type Command } from './context.js';
import { busyError } from '../worker/busy.js';
import { EXPIRED_BUTTON, replyWithError, RESTARTING } from './errors.js';
import { messageCommands } from './commands/index.js';
import { runMessageCommand } from './message-commands.js';
import { rateLimitMessage } from './rate-limit.js';

function allowed(interaction: Interaction, ctx: BotContext): void {
  const guild = interaction.inGuild();
  const channel = interaction.channel;
  const parentId = channel?.isThread() ? channel.parentId : null;
  if (!channelAllowed(ctx.config, { guild, channelId: interaction.channelId, parentId })) {
    throw new UserError(guild ? NOT_ALLOWED_HERE : DMS_DISABLED, { code: 'not_allowed' });
  }
}

/** Engine commands between the busy check and their engine call (being acknowledged), per bot. */
const acknowledging = new WeakMap<BotContext, number>();

export async function handleInteraction(interaction: Interaction, ctx: BotContext, commands: ReadonlyMap<string, Command>): Promise<void> {
  const startedAt = ctx.clock();
  if (interaction.isAutocomplete()) {
    try {
      const command = commands.get(interaction.commandName);
      if (!command?.autocomplete) await interaction.respond([]);
      else await command.autocomplete(interaction, ctx);
    } catch (e) {
      ctx.logger.warn({ err: e, source: `autocomplete:${interaction.commandName}` }, 'autocomplete failed');
      if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
    }
    return;
  }
  if (interaction.isChatInputCommand()) {
    const source = `slash:${interaction.commandName}`;
    try {
      const command = commands.get(interaction.commandName);
      if (!command) throw new UserError("I don't know that command any more — it may have been removed. Try `/help`.");
      allowed(interaction, ctx);
      tolerateAlreadyAcknowledged(interaction);
      if (command.rateLimited) {
        const r = ctx.rateLimiter.take(interaction.user.id);
        if (!r.ok) throw new UserError(rateLimitMessage(r.retryAfterMs), { code: 'rate_limited' });
        // Busy now, counting the commands acknowledged but not yet at the engine: say so as the first (ephemeral) response.
        if (ctx.engine.saturated?.(acknowledging.get(ctx) ?? 0)) throw busyError();
        acknowledging.set(ctx, (acknowledging.get(ctx) ?? 0) + 1);
        try {
          await acknowledge(interaction);
        } finally {
          acknowledging.set(ctx, (acknowledging.get(ctx) ?? 1) - 1);
        }
      }
      await command.execute(interaction, ctx);
    } catch (e) {
      await replyWithError(interaction, e, ctx.logger, { source, userId: interaction.user.id, channelId: interaction.channelId, latencyMs: ctx.clock() - startedAt });
    }
    return;
  }
  if (interaction.isMessageContextMenuCommand()) {
    await runMessageCommand(interaction, ctx, messageCommands, (i) => allowed(i, ctx));
    return;
  }
  if (interaction.isButton()) {
    const source = 'button';
    try {
      tolerateAlreadyAcknowledged(interaction);
      allowed(interaction, ctx);
      if (isFeedbackButton(interaction.customId)) await handleFeedback(interaction, ctx);
      else await handleButton(interaction, ctx);
    } catch (e) {
      await replyWithError(interaction, e, ctx.logger, {
        source,
        customId: interaction.customId,
        userId: interaction.user.id,
        channelId: interaction.channelId,
        latencyMs: ctx.clock() - startedAt,
      });
    }
    return;
  }
  if (interaction.isRepliable()) {
    tolerateAlreadyAcknowledged(interaction);
    await replyWithError(interaction, new UserError(EXPIRED_BUTTON, { code: 'expired' }), ctx.logger, { source: 'interaction', type: interaction.type });
  }
}

/** While the bot is shutting down: tell the user (ephemerally) instead of starting new work. Never throws. */
export async function refuseWhileStopping(interaction: Interaction, ctx: BotContext): Promise<void> {
  if (interaction.isAutocomplete()) {
    await interaction.respond([]).catch(() => undefined);
    return;
  }
  if (!interaction.isRepliable()) return;
  tolerateAlreadyAcknowledged(interaction);
  await replyWithError(interaction, new UserError(RESTARTING, { code: 'stopping' }), ctx.logger, { source: 'interaction', type: interaction.type });
}
