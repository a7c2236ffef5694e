import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ingest, readIndex, IndexCorruptError } from '../../src/index/store.js';
import { silentLogger } from '../../src/log.js';
import { quoter, useCorpus } from './corpus.js';

const c = useCorpus();

const run = (sources = ['docs'], logger = silentLogger()) => ingest({ dir: c.dir, root: c.tmp, sources, embedder: null, quoter, logger });
const warnings = () => {
  const logger = silentLogger();
  return { logger, warn: vi.spyOn(logger, 'warn') };
};

/** Flip one bit (upper/lower case) of a letter inside un.txt's stored text: still valid JSON and UTF-8. */
async function flipBitInText(): Promise<{ before: string; after: string }> {
  const f = path.join(c.dir, 'documents.json');
  const buf = await readFile(f);
  const json = buf.toString('utf8');
  const doc = json.indexOf('"id":"docs/un.txt"');
  let at = json.indexOf('"text":"', doc) + 400;
  while (!/[a-z]/.test(json[at]!)) at++;
  const before = json.slice(at - 10, at + 10);
  buf[Buffer.byteLength(json.slice(0, at))]! ^= 0x20;
  await writeFile(f, buf);
  JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await readFile(f))); // still valid
  return { before, after: (await readFile(f, 'utf8')).slice(at - 10, at + 10) };
}

describe('stored text verified against its hash', () => {
  it('given one flipped bit inside a stored text (valid JSON and UTF-8), when read, then it is corruption, not a document', async () => {
    await run();
    const { before, after } = await flipBitInText();
    expect(after).not.toBe(before);
    const e = await readIndex(c.dir).then(() => null, (err: unknown) => err);
    expect(e).toBeInstanceOf(IndexCorruptError);
    expect((e as Error).message).toMatch(/the text of docs\/un\.txt does not match its hash/);
  });

  it('given a flipped bit, when a different document is ingested, then the damaged one is re-read from its source, the other kept, with exactly one warning', async () => {
    await run();
    await flipBitInText();
    await writeFile(path.join(c.docs, 'c.txt'), 'A third note about trade.');
    const { logger, warn } = warnings();
    const { index } = await run(['docs/c.txt'], logger);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![1])).toMatch(/moved it aside to .*index\.corrupt-\d+ and rebuilding: 1 intact documents kept, 1 damaged ones read again/);
    expect(index.documents.map((d) => d.id).sort()).toEqual(['docs/b.md', 'docs/c.txt', 'docs/un.txt']);
    const back = (await readIndex(c.dir))!;
    expect(back.docById.get('docs/un.txt')!.text).toBe(await readFile(path.join(c.docs, 'un.txt'), 'utf8'));
  });

  it('given a flipped bit, when the same corpus is re-ingested, then the stored copy is replaced by the true text (not kept as "unchanged")', async () => {
    await run();
    await flipBitInText();
    const { index, report } = await run();
    expect(report.unchanged).not.toContain('docs/un.txt');
    expect(index.docById.get('docs/un.txt')!.text).toBe(await readFile(path.join(c.docs, 'un.txt'), 'utf8'));
  });
});

describe('index shape validated on load', () => {
  const damage = {
    'chunks.json = []': async () => writeFile(path.join(c.dir, 'chunks.json'), '[]'),
    'quotations.json = {}': async () => writeFile(path.join(c.dir, 'quotations.json'), '{}'),
    'garbage paragraphs': async () => {
      const f = path.join(c.dir, 'documents.json');
      const ds = JSON.parse(await readFile(f, 'utf8'));
      ds[0].paragraphs = [{ start: 'x', end: null }, 42];
      await writeFile(f, JSON.stringify(ds));
    },
    'documents.json truncated (not JSON at all)': async () => writeFile(path.join(c.dir, 'documents.json'), '{"trunc'),
    'paragraph offsets outside the text': async () => {
      const f = path.join(c.dir, 'documents.json');
      const ds = JSON.parse(await readFile(f, 'utf8'));
      ds[0].paragraphs[0].end = 10_000_000;
      await writeFile(f, JSON.stringify(ds));
    },
  };
  for (const [name, apply] of Object.entries(damage)) {
    it(`given ${name} (still valid JSON), when read, then it is detected as corruption; and ingest rebuilds with one warning`, async () => {
      await run();
      await apply();
      await expect(readIndex(c.dir)).rejects.toBeInstanceOf(IndexCorruptError);
      const { logger, warn } = warnings();
      const { index } = await run(['docs'], logger);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(index.chunks.length).toBeGreaterThan(5);
      expect((await readIndex(c.dir))!.chunks).toHaveLength(index.chunks.length);
    });
  }
});
