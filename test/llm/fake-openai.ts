/**
 * A fake OpenAI-compatible server on 127.0.0.1 for tests: POST
 * /v1/chat/completions, streaming (SSE `data: {...}` + `data: [DONE]`) or
 * not, scripted per test, recording every request (headers and body).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: any;
}

export type Reply =
  /** A JSON response (a completion, or an error body with a status). */
  | { type: 'json'; status?: number; body: unknown; delayMs?: number }
  /** An SSE stream: each entry is the payload of one `data:` line (strings sent as is). */
  | { type: 'sse'; events: (string | object)[]; gapMs?: number; delayMs?: number; done?: boolean; stallAfter?: number }
  /** Accept the request and never answer. */
  | { type: 'hang' }
  /** Any status, headers and body. */
  | { type: 'raw'; status: number; headers?: Record<string, string>; body: string };

export type Script = (req: RecordedRequest) => Reply;

export interface FakeOpenAI {
  /** Base URL to use as LLM_BASE_URL (ends in /v1). */
  baseURL: string;
  requests: RecordedRequest[];
  /** Set how the next requests are answered. */
  script(fn: Script): void;
  close(): Promise<void>;
}

/** A non-streaming chat.completion body. */
export function completion(text: string, finish = 'stop'): object {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1,
    model: 'fake',
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: finish }],
  };
}

/** One chat.completion.chunk event. */
export function chunk(content: string | null, finish: string | null = null): object {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'fake',
    choices: [{ index: 0, delta: content === null ? {} : { content }, finish_reason: finish }],
  };
}

/** Split text into streaming chunks of about `size` characters, then a finish chunk. */
export function chunksOf(text: string, size = 12): object[] {
  const out: object[] = [chunk('')];
  for (let i = 0; i < text.length; i += size) out.push(chunk(text.slice(i, i + size)));
  out.push(chunk(null, 'stop'));
  return out;
}

/** A completion that answers streaming requests as SSE and others as JSON. */
export function answerWith(text: string): Script {
  return (req) => (req.body?.stream ? { type: 'sse', events: chunksOf(text) } : { type: 'json', body: completion(text) });
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  let script: Script = () => ({ type: 'json', status: 500, body: { error: { message: 'no script' } } });
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };

  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      let body: any = null;
      try {
        body = JSON.parse(raw);
      } catch {
        body = null;
      }
      const rec: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, raw, body };
      requests.push(rec);
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      const reply = script(rec);
      switch (reply.type) {
        case 'hang':
          return;
        case 'raw':
          res.writeHead(reply.status, reply.headers ?? {}).end(reply.body);
          return;
        case 'json':
          later(reply.delayMs ?? 0, () => {
            if (res.destroyed) return;
            res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
          });
          return;
        case 'sse': {
          later(reply.delayMs ?? 0, () => {
            if (res.destroyed) return;
            res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
            const events = reply.events.map((e) => (typeof e === 'string' ? e : JSON.stringify(e)));
            let i = 0;
            const send = () => {
              if (res.destroyed) return;
              if (reply.stallAfter !== undefined && i >= reply.stallAfter) return; // keep the connection open, send nothing more
              if (i < events.length) {
                res.write(`data: ${events[i++]}\n\n`);
                later(reply.gapMs ?? 0, send);
                return;
              }
              if (reply.done !== false) res.write('data: [DONE]\n\n');
              res.end();
            };
            send();
          });
          return;
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    script(fn) {
      script = fn;
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port on 127.0.0.1 where nothing listens (connection refused). */
export async function closedPort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}
