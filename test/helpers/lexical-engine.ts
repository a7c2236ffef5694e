import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import type { Engine } from '../../src/engine-api.js';
import { silentLogger } from '../../src/log.js';
import { ROOT, tempDir } from './paths.js';

/**
 * One lexical-only engine over the default document for the enclosing suite: built in `beforeAll`
 * into a temp index, closed and removed in `afterAll`.
 *
 * @example
 * const lexical = useLexicalEngine();
 * it('…', async () => { const a = await lexical.engine.ask('What did Annan tell the Council?'); });
 */
export function useLexicalEngine(): { readonly engine: Engine } {
  let engine: Engine | undefined;
  let tmp: Awaited<ReturnType<typeof tempDir>> | undefined;
  beforeAll(async () => {
    tmp = await tempDir();
    const config = loadConfig({ INDEX_DIR: `${tmp.dir}/index`, EMBEDDING_MODEL: 'none', LOG_LEVEL: 'silent' }, ROOT);
    engine = await createEngine({ config, logger: silentLogger(), embedder: null });
  });
  afterAll(async () => {
    await engine?.close();
    await tmp?.cleanup();
  });
  return {
    get engine() {
      if (!engine) throw new Error('the lexical engine is built in beforeAll');
      return engine;
    },
  };
}
