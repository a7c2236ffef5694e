import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openIndex } from '../../src/engine/open.js';
import { silentLogger } from '../../src/log.js';
import { ROOT, tempDir } from '../helpers/paths.js';

/**
 * README: a quotation index emptied, cut short or changed "is named in one warning and recomputed" — here through the
 * engine's own opening of the index, not the store alone.
 */
describe('opening an index whose quotations.json was emptied', () => {
  let tmp: Awaited<ReturnType<typeof tempDir>>;
  beforeEach(async () => {
    tmp = await tempDir();
  });
  afterEach(() => tmp.cleanup());

  it('given quotations.json replaced by [], when the engine opens the index, then one warning names the damage and the quotations are recomputed (Annan still speaks)', async () => {
    const config = loadConfig({ INDEX_DIR: path.join(tmp.dir, 'index'), EMBEDDING_MODEL: 'none', LOG_LEVEL: 'silent' }, ROOT);
    const built = await openIndex({ config, logger: silentLogger(), embedder: null });
    const annan = built.quotations.filter((q) => q.speaker === 'Kofi Annan').length;
    expect(annan).toBeGreaterThan(0);
    const file = path.join(config.INDEX_DIR, 'quotations.json');
    expect(JSON.parse(await readFile(file, 'utf8'))).not.toEqual([]);
    await writeFile(file, '[]');

    const logger = silentLogger();
    const warn = vi.spyOn(logger, 'warn');
    const opened = await openIndex({ config, logger, embedder: null });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/^quotations\.json does not match what was written for 1 document .*: recomputing the quotations from the documents/);
    expect(opened.quotations.filter((q) => q.speaker === 'Kofi Annan').length).toBe(annan);
    expect(opened.quotations).toEqual(built.quotations);
  });
});
