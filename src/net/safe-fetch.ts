/**
 * Fetch a URL on a user's behalf without letting them reach the bot's own
 * network (SSRF). Every hop — the first request and each redirect — has its
 * host resolved through a lookup hook that checks every address against the
 * policy (address-policy.ts) before the socket connects, and the connection
 * goes to the address that was checked (no DNS-rebinding window). IP
 * literals are checked directly. One deadline covers connecting, redirects
 * and the body; the body is streamed and cut off past `maxBytes`.
 *
 * @example
 * const { bytes, contentType, url } = await safeFetch('https://example.org/report.pdf', { policy: forbiddenRange, timeoutMs: 15_000, maxBytes: 25 << 20 });
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupAddress } from 'node:dns';
import ipaddr from 'ipaddr.js';
import { megabytes } from '../ingest/refusals.js';
import { forbiddenRange, type AddressPolicy } from './address-policy.js';
import { urlError } from './errors.js';

export interface SafeFetchOptions {
  /** Which addresses may be contacted (default: global unicast only). */
  policy?: AddressPolicy;
  /** Whole-request deadline: connect, redirects and body. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects?: number;
  /** DNS resolution (tests inject one). */
  lookup?: (host: string) => Promise<LookupAddress[]>;
  /** Bytes received so far, and the total when the server says. */
  onProgress?: (received: number, total: number | null) => void;
  userAgent?: string;
}

export interface Fetched {
  bytes: Buffer;
  contentType: string;
  /** The final URL, after redirects. */
  url: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const defaultLookup = (host: string) => dns.promises.lookup(host, { all: true, verbatim: true });

/** Throws url_blocked when any of the addresses is forbidden. */
function vet(url: string, host: string, addresses: string[], policy: AddressPolicy): void {
  for (const a of addresses) {
    const range = policy(a);
    if (range) throw urlError('url_blocked', url, `${host === a ? 'its address' : `${host} resolves to`} ${a}, a ${describeRange(range)} address`);
  }
}

const describeRange = (r: string) =>
  ({ loopback: 'loopback', private: 'private-network', linkLocal: 'link-local (cloud metadata)', uniqueLocal: 'unique-local (private IPv6)', carrierGradeNat: 'carrier-grade NAT', unspecified: 'unspecified' } as Record<string, string>)[r] ?? `non-public (${r})`;

export async function safeFetch(input: string, opts: SafeFetchOptions): Promise<Fetched> {
  const policy = opts.policy ?? forbiddenRange;
  const resolve = opts.lookup ?? defaultLookup;
  const maxRedirects = opts.maxRedirects ?? 5;
  const deadline = AbortSignal.timeout(opts.timeoutMs);
  let url = input;
  for (let hop = 0; ; hop++) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch (cause) {
      throw urlError('url_invalid', url, undefined, cause);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw urlError('url_invalid', url, `${parsed.protocol} links are not fetched`);
    const host = parsed.hostname.replace(/^\[|\]$/g, '');
    if (ipaddr.isValid(host)) vet(url, host, [host], policy);
    const res = await request(parsed, host, { ...opts, policy, resolve, deadline }, url);
    if (REDIRECTS.has(res.statusCode ?? 0) && res.headers.location) {
      res.resume();
      if (hop >= maxRedirects) throw urlError('url_redirects', input, String(maxRedirects));
      url = new URL(res.headers.location, parsed).toString();
      continue;
    }
    if (!res.statusCode || res.statusCode < 200 || res.statusCode >= 300) {
      res.resume();
      throw urlError('url_status', url, `HTTP ${res.statusCode}`);
    }
    const bytes = await readBody(res, url, opts, deadline);
    return { bytes, contentType: String(res.headers['content-type'] ?? ''), url };
  }
}

function request(
  parsed: URL,
  host: string,
  o: SafeFetchOptions & { policy: AddressPolicy; resolve: (h: string) => Promise<LookupAddress[]>; deadline: AbortSignal },
  url: string,
): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    let blocked: Error | null = null;
    // net.connect calls this for host names (never for IP literals, checked above).
    const lookup = (hostname: string, options: { all?: boolean }, cb: (err: Error | null, address: string | LookupAddress[], family?: number) => void) => {
      o.resolve(hostname).then(
        (addrs) => {
          try {
            if (!addrs.length) throw urlError('url_unreachable', url, `${hostname} does not resolve`);
            vet(url, hostname, addrs.map((a) => a.address), o.policy);
          } catch (e) {
            blocked = e as Error;
            return cb(e as Error, '', 4);
          }
          if (options.all) cb(null, addrs);
          else cb(null, addrs[0]!.address, addrs[0]!.family);
        },
        (e: Error) => cb(e, '', 4),
      );
    };
    const mod = parsed.protocol === 'https:' ? https : http;
    const req = mod.request(
      parsed,
      { method: 'GET', agent: false, lookup: lookup as never, signal: o.deadline, headers: { 'user-agent': o.userAgent ?? 'Verbatim/0.1 (document Q&A bot)', accept: '*/*' } },
      resolve,
    );
    req.on('error', (e) => {
      if (blocked) return reject(blocked);
      if ((e as Error).name === 'AbortError' || o.deadline.aborted) return reject(urlError('url_timeout', url, `${o.timeoutMs / 1000} s`, e));
      if ('code' in e && String((e as { code: unknown }).code).startsWith('url_')) return reject(e);
      reject(urlError('url_unreachable', url, (e as NodeJS.ErrnoException).code ?? e.message, e));
    });
    req.end();
  });
}

function readBody(res: http.IncomingMessage, url: string, o: SafeFetchOptions, deadline: AbortSignal): Promise<Buffer> {
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > o.maxBytes) {
    res.destroy();
    return Promise.reject(urlError('url_too_large', url, megabytes(o.maxBytes)));
  }
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let got = 0;
    res.on('data', (c: Buffer) => {
      got += c.length;
      if (got > o.maxBytes) {
        reject(urlError('url_too_large', url, megabytes(o.maxBytes)));
        return res.destroy();
      }
      parts.push(c);
      o.onProgress?.(got, Number.isFinite(declared) ? declared : null);
    });
    res.on('end', () => resolve(Buffer.concat(parts)));
    res.on('error', (e) => reject(deadline.aborted ? urlError('url_timeout', url, `${o.timeoutMs / 1000} s`, e) : urlError('url_unreachable', url, e.message, e)));
    res.on('aborted', () => reject(urlError('url_unreachable', url, 'the connection was cut')));
  });
}
