/**
 * `/healthz` and `/metrics` on `METRICS_PORT` (off when unset). `/healthz`
 * answers 200 while the gateway is ready and 503 otherwise, with a small JSON
 * body — what a container orchestrator or uptime check wants. Bound to
 * `METRICS_HOST` (default 127.0.0.1: metrics are not for the internet).
 */
import http from 'node:http';
import type { Metrics } from './metrics.js';

export interface OpsServer {
  /** The port actually bound (useful with port 0). */
  port: number;
  close(): Promise<void>;
}

export async function startOpsServer(opts: { port: number; host: string; metrics: Metrics; index: () => { documents: number; chunks: number } }): Promise<OpsServer> {
  const server = http.createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (url === '/healthz') {
      const ready = opts.metrics.gatewayStatus === 'ready';
      res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: ready ? 'ok' : 'unavailable', gateway: opts.metrics.gatewayStatus, index: opts.index() }));
      return;
    }
    if (url === '/metrics') {
      opts.metrics.index(opts.index());
      opts.metrics.registry.metrics().then(
        (body) => res.writeHead(200, { 'content-type': opts.metrics.registry.contentType }).end(body),
        () => res.writeHead(500).end(),
      );
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /healthz or /metrics\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const { port } = server.address() as import('node:net').AddressInfo;
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
