/** The model thread's side of ./model-thread.ts: opens the model, then embeds on request until closed. */
import { parentPort, workerData } from 'node:worker_threads';
import type { FromThread, ModelThreadOptions, ToThread } from './model-thread.js';
import { openOnnxModel } from './onnx-model.js';

const port = parentPort!;
const send = (m: FromThread, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
const logger = {
  debug: (obj: object, msg?: string) => send({ type: 'log', level: 'debug', obj: plain(obj), ...(msg !== undefined && { msg }) }),
  warn: (obj: object | string, msg?: string) => send({ type: 'log', level: 'warn', obj: typeof obj === 'string' ? { msg: obj } : plain(obj), ...(msg !== undefined && { msg }) }),
};

/** Log fields that survive postMessage (an Error becomes its message). */
function plain(o: object): object {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v instanceof Error ? v.message : v]));
}

// Started early (no options yet): load the runtime and the tokenizer library while the options are worked out.
if (workerData == null) for (const m of [import('onnxruntime-node'), import('@huggingface/tokenizers')]) m.catch(() => undefined);

/** Options given at start, or (a thread src/launch.mjs started before they were known) in the first message. */
const init = ((workerData as Omit<ModelThreadOptions, 'logger'> | null | undefined) ??
  (await new Promise<Omit<ModelThreadOptions, 'logger'>>((resolve) =>
    port.once('message', (m: ToThread) => {
      if (m.type === 'init') resolve(m.init);
      else port.close(); // closed before it was used: nothing to open
    }),
  ))) as Omit<ModelThreadOptions, 'logger'>;
try {
  const model = await openOnnxModel({ ...init, logger });
  port.on('message', async (m: ToThread) => {
    if (m.type === 'close') {
      await model.dispose().catch(() => undefined);
      port.close();
      return;
    }
    if (m.type !== 'extract') return;
    try {
      const rows = await model.extract(m.texts, m.pooling);
      send({ type: 'rows', id: m.id, rows }, rows.map((r) => r.buffer as ArrayBuffer));
    } catch (e) {
      send({ type: 'error', id: m.id, message: e instanceof Error ? e.message : String(e) });
    }
  });
  send({ type: 'ready', session: model.session });
} catch (e) {
  send({ type: 'failed', message: e instanceof Error ? e.message : String(e), name: e instanceof Error ? e.name : 'Error' });
}
