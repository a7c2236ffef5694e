/**
 * `/docs add file:|url: [title:]`, `/docs list`, `/docs remove document:` —
 * a server's own documents. Registered with default_member_permissions
 * Manage Server (Discord hides it from others); the bot checks again, and
 * also admits members with DOCS_ADMIN_ROLE (a role name or id).
 *
 * Adding answers at once ("Indexing report.pdf — 0%"), then edits that
 * message with progress and, at the end, the result (pages, paragraphs,
 * quotations found) or the one-line reason it was refused. Questions are
 * answered from the previous index until the new one is swapped in.
 *
 * @example
 * await docs.execute(interaction, ctx);
 */
import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type ChatInputCommandInteraction, type GuildMember } from 'discord.js';
import type { AddInput } from '../../collections/collections.js';
import type { RegistryEntry } from '../../collections/registry.js';
import { isUserError, UserError } from '../../errors.js';
import type { BotContext, Command } from '../context.js';
import { GENERIC_ERROR } from '../errors.js';
import { cutText, escapeMarkdown, noMentions } from '../format.js';
import { LIMITS } from '../limits.js';
import { createThrottledEditor } from '../stream.js';
import { documentChoices } from './document-option.js';

/** Manage Server, or the configured admin role (by id or name). */
export function isDocsAdmin(interaction: Pick<ChatInputCommandInteraction, 'memberPermissions' | 'member' | 'guild'>, role: string | undefined): boolean {
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  if (!role) return false;
  const member = interaction.member;
  const ids: string[] = !member ? [] : Array.isArray(member.roles) ? member.roles : [...(member as GuildMember).roles.cache.keys()];
  if (ids.includes(role)) return true;
  const named = interaction.guild?.roles.cache.find((r) => r.name.toLowerCase() === role.toLowerCase());
  return !!named && ids.includes(named.id);
}

export const NOT_DOCS_ADMIN = 'Only members with Manage Server (or the role the bot’s operator chose) can change this server’s documents.';

/** "Added “Title” (report.pdf): 3 pages, 7 paragraphs, 2 quotations found." */
export function addedMessage(e: RegistryEntry): string {
  const parts = [e.pages !== undefined ? `${e.pages} ${e.pages === 1 ? 'page' : 'pages'}` : null, `${e.paragraphs} ${e.paragraphs === 1 ? 'paragraph' : 'paragraphs'}`, `${e.quotations} ${e.quotations === 1 ? 'quotation' : 'quotations'} found`].filter(Boolean);
  const named = e.name !== e.title ? ` (${escapeMarkdown(e.name)})` : '';
  return `Added “${escapeMarkdown(e.title)}”${named}: ${parts.join(', ')}. Ask about it with /ask — choose it under document: to ask it alone.`;
}

export const progressMessage = (name: string, percent: number) => `Indexing ${escapeMarkdown(name)} — ${percent}%`;

const plain = (content: string) => ({ content: cutText(content, LIMITS.content), allowedMentions: noMentions() });

async function add(interaction: ChatInputCommandInteraction, ctx: BotContext, guildId: string): Promise<void> {
  const file = interaction.options.getAttachment('file');
  const url = interaction.options.getString('url')?.trim();
  const title = interaction.options.getString('title')?.trim() || undefined;
  if (!file === !url) throw new UserError('Give either a file or a url: — one document at a time.', { code: 'bad_request' });
  const input: AddInput = file
    ? { kind: 'attachment', url: file.url, size: file.size, name: file.name, title, addedBy: interaction.user.id }
    : { kind: 'url', url: url!, name: url!, title, addedBy: interaction.user.id };
  const label = file ? file.name : url!;
  await interaction.reply(plain(progressMessage(label, 0)));
  const editor = createThrottledEditor({
    edit: async (text) => {
      await interaction.editReply(plain(text));
    },
    onError: (e) => ctx.logger.warn({ err: e }, 'could not show indexing progress'),
  });
  let final: string;
  try {
    const result = await ctx.collections!.add(guildId, input, (pct) => editor.push(progressMessage(label, pct)));
    final = addedMessage(result.entry);
  } catch (e) {
    if (!isUserError(e)) ctx.logger.error({ err: e, guildId, source: label }, 'adding a document failed');
    final = `Could not add ${escapeMarkdown(label)}: ${isUserError(e) ? e.message : GENERIC_ERROR}`;
  } finally {
    await editor.finish();
  }
  await interaction.editReply(plain(final));
}

