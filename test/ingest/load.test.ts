import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, loadSource } from '../../src/ingest/document.js';
import { UserError } from '../../src/errors.js';
import { writePdf } from '../helpers/doc-writers.js';
import { tempDir } from '../helpers/paths.js';

const ARTICLE = `<!doctype html><html><head><title>Council hears Annan</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council hears Annan</h1>
<p>Secretary-General Kofi Annan today told the Security Council that partnerships matter. He spoke for ten minutes about the need for regional organizations to work ever more closely with the United Nations.</p>
<p>“We need to ensure that multilateralism and joint action bridge our efforts,” he told the Council, according to a statement issued after the meeting at UN headquarters in New York.</p>
<p>Delegates said coordination would be made more effective by having clear guidelines, and several of them asked for more frequent meetings in the years to come.</p>
</article><footer>© UN News 2006 · Privacy · Terms</footer></body></html>`;

let tmp: Awaited<ReturnType<typeof tempDir>>;
let server: http.Server;
let base = '';
beforeAll(async () => {
  tmp = await tempDir();
  server = http.createServer((req, res) => {
    if (req.url === '/article') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE);
    else if (req.url === '/plain') res.writeHead(200, { 'content-type': 'text/plain' }).end('Plain text.\n\nSecond paragraph.');
    else res.writeHead(404).end('nope');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await tmp.cleanup();
});

const file = async (name: string, content: string | Uint8Array) => {
  const p = path.join(tmp.dir, name);
  await writeFile(p, content);
  return p;
};
const expectUserError = async (p: Promise<unknown>, message: RegExp) => {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(UserError);
  expect((e as Error).message).toMatch(message);
  expect((e as Error).message).not.toMatch(/\n/);
};

describe('loading sources', () => {
  it('given an article page (.html file), when loaded, then the main text is extracted as paragraphs without navigation or footer', async () => {
    const src = await loadSource(await file('a.html', ARTICLE), { root: tmp.dir });
    expect(src.title).toBe('Council hears Annan');
    expect(src.text).toContain('“We need to ensure that multilateralism and joint action bridge our efforts,” he told the Council');
    expect(src.text).not.toMatch(/Privacy|Home/);
    const doc = buildDocument(src);
    expect(doc.paragraphs.filter((p) => p.kind === 'body')).toHaveLength(3);
  });

  it('given an http URL of an article, when loaded, then it is fetched and extracted, and its id is the URL', async () => {
    const src = await loadSource(`${base}/article`, { root: tmp.dir, allowPrivate: true });
    expect(src.id).toBe(`${base}/article`);
    expect(src.text).toContain('Delegates said coordination');
    expect((await loadSource(`${base}/plain`, { root: tmp.dir, allowPrivate: true })).text).toBe('Plain text.\n\nSecond paragraph.');
  });

  it('given a markdown file, when loaded, then its text is kept as is and the # heading is the title', async () => {
    const src = await loadSource(await file('n.md', '# Notes\n\nFirst *point* here.\n\nSecond point.'), { root: tmp.dir });
    expect(src.text).toBe('# Notes\n\nFirst *point* here.\n\nSecond point.');
    expect(buildDocument(src).title).toBe('Notes');
  });

  it('given bad sources, when loaded, then each gets a clear one-line UserError', async () => {
    await expectUserError(loadSource(path.join(tmp.dir, 'missing.txt'), { root: tmp.dir }), /No such file/);
    await expectUserError(loadSource(await file('empty.txt', '  \n\n '), { root: tmp.dir }), /empty/);
    await expectUserError(loadSource(await file('bin.txt', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 1, 2])), { root: tmp.dir }), /binary|could not be read/);
    await expectUserError(loadSource(await file('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b])), { root: tmp.dir }), /not valid UTF-8/);
    await expectUserError(loadSource(`${base}/missing`, { root: tmp.dir, allowPrivate: true }), /HTTP 404/);
    await expectUserError(loadSource('http://127.0.0.1:1/unreachable', { root: tmp.dir, allowPrivate: true }), /Could not fetch/);
    await expectUserError(loadSource(tmp.dir, { root: tmp.dir }), /folder/);
  });

  it('given a PDF file, when loaded by its path, then it is read as a PDF (its text and pages), not decoded as text', async () => {
    const src = await loadSource(await file('r.pdf', writePdf({ pages: [[['First page text here.']], [['Second page text here.']]] })), { root: tmp.dir });
    expect(src.text).toBe('First page text here.\n\nSecond page text here.');
    expect(src.pages).toHaveLength(2);
  });

  it('given text with control characters, when loaded, then 1 in 100 is accepted and more than 1% is refused as binary', async () => {
    expect((await loadSource(await file('one-percent.txt', `${'a'.repeat(99)}\u0001`), { root: tmp.dir })).text).toHaveLength(100);
    await expectUserError(loadSource(await file('two-percent.txt', `${'a'.repeat(98)}\u0001\u0002`), { root: tmp.dir }), /looks like a binary file \(many control characters\)/);
  });

  it('given a UTF-8 byte-order mark, when loaded, then it is not part of the stored text', async () => {
    const src = await loadSource(await file('bom.txt', '\ufeffHello there.'), { root: tmp.dir });
    expect(src.text).toBe('Hello there.');
  });

  it('given UTF-16 text files (with a BOM, LE and BE, or LE without one), when loaded, then they are decoded as text', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Café talks.\n\nSecond.', 'utf16le')]);
    expect((await loadSource(await file('le.txt', le), { root: tmp.dir })).text).toBe('Café talks.\n\nSecond.');
    const be = Buffer.from(le.subarray(2)).swap16();
    expect((await loadSource(await file('be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), be])), { root: tmp.dir })).text).toBe('Café talks.\n\nSecond.');
    expect((await loadSource(await file('nobom.txt', Buffer.from('Plain words here.', 'utf16le')), { root: tmp.dir })).text).toBe('Plain words here.');
  });
});
