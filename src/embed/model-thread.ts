/**
 * The ONNX model in its own thread: opening a session is one long
 * synchronous call (~0.3–1 s), and embedding a batch blocks too. Started
 * first thing, the model loads on the second core while the main thread
 * loads modules and reads the index; the query embedding is the join.
 * Same {@link OnnxModel} as in-thread; the rows come back transferred.
 *
 * @example
 * const model = await openOnnxModelThread({ folder, onnxFile, cacheDir, logger });
 * const [row] = await model.extract(['What did Annan tell the Council?'], 'mean');
 */
import { Worker } from 'node:worker_threads';
import type { Pooling } from './families.js';
import type { OnnxModel } from './onnx-model.js';
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
  const pending = new Map<number, { resolve: (rows: Float32Array[]) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let dead: Error | null = null;
  const failAll = (e: Error) => {
    dead ??= e;
    for (const p of pending.values()) p.reject(e);
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
      failAll(e);
      reject(e);
    });
    worker.on('exit', (code) => {
      const e = new Error(`the embedding model's thread exited (code ${code})`);
      failAll(e);
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
      extract(texts: string[], pooling: Pooling) {
        if (dead) return Promise.reject(dead);
        const id = nextId++;
        return new Promise<Float32Array[]>((resolve, reject) => {
          pending.set(id, { resolve, reject });
          worker.ref();
          worker.postMessage({ type: 'extract', id, texts, pooling } satisfies ToThread);
        });
      },
      async dispose() {
        if (dead) return;
        dead = new Error('the embedding model is closed');
        const exited = new Promise((r) => worker.once('exit', r));
        worker.ref();
        worker.postMessage({ type: 'close' } satisfies ToThread);
        await exited;
      },
    };
  }
}
