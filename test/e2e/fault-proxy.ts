/**
 * A fault-injecting REST proxy for the fake Discord (test helper): the bot's
 * `DISCORD_API_URL` points here, requests go on to the fake unchanged unless
 * a rule matches. Faults, each for the next `times` matching requests:
 *
 * - `{ status: 429, retryAfter }` — rate limited (Retry-After header and `retry_after` body), not applied;
 * - `{ status: 5xx }` — an outage before Discord applied the request;
 * - `{ status: 5xx, after: true }` — Discord applied it (the fake stored it) but the answer was a 5xx;
 * - `{ status: 401 }` — the token was revoked (Discord's 401 body);
 * - `{ hang: true }` — no answer at all (the client times out); with `after: true`, applied first.
 *
 * Gateway closes with a code go straight to the fake (`fake.disconnectGateway(code)`).
 *
 * @example
 * const proxy = await startFaultProxy(fake.restUrl);
 * proxy.inject({ method: 'POST', path: /\/callback$/, times: 1, status: 502, after: true });
 * // bot config: DISCORD_API_URL = proxy.url
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Fault {
  method: string;
  /** Matched against the path after `/api/v10`. */
  path: RegExp;
  times: number;
  status?: number;
  retryAfter?: number;
  hang?: boolean;
  /** Forward to the fake first (the request is applied), then fail. */
  after?: boolean;
}

export interface ProxiedRequest {
  method: string;
  path: string;
  /** The fault injected, if any ("502 after", "429", "hang before"…). */
  fault?: string;
  status: number | null;
}

export interface FaultProxy {
  /** `http://127.0.0.1:PORT/api` — the bot's DISCORD_API_URL. */
  url: string;
  requests: ProxiedRequest[];
  inject(fault: Fault): void;
  /** Faults not yet used up. */
  pending(): Fault[];
  close(): Promise<void>;
}

const pathOf = (url: string) => new URL(url, 'http://x').pathname.replace(/^\/api(\/v\d+)?/, '').split('/').map(decodeURIComponent).join('/');

function statusBody(status: number, retryAfter: number): { headers: Record<string, string>; body: unknown } {
  if (status === 429) return { headers: { 'retry-after': String(retryAfter), 'x-ratelimit-scope': 'user' }, body: { message: 'You are being rate limited.', retry_after: retryAfter, global: false } };
  if (status === 401) return { headers: {}, body: { message: '401: Unauthorized', code: 0 } };
  return { headers: {}, body: { message: `${status}: injected failure`, code: 0 } };
}

/** Start the proxy on 127.0.0.1 in front of `target` (the fake's restUrl, `http://127.0.0.1:PORT/api`). */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const origin = new URL(target).origin;
  const faults: Fault[] = [];
  const requests: ProxiedRequest[] = [];
  const hung = new Set<http.ServerResponse>();

  const take = (method: string, path: string): Fault | undefined => {
    const f = faults.find((x) => x.times > 0 && (x.method === '*' || x.method.toUpperCase() === method) && x.path.test(path));
    if (f) f.times--;
    return f;
  };

  const forward = async (req: http.IncomingMessage, body: Buffer) => {
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'connection', 'content-length'].includes(k)).map(([k, v]) => [k, String(v)]));
    const res = await fetch(origin + (req.url ?? '/'), { method: req.method, headers, body: body.length ? body : undefined });
    return { status: res.status, headers: Object.fromEntries(res.headers), body: Buffer.from(await res.arrayBuffer()) };
  };

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const method = (req.method ?? 'GET').toUpperCase();
    const path = pathOf(req.url ?? '/');
    const fault = take(method, path);
    const entry: ProxiedRequest = { method, path, status: null };
    requests.push(entry);
    try {
      if (fault?.after || !fault) {
        const answered = await forward(req, body);
        if (!fault) {
          entry.status = answered.status;
          delete answered.headers['content-encoding'];
          delete answered.headers['transfer-encoding'];
          res.writeHead(answered.status, { ...answered.headers, 'content-length': String(answered.body.length) });
          res.end(answered.body);
          return;
        }
      }
      entry.fault = `${fault.hang ? 'hang' : fault.status} ${fault.after ? 'after' : 'before'}`;
      if (fault.hang) {
        hung.add(res);
        res.on('close', () => hung.delete(res));
        return; // never answered; the client's timeout ends it
      }
      const status = fault.status ?? 500;
      const { headers, body: payload } = statusBody(status, fault.retryAfter ?? 0.05);
      const text = JSON.stringify(payload);
      entry.status = status;
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers });
      res.end(text);
    } catch (e) {
      entry.status = 599;
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `fault proxy: ${(e as Error).message}`, code: 0 }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api`,
    requests,
    inject: (f) => void faults.push({ ...f }),
    pending: () => faults.filter((f) => f.times > 0),
    async close() {
      for (const r of hung) r.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
