/**
 * The one place interaction failures end up. The user always gets a short
 * ephemeral message — a {@link UserError}'s own text, anything else a generic
 * apology — whether or not the interaction was already deferred or replied
 * to; the log gets the error with its cause chain.
 *
 * @example
 * try { await command.execute(interaction, ctx); }
 * catch (e) { await replyWithError(interaction, e, logger, { source: 'slash:ask' }); }
 */
import { MessageFlags, type RepliableInteraction } from 'discord.js';
import { isUserError } from '../errors.js';
import { BUSY_CODE } from '../worker/busy.js';
import type { Logger } from '../log.js';
import { noMentions } from './format.js';
import { wasInterrupted } from './shutdown.js';

export const GENERIC_ERROR = 'Something went wrong answering that — it has been logged.';
export const EXPIRED_BUTTON = 'This button has expired — ask the question again for fresh buttons.';
/** New work while the bot shuts down. */
export const RESTARTING = "I'm restarting right now — please ask again in a minute.";
/** An answer still running when the shutdown's grace period ended (replaces its "thinking…"). */
export const INTERRUPTED = 'I was restarted before I could finish this answer — please ask again in a minute.';

/** What the user is told for an error (UserError → its message; anything else → the generic apology). */
export function userMessageFor(error: unknown): string {
  return isUserError(error) ? error.message : GENERIC_ERROR;
}

/** The outcome recorded in the log for an error. */
export function outcomeFor(error: unknown): 'rate-limited' | 'busy' | 'refused' | 'error' {
  if (isUserError(error)) return error.code === 'rate_limited' ? 'rate-limited' : error.code === BUSY_CODE ? 'busy' : 'refused';
  return 'error';
}

/**
 * Tell the user (ephemerally) and log. Never throws: a failure to reply is logged too.
 */
export async function replyWithError(
  interaction: RepliableInteraction,
  error: unknown,
  logger: Logger,
  context: Record<string, unknown> = {},
): Promise<void> {
  const outcome = outcomeFor(error);
  // Closed by the shutdown notice already: its handler failing as the engine stops is not news to the user.
  if (wasInterrupted(interaction)) {
    logger.info({ ...context, outcome: 'interrupted' }, 'interaction closed by the shutdown');
    return;
  }
  if (outcome === 'error') logger.error({ ...context, outcome, err: error }, 'interaction failed');
  else logger.info({ ...context, outcome, reason: (error as Error).message }, 'interaction refused');

  const payload = { content: userMessageFor(error), flags: MessageFlags.Ephemeral as const, allowedMentions: noMentions() };
  try {
    if (interaction.deferred && !interaction.replied && !interaction.ephemeral) {
      // A public "thinking…" placeholder: the first follow-up would inherit its
      // visibility, so remove it and send the message on its own, ephemerally.
      await interaction.deleteReply().catch((e: unknown) => logger.debug({ err: e }, 'could not delete the deferred reply'));
    }
    if (interaction.deferred || interaction.replied) await interaction.followUp(payload);
    else await interaction.reply(payload);
  } catch (e) {
    logger.warn({ ...context, err: e }, 'could not tell the user about an error');
  }
}
