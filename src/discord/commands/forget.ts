/**
 * `/forget` (server managers only) — drop the bot's conversation memory for
 * this server. Gated twice: `default_member_permissions` = Manage Server
 * (Discord hides it from others; admins may re-grant it in Integrations),
 * and a check of the invoker's permissions here.
 *
 * @example
 * await forget.execute(interaction, ctx);
 */
import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { UserError } from '../../errors.js';
import type { Command } from '../context.js';
import { noMentions } from '../format.js';

export const forget: Command = {
  data: new SlashCommandBuilder()
    .setName('forget')
    .setDescription('Admin: forget every conversation I remember in this server.')
    .setContexts(InteractionContextType.Guild)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild),
  async execute(interaction, ctx) {
    if (!interaction.inGuild()) throw new UserError('/forget only works in a server.');
    if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      throw new UserError('Only members with the Manage Server permission can use /forget.', { code: 'forbidden' });
    }
    const n = await ctx.conversations.clear(`g:${interaction.guildId}:`);
    ctx.logger.info({ source: 'slash:forget', userId: interaction.user.id, guildId: interaction.guildId, dropped: n }, 'conversations forgotten');
    await interaction.reply({
      content: `Done — I forgot ${n} conversation${n === 1 ? '' : 's'} in this server.`,
      flags: MessageFlags.Ephemeral,
      allowedMentions: noMentions(),
    });
  },
};

export default forget;
