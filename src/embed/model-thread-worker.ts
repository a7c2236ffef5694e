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

const init = workerData as Omit<ModelThreadOptions, 'logger'>;
try {
  const model = await openOnnxModel({ ...init, logger });
  port.on('message', async (m: ToThread) => {
    if (m.type === 'close') {
      await model.dispose().catch(() => undefined);
      port.close();
      return;
    }
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
