import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/ops/metrics.js';
import { startOpsServer, type OpsServer } from '../../src/ops/server.js';

let server: OpsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const get = async (path: string) => {
  const r = await fetch(`http://127.0.0.1:${server!.port}${path}`);
  return { status: r.status, body: await r.text() };
};

describe('/healthz and /metrics', () => {
  it('given the gateway is not ready yet, when /healthz is asked, then 503; once ready, 200 with the index size', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    server = await startOpsServer({ port: 0, host: '127.0.0.1', metrics, index: () => ({ documents: 1, chunks: 8 }) });
    const before = await get('/healthz');
    expect(before.status).toBe(503);
    expect(JSON.parse(before.body)).toMatchObject({ status: 'unavailable', gateway: 'connecting' });
    metrics.gateway('ready');
    const after = await get('/healthz');
    expect(after.status).toBe(200);
    expect(JSON.parse(after.body)).toEqual({ status: 'ok', gateway: 'ready', index: { documents: 1, chunks: 8 } });
    metrics.gateway('disconnected');
    expect((await get('/healthz')).status).toBe(503);
  });

  it('given answers and refusals, when /metrics is scraped, then counters, the latency histogram, index size and gateway status are in the Prometheus text format', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    server = await startOpsServer({ port: 0, host: '127.0.0.1', metrics, index: () => ({ documents: 2, chunks: 40 }) });
    metrics.answer({ source: 'slash:ask', outcome: 'answered', latencyMs: 30 });
    metrics.answer({ source: 'slash:ask', outcome: 'answered', latencyMs: 3000 });
    metrics.answer({ source: 'chat:mention', outcome: 'refused', latencyMs: 5, reason: 'low_confidence' });
    metrics.gateway('ready');
    const { status, body } = await get('/metrics');
    expect(status).toBe(200);
    expect(body).toContain('verbatim_questions_total{source="slash:ask",outcome="answered"} 2');
    expect(body).toContain('verbatim_questions_total{source="chat:mention",outcome="refused"} 1');
    expect(body).toContain('verbatim_refusals_total{reason="low_confidence"} 1');
    expect(body).toContain('verbatim_answer_latency_seconds_bucket{le="0.05",source="slash:ask"} 1');
    expect(body).toContain('verbatim_answer_latency_seconds_count{source="slash:ask"} 2');
    expect(body).toContain('verbatim_index_documents 2');
    expect(body).toContain('verbatim_index_chunks 40');
    expect(body).toContain('verbatim_gateway_status 2');
  });

  it('given an unknown path or method, then 404 / 405 and the process keeps serving', async () => {
    server = await startOpsServer({ port: 0, host: '127.0.0.1', metrics: createMetrics({ defaultMetrics: false }), index: () => ({ documents: 0, chunks: 0 }) });
    expect((await get('/nope')).status).toBe(404);
    const r = await fetch(`http://127.0.0.1:${server.port}/metrics`, { method: 'POST' });
    expect(r.status).toBe(405);
    expect((await get('/metrics')).status).toBe(200);
  });
});
