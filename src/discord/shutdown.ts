/**
 * Closing what a shutdown cannot wait for: a user whose answer is still being
 * worked on gets a notice instead of an endless "thinking…" (the deferred
 * reply is replaced), or a reply to their message. An interaction closed this
 * way is remembered, so a late failure of its handler (the engine stops under
 * it) does not send a second, confusing message.
 *
 * @example
 * await Promise.allSettled(unfinished.map((i) => interruptInteraction(i, logger)));
 */
import { MessageFlags, type Interaction, type Message } from 'discord.js';
import type { Logger } from '../log.js';
import { INTERRUPTED } from './errors.js';
import { noMentions, renderNotice } from './format.js';

const interrupted = new WeakSet<object>();

/** Was this interaction already closed with the shutdown notice? */
export const wasInterrupted = (interaction: object): boolean => interrupted.has(interaction);

export async function interruptInteraction(interaction: Interaction, logger: Logger): Promise<void> {
  if (!interaction.isRepliable() || interaction.replied) return;
  interrupted.add(interaction);
  try {
    if (interaction.deferred) await interaction.editReply({ content: INTERRUPTED, embeds: [], components: [], allowedMentions: noMentions() });
    else await interaction.reply({ ...renderNotice(INTERRUPTED)[0], flags: MessageFlags.Ephemeral });
  } catch (e) {
    logger.warn({ err: e }, 'could not tell the user about the shutdown');
  }
}

export async function interruptMessage(message: Message, logger: Logger): Promise<void> {
  try {
    await message.reply({ ...renderNotice(INTERRUPTED)[0], failIfNotExists: false });
  } catch (e) {
    logger.warn({ err: e }, 'could not tell the user about the shutdown');
  }
}
