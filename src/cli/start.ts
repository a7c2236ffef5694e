/**
 * `npm start`: with DISCORD_TOKEN, the Discord bot; without, the terminal chat.
 * Either way a missing or stale index is built first.
 */
import { createEngine, loadModel } from '../engine.js';
import { runChat } from './chat.js';
import { progressBar, run, setup, type Cli } from './common.js';

let cli: Cli | undefined;
await run(async () => {
  cli = setup();
  const { config, logger } = cli;
  const bar = progressBar();
  // The model is loaded once and shared by the default corpus and every server's collection.
  const embedder = await loadModel({ model: config.EMBEDDING_MODEL, cacheDir: config.MODEL_CACHE_DIR, allowRemote: config.ALLOW_REMOTE_MODELS, batchSize: config.EMBEDDING_BATCH_SIZE, dtype: config.EMBEDDING_DTYPE, logger, root: config.root, onProgress: bar.onProgress }).catch((e) => {
    bar.stop();
    throw e;
  });
  const engine = await createEngine({ config, logger, embedder, onProgress: bar.onProgress }).finally(() => bar.stop());
  if (!config.DISCORD_TOKEN) {
    const code = await runChat({ engine, logger });
    await engine.close();
    return code;
  }
  const { createBot } = await import('../discord/bot.js');
  const { createCollections } = await import('../collections/collections.js');
  const collections = createCollections({ config, logger, embedder, defaultEngine: engine });
  const bot = createBot({ config, engine, logger, collections });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await bot.stop().catch((err) => logger.error({ err }, 'error while stopping the bot'));
    await collections.close().catch((err) => logger.error({ err }, 'error while closing the collections'));
    await engine.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await bot.start();
  await new Promise(() => undefined); // run until a signal
}, () => cli?.logger);
