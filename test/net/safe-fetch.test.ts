/**
 * SSRF guard: private, loopback, link-local, metadata and ULA addresses are
 * refused — as literals, after DNS resolution, and on every redirect — unless
 * the operator allows them; timeouts and size limits hold.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { allowAll, forbiddenRange, type AddressPolicy } from '../../src/net/address-policy.js';
import { safeFetch } from '../../src/net/safe-fetch.js';

let server: http.Server;
let base = '';
let hits: string[] = [];
beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    const port = (server.address() as AddressInfo).port;
    if (req.url === '/doc') res.writeHead(200, { 'content-type': 'text/plain' }).end('Hello.\n\nWorld.');
    else if (req.url === '/to-private') res.writeHead(302, { location: 'http://10.0.0.1/secret' }).end();
    else if (req.url === '/to-loopback') res.writeHead(302, { location: `http://127.0.0.2:${port}/doc` }).end();
    else if (req.url === '/to-metadata') res.writeHead(301, { location: 'http://metadata.internal.test/latest/meta-data/' }).end();
    else if (req.url === '/to-doc') res.writeHead(307, { location: '/doc' }).end();
    else if (req.url === '/loop') res.writeHead(302, { location: '/loop' }).end();
    else if (req.url === '/slow') setTimeout(() => res.writeHead(200).end('late'), 5000).unref();
    else if (req.url === '/big') res.writeHead(200, { 'content-length': String(2 * 1024 * 1024) }).end(Buffer.alloc(2 * 1024 * 1024, 97));
    else if (req.url === '/big-chunked') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      let sent = 0;
      const more = () => {
        if (sent >= 4 * 1024 * 1024 || res.destroyed) return res.end();
        sent += 64 * 1024;
        res.write(Buffer.alloc(64 * 1024, 98), more);
      };
      more();
    } else res.writeHead(404).end('nope');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const opts = { timeoutMs: 2000, maxBytes: 1024 * 1024 };
/** The test server on 127.0.0.1 stands for a public web server; every other address gets the real policy. */
const serverIsPublic: AddressPolicy = (ip) => (ip === '127.0.0.1' ? null : forbiddenRange(ip));
const fakeDns = async (host: string) => {
  const table: Record<string, string> = { 'public.test': '127.0.0.1', 'intranet.test': '10.1.2.3', 'metadata.internal.test': '169.254.169.254', 'v6.test': 'fd00:ec2::254' };
  const a = table[host];
  if (!a) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return [{ address: a, family: a.includes(':') ? 6 : 4 }];
};

async function refusal(p: Promise<unknown>): Promise<UserError> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e, 'expected a refusal').toBeInstanceOf(UserError);
  return e as UserError;
}

describe('address policy', () => {
  it.each([
    ['127.0.0.1', 'loopback'], ['127.8.9.10', 'loopback'], ['10.20.30.40', 'private'], ['172.16.0.1', 'private'], ['172.31.255.254', 'private'],
    ['192.168.1.1', 'private'], ['169.254.169.254', 'linkLocal'], ['::1', 'loopback'], ['fc00::1', 'uniqueLocal'], ['fd00:ec2::254', 'uniqueLocal'],
    ['fe80::1', 'linkLocal'], ['::ffff:127.0.0.1', 'loopback'], ['::ffff:10.0.0.1', 'private'], ['0.0.0.0', 'unspecified'], ['100.100.100.200', 'carrierGradeNat'],
  ])('given %s, then it is refused (%s)', (ip, range) => {
    expect(forbiddenRange(ip)).toBe(range);
  });
  it.each(['93.184.216.34', '172.32.0.1', '8.8.8.8', '2606:4700:4700::1111'])('given the public address %s, then it is allowed', (ip) => {
    expect(forbiddenRange(ip)).toBeNull();
  });
});

describe('safeFetch', () => {
  it('given the operator allows private addresses, when fetching from 127.0.0.1, then the body comes back', async () => {
    const r = await safeFetch(`${base}/doc`, { ...opts, policy: allowAll });
    expect(r.bytes.toString()).toBe('Hello.\n\nWorld.');
    expect(r.contentType).toBe('text/plain');
  });

  it('given the default policy, when fetching 127.0.0.1 or localhost, then it is refused before connecting', async () => {
    hits = [];
    const a = await refusal(safeFetch(`${base}/doc`, opts));
    expect(a.code).toBe('url_blocked');
    expect(a.message).toMatch(/127\.0\.0\.1, a loopback address/);
    const b = await refusal(safeFetch(base.replace('127.0.0.1', 'localhost') + '/doc', opts));
    expect(b.code).toBe('url_blocked');
    expect(b.message).toMatch(/localhost resolves to/);
    expect(hits).toEqual([]);
  });

  it('given host names that resolve to private, metadata or ULA addresses, then they are refused after resolution', async () => {
    for (const [host, re] of [['intranet.test', /10\.1\.2\.3, a private-network/], ['metadata.internal.test', /169\.254\.169\.254, a link-local/], ['v6.test', /fd00:ec2::254, a unique-local/]] as const) {
      const e = await refusal(safeFetch(`http://${host}/x`, { ...opts, lookup: fakeDns }));
      expect(e.code).toBe('url_blocked');
      expect(e.message).toMatch(re);
    }
  });

  it('given a public page that redirects to a private, loopback or metadata address, then the redirect is refused', async () => {
    const port = (server.address() as AddressInfo).port;
    const ok = await safeFetch(`http://public.test:${port}/to-doc`, { ...opts, lookup: fakeDns, policy: serverIsPublic });
    expect(ok.bytes.toString()).toBe('Hello.\n\nWorld.');
    for (const [path, re] of [['/to-private', /10\.0\.0\.1/], ['/to-loopback', /127\.0\.0\.2, a loopback/], ['/to-metadata', /169\.254\.169\.254/]] as const) {
      hits = [];
      const e = await refusal(safeFetch(`http://public.test:${port}${path}`, { ...opts, lookup: fakeDns, policy: serverIsPublic }));
      expect(e.code, path).toBe('url_blocked');
      expect(e.message).toMatch(re);
      expect(hits).toEqual([path]); // the target was never contacted
    }
  });

  it('given a slow server, then the fetch gives up at the deadline', async () => {
    const t0 = Date.now();
    const e = await refusal(safeFetch(`${base}/slow`, { ...opts, policy: allowAll, timeoutMs: 300 }));
    expect(e.code).toBe('url_timeout');
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('given a body over the size limit, then it is refused (declared, or while streaming)', async () => {
    expect((await refusal(safeFetch(`${base}/big`, { ...opts, policy: allowAll }))).code).toBe('url_too_large');
    const e = await refusal(safeFetch(`${base}/big-chunked`, { ...opts, policy: allowAll }));
    expect(e.code).toBe('url_too_large');
    expect(e.message).toMatch(/the limit is 1 MB/);
  });

  it('given other schemes, redirect loops or 404s, then one clear message each', async () => {
    expect((await refusal(safeFetch('file:///etc/passwd', opts))).code).toBe('url_invalid');
    expect((await refusal(safeFetch('not a url', opts))).code).toBe('url_invalid');
    expect((await refusal(safeFetch(`${base}/loop`, { ...opts, policy: allowAll }))).code).toBe('url_redirects');
    expect((await refusal(safeFetch(`${base}/missing`, { ...opts, policy: allowAll }))).message).toMatch(/HTTP 404/);
  });
});
