/**
 * `/verify text:` — "did they really say that?": is a quote in the document
 * word for word (with who said it), reworded (the real words, cited, and what
 * differs), or not there at all.
 *
 * @example
 * await verify.execute(interaction, ctx);
 */
import { InteractionContextType, SlashCommandBuilder, type ChatInputCommandInteraction, type MessageContextMenuCommandInteraction } from 'discord.js';
import type { Verification } from '../../engine-api.js';
import { differenceLines, verdictLine } from '../../verify/render.js';
import { cleanClaim, MAX_CLAIM_CHARS } from '../../verify/claim.js';
import { logAnswer, respond, type BotContext, type Command } from '../context.js';
import { renderQuotes, type Payload, type RenderContext } from '../format.js';

const TITLES: Record<Verification['verdict'], string> = { exact: 'Word for word', close: 'Close, not word for word', 'not-found': 'Not found' };

/** A verification as Discord payloads: the verdict and what differs, then the cited passage(s) with their speaker. */
export function renderVerification(v: Verification, ctx: RenderContext): Payload[] {
  const diffs = differenceLines(v);
  const intro = [verdictLine(v), ...(diffs.length ? ['What differs:', ...diffs.map((d) => `• ${d}`)] : [])].join('\n');
  const quotes = v.citations.map((q) => (v.speaker ? { ...q, attribution: { speaker: v.speaker, cue: null, addressee: null, setting: null } } : q));
  return renderQuotes(quotes, ctx, { title: TITLES[v.verdict], intro, empty: '' });
}

/** Check `text` and reply (shared by /verify and the "Check this quote" message command). */
export async function checkAndReply(interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction, ctx: BotContext, text: string, source: string): Promise<void> {
  const startedAt = ctx.clock();
  cleanClaim(text); // a bad claim gets its message before anything else
  await interaction.deferReply();
  const v = await ctx.engine.verify(text);
  await respond(interaction, renderVerification(v, ctx.render()));
  logAnswer(ctx, { source, userId: interaction.user.id, channelId: interaction.channelId, startedAt, outcome: v.verdict === 'not-found' ? 'refused' : 'answered', quotes: v.citations.length });
}

export const verify: Command = {
  data: new SlashCommandBuilder()
    .setName('verify')
    .setDescription('Did they really say that? Check a quote against the document.')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addStringOption((o) => o.setName('text').setDescription('The quote to check').setRequired(true).setMaxLength(MAX_CLAIM_CHARS)),
  rateLimited: true,
  async execute(interaction, ctx) {
    await checkAndReply(interaction, ctx, interaction.options.getString('text', true), 'slash:verify');
  },
};

export default verify;
