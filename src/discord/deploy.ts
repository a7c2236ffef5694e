/**
 * Register the slash commands with Discord: a PUT of every command's JSON to
 * `applications/{app}/guilds/{guild}/commands` when a guild is configured
 * (instant, for testing), else `applications/{app}/commands` (global).
 * Never called on `ready` — run `npm run deploy-commands` when commands change.
 *
 * @example
 * const { scope, count } = await deployCommands({ config, logger });
 */
import { DiscordAPIError, REST, Routes, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import type { Config } from '../config.js';
import { UserError } from '../errors.js';
import type { Logger } from '../log.js';
import { commandsJSON, messageCommandsJSON } from './commands/index.js';

export interface DeployResult {
  applicationId: string;
  scope: 'guild' | 'global';
  guildId?: string;
  route: string;
  count: number;
  names: string[];
}

/**
 * The application id a bot token belongs to: the token's first segment is the
 * base64 of the bot user id, which equals the application id.
 */
export function applicationIdFromToken(token: string): string | undefined {
  const first = token.replace(/^Bot\s+/i, '').split('.')[0];
  if (!first) return undefined;
  try {
    const id = Buffer.from(first.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
    return /^\d{15,21}$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

/** Minimal REST surface used here (a `@discordjs/rest` REST instance, or a test double). */
export interface CommandRest {
  put(route: `/${string}`, options: { body: unknown }): Promise<unknown>;
}

export async function deployCommands(opts: {
  config: Config;
  logger: Logger;
  rest?: CommandRest;
  commands?: RESTPostAPIApplicationCommandsJSONBody[];
}): Promise<DeployResult> {
  const { config, logger } = opts;
  const token = config.DISCORD_TOKEN;
  if (!token && !opts.rest) throw new UserError('DISCORD_TOKEN is not set — put the bot token from the Discord developer portal in .env.');
  const applicationId = config.DISCORD_APPLICATION_ID ?? (token ? applicationIdFromToken(token) : undefined);
  if (!applicationId) {
    throw new UserError('Could not tell the application id from DISCORD_TOKEN — set DISCORD_APPLICATION_ID (Developer Portal → General Information → Application ID).');
  }
  if (!/^\d{15,21}$/.test(applicationId)) throw new UserError(`DISCORD_APPLICATION_ID "${applicationId}" is not a Discord id (a 17–20 digit number).`);
  const guildId = config.DISCORD_GUILD_ID;
  if (guildId && !/^\d{15,21}$/.test(guildId)) throw new UserError(`DISCORD_GUILD_ID "${guildId}" is not a Discord id (a 17–20 digit number).`);

  const rest = opts.rest ?? new REST({ version: '10', ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}) }).setToken(token!);
  const body = opts.commands ?? [...commandsJSON(), ...messageCommandsJSON()];
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  try {
    await rest.put(route, { body });
  } catch (e) {
    if (e instanceof DiscordAPIError || (typeof e === 'object' && e !== null && 'status' in e)) {
      const status = (e as { status: number }).status;
      if (status === 401) throw new UserError('Discord rejected the token (401 Unauthorized) — check DISCORD_TOKEN.', { cause: e, code: 'unauthorized' });
      if (status === 403) throw new UserError('Discord refused (403 Forbidden) — is the bot in that guild, invited with the applications.commands scope?', { cause: e, code: 'forbidden' });
      if (status === 404) throw new UserError('Discord answered 404 — check DISCORD_APPLICATION_ID and DISCORD_GUILD_ID.', { cause: e, code: 'not_found' });
      throw new UserError(`Discord refused the commands (${status}): ${(e as unknown as Error).message}`, { cause: e });
    }
    throw new UserError(`Could not reach Discord to register commands: ${(e as Error)?.message ?? String(e)}`, { cause: e });
  }
  const result: DeployResult = {
    applicationId,
    scope: guildId ? 'guild' : 'global',
    ...(guildId ? { guildId } : {}),
    route,
    count: body.length,
    names: body.map((c) => c.name),
  };
  logger.info(result, 'slash commands registered');
  return result;
}
