/**
 * `npm start`: with DISCORD_TOKEN, the Discord bot; without, the terminal chat.
 * Either way a missing or stale index is built first.
 */
import { createEngine } from '../engine.js';
import { runChat } from './chat.js';
import { progressBar, run, setup, type Cli } from './common.js';

let cli: Cli | undefined;
await run(async () => {
  cli = setup();
  const { config, logger } = cli;
  const bar = progressBar();
  const engine = await createEngine({ config, logger, onProgress: bar.onProgress }).finally(() => bar.stop());
  if (!config.DISCORD_TOKEN) {
    const code = await runChat({ engine, logger });
    await engine.close();
    return code;
  }
  const { createBot } = await import('../discord/bot.js');
  const bot = createBot({ config, engine, logger });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await bot.stop().catch((err) => logger.error({ err }, 'error while stopping the bot'));
    await engine.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await bot.start();
  await new Promise(() => undefined); // run until a signal
}, () => cli?.logger);
