import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { ingest, type QuotationFinder } from '../../src/index/store.js';
import { failureLine, summariseFailures, type SourceFailure } from '../../src/ingest/failures.js';
import { expandSources } from '../../src/ingest/sources.js';
import { silentLogger } from '../../src/log.js';
import { listen } from '../helpers/http-server.js';
import { tempDir } from '../helpers/paths.js';

const quoter: QuotationFinder = { version: 'test', find: () => [] };
let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => (tmp = await tempDir()));
afterEach(() => tmp.cleanup());

describe('expanding folders', () => {
  it('given symlinks inside a folder, when expanded, then linked files are followed and a linked folder or dangling link is reported, not dropped silently', async () => {
    const docs = path.join(tmp.dir, 'docs');
    const elsewhere = path.join(tmp.dir, 'elsewhere');
    await mkdir(docs);
    await mkdir(path.join(elsewhere, 'sub.md'), { recursive: true });
    await writeFile(path.join(docs, 'a.txt'), 'A.');
    await writeFile(path.join(elsewhere, 'real.txt'), 'Linked text.');
    await symlink(path.join(elsewhere, 'real.txt'), path.join(docs, 'linked.txt'));
    await symlink(path.join(elsewhere, 'sub.md'), path.join(docs, 'folder.md'));
    await symlink(path.join(elsewhere, 'gone.txt'), path.join(docs, 'dangling.txt'));
    const { refs, skipped } = await expandSources(['docs'], tmp.dir);
    expect(refs.map((r) => path.basename(r))).toEqual(['a.txt', 'linked.txt']);
    expect([...skipped].sort((x, y) => x.source.localeCompare(y.source))).toEqual([
      { source: 'docs/dangling.txt', reason: expect.stringMatching(/symbolic link to nothing/) },
      { source: 'docs/folder.md', reason: expect.stringMatching(/symbolic link to a folder \(not followed/) },
    ]);
  });
});

describe('many failures', () => {
  it('given 10,000 failures of one kind, when summarised, then it is two short lines, not one per file', () => {
    const failed: SourceFailure[] = Array.from({ length: 10_000 }, (_, i) => ({ source: `docs/e${i}.txt`, error: `docs/e${i}.txt is empty; there is nothing to index.`, code: 'empty' }));
    const lines = summariseFailures(failed);
    expect(lines).toEqual(['10,000 sources could not be indexed:', '10,000 sources empty: docs/e0.txt, docs/e1.txt, docs/e2.txt, … and 9,997 more']);
  });

  it('given two failures, when put on one line, then each keeps its own sentence, joined by "; "', () => {
    const failed: SourceFailure[] = [
      { source: 'a.txt', error: 'a.txt is empty; there is nothing to index.', code: 'empty' },
      { source: 'b.txt', error: 'No such file: b.txt', code: 'not_found' },
    ];
    expect(failureLine(failed)).toBe('a.txt is empty; there is nothing to index.; No such file: b.txt');
  });

  it('given a folder of 300 empty files, when ingested, then the error is one line under 1,000 characters', async () => {
    const docs = path.join(tmp.dir, 'empty');
    await mkdir(docs);
    for (let i = 0; i < 300; i++) await writeFile(path.join(docs, `e${i}.txt`), '');
    const e = await ingest({ dir: path.join(tmp.dir, 'index'), root: tmp.dir, sources: ['empty'], embedder: null, quoter, logger: silentLogger() }).then(() => null, (err: unknown) => err);
    expect(e).toBeInstanceOf(UserError);
    const msg = (e as Error).message;
    expect(msg.length).toBeLessThan(1000);
    expect(msg).not.toMatch(/\n/);
    expect(msg).toMatch(/^300 sources could not be indexed: 300 sources empty: .*e0\.txt, .* and 297 more$/);
  });
});

describe('bad URLs among good sources', () => {
  let server: Awaited<ReturnType<typeof listen>>;
  beforeEach(async () => {
    server = await listen((req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '100000' });
      if (req.url === '/reset') res.write('Some text. ', () => setTimeout(() => res.socket?.destroy(), 20));
      else res.write('Some text. '); // stalls
    });
  });
  afterEach(() => server.close());

  it('given a URL that stalls and one that resets mid-transfer, when ingested with a file, then the file is indexed and each URL gets one line', async () => {
    await writeFile(path.join(tmp.dir, 'good.txt'), 'The council met on Friday.');
    const { report, index } = await ingest({
      dir: path.join(tmp.dir, 'index'),
      root: tmp.dir,
      sources: ['good.txt', `${server.base}/stall`, `${server.base}/reset`],
      fetch, // (the plain fetch and its stream reader: the SSRF guard is tested in test/cli/cli.test.ts)
      embedder: null,
      quoter,
      logger: silentLogger(),
      limits: { idleTimeoutMs: 400, timeoutMs: 5000 },
    });
    expect(index.documents.map((d) => d.id)).toEqual(['good.txt']);
    expect(report.failed.map((f) => [f.code, f.error])).toEqual([
      ['fetch_timeout', expect.stringMatching(/\/stall: the transfer stalled \(no data for 0\.4 s after 11 bytes\)$/)],
      ['fetch_failed', expect.stringMatching(/\/reset: the connection broke after 11 bytes of the body$/)],
    ]);
  });
});
