/**
 * `/ask question:` — acknowledge at once (`deferReply`, Discord wants an
 * answer within 3 s), then replace the placeholder with the rendered answer.
 * State-database work stays off that path: a busy engine is reported before
 * any, a new chain is not looked up, and the turn is saved after the answer
 * is shown.
 * Inside a thread the thread is the conversation; otherwise the answer
 * starts one that replies to it continue. Streams LLM partials through a
 * throttled editor when the engine offers them.
 *
 * @example
 * // registered via `npm run deploy-commands`; invoked by the interaction router
 * await ask.execute(interaction, ctx);
 */
import { InteractionContextType, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { UserError } from '../../errors.js';
import type { Conversation } from '../../types.js';
import { busyError } from '../../worker/busy.js';
import { answerFields, logAnswer, respond, type BotContext, type Command } from '../context.js';
import { renderAnswer, renderPartial } from '../format.js';
import { QUESTION_MAX_LENGTH } from '../limits.js';
import { createThrottledEditor } from '../stream.js';
import { chosenDocument, documentChoices, documentOption } from './document-option.js';

/** The conversation key for an interaction: its thread, its DM channel, or a new chain. */
export function interactionConversationKey(interaction: ChatInputCommandInteraction): string {
  if (!interaction.inGuild()) return `dm:${interaction.channelId}`;
  if (interaction.channel?.isThread()) return `g:${interaction.guildId}:t:${interaction.channelId}`;
  return `g:${interaction.guildId}:i:${interaction.id}`;
}

/** Is this the key of a new chain (named after the interaction that starts it)? */
export const startsChain = (key: string): boolean => /^g:[^:]+:i:/.test(key);

export const ask: Command = {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask a question about the document; the answer quotes it verbatim, with ¶ citations.')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addStringOption((o) =>
      o.setName('question').setDescription('Your question, e.g. "What did Annan tell the Council?"').setRequired(true).setMaxLength(QUESTION_MAX_LENGTH),
    )
    .addStringOption(documentOption),
  rateLimited: true,
  async execute(interaction, ctx: BotContext) {
    const startedAt = ctx.clock();
    const question = interaction.options.getString('question', true).trim();
    if (!question) throw new UserError('Please ask a question about the document.');
    const doc = chosenDocument(interaction, ctx);
    await interaction.deferReply();

    // Busy already: say so before any state-database work (the engine would refuse it anyway).
    if (ctx.engine.saturated?.()) throw busyError();
    const key = interactionConversationKey(interaction);
    // A chain this interaction starts is keyed by its own id, so it is new by construction: nothing to read.
    const conversation: Conversation = startsChain(key) ? { id: key, turns: [] } : await ctx.conversations.forKey(key);
    const editor = createThrottledEditor({
      edit: async (text) => {
        await interaction.editReply(renderPartial(text));
      },
      onError: (e) => ctx.logger.warn({ err: e }, 'could not show a partial answer'),
    });
    let answer;
    try {
      answer = await ctx.engine.ask(question, conversation, { onPartial: (t) => editor.push(t), doc });
    } finally {
      await editor.finish();
    }
    const standalone = conversation.turns.at(-1)?.standalone;
    const messages = await respond(interaction, ctx.feedbackButtons(renderAnswer(answer, ctx.render(), { question, standalone })));
    // The user has the answer: now save the turn and file its messages.
    await ctx.conversations.touch(conversation);
    for (const m of messages) await ctx.conversations.link(m.id, conversation);
    logAnswer(ctx, {
      source: 'slash:ask',
      userId: interaction.user.id,
      channelId: interaction.channelId,
      startedAt,
      ...answerFields(answer),
    });
  },
  async autocomplete(interaction, ctx) {
    await interaction.respond(documentChoices(ctx.engine.documents(), String(interaction.options.getFocused() ?? '')));
  },
};

export default ask;