function listMessage(entries: RegistryEntry[]): string {
  if (!entries.length) return 'This server has no documents of its own yet; questions are answered from the default document. Add one with /docs add.';
  const lines = [`This server’s documents (${entries.length}):`];
  for (const e of entries) {
    const size = [e.pages !== undefined ? `${e.pages} p.` : null, `${e.paragraphs} ¶`].filter(Boolean).join(', ');
    const line = `• **${escapeMarkdown(e.title)}** — ${escapeMarkdown(e.url ?? e.name)} (${size}), added <t:${Math.floor(Date.parse(e.addedAt) / 1000)}:R>`;
    if (lines.join('\n').length + line.length + 40 > LIMITS.content) {
      lines.push(`… and ${entries.length - lines.length + 1} more`);
      break;
    }
    lines.push(line);
  }
  return lines.join('\n');
}

export const docs: Command = {
  data: new SlashCommandBuilder()
    .setName('docs')
    .setDescription('Add, list or remove the documents this server answers from.')
    .setContexts(InteractionContextType.Guild)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((s) =>
      s
        .setName('add')
        .setDescription('Add a PDF, Word (.docx), text or HTML document: attach it, or give a link.')
        .addAttachmentOption((o) => o.setName('file').setDescription('The document file'))
        .addStringOption((o) => o.setName('url').setDescription('…or a public http(s) link to it').setMaxLength(2000))
        .addStringOption((o) => o.setName('title').setDescription('A title to cite it by (default: its own)').setMaxLength(200)),
    )
    .addSubcommand((s) => s.setName('list').setDescription('The documents this server answers from.'))
    .addSubcommand((s) =>
      s
        .setName('remove')
        .setDescription('Remove a document from this server.')
        .addStringOption((o) => o.setName('document').setDescription('Which one').setRequired(true).setAutocomplete(true).setMaxLength(LIMITS.choiceValue)),
    ),
  async execute(interaction, ctx) {
    if (!interaction.inGuild() || !ctx.collections) throw new UserError('Documents can only be managed inside a server.', { code: 'not_in_guild' });
    if (!isDocsAdmin(interaction, ctx.config.DOCS_ADMIN_ROLE)) throw new UserError(NOT_DOCS_ADMIN, { code: 'forbidden' });
    const guildId = interaction.guildId;
    const sub = interaction.options.getSubcommand();
    if (sub === 'add') return add(interaction, ctx, guildId);
    if (sub === 'list') {
      await interaction.reply({ ...plain(listMessage(await ctx.collections.list(guildId))), flags: MessageFlags.Ephemeral });
      return;
    }
    const id = interaction.options.getString('document', true);
    const entries = await ctx.collections.list(guildId);
    const entry = entries.find((e) => e.id === id) ?? entries.find((e) => e.title.toLowerCase() === id.toLowerCase());
    if (!entry) throw new UserError('That document is not in this server’s list; pick one from the choices as you type.', { code: 'not_found' });
    await interaction.deferReply();
    const removed = await ctx.collections.remove(guildId, entry.id);
    await interaction.editReply(plain(`Removed “${escapeMarkdown(removed.title)}”. It is no longer used in this server’s answers.`));
  },
  async autocomplete(interaction, ctx) {
    if (!interaction.inGuild() || !ctx.collections || !isDocsAdmin(interaction as never, ctx.config.DOCS_ADMIN_ROLE)) return interaction.respond([]);
    const typed = String(interaction.options.getFocused() ?? '');
    await interaction.respond(documentChoices(await ctx.collections.list(interaction.guildId), typed));
  },
};

export default docs;
