/**
 * The `document:` option of /ask, /quote and /summary: autocomplete on the
 * titles of this server's documents (the scoped engine's — never another
 * server's), and reading the choice back as a document id.
 *
 * @example
 * new SlashCommandBuilder().addStringOption(documentOption);
 * const doc = chosenDocument(interaction, ctx); // id or undefined
 */
import type { ApplicationCommandOptionChoiceData, ChatInputCommandInteraction, SlashCommandStringOption } from 'discord.js';
import { UserError } from '../../errors.js';
import type { BotContext } from '../context.js';
import { LIMITS } from '../limits.js';
import { ellipsize as fit } from '../format.js';

export const DOCUMENT_OPTION = 'document';

export const documentOption = (o: SlashCommandStringOption) =>
  o.setName(DOCUMENT_OPTION).setDescription('Only this document (default: all of them)').setAutocomplete(true).setMaxLength(LIMITS.choiceValue);

/** Choices whose title (or id) contains what was typed, titles as names, ids as values. */
export function documentChoices(docs: readonly { id: string; title: string }[], typed: string): ApplicationCommandOptionChoiceData<string>[] {
  const t = typed.trim().toLowerCase();
  return docs
    .filter((d) => d.id.length <= LIMITS.choiceValue && (!t || d.title.toLowerCase().includes(t) || d.id.toLowerCase().includes(t)))
    .slice(0, LIMITS.autocompleteChoices)
    .map((d) => ({ name: fit(d.title || d.id, LIMITS.choiceName), value: d.id }));
}

/**
 * The chosen document's id: a picked choice, or a typed title matched exactly
 * (case-insensitive) or by a unique beginning. Unknown → one clear message.
 */
export function chosenDocument(interaction: Pick<ChatInputCommandInteraction, 'options'>, ctx: Pick<BotContext, 'engine'>): string | undefined {
  const raw = interaction.options.getString(DOCUMENT_OPTION)?.trim();
  if (!raw) return undefined;
  const docs = ctx.engine.documents();
  const byId = docs.find((d) => d.id === raw);
  if (byId) return byId.id;
  const t = raw.toLowerCase();
  const exact = docs.filter((d) => d.title.toLowerCase() === t);
  const prefix = exact.length ? exact : docs.filter((d) => d.title.toLowerCase().startsWith(t));
  if (prefix.length === 1) return prefix[0]!.id;
  throw new UserError(`There is no document called “${fit(raw, 80)}” here — pick one from the list that appears as you type.`, { code: 'unknown_document' });
}
