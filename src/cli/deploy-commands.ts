/**
 * `npm run deploy-commands` — register the bot's slash commands: to one guild
 * when DISCORD_GUILD_ID is set (instant), else globally (can take up to an
 * hour to appear). Reads `.env`. Prints one line; exits 1 with a one-line
 * reason on failure (missing token, 401, …).
 *
 * @example
 * // DISCORD_TOKEN=… DISCORD_GUILD_ID=123… npm run deploy-commands
 * import { deployCommands } from './deploy-commands.js';
 * await deployCommands({ config, logger });
 */
import 'dotenv/config';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../config.js';
import { deployCommands } from '../discord/deploy.js';
import { describeError } from '../errors.js';
import { createLogger } from '../log.js';

export { applicationIdFromToken, deployCommands, type DeployResult } from '../discord/deploy.js';

async function main(): Promise<number> {
  try {
    const config = loadConfig(process.env);
    const logger = createLogger({ level: config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, secrets: [config.DISCORD_TOKEN] });
    const r = await deployCommands({ config, logger });
    console.log(
      `Registered ${r.count} commands (${r.names.map((n) => (/\s/.test(n) ? `“${n}”` : `/${n}`)).join(', ')}) ${r.scope === 'guild' ? `in guild ${r.guildId} — available now` : 'globally — they may take up to an hour to appear'}.`,
    );
    return 0;
  } catch (e) {
    console.error(describeError(e));
    return 1;
  }
}

const invoked = process.argv[1] ? pathToFileURL(path.resolve(process.argv[1])).href : '';
if (import.meta.url === invoked) process.exitCode = await main();
