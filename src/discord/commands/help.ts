/**
 * `/help` — how to use the bot (ephemeral).
 *
 * @example
 * await help.execute(interaction, ctx);
 */
import { InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../context.js';
import { EMBED_COLOR, noMentions } from '../format.js';

export const HELP_TEXT = [
  'I answer questions about the document with **verbatim quotations**, each cited by paragraph (¶n). I never put words in quotation marks that are not in the text.',
  '',
  '**Ask in chat** — mention me with your question, send me a DM, or reply to one of my answers to follow up ("And what did he tell them?", "Where was that?", "What else?").',
  '',
  '**Slash commands**',
  '`/ask question:` — ask a question',
  '`/summary [length] [focus]` — a summary made only of cited quotations',
  '`/quote [about] [paragraph] [speaker] [to]` — passages or quotations on request',
  '`/verify text:` — did they really say that? word for word, reworded (what differs), or not in the document',
  '`/about` — the document, its paragraphs and the model in use',
  '`document:` on /ask, /summary and /quote — limit the answer to one document (PDF citations read p. 3 ¶12)',
  '`/docs add file:|url:` · `/docs list` · `/docs remove` — this server’s own documents (PDF, Word, text, HTML; Manage Server)',
  '`/help` — this message',
  '',
  '**Check this quote** — right-click any message → Apps → *Check this quote* checks its text the same way.',
  '',
  '**Buttons** — *Context ¶n* shows the whole paragraph with the quote in bold (◀ ▶ to step through); *More quotes* finds further quotations for the same question.',
].join('\n');

export const help: Command = {
  data: new SlashCommandBuilder()
    .setName('help')
    .setDescription('How to ask me questions about the document.')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM),
  async execute(interaction) {
    await interaction.reply({
      embeds: [{ color: EMBED_COLOR, title: 'Verbatim — answers in the document’s own words', description: HELP_TEXT }],
      flags: MessageFlags.Ephemeral,
      allowedMentions: noMentions(),
    });
  },
};

export default help;
