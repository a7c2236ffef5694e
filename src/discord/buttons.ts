/**
 * Button clicks. Everything a click needs is in its custom id (see
 * `custom-ids.ts`) or in the message it is attached to, so buttons work after
 * a restart; ids that cannot be read, or that point at a document that has
 * changed since, get a clear "this button has expired".
 *
 * - Context ¶n → an ephemeral message (to the clicker) with the paragraph, the quote in bold, ◀ ▶.
 * - ◀ ▶ → update that ephemeral message to the previous / next paragraph.
 * - More quotes → the button is disabled at once (no double clicks, no stale buttons), then
 *   `engine.ask(question, undefined, { exclude: shown })` posts further quotations as a new message
 *   with its own More quotes; when nothing new is left, only the clicker is told (ephemerally) and
 *   the button reads "No more quotes". If answering fails, the button is enabled again.
 *
 * @example
 * if (interaction.isButton()) await handleButton(interaction, ctx);
 */
import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { UserError } from '../errors.js';
import { logAnswer, type BotContext } from './context.js';
import { decodeCustomId, type ButtonAction } from './custom-ids.js';
import { EXPIRED_BUTTON } from './errors.js';
import { questionFromMessage, renderAnswer, renderNotice, renderParagraph, withButtonDisabled } from './format.js';
import { rateLimitMessage } from './rate-limit.js';

const expired = () => new UserError(EXPIRED_BUTTON, { code: 'expired' });

/** Is this click one of ours, and still valid for the current index? */
export function resolveAction(customId: string, ctx: BotContext): Exclude<ButtonAction, { kind: 'noop' }> {
  const action = decodeCustomId(customId);
  if (!action || action.kind === 'noop') throw expired();
  if (action.fp !== ctx.render().fp) throw expired();
  return action;
}

export const NO_MORE_QUOTES = 'No more quotes — every passage that answers this question has been shown.';
export const NO_MORE_QUOTES_LABEL = 'No more quotes';

export async function handleButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const action = resolveAction(interaction.customId, ctx);
  const docs = ctx.engine.documents();

  if (action.kind === 'context' || action.kind === 'page') {
    const doc = docs[action.doc];
    if (!doc || action.end > doc.text.length) throw expired();
    const view = ctx.engine.paragraph(doc.id, action.paragraph);
    if (!view) throw expired();
    const highlight = action.end > action.start ? { start: action.start, end: action.end } : null;
    const payload = renderParagraph(view, action.doc, highlight, ctx.render());
    if (action.kind === 'context') await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
    else await interaction.update(payload);
    return;
  }

  // More quotes
  const startedAt = ctx.clock();
  const limit = ctx.rateLimiter.take(interaction.user.id);
  if (!limit.ok) throw new UserError(rateLimitMessage(limit.retryAfterMs), { code: 'rate_limited' });
  const question = questionFromMessage(interaction.message);
  if (!question) throw expired();
  const exclude = action.shown.flatMap((s) => {
    const d = docs[s.doc];
    return d ? [{ doc: d.id, start: s.start, end: s.end }] : [];
  });
  // Acknowledge by disabling the clicked button: the answer below replaces it.
  const rows = interaction.message.components.map((c) => c.toJSON());
  await interaction.update({ components: withButtonDisabled(rows, interaction.customId) });
  let answer;
  try {
    answer = await ctx.engine.ask(question, undefined, { exclude });
  } catch (e) {
    await interaction.editReply({ components: rows }).catch((err: unknown) => ctx.logger.debug({ err }, 'could not re-enable More quotes'));
    throw e;
  }
  const fresh = answer.quotes.filter((q) => !exclude.some((x) => x.doc === q.doc && x.start === q.start && x.end === q.end));
  if (answer.refused || fresh.length === 0) {
    await interaction.editReply({ components: withButtonDisabled(rows, interaction.customId, NO_MORE_QUOTES_LABEL) }).catch((err: unknown) => ctx.logger.debug({ err }, 'could not relabel More quotes'));
    await interaction.followUp({ ...renderNotice(NO_MORE_QUOTES)[0], flags: MessageFlags.Ephemeral });
  } else {
    for (const p of renderAnswer({ ...answer, quotes: fresh }, ctx.render(), { question, excluded: action.shown })) await interaction.followUp(p);
  }
  logAnswer(ctx, {
    source: 'button:more',
    userId: interaction.user.id,
    channelId: interaction.channelId,
    startedAt,
    outcome: fresh.length && !answer.refused ? 'answered' : 'refused',
    quotes: fresh.length,
    ...(answer.refused && answer.reason ? { reason: answer.reason } : {}),
  });
}
