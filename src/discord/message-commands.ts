/**
 * Message context-menu commands (right-click a message → Apps): their
 * shape, and running one with the same channel rule, rate limit and error
 * handling as slash commands.
 *
 * @example
 * if (interaction.isMessageContextMenuCommand()) return runMessageCommand(interaction, ctx, messageCommands, (i) => allowed(i, ctx));
 */
import type { MessageContextMenuCommandInteraction, RESTPostAPIContextMenuApplicationCommandsJSONBody } from 'discord.js';
import { UserError } from '../errors.js';
import type { BotContext } from './context.js';
import { replyWithError } from './errors.js';
import { rateLimitMessage } from './rate-limit.js';

export interface MessageCommand {
  data: { name: string; toJSON(): RESTPostAPIContextMenuApplicationCommandsJSONBody };
  /** Counts against the per-user question rate limit (it runs the engine). */
  rateLimited?: boolean;
  execute(interaction: MessageContextMenuCommandInteraction, ctx: BotContext): Promise<void>;
}

export async function runMessageCommand(
  interaction: MessageContextMenuCommandInteraction,
  ctx: BotContext,
  commands: ReadonlyMap<string, MessageCommand>,
  allowed: (interaction: MessageContextMenuCommandInteraction) => void,
): Promise<void> {
  const startedAt = ctx.clock();
  try {
    const command = commands.get(interaction.commandName);
    if (!command) throw new UserError("I don't know that command any more — it may have been removed. Try `/help`.");
    allowed(interaction);
    if (command.rateLimited) {
      const r = ctx.rateLimiter.take(interaction.user.id);
      if (!r.ok) throw new UserError(rateLimitMessage(r.retryAfterMs), { code: 'rate_limited' });
    }
    await command.execute(interaction, ctx);
  } catch (e) {
    await replyWithError(interaction, e, ctx.logger, { source: `message:${interaction.commandName}`, userId: interaction.user.id, channelId: interaction.channelId, latencyMs: ctx.clock() - startedAt });
  }
}
