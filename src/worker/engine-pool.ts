/**
 * The worker engine: the {@link Engine} interface, with retrieval, answers and
 * summaries run in worker threads (piscina), so the thread that talks to
 * Discord is never blocked by engine work and always acknowledges within
 * Discord's 3 seconds. A bounded queue: when every worker is busy and
 * `queueMax` requests already wait, a new request fails at once with a
 * UserError (code `busy`) — the caller tells the user to try again in a moment.
 *
 * The synchronous parts of the interface (documents, paragraph, about) and the
 * unfiltered quotation list (autocomplete) are answered in the main thread
 * from a snapshot the first worker returns when it has opened the index.
 * Conversation turns go to the worker with `ask` and come back with the
 * answer: the caller's `conversation.turns` is updated, as with the
 * in-process engine. One pool per engine, so a registry can create one
 * engine per collection (each with its own config: INDEX_DIR, DOCUMENTS).
 *
 * @example
 * const engine = await createWorkerEngine({ config, logger });     // ENGINE_WORKERS threads
 * const answer = await engine.ask('Who spoke?', conversation);      // runs in a worker
 * await engine.close();                                             // stops the threads
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { Config } from '../config.js';
import type { Engine, ParagraphView, Verification } from '../engine-api.js';
import { UserError } from '../errors.js';
import type { Progress } from '../index/store.js';
import type { Source } from '../ingest/document.js';
import type { Logger } from '../log.js';
import type { Answer, Conversation, Passage, Quotation, Quote, StoredDocument, Summary, Turn } from '../types.js';
import { busyError } from './busy.js';
import { unwrap, type Result, type Snapshot, type Task, type WorkerInit, type WorkerMemory } from './protocol.js';


export interface WorkerEngineOptions {
  config: Config;
  logger: Logger;
  /** Worker threads (default `config.ENGINE_WORKERS`, at least 1). */
  workers?: number;
  /** Requests that may wait for a free worker (default `config.ENGINE_QUEUE_MAX`). */
  queueMax?: number;
  /** Build an in-memory index from these in each worker instead of the configured corpus. */
  documents?: Source[];
  onProgress?: Progress;
  /** The workers' log level (default `config.LOG_LEVEL`). */
  logLevel?: string;
  /** How much lower the workers' CPU priority is than the main thread's (default {@link WORKER_NICENESS}). */
  niceness?: number;
}

/** The worker threads' young generation (V8's new space), MB. */
export const WORKER_YOUNG_GENERATION_MB = 6;

/** Workers run at nice +10 relative to the main thread: under CPU contention the acknowledgements go first. */
export const WORKER_NICENESS = 10;

/** The worker thread's module, next to this one (.ts when run from source through tsx, .js when built). */
function workerModule(): { filename: string; execArgv: string[] } {
  const ts = import.meta.url.endsWith('.ts');
  const filename = new URL(`./engine-worker.${ts ? 'ts' : 'js'}`, import.meta.url).href;
  // Run from source outside tsx (vitest): the worker needs tsx's loader to import TypeScript.
  const needsLoader = ts && !process.execArgv.some((a) => a.includes('tsx'));
  // Heap-size flags (`npm start`'s --max-semi-space-size) are refused by worker threads (ERR_WORKER_INVALID_EXEC_ARGV);
  // a worker's heap is sized by `resourceLimits` instead.
  const inherited = process.execArgv.filter((a) => !/^--max-(semi|old)-space-size\b/.test(a));
  return { filename, execArgv: needsLoader ? [...inherited, '--import', 'tsx'] : inherited };
}

/** Body paragraphs of a document, as the engine presents them (¶n, with neighbours). */
export function paragraphView(doc: StoredDocument, n: number): ParagraphView | undefined {
  const body = doc.paragraphs.filter((p) => p.kind === 'body');
  const i = body.findIndex((p) => p.n === n);
  if (i < 0) return undefined;
  const p = body[i]!;
  return { doc: doc.id, title: doc.title, paragraph: p, text: doc.text.slice(p.start, p.end), prev: body[i - 1]?.n ?? null, next: body[i + 1]?.n ?? null };
}

export interface WorkerEngine extends Engine {
  /** Requests running or waiting, and how many may be outstanding before "busy". */
  load(): { outstanding: number; capacity: number };
  /** Bench-only: a worker thread's memory (with one worker, the worker's), optionally after its warm-up and a full GC. */
  memory(opts: { settle: boolean; gc: boolean }): Promise<WorkerMemory>;
}

