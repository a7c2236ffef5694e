/**
 * "Check this quote" — a message context-menu command (right-click a message
 * → Apps): checks the message's text against the document, like `/verify`.
 *
 * @example
 * await checkQuote.execute(interaction, ctx);
 */
import { ApplicationCommandType, ContextMenuCommandBuilder, InteractionContextType } from 'discord.js';
import { UserError } from '../../errors.js';
import type { MessageCommand } from '../message-commands.js';
import { checkAndReply } from './verify.js';

export const checkQuote: MessageCommand = {
  data: new ContextMenuCommandBuilder()
    .setName('Check this quote')
    .setType(ApplicationCommandType.Message)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM),
  rateLimited: true,
  async execute(interaction, ctx) {
    const text = interaction.targetMessage.content;
    if (!text?.trim()) throw new UserError('That message has no text to check — pick a message with the quote in it, or use `/verify text:`.', { code: 'empty_claim' });
    await checkAndReply(interaction, ctx, text, 'message:check-quote');
  },
};

export default checkQuote;
