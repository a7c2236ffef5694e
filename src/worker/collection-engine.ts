/**
 * A server collection's engine in a worker thread (the bot's worker mode):
 * its questions, summaries and verifications run off the thread that talks
 * to Discord, like the default corpus's, with the same bounded queue and
 * "busy". One thread per open collection; DOCS_OPEN_COLLECTIONS bounds how
 * many are open (the least recently used is closed, and its thread with it).
 *
 * @example
 * const collections = createCollections({ ..., openEngine: collectionWorkerEngine({ config, logger }) });
 */
import type { Config } from '../config.js';
import type { Engine } from '../engine-api.js';
import type { Logger } from '../log.js';
import { createWorkerEngine } from './engine-pool.js';

export function collectionWorkerEngine(opts: { config: Config; logger: Logger }): (indexDir: string) => Promise<Engine> {
  return (indexDir) => createWorkerEngine({ config: { ...opts.config, INDEX_DIR: indexDir, DOCUMENTS: [] }, logger: opts.logger, workers: 1 });
}
