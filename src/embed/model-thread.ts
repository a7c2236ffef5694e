/**
 * The ONNX model in its own thread: opening a session is one long
 * synchronous call (~0.3–1 s), and embedding a batch blocks too. Started
 * first thing, the model loads on the second core while the main thread
 * loads modules and reads the index; the query embedding is the join.
 * Same {@link OnnxModel} as in-thread; the rows come back transferred.
 * Should the thread stop once the model is open (a crash, a kill), the model
 * is opened on the calling thread instead, with one warning: the requests
 * in flight and later ones are answered there, none is lost.
 *
 * @example
 * const model = await openOnnxModelThread({ folder, onnxFile, cacheDir, logger });
 * const [row] = await model.extract(['What did Annan tell the Council?'], 'mean');
 */
import { Worker } from 'node:worker_threads';
import type { Pooling } from './families.js';
import { openOnnxModel, type OnnxModel } from './onnx-model.js';
import type { SessionLogger } from './ort-cache.js';

export interface ModelThreadOptions {
  folder: string;
  onnxFile: string;
  cacheDir: string;
  logger: SessionLogger;
  verbose?: boolean;
}

/** Messages from the thread (see ./model-thread-worker.ts). */
export type FromThread =
  | { type: 'ready'; session: OnnxModel['session'] }
  | { type: 'failed'; message: string; name: string }
  | { type: 'log'; level: 'debug' | 'warn'; obj: object; msg?: string }
  | { type: 'rows'; id: number; rows: Float32Array[] }
  | { type: 'error'; id: number; message: string };

export type ToThread =
  | { type: 'init'; init: Omit<ModelThreadOptions, 'logger'> }
  | { type: 'extract'; id: number; texts: string[]; pooling: Pooling }
  | { type: 'close' };

/**
 * Where src/launch.mjs leaves a model thread it started before the command's own modules load (for
 * `ask`): the thread imports ONNX Runtime and the tokenizer meanwhile and waits for its options.
 */
export const PRESTARTED = Symbol.for('verbatim.modelThread');

/** The pre-started thread, once: the first model opened in this process takes it. */
function takePrestarted(): Worker | undefined {
  const g = globalThis as { [PRESTARTED]?: Worker };
  const w = g[PRESTARTED];
  delete g[PRESTARTED];
  return w;
}

/**
 * The thread, running ./model-thread-worker (.js when built — a bundle one folder down from the
 * root finds it too; .ts from source, with tsx's loader registered in the thread first: an
 * `--import` flag does not reach worker threads' module loading here).
 */
function spawn(workerData: Omit<ModelThreadOptions, 'logger'>): Worker {
  const early = takePrestarted();
  if (early) {
    early.postMessage({ type: 'init', init: workerData } satisfies ToThread);
    return early;
  }
  const ts = import.meta.url.endsWith('.ts');
  const url = new URL(`../embed/model-thread-worker.${ts ? 'ts' : 'js'}`, import.meta.url);
  if (!ts) return new Worker(url, { workerData });
  return new Worker(`import('tsx/esm/api').then((m) => m.register()).then(() => import(${JSON.stringify(url.href)}))`, { eval: true, workerData });
}

export function openOnnxModelThread(o: ModelThreadOptions): Promise<OnnxModel> {
  const { logger, ...init } = o;
  const worker = spawn(init);
  const pending = new Map<number, { texts: string[]; pooling: Pooling; resolve: (rows: Float32Array[]) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let ready = false;
  let closed: Error | null = null;
  /** The model opened on this thread once the model thread stopped on its own after it was ready. */
  let fallback: Promise<OnnxModel> | null = null;
  /** Before it is ready, a failing thread fails the open; after, its work (pending and later) goes to this thread. */
  const stopped = (e: Error) => {
    if (!ready) {
      closed ??= e;
      for (const p of pending.values()) p.reject(e);
      pending.clear();
      return;
    }
    if (closed || fallback) return;
    logger.warn({ cause: e.message }, `the embedding model's thread stopped (${e.message}); embedding on this thread from now on`);
    fallback = openOnnxModel({ ...init, logger });
    fallback.catch(() => undefined);
    for (const p of pending.values()) fallback.then((m) => m.extract(p.texts, p.pooling)).then(p.resolve, p.reject);
    pending.clear();
  };
  return new Promise<OnnxModel>((resolve, reject) => {
    worker.on('message', (m: FromThread) => {
      switch (m.type) {
        case 'log':
          if (m.level === 'warn') logger.warn(m.obj, m.msg);
          else logger.debug(m.obj, m.msg);
          break;
        case 'ready':
          ready = true;
          resolve(model(m.session));
          break;
        case 'failed':
          void worker.terminate();
          reject(Object.assign(new Error(m.message), { name: m.name }));
          break;
        case 'rows':
          pending.get(m.id)?.resolve(m.rows);
          settled(m.id);
          break;
        case 'error':
          pending.get(m.id)?.reject(new Error(m.message));
          settled(m.id);
          break;
      }
    });
    worker.on('error', (e) => {
      stopped(e);
      reject(e);
    });
    worker.on('exit', (code) => {
      const e = new Error(`the embedding model's thread exited (code ${code})`);
      stopped(e);
      reject(e);
    });
  });

  /** An idle model thread never keeps the process alive; one with work pending does. */
  function settled(id: number) {
    pending.delete(id);
    if (!pending.size) worker.unref();
  }

  function model(session: OnnxModel['session']): OnnxModel {
    worker.unref();
    return {
      session,
      get offThread() {
        return !fallback;
      },
      extract(texts: string[], pooling: Pooling) {
        if (closed) return Promise.reject(closed);
        if (fallback) return fallback.then((m) => m.extract(texts, pooling));
        const id = nextId++;
        return new Promise<Float32Array[]>((resolve, reject) => {
          pending.set(id, { texts, pooling, resolve, reject });
          worker.ref();
          worker.postMessage({ type: 'extract', id, texts, pooling } satisfies ToThread);
        });
      },
      async dispose() {
        if (closed) return;
        closed = new Error('the embedding model is closed');
        if (fallback) return (await fallback.catch(() => null))?.dispose();
        const exited = new Promise((r) => worker.once('exit', r));
        worker.ref();
        worker.postMessage({ type: 'close' } satisfies ToThread);
        await exited;
      },
    };
  }
}
