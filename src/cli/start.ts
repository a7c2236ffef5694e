/**
 * `npm start`: with DISCORD_TOKEN, the Discord bot; without, the terminal chat.
 * Either way a missing or stale index is built first.
 *
 * The bot runs the engine in worker threads (ENGINE_WORKERS; 0 = in this
 * thread), so this thread stays free to acknowledge interactions and to
 * answer signals. SIGTERM/SIGINT drain: new work is refused with a notice,
 * answers in progress get SHUTDOWN_GRACE_MS to finish, the rest a notice,
 * then it logs out and exits 0. Repeated signals do not cut the drain short;
 * a hard deadline bounds it. Lost credentials mid-session exit with
 * AUTH_LOST_EXIT_CODE after one log line.
 */
import { fileURLToPath } from 'node:url';
import { lazyEmbedder } from '../embed/lazy.js';
import type { Embedder } from '../embed/types.js';
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
  const sharded = config.SHARDS !== undefined && !config.SHARDING_MANAGER;
  let engine: Engine;
  const workers = !!config.DISCORD_TOKEN && !sharded && config.ENGINE_WORKERS > 0;
  /** The model in this thread: shared by the default corpus (without workers) and every server's collection (/docs). */
  // The engine's modules load in this thread only when it needs them (no workers, or a server's /docs): with workers, the worker threads have their own.
  const modelHere = async () => (await import('../engine.js')).loadModel({ model: config.EMBEDDING_MODEL, cacheDir: config.MODEL_CACHE_DIR, allowRemote: config.ALLOW_REMOTE_MODELS, batchSize: config.EMBEDDING_BATCH_SIZE, dtype: config.EMBEDDING_DTYPE, logger, root: config.root, onProgress: bar.onProgress });
  let embedder: Embedder | null = null;
  /**
   * With workers, the default corpus's model lives in the worker; this thread needs its own only when a server
   * builds or searches its own documents (/docs): loaded then, once. The worker's index says which model and dimension.
   */
  const modelForCollections = (e: Engine): Promise<Embedder | null> | Embedder => {
    const { model, dim } = e.about();
    return model && dim ? lazyEmbedder(modelHere, { key: model, dim }) : modelHere();
  };
  if (workers) {
    // The bot: the engine in worker threads (the first one builds a missing or stale index).
    const { createWorkerEngine } = await import('../worker/engine-pool.js');
    engine = await createWorkerEngine({ config, logger, onProgress: bar.onProgress }).finally(() => bar.stop());
  } else {
    embedder = await modelHere().catch((e) => {
      bar.stop();
      throw e;
    });
    const { createEngine } = await import('../engine.js');
    engine = await createEngine({ config, logger, embedder, onProgress: bar.onProgress }).finally(() => bar.stop());
  }
  if (!config.DISCORD_TOKEN) {
    const code = await runChat({ engine, logger });
    await engine.close();
    return code;
  }
  if (sharded) {
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
  const { AUTH_LOST_EXIT_CODE } = await import('../discord/fatal.js');
  const { openState, stateOptions } = await import('../state/index.js');
  // Conversations and feedback survive restarts: the embedded database, or DATABASE_URL's server.
  const state = await openState(stateOptions(config));
  logger.info({ state: state.db.kind }, 'state database open');
  const metrics = config.METRICS_PORT !== undefined ? (await import('../ops/metrics.js')).createMetrics() : undefined;
  // One document collection per server (/docs); with workers, each open collection answers from its own worker thread.
  const { createCollections } = await import('../collections/collections.js');
  const collections = createCollections({
    config,
    logger,
    embedder: workers ? await modelForCollections(engine) : embedder,
    defaultEngine: engine,
    ...(workers ? { openDefault: async () => (await import('../worker/engine-pool.js')).createWorkerEngine({ config, logger }), openEngine: (await import('../worker/collection-engine.js')).collectionWorkerEngine({ config, logger }) } : {}),
  });
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
    await collections.close().catch((err) => logger.error({ err }, 'error while closing the collections'));
    await engine.close().catch((err) => logger.error({ err }, 'error while stopping the engine'));
    await ops?.close();
    await state.close().catch((err) => logger.error({ err }, 'error while closing the state database'));
    logger.info({ code }, 'stopped');
    process.exit(code);
  };
  const bot = createBot({ config, engine, logger, conversations: state.conversations, feedback: state.feedback, metrics, collections, onFatal: () => void exit(AUTH_LOST_EXIT_CODE, 0) });
  const ops = metrics
    ? await (await import('../ops/server.js')).startOpsServer({ port: config.METRICS_PORT!, host: config.METRICS_HOST, metrics, index: () => ({ documents: engine.about().documents.length, chunks: engine.about().chunks }) })
    : undefined;
  if (ops) logger.info({ port: ops.port, host: config.METRICS_HOST }, 'serving /healthz and /metrics');
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
