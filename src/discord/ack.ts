/**
 * Interaction acknowledgement that survives retries. Discord applies a
 * callback and may still answer 5xx (or the connection drops); the REST client
 * retries, and the retry gets 400 code 40060 "already acknowledged". That
 * error means the first attempt worked: the interaction is deferred (or
 * replied to), so the answer must follow as an edit, not be dropped — else
 * the user is left on "thinking…" forever.
 *
 * `tolerateAlreadyAcknowledged` makes an interaction's acknowledging methods
 * treat 40060 as success (recording the state the call would have set) and
 * makes `deferReply` idempotent, so the router can acknowledge first and a
 * command's own `deferReply()` after it is a no-op.
 *
 * @example
 * tolerateAlreadyAcknowledged(interaction);
 * await acknowledge(interaction);          // deferReply, before any engine work
 * await command.execute(interaction, ctx); // its own deferReply() is a no-op now
 */
import { DiscordAPIError, MessageFlags, RESTJSONErrorCodes, type RepliableInteraction } from 'discord.js';

/** Is this error Discord's "Interaction has already been acknowledged" (40060)? */
export const isAlreadyAcknowledged = (e: unknown): boolean => e instanceof DiscordAPIError && e.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged;

const patched = new WeakSet<object>();

type AnyFn = (...args: any[]) => Promise<any>;
const flagsOf = (options: unknown): number => {
  const f = (options as { flags?: unknown } | undefined)?.flags;
  return typeof f === 'number' ? f : 0;
};

/** Patch this interaction instance (once): 40060 on deferReply/reply/deferUpdate/update counts as done; a repeated deferReply is a no-op. */
export function tolerateAlreadyAcknowledged(interaction: RepliableInteraction): void {
  if (patched.has(interaction)) return;
  patched.add(interaction);
  const target = interaction as unknown as Record<string, AnyFn> & { deferred: boolean; replied: boolean; ephemeral: boolean | null };
  const wrap = (name: string, after: (options: unknown) => Promise<unknown>, skipWhenAcknowledged = false) => {
    const original = target[name];
    if (typeof original !== 'function') return;
    target[name] = async function (this: unknown, options?: unknown) {
      if (skipWhenAcknowledged && (target.deferred || target.replied)) return undefined;
      try {
        return await original.call(interaction, options);
      } catch (e) {
        if (!isAlreadyAcknowledged(e)) throw e;
        return after(options);
      }
    };
  };
  wrap(
    'deferReply',
    async (options) => {
      target.deferred = true;
      target.ephemeral = (flagsOf(options) & MessageFlags.Ephemeral) !== 0;
      return undefined;
    },
    true,
  );
  wrap('reply', async (options) => {
    target.replied = true;
    target.ephemeral = (flagsOf(options) & MessageFlags.Ephemeral) !== 0;
    if (!(options as { withResponse?: boolean } | undefined)?.withResponse) return undefined;
    // The reply exists; hand back its message as the callback response would have.
    const message = await (interaction as RepliableInteraction).fetchReply().catch(() => undefined);
    return { resource: message ? { message } : undefined };
  });
  wrap('deferUpdate', async () => {
    target.deferred = true;
    return undefined;
  });
  wrap('update', async () => {
    target.replied = true;
    return undefined;
  });
}

/** Acknowledge (defer publicly) unless already done; 40060 counts as done. */
export async function acknowledge(interaction: RepliableInteraction): Promise<void> {
  tolerateAlreadyAcknowledged(interaction);
  if (interaction.deferred || interaction.replied) return;
  await interaction.deferReply();
}
