/**
 * A worker thread of the worker engine (`engine-pool.ts`): it opens its own
 * engine once (the index is read, or built when missing or stale, exactly as
 * the main thread would) and runs one Engine call per task. Every result is
 * plain data; errors travel as {@link WireError}s. Conversation turns come in
 * with the task and go back with the answer, so the main thread's
 * conversation store stays the one owner of conversations.
 *
 * The embedding model loads when the first question needs it, not when the
 * thread starts (`deferred-model.ts`); if it cannot be loaded then, the
 * thread re-opens its engine without it and answers lexically.
 *
 * Loaded by piscina, never imported directly.
 */
import os from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import { workerData, type MessagePort } from 'node:worker_threads';
import { createEngine } from '../engine.js';
import type { Engine } from '../engine-api.js';
import { createLogger } from '../log.js';
import type { Conversation } from '../types.js';
import { deferredModel, ModelUnavailableError } from './deferred-model.js';
import { toWire, type Result, type Snapshot, type Task, type WorkerInit, type WorkerMemory } from './protocol.js';

const init = workerData as WorkerInit;
// The gateway's thread first: on Linux this lowers only this thread's priority (the main thread keeps its own), so
// acknowledgements are not starved of CPU by engine work; an idle main thread leaves the worker the whole core.
if (init.niceness) {
  try {
    os.setPriority(Math.min(19, os.getPriority() + init.niceness));
  } catch {
    // not permitted here: run at the normal priority
  }
}
const logger = createLogger({ level: init.logLevel, secrets: init.secrets }).child({ component: 'engine-worker' });
let opened: Promise<Engine> | null = null;
/** Set when the deferred model could not be loaded: the engine is re-opened lexical-only. */
let withoutModel = false;

function open(progress?: MessagePort): Promise<Engine> {
  if (opened) return opened;
  opened = (async () => {
    // An in-memory corpus is embedded at once; the configured index is, when fresh, searched with a model loaded on first use.
    const embedder = withoutModel ? null : init.documents ? undefined : await deferredModel({ config: init.config, logger });
    return createEngine({
      config: init.config,
      logger,
      ...(embedder !== undefined ? { embedder } : {}),
      // Nothing is loaded ahead of the first question: an idle bot stays small (the speaker tables cost ~35 MB).
      warmUp: false,
      ...(init.documents ? { documents: init.documents } : {}),
      onProgress: progress ? (phase, done, total) => progress.postMessage([phase, done, total]) : undefined,
    });
  })();
  // A failed open is not cached: the next task tries again (and reports its own error).
  opened.catch(() => (opened = null));
  // Once the idle warm-up is done, its garbage and the open's go at once, in idle time, not whenever V8 next
  // gets to them: RSS then settles early instead of shedding tens of MB at some later question. Once per open.
  void opened.then((engine) => engine.settled?.().then(collectGarbage)).catch(() => undefined);
  return opened;
}

/** A full collection of this thread's heap (worker threads refuse --expose-gc in execArgv; the flag is set at run time). */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

/**
 * Bench-only (`test/bench/many-questions.mjs`): this thread's memory, after a full collection of its own heap when asked
 * (the main thread's gc() does not reach a worker's isolate; worker threads refuse --expose-gc in execArgv, so the flag
 * is set at run time, as the bench does in its main thread).
 */
async function memory(settle: boolean, gc: boolean): Promise<WorkerMemory> {
  if (settle) await (await open()).settled?.();
  if (gc) collectGarbage();
  const mb = (x: number) => x / 1024 / 1024;
  const m = process.memoryUsage();
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, { used: mb(s.space_used_size), size: mb(s.space_size) }]));
  return { rss: mb(m.rss), heapUsed: mb(m.heapUsed), heapTotal: mb(m.heapTotal), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers), spaces };
}

const conversationOf = (c: { id: string; turns: Conversation['turns'] } | undefined): Conversation | undefined => (c ? { id: c.id, turns: c.turns } : undefined);

async function perform(task: Task): Promise<unknown> {
  switch (task.op) {
    case 'open': {
      const engine = await open(task.progress);
      task.progress?.close();
      if (!task.snapshot) return null;
      const snapshot: Snapshot = { documents: engine.documents(), about: engine.about(), quotations: await engine.quotations() };
      return snapshot;
    }
    case 'ask': {
      const engine = await open();
      const conversation = conversationOf(task.conversation);
      try {
        const answer = await engine.ask(task.question, conversation, {
          ...(task.exclude ? { exclude: task.exclude } : {}),
          ...(task.doc ? { doc: task.doc } : {}),
          ...(task.partials ? { onPartial: (text: string) => task.partials!.postMessage(text) } : {}),
        });
        return { answer, turns: conversation?.turns ?? null };
      } finally {
        task.partials?.close();
      }
    }
    case 'retrieve':
      return (await open()).retrieve(task.question, conversationOf(task.conversation), task.k);
    case 'summarize':
      return (await open()).summarize(task.options);
    case 'quotations':
      return (await open()).quotations(task.filter);
    case 'passages':
      return (await open()).passages(task.request);
    case 'verify':
      return (await open()).verify(task.claim);
    case 'memory':
      return memory(task.settle, task.gc);
  }
}

/** One task; when the deferred model turns out unavailable, once more on an engine without it. */
async function performOrFallBack(task: Task): Promise<unknown> {
  try {
    return await perform(task);
  } catch (e) {
    if (!(e instanceof ModelUnavailableError) || withoutModel) throw e;
    logger.warn({ cause: e.message }, `${e.message}; answering with lexical retrieval only`);
    withoutModel = true;
    const previous = opened;
    opened = null;
    await previous?.then((engine) => engine.close()).catch(() => undefined);
    return perform(task);
  }
}

/** The piscina entry point. Never throws: failures come back as data. */
export default async function run(task: Task): Promise<Result> {
  try {
    return { ok: true, value: await performOrFallBack(task) };
  } catch (e) {
    return { ok: false, error: toWire(e) };
  }
}