export async function createWorkerEngine(opts: WorkerEngineOptions): Promise<WorkerEngine> {
  const { config } = opts;
  const logger = opts.logger.child({ component: 'worker-engine' });
  const workers = Math.max(1, opts.workers ?? config.ENGINE_WORKERS);
  const queueMax = Math.max(0, opts.queueMax ?? config.ENGINE_QUEUE_MAX);
  const capacity = workers + queueMax;
  const init: WorkerInit = {
    config,
    ...(opts.documents ? { documents: opts.documents } : {}),
    logLevel: opts.logLevel ?? config.LOG_LEVEL,
    secrets: [config.DISCORD_TOKEN, config.LLM_API_KEY].filter((s): s is string => !!s),
    niceness: opts.niceness ?? WORKER_NICENESS,
  };
  const { filename, execArgv } = workerModule();
  const pool = new Piscina({
    filename,
    execArgv,
    workerData: init,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: Number.POSITIVE_INFINITY,
    // A small young generation (as `npm run ask`'s --max-semi-space-size=2): V8 otherwise grows it to ~48 MB under
    // a stream of questions, and nothing collects a worker's garbage before RSS is sampled.
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    // The engine uses timers and idle callbacks between tasks; keep the workers' event loops running.
    atomics: 'disabled',
  });
  let outstanding = 0;
  let closed = false;

  async function call<T>(task: Task, transferList: MessagePort[] = [], signal?: AbortSignal): Promise<T> {
    if (closed) throw new UserError('The engine has been shut down.', { code: 'closed' });
    outstanding++;
    try {
      const result = (await pool.run(task, { transferList, ...(signal ? { signal } : {}) })) as Result;
      return unwrap<T>(result);
    } finally {
      outstanding--;
    }
  }

  /** Refuse at once when the queue is full (so the user hears "busy" now, not after a long wait). */
  function admit(): void {
    if (outstanding >= capacity) {
      logger.debug({ outstanding, capacity }, 'engine queue full; request refused as busy');
      throw busyError();
    }
  }

  const wire = (c?: Conversation) => (c ? { id: c.id, turns: c.turns } : undefined);

  // Open the index in one worker first (it builds it when missing or stale), then warm the others on the built one.
  const progress = opts.onProgress ? new MessageChannel() : null;
  progress?.port1.on('message', ([phase, done, total]: Parameters<Progress>) => opts.onProgress!(phase, done, total));
  let snapshot: Snapshot;
  try {
    snapshot = await call<Snapshot>({ op: 'open', snapshot: true, ...(progress ? { progress: progress.port2 } : {}) }, progress ? [progress.port2] : []);
    await Promise.all(Array.from({ length: workers - 1 }, () => call({ op: 'open', snapshot: false })));
  } catch (e) {
    await pool.destroy();
    throw e;
  } finally {
    progress?.port1.close();
  }
  const docById = new Map(snapshot.documents.map((d) => [d.id, d]));
  logger.info({ workers, queueMax, documents: snapshot.documents.length }, 'engine workers ready');

  return {
    async ask(question, conversation, options = {}): Promise<Answer> {
      admit();
      const partials = options.onPartial ? new MessageChannel() : null;
      partials?.port1.on('message', (text: string) => options.onPartial!(text));
      try {
        const r = await call<{ answer: Answer; turns: Turn[] | null }>(
          { op: 'ask', question, conversation: wire(conversation), ...(options.exclude ? { exclude: options.exclude } : {}), ...(options.doc ? { doc: options.doc } : {}), ...(partials ? { partials: partials.port2 } : {}) },
          partials ? [partials.port2] : [],
          options.signal,
        );
        if (conversation && r.turns) conversation.turns = r.turns;
        return r.answer;
      } finally {
        partials?.port1.close();
      }
    },
    async retrieve(question, conversation, k): Promise<Passage[]> {
      admit();
      return call<Passage[]>({ op: 'retrieve', question, conversation: wire(conversation), ...(k !== undefined ? { k } : {}) });
    },
    async summarize(options = {}): Promise<Summary> {
      admit();
      return call<Summary>({ op: 'summarize', options });
    },
    async quotations(filter = {}): Promise<Quotation[]> {
      if (!filter.speaker && !filter.to && !filter.about && !filter.doc) return snapshot.quotations;
      admit();
      return call<Quotation[]>({ op: 'quotations', filter });
    },
    async passages(request): Promise<Quote[]> {
      admit();
      return call<Quote[]>({ op: 'passages', request });
    },
    async verify(claim): Promise<Verification> {
      admit();
      return call<Verification>({ op: 'verify', claim });
    },
    paragraph(docId, n) {
      const doc = docById.get(docId);
      return doc ? paragraphView(doc, n) : undefined;
    },
    documents: () => snapshot.documents,
    about: () => snapshot.about,
    load: () => ({ outstanding, capacity }),
    memory: (o) => call<WorkerMemory>({ op: 'memory', ...o }),
    saturated: (pending = 0) => outstanding + pending >= capacity,
    async close() {
      if (closed) return;
      closed = true;
      await pool.destroy();
    },
  };
}
