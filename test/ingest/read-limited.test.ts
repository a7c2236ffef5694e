import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { loadSource } from '../../src/ingest/document.js';
import { formatBytes, MAX_DOCUMENT_BYTES, readFileLimited } from '../../src/ingest/read-limited.js';
import { listen } from '../helpers/http-server.js';
import { tempDir } from '../helpers/paths.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
let server: Awaited<ReturnType<typeof listen>>;
let base = '';
/** Bytes the server managed to send on /endless before the client hung up. */
let endlessSent = 0;

beforeAll(async () => {
  tmp = await tempDir();
  server = await listen((req, res) => {
    if (req.url === '/endless') {
      // An endless body with no content-length: only a limit enforced while reading stops it.
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (endlessSent < 1024 * 1024 * 1024) {
          endlessSent += chunk.length;
          if (!res.write(chunk)) break;
        }
      };
      res.on('drain', pump);
      pump();
    } else if (req.url === '/stall') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('The council met. '); // …and nothing more, connection kept open
    } else if (req.url === '/reset') {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '100000' });
      res.write('The council met. ', () => setTimeout(() => res.socket?.destroy(), 20));
    } else if (req.url === '/declared-huge') {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(300 * 1024 * 1024) });
      res.write('a');
    } else res.writeHead(404).end();
  });
  base = server.base;
});
afterAll(async () => {
  await server.close();
  await tmp.cleanup();
});

const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as UserError);

describe('size-limited reads', () => {
  it('given sizes, when formatted, then they read as people write them ("50 MB", not "52.4288 MB")', () => {
    expect(formatBytes(MAX_DOCUMENT_BYTES)).toBe('50 MB');
    expect(formatBytes(1536 * 1024)).toBe('1.5 MB');
    expect(formatBytes(300)).toBe('300 bytes');
    expect(formatBytes(2048)).toBe('2 KB');
  });

  it('given /dev/zero (a device reporting size 0), when read, then it is refused at once as not a regular file', async () => {
    const e = await failure(readFileLimited('/dev/zero', { name: '/dev/zero' }));
    expect(e).toBeInstanceOf(UserError);
    expect(e!.message).toMatch(/\/dev\/zero is a device, not a regular file/);
  });

  it('given a named pipe nobody writes to, when loaded, then it is refused at once instead of hanging', async () => {
    const fifo = path.join(tmp.dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const t0 = Date.now();
    const e = await failure(loadSource(fifo, { root: tmp.dir }));
    expect(e!.message).toMatch(/pipe\.txt is a named pipe, not a regular file/);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('given sizes, when formatted, then one decimal under 100 units and none from 100 up', () => {
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(formatBytes(150.5 * 1024 * 1024)).toBe('151 MB');
    expect(formatBytes(50 * 1024 * 1024)).toBe('50 MB');
    expect(formatBytes(1)).toBe('1 byte');
  });

  it('given a file over the limit, when read, then it is refused with the limit in plain words', async () => {
    const p = path.join(tmp.dir, 'big.txt');
    await writeFile(p, 'x'.repeat(5000));
    const e = await failure(readFileLimited(p, { name: 'big.txt', maxBytes: 4096 }));
    expect(e!.code).toBe('too_large');
    expect(e!.message).toBe('big.txt is larger than the 4 KB limit per document (4.9 KB); split it or give a smaller file.');
    expect((await readFileLimited(p, { name: 'big.txt', maxBytes: 5000 })).length).toBe(5000);
  });

  it('given an endless URL body, when loaded, then reading stops just past the limit instead of buffering it all', async () => {
    const e = await failure(loadSource(`${base}/endless`, { fetch, root: tmp.dir, maxBytes: 1024 * 1024 }));
    expect(e!.code).toBe('too_large');
    expect(e!.message).toMatch(/larger than the 1 MB limit/);
    await new Promise((r) => setTimeout(r, 100));
    expect(endlessSent).toBeLessThan(64 * 1024 * 1024); // socket buffers only, not the whole gigabyte
  });

  it('given a URL declaring a 300 MB body, when loaded, then it is refused before the body is read', async () => {
    const e = await failure(loadSource(`${base}/declared-huge`, { fetch, root: tmp.dir }));
    expect(e!.message).toMatch(/larger than the 50 MB limit per document \(it declares 300 MB\)/);
  });

  it('given a URL body that stalls, when loaded, then it fails with one line about the stall within the idle timeout', async () => {
    const t0 = Date.now();
    const e = await failure(loadSource(`${base}/stall`, { fetch, root: tmp.dir, idleTimeoutMs: 300 }));
    expect(e).toBeInstanceOf(UserError);
    expect(e!.message).toMatch(/^Could not fetch http:\/\/127\.0\.0\.1:\d+\/stall: the transfer stalled/);
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('given a URL body reset mid-transfer, when loaded, then it fails with one clear line, not "Unexpected error"', async () => {
    const e = await failure(loadSource(`${base}/reset`, { fetch, root: tmp.dir, idleTimeoutMs: 5000 }));
    expect(e).toBeInstanceOf(UserError);
    expect(e!.message).toMatch(/^Could not fetch .*\/reset: the connection broke after 17 bytes of the body$/);
  });
});
