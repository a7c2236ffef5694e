/**
 * `/about` — the indexed document(s), paragraph counts, the retrieval model
 * (or lexical-only), the LLM if any, and the index age (ephemeral).
 *
 * @example
 * await about.execute(interaction, ctx);
 */
import { InteractionContextType, MessageFlags, SlashCommandBuilder, type APIEmbed } from 'discord.js';
import type { About } from '../../engine-api.js';
import type { Command } from '../context.js';
import { EMBED_COLOR, escapeMarkdown, noMentions } from '../format.js';
import { LIMITS } from '../limits.js';

/** The /about embed (pure). */
export function aboutEmbed(info: About, now: number): APIEmbed {
  const lines: string[] = [];
  let used = 0;
  info.documents.forEach((d, i) => {
    const line = `• ${escapeMarkdown(d.title || d.id)} — ${d.paragraphs} paragraphs, ${d.chars.toLocaleString('en-US')} characters`;
    const tail = `… and ${info.documents.length - i} more`;
    if (used + line.length + 1 + tail.length > LIMITS.fieldValue) {
      if (!lines.at(-1)?.startsWith('…')) lines.push(tail);
      return;
    }
    lines.push(line);
    used += line.length + 1;
  });
  const built = Date.parse(info.builtAt);
  const age = Number.isFinite(built) ? `<t:${Math.floor(built / 1000)}:R> (${new Date(built).toISOString()})` : escapeMarkdown(info.builtAt || 'unknown');
  const ageMin = Number.isFinite(built) ? Math.max(0, Math.round((now - built) / 60_000)) : null;
  return {
    color: EMBED_COLOR,
    title: 'About this bot',
    fields: [
      { name: info.documents.length === 1 ? 'Document' : `Documents (${info.documents.length})`, value: lines.join('\n').slice(0, LIMITS.fieldValue) || 'none' },
      { name: 'Passages indexed', value: String(info.chunks), inline: true },
      {
        name: 'Retrieval',
        value: (info.model ? `${escapeMarkdown(info.model)}${info.dim ? ` (${info.dim} dimensions)` : ''} + lexical` : 'lexical only (no embedding model)').slice(0, LIMITS.fieldValue),
        inline: true,
      },
      { name: 'Answers', value: (info.llm ? `LLM ${escapeMarkdown(info.llm)}, quotations verified` : 'extractive — verbatim quotations only').slice(0, LIMITS.fieldValue), inline: true },
      { name: 'Index built', value: `${age}${ageMin !== null ? ` — ${ageMin} min ago` : ''}`.slice(0, LIMITS.fieldValue) },
    ],
  };
}

export const about: Command = {
  data: new SlashCommandBuilder()
    .setName('about')
    .setDescription('Which document I answer from, and how.')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM),
  async execute(interaction, ctx) {
    await interaction.reply({ embeds: [aboutEmbed(ctx.engine.about(), ctx.clock())], flags: MessageFlags.Ephemeral, allowedMentions: noMentions() });
  },
};

export default about;
