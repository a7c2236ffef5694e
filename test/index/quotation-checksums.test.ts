import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { QUOTER } from '../../src/engine/open.js';
import { ingest, readIndex } from '../../src/index/store.js';
import { silentLogger } from '../../src/log.js';
import { useCorpus } from './corpus.js';

/**
 * quotations.json is checked against a per-document checksum in the manifest: emptied, cut short or replaced by
 * other quotations (still valid JSON, every offset inside its text), it is found out on load, said in one sentence,
 * and recomputed — never served as "nobody said anything".
 */
const c = useCorpus();
const run = (logger = silentLogger()) => ingest({ dir: c.dir, root: c.tmp, sources: ['docs'], embedder: null, quoter: QUOTER, logger });
const file = () => path.join(c.dir, 'quotations.json');
const stored = async () => JSON.parse(await readFile(file(), 'utf8')) as { doc: string; start: number; end: number; quote: string }[];

describe('stored quotations checked against the manifest', () => {
  it('an intact index reads back without complaint', async () => {
    await run();
    const back = (await readIndex(c.dir))!;
    expect(back.quotations.length).toBeGreaterThan(3); // the UN story quotes Kofi Annan
    expect(back.quotationDamage).toBeUndefined();
    expect(back.manifest.quoter).toBe(QUOTER.version);
  });

  const damage: Record<string, (qs: Awaited<ReturnType<typeof stored>>) => unknown[]> = {
    'replaced by []': () => [],
    'cut short (last quotation gone)': (qs) => qs.slice(0, -1),
    "another document's words at the same offsets": (qs) => qs.map((q, i) => (i === 0 ? { ...q, quote: 'something else entirely', speaker: 'Nobody' } : q)),
  };
  for (const [what, edit] of Object.entries(damage)) {
    it(`quotations.json ${what}: detected on load, named, and recomputed by the next ingest`, async () => {
      await run();
      const original = await stored();
      await writeFile(file(), JSON.stringify(edit(original)));
      const back = (await readIndex(c.dir))!;
      expect(back.quotationDamage).toMatch(/^quotations\.json does not match what was written for 1 document \(docs\/un\.txt; \d+ quotations? found for it\)$/);
      expect(back.manifest.quoter).not.toBe(QUOTER.version); // every reader recomputes
      const logger = silentLogger();
      const warn = vi.spyOn(logger, 'warn');
      const { index } = await run(logger);
      expect(warn).not.toHaveBeenCalled();
      expect(index.quotations.length).toBe(original.length);
      expect(await stored()).toEqual(original);
      expect((await readIndex(c.dir))!.quotationDamage).toBeUndefined();
    });
  }

  it('an index written before the checksums (no checksum in its manifest) is read as before', async () => {
    await run();
    const m = path.join(c.dir, 'manifest.json');
    const manifest = JSON.parse(await readFile(m, 'utf8'));
    for (const d of manifest.documents) delete d.quotations;
    await writeFile(m, JSON.stringify(manifest));
    await writeFile(file(), '[]');
    const back = (await readIndex(c.dir))!;
    expect(back.quotationDamage).toBeUndefined();
  });
});
