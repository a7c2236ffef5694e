/**
 * Prometheus metrics for the bot, with `prom-client` (the maintained Node
 * client): questions by source and outcome, refusals by reason, answer
 * latency, index size, gateway status — plus the default process metrics
 * (RSS, CPU, event-loop lag). Served by `ops/server.ts` on `METRICS_PORT`.
 *
 * @example
 * const metrics = createMetrics();
 * metrics.answer({ source: 'slash:ask', outcome: 'answered', latencyMs: 12 });
 * await metrics.registry.metrics(); // the text exposition format
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type GatewayStatus = 'connecting' | 'ready' | 'disconnected';

export interface Metrics {
  registry: Registry;
  /** One answered (or refused, failed, rate-limited) question. */
  answer(fields: { source: string; outcome: string; latencyMs: number; reason?: string }): void;
  index(size: { documents: number; chunks: number }): void;
  gateway(status: GatewayStatus): void;
  readonly gatewayStatus: GatewayStatus;
}

const STATUS: Record<GatewayStatus, number> = { disconnected: 0, connecting: 1, ready: 2 };

export function createMetrics(opts: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (opts.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'verbatim_' });
  const questions = new Counter({ name: 'verbatim_questions_total', help: 'Questions handled, by front end and outcome.', labelNames: ['source', 'outcome'] as const, registers: [registry] });
  const refusals = new Counter({ name: 'verbatim_refusals_total', help: 'Questions refused, by reason.', labelNames: ['reason'] as const, registers: [registry] });
  const latency = new Histogram({
    name: 'verbatim_answer_latency_seconds',
    help: 'Time from receiving a question to sending its answer.',
    labelNames: ['source'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const documents = new Gauge({ name: 'verbatim_index_documents', help: 'Documents in the index.', registers: [registry] });
  const chunks = new Gauge({ name: 'verbatim_index_chunks', help: 'Chunks (passages) in the index.', registers: [registry] });
  const gateway = new Gauge({ name: 'verbatim_gateway_status', help: 'Discord gateway: 0 disconnected, 1 connecting, 2 ready.', registers: [registry] });
  let status: GatewayStatus = 'connecting';
  gateway.set(STATUS[status]);
  return {
    registry,
    answer({ source, outcome, latencyMs, reason }) {
      // A source is "slash:ask", "chat:mention", …: a small closed set, safe as a label.
      questions.inc({ source, outcome });
      if (outcome === 'refused') refusals.inc({ reason: reason ?? 'unspecified' });
      if (outcome === 'answered' || outcome === 'refused') latency.observe({ source }, latencyMs / 1000);
    },
    index(size) {
      documents.set(size.documents);
      chunks.set(size.chunks);
    },
    gateway(s) {
      status = s;
      gateway.set(STATUS[s]);
    },
    get gatewayStatus() {
      return status;
    },
  };
}
