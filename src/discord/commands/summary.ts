/**
 * `/summary [length: short|medium|long] [focus:]` — a summary of the
 * document whose every sentence is a cited, verbatim quotation.
 *
 * @example
 * await summary.execute(interaction, ctx);
 */
import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { SummaryLength } from '../../types.js';
import { logAnswer, respond, type Command } from '../context.js';
import { renderSummary } from '../format.js';
import { chosenDocument, documentChoices, documentOption } from './document-option.js';

export const summary: Command = {
  data: new SlashCommandBuilder()
    .setName('summary')
    .setDescription('Summarise the document — in its own words, every sentence cited.')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addStringOption((o) =>
      o
        .setName('length')
        .setDescription('How long (default short)')
        .addChoices({ name: 'short', value: 'short' }, { name: 'medium', value: 'medium' }, { name: 'long', value: 'long' }),
    )
    .addStringOption((o) => o.setName('focus').setDescription('Summarise what the document says about this topic').setMaxLength(200))
    .addStringOption(documentOption),
  rateLimited: true,
  async execute(interaction, ctx) {
    const startedAt = ctx.clock();
    const length = (interaction.options.getString('length') ?? 'short') as SummaryLength;
    const focus = interaction.options.getString('focus')?.trim() || null;
    const doc = chosenDocument(interaction, ctx);
    await interaction.deferReply();
    const result = await ctx.engine.summarize({ length, focus, doc });
    await respond(interaction, renderSummary(result, ctx.render()));
    logAnswer(ctx, {
      source: 'slash:summary',
      userId: interaction.user.id,
      channelId: interaction.channelId,
      startedAt,
      outcome: result.summary.length ? 'answered' : 'refused',
      quotes: result.summary.length,
    });
  },
  async autocomplete(interaction, ctx) {
    await interaction.respond(documentChoices(ctx.engine.documents(), String(interaction.options.getFocused() ?? '')));
  },
};

export default summary;
