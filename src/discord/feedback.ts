/**
 * 👍/👎 on answers. The buttons ride on the last message of an answer (when
 * the bot has a state database to keep votes in); a click records the vote
 * with the question, the answer and its citations (see `state/feedback.ts`),
 * and tells the voter, privately, that it was kept.
 *
 * Ids are fixed (`v1:f:up`, `v1:f:down`): what was answered is looked up by
 * the message the button is on, so old buttons keep working after a restart.
 */
import { ButtonStyle, ComponentType, MessageFlags, type APIButtonComponent, type ButtonInteraction } from 'discord.js';
import { UserError } from '../errors.js';
import type { Rating } from '../state/feedback.js';
import type { BotContext } from './context.js';
import type { Payload } from './format.js';
import { LIMITS } from './limits.js';

const IDS: Record<string, Rating> = { 'v1:f:up': 1, 'v1:f:down': -1 };

export const isFeedbackButton = (customId: string) => customId in IDS;

const button = (id: string, emoji: string, label: string): APIButtonComponent => ({
  type: ComponentType.Button,
  style: ButtonStyle.Secondary,
  custom_id: id,
  emoji: { name: emoji },
  label,
});

/**
 * Add the 👍/👎 row to the last payload of an answer, when there is room for
 * one more action row (Discord allows five). Returns new payloads.
 */
export function withFeedbackButtons(payloads: Payload[]): Payload[] {
  if (!payloads.length) return payloads;
  const last = payloads[payloads.length - 1]!;
  const rows = last.components ?? [];
  if (rows.length >= LIMITS.actionRows) return payloads;
  const row = { type: ComponentType.ActionRow as const, components: [button('v1:f:up', '👍', 'Helpful'), button('v1:f:down', '👎', 'Not helpful')] };
  return [...payloads.slice(0, -1), { ...last, components: [...rows, row] }];
}

const REPLIES = {
  recorded: { 1: 'Thanks — glad it helped.', [-1]: 'Thanks — noted. The operator can turn this answer into a test case.' },
  changed: { 1: 'Changed your vote to 👍.', [-1]: 'Changed your vote to 👎.' },
} as const;

export async function handleFeedback(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const rating = IDS[interaction.customId]!;
  if (!ctx.feedback) throw new UserError('Feedback is not kept on this bot.', { code: 'no_feedback_store' });
  // Acknowledge first (only the voter sees it): filing the vote is state-database work, never on the 3-second path.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const outcome = await ctx.feedback.record({
    messageId: interaction.message.id,
    userId: interaction.user.id,
    rating,
    documents: ctx.engine.documents().map((d) => d.id),
  });
  if (outcome === 'unknown') throw new UserError('I no longer remember that answer (it expired), so I cannot file feedback on it. Ask again and vote on the new answer.', { code: 'expired' });
  ctx.logger.info({ source: 'button:feedback', userId: interaction.user.id, messageId: interaction.message.id, rating, outcome }, 'feedback');
  await interaction.editReply({ content: REPLIES[outcome][rating], allowedMentions: { parse: [] } });
}
