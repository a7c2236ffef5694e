/**
 * `npm start`: with DISCORD_TOKEN, the Discord bot; without, the terminal chat.
 * Either way a missing or stale index is built first.
 *
 * The bot runs the engine in worker threads (ENGINE_WORKERS; 0 = in this
 * thread), so this thread stays free to acknowledge interactions and to
 * answer signals. SIGTERM/SIGINT drain: new work is refused with a notice,
 * answers in progress get SHUTDOWN_GRACE_MS to finish, the rest a notice,
 * then it logs out and exits 0. Repeated signals (npm and tsx both relay
 * them) do not cut the drain short; a hard deadline bounds it. Lost
 * credentials mid-session exit with AUTH_LOST_EXIT_CODE after one log line.
 */
import { createEngine } from '../engine.js';
import type { Engine } from '../engine-api.js';
import { runChat } from './chat.js';
import { progressBar, run, setup, type Cli } from './common.js';

/** Beyond the grace period: time for notices, logout and closing the workers before exiting anyway. */
const SHUTDOWN_SLACK_MS = 8000;

let cli: Cli | undefined;
await run(async () => {
  cli = setup();
  const { config, logger } = cli;
  const bar = progressBar();
  if (!config.DISCORD_TOKEN) {
    const engine = await createEngine({ config, logger, onProgress: bar.onProgress }).finally(() => bar.stop());
    const code = await runChat({ engine, logger });
    await engine.close();
    return code;
  }
  let engine: Engine;
  if (config.ENGINE_WORKERS > 0) {
    const { createWorkerEngine } = await import('../worker/engine-pool.js');
    engine = await createWorkerEngine({ config, logger, onProgress: bar.onProgress }).finally(() => bar.stop());
  } else {
    engine = await createEngine({ config, logger, onProgress: bar.onProgress }).finally(() => bar.stop());
  }
  const { createBot } = await import('../discord/bot.js');
  const { AUTH_LOST_EXIT_CODE } = await import('../discord/fatal.js');
  let stopping = false;
  /** Stop everything and exit with `code`, within a bounded time whatever hangs. */
  const exit = async (code: number, graceMs: number) => {
    if (stopping) return;
    stopping = true;
    const deadline = setTimeout(() => {
      logger.error({ deadlineMs: graceMs + SHUTDOWN_SLACK_MS }, 'shutdown did not finish in time; exiting anyway');
      process.exit(code || 1);
    }, graceMs + SHUTDOWN_SLACK_MS);
    deadline.unref();
    await bot.stop({ graceMs }).catch((err) => logger.error({ err }, 'error while stopping the bot'));
    await engine.close().catch((err) => logger.error({ err }, 'error while stopping the engine'));
    logger.info({ code }, 'stopped');
    process.exit(code);
  };
  const bot = createBot({ config, engine, logger, onFatal: () => void exit(AUTH_LOST_EXIT_CODE, 0) });
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return logger.debug({ signal }, 'already shutting down');
    logger.info({ signal, inFlight: bot.inFlight(), graceMs: config.SHUTDOWN_GRACE_MS }, 'shutting down');
    void exit(0, config.SHUTDOWN_GRACE_MS);
  };
  // `on`, not `once`: a second relayed signal must not fall through to the default (immediate exit).
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await bot.start();
  } catch (e) {
    await engine.close(); // the worker threads would keep the process alive
    throw e;
  }
  await new Promise(() => undefined); // run until a signal
}, () => cli?.logger);
