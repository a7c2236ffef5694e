/**
 * `npm start`: with DISCORD_TOKEN, the Discord bot; without, the terminal chat.
 * Either way a missing or stale index is built first.
 */
import { fileURLToPath } from 'node:url';
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
  if (config.SHARDS !== undefined && !config.SHARDING_MANAGER) {
    // This process is the manager: it spawns one process per shard (each runs this same file) and keeps them alive.
    const { startShardManager } = await import('../discord/shards.js');
    await engine.close(); // the index is built and fresh; each shard opens its own engine
    const manager = await startShardManager({ config, logger, file: fileURLToPath(import.meta.url), execArgv: process.execArgv });
    const stop = async (signal: string) => {
      logger.info({ signal }, 'shutting down shards');
      await manager.stop();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
    await new Promise(() => undefined); // run until a signal
  }
  const { createBot } = await import('../discord/bot.js');
  const { openState } = await import('../state/index.js');
  // Conversations and feedback survive restarts: the embedded database, or DATABASE_URL's server.
  const state = await openState({ url: config.DATABASE_URL, dir: config.STATE_DIR, maxTurns: config.CONVERSATION_MAX_TURNS, ttlMs: config.CONVERSATION_TTL_MINUTES * 60_000 });
  logger.info({ state: state.db.kind }, 'state database open');
  const metrics = config.METRICS_PORT !== undefined ? (await import('../ops/metrics.js')).createMetrics() : undefined;
  const bot = createBot({ config, engine, logger, conversations: state.conversations, feedback: state.feedback, metrics });
  const ops = metrics
    ? await (await import('../ops/server.js')).startOpsServer({ port: config.METRICS_PORT!, host: config.METRICS_HOST, metrics, index: () => ({ documents: engine.about().documents.length, chunks: engine.about().chunks }) })
    : undefined;
  if (ops) logger.info({ port: ops.port, host: config.METRICS_HOST }, 'serving /healthz and /metrics');
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await bot.stop().catch((err) => logger.error({ err }, 'error while stopping the bot'));
    await engine.close();
    await ops?.close();
    await state.close().catch((err) => logger.error({ err }, 'error while closing the state database'));
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await bot.start();
  await new Promise(() => undefined); // run until a signal
}, () => cli?.logger);
