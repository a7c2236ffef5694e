import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ingest, readIndex, IndexCorruptError, writeIndex } from '../../src/index/store.js';
import { silentLogger } from '../../src/log.js';
import { hashEmbedder } from '../helpers/hash-embedder.js';
import { quoter, useCorpus } from './corpus.js';

const c = useCorpus();

const run = (embedder = hashEmbedder(), extra: Partial<Parameters<typeof ingest>[0]> = {}) =>
  ingest({ dir: c.dir, root: c.tmp, sources: ['docs'], embedder, quoter, logger: silentLogger(), ...extra });

describe('ingest', () => {
  it('given a folder, when ingested, then every document, chunk and vector is stored and reads back identical', async () => {
    const e = hashEmbedder();
    const { report, index } = await run(e);
    expect(report.added.sort()).toEqual(['docs/b.md', 'docs/un.txt']);
    expect(report.chunks).toBe(10);
    expect(e.embedded).toBe(10);
    const back = (await readIndex(c.dir))!;
    expect(back.documents.map((d) => d.text)).toEqual(index.documents.map((d) => d.text));
    expect(back.vectors!.size).toBe(10);
    expect(back.manifest).toMatchObject({ model: e.id, dim: 64, chunker: expect.any(String) });
    for (const c of back.chunks) expect(Array.from(back.vectors!.get(c.id)!)).toEqual(Array.from(index.vectors!.get(c.id)!));
    expect(back.lexical.search('budget Friday', 3)[0]!.id).toBe('docs/b.md#1');
  });

  it('given an unchanged corpus, when ingested again, then nothing is re-embedded and the index is not rewritten', async () => {
    await run();
    const before = (await readFile(path.join(c.dir, 'manifest.json'), 'utf8'));
    const e = hashEmbedder();
    const { report } = await run(e);
    expect(report.unchanged.sort()).toEqual(['docs/b.md', 'docs/un.txt']);
    expect(e.embedded).toBe(0);
    expect(await readFile(path.join(c.dir, 'manifest.json'), 'utf8')).toBe(before);
  });

  it('given one changed document, when ingested again, then only its chunks are re-embedded and the other document is kept', async () => {
    await run();
    await writeFile(path.join(c.docs, 'b.md'), '# Other\n\nThe budget was rejected on Monday.');
    const e = hashEmbedder();
    const { report, index } = await run(e);
    expect(report.updated).toEqual(['docs/b.md']);
    expect(e.embedded).toBe(1);
    expect(report.reused).toBe(8);
    expect(index.documents.map((d) => d.id).sort()).toEqual(['docs/b.md', 'docs/un.txt']);
    expect(index.documents.find((d) => d.id === 'docs/b.md')!.text).toContain('rejected');
    expect(index.lexical.search('rejected', 1)[0]!.id).toBe('docs/b.md#1');
  });

  it('given a different model, when ingested, then everything is re-embedded with a clear warning (never a mix of vector spaces)', async () => {
    await run(hashEmbedder('model-a', 64));
    const logger = silentLogger();
    const warn = vi.spyOn(logger, 'warn');
    const e = hashEmbedder('model-b', 32);
    const { report, index } = await run(e, { logger });
    expect(report.rebuildReason).toMatch(/model-a → model-b/);
    expect(e.embedded).toBe(10);
    expect(index.vectors!.dim).toBe(32);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/Re-embedding every document/));
  });

  it('given --rebuild, when ingested, then the index is built from scratch', async () => {
    await run();
    const e = hashEmbedder();
    const { report } = await run(e, { rebuild: true });
    expect(report.added).toHaveLength(2);
    expect(e.embedded).toBe(10);
  });

  it('given no model, when ingested, then a lexical-only index is stored and readable', async () => {
    const { index } = await run(null as never);
    expect(index.vectors).toBeNull();
    const back = (await readIndex(c.dir))!;
    expect(back.manifest.model).toBeNull();
    expect(back.lexical.search('Council', 3).length).toBeGreaterThan(0);
  });

  it('given a bad file among good ones, when ingested, then the good ones are indexed and the bad one reported', async () => {
    await writeFile(path.join(c.docs, 'bad.txt'), new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 0, 0]));
    const { report } = await run();
    expect(report.failed).toEqual([{ source: path.join(c.docs, 'bad.txt'), error: expect.stringMatching(/binary/), code: 'binary' }]);
    expect(report.added).toHaveLength(2);
  });
});

describe('atomic writes and damage', () => {
  it('given a crash while writing, when the index is read, then the previous index is intact', async () => {
    const { index } = await run();
    const broken = { ...index, lexical: { search: () => [], toJSON: () => { throw new Error('disk full'); } } };
    await expect(writeIndex(c.dir, broken)).rejects.toThrow(/could not write the index/);
    const back = (await readIndex(c.dir))!;
    expect(back.chunks).toHaveLength(10);
    expect((await readdir(c.tmp)).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('given a truncated file, when read, then IndexCorruptError names the problem; and ingest moves it aside and rebuilds', async () => {
    await run();
    const chunks = path.join(c.dir, 'chunks.json');
    await writeFile(chunks, (await readFile(chunks, 'utf8')).slice(0, 100));
    await expect(readIndex(c.dir)).rejects.toBeInstanceOf(IndexCorruptError);
    const { index } = await run();
    expect(index.chunks).toHaveLength(10);
    expect((await readdir(c.tmp)).some((f) => f.startsWith('index.corrupt-'))).toBe(true);
    expect((await readIndex(c.dir))!.chunks).toHaveLength(10);
  });

  it('given corrupted vectors, when read, then the damage is detected rather than answered from', async () => {
    await run();
    const f = path.join(c.dir, 'vectors', 'vectors.f32');
    const buf = await readFile(f);
    buf[buf.length - 3] ^= 0xff;
    await writeFile(f, buf);
    await expect(readIndex(c.dir)).rejects.toBeInstanceOf(IndexCorruptError);
  });
});

describe('weights precision', () => {
  it('given an index built with fp32 weights, when the same model is loaded as q8, then everything is re-embedded (q8 vectors are another space)', async () => {
    await run({ ...hashEmbedder('model-a', 64), dtype: 'fp32' });
    const q8 = Object.assign(hashEmbedder('model-a', 64), { dtype: 'q8' });
    const { report, index } = await run(q8);
    expect(report.rebuildReason).toMatch(/model-a → model-a \(q8\)/);
    expect(q8.embedded).toBe(10);
    expect(index.manifest.model).toBe('model-a (q8)');
  });
});
