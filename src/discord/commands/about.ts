/**
 * `/about` — the indexed document(s), paragraph counts, the retrieval model
 * (or lexical-only), the LLM if any, and the index age (ephemeral).
 *
 * @example
 * await about.execute(interaction, ctx);
 */
import { InteractionContextType, MessageFlags, SlashCommandBuilder, time, TimestampStyles, type APIEmbed } from 'discord.js';
import type { About } from '../../engine-api.js';
import { docInfo } from '../../present/documents.js';
import type { Command } from '../context.js';
import { docName, EMBED_COLOR, escapeMarkdown, noMentions } from '../format.js';
import { LIMITS } from '../limits.js';

/** The /about embed (pure). */
export function aboutEmbed(facts: About): APIEmbed {
  const lines: string[] = [];
  let used = 0;
  facts.documents.forEach((d, i) => {
    const line = `• ${docName(docInfo({ id: d.id, title: d.title }))} — ${d.paragraphs} paragraphs, ${d.chars.toLocaleString('en-US')} characters`;
    const tail = `… and ${facts.documents.length - i} more`;
    if (used + line.length + 1 + tail.length > LIMITS.fieldValue) {
      if (!lines.at(-1)?.startsWith('…')) lines.push(tail);
      return;
    }
    lines.push(line);
    used += line.length + 1;
  });
  // One time, one way: Discord shows it relative ("3 hours ago") in the reader's locale, the full date on hover.
  const built = Date.parse(facts.builtAt);
  const age = Number.isFinite(built) ? time(new Date(built), TimestampStyles.RelativeTime) : escapeMarkdown(facts.builtAt || 'unknown');
  return {
    color: EMBED_COLOR,
    title: 'About this bot',
    fields: [
      { name: facts.documents.length === 1 ? 'Document' : `Documents (${facts.documents.length})`, value: lines.join('\n').slice(0, LIMITS.fieldValue) || 'none' },
      { name: 'Passages indexed', value: String(facts.chunks), inline: true },
      {
        name: 'Retrieval',
        value: (facts.model ? `${escapeMarkdown(facts.model)}${facts.dim ? ` (${facts.dim} dimensions)` : ''} + lexical` : 'lexical only (no embedding model)').slice(0, LIMITS.fieldValue),
        inline: true,
      },
      { name: 'Answers', value: (facts.llm ? `LLM ${escapeMarkdown(facts.llm)}, quotations verified` : 'extractive — verbatim quotations only').slice(0, LIMITS.fieldValue), inline: true },
      { name: 'Index built', value: age.slice(0, LIMITS.fieldValue) },
    ],
  };
}

export const about: Command = {
  data: new SlashCommandBuilder()
    .setName('about')
    .setDescription('Which document I answer from, and how.')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM),
  async execute(interaction, ctx) {
    await interaction.reply({ embeds: [aboutEmbed(ctx.engine.about())], flags: MessageFlags.Ephemeral, allowedMentions: noMentions() });
  },
};

export default about;
