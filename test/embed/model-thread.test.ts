/**
 * The model in its own thread answers exactly as in-thread (same rows, bit
 * for bit), reports its log lines through the caller's logger, and a closed
 * model refuses work instead of hanging.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openOnnxModel, type OnnxModel } from '../../src/embed/onnx-model.js';
import { openOnnxModelThread, PRESTARTED } from '../../src/embed/model-thread.js';
import { Worker } from 'node:worker_threads';
import { spyLogger, tempDir, tinyModelDir } from './helpers.js';
import path from 'node:path';

const onnxFile = path.join(tinyModelDir, 'onnx', 'model.onnx');
const opened: OnnxModel[] = [];
afterAll(async () => {
  await Promise.all(opened.map((m) => m.dispose()));
});

const texts = ['What did Annan tell the Council?', 'Short.', 'Regional organizations and the United Nations must work ever more closely together.'];
const bytes = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex');

describe('openOnnxModelThread (tiny model)', () => {
  it('given the same texts, when embedded in the model thread and in-thread, then the rows are bit-identical', async () => {
    const cacheDir = tempDir();
    const here = await openOnnxModel({ folder: tinyModelDir, onnxFile, cacheDir, logger: spyLogger().logger });
    const there = await openOnnxModelThread({ folder: tinyModelDir, onnxFile, cacheDir, logger: spyLogger().logger });
    opened.push(here, there);
    for (const pooling of ['mean', 'cls'] as const) {
      expect((await there.extract(texts, pooling)).map(bytes)).toEqual((await here.extract(texts, pooling)).map(bytes));
    }
    expect(there.session).toBe('cache');
  });

  it('given a damaged cache, when the thread opens the model, then its one warning reaches the caller’s logger', async () => {
    const cacheDir = tempDir();
    const first = await openOnnxModel({ folder: tinyModelDir, onnxFile, cacheDir, logger: spyLogger().logger });
    await first.dispose();
    const { dir } = (await import('../../src/embed/ort-cache.js')).cacheFolder(await import('onnxruntime-node'), onnxFile, cacheDir);
    (await import('node:fs')).writeFileSync(path.join(dir, 'model.onnx'), 'not a model');
    const logs = spyLogger();
    const m = await openOnnxModelThread({ folder: tinyModelDir, onnxFile, cacheDir, logger: logs.logger });
    opened.push(m);
    expect(logs.calls.warn).toHaveBeenCalledTimes(1);
    expect(String(logs.calls.warn.mock.calls[0]![1])).toMatch(/damaged/);
    expect((await m.extract(['Short.'], 'mean'))[0]).toHaveLength(64);
  });

  it('given a closed model thread, when asked to embed, then it rejects at once', async () => {
    const m = await openOnnxModelThread({ folder: tinyModelDir, onnxFile, cacheDir: tempDir(), logger: spyLogger().logger });
    await m.dispose();
    await expect(m.extract(['Short.'], 'mean')).rejects.toThrow(/closed/);
  });

  it('given a folder without a model, when the thread opens it, then the promise rejects with the cause (no hang, no crash)', async () => {
    const folder = tempDir();
    await expect(openOnnxModelThread({ folder, onnxFile: path.join(folder, 'onnx', 'model.onnx'), cacheDir: tempDir(), logger: spyLogger().logger })).rejects.toThrow();
  });

  /** A thread started as src/launch.mjs starts it for `ask`: no options yet (from source, through tsx's loader). */
  const prestart = () => {
    const url = new URL('../../src/embed/model-thread-worker.ts', import.meta.url);
    return new Worker(`import('tsx/esm/api').then((m) => m.register()).then(() => import(${JSON.stringify(url.href)}))`, { eval: true });
  };
  const exitOf = (w: Worker) => new Promise<number>((resolve, reject) => { w.once('exit', resolve); setTimeout(() => reject(new Error('the thread did not exit')), 20_000).unref(); });

  it('given a thread started before the options were known, when the model is opened, then that thread is handed the options and serves it, bit-identical', async () => {
    const early = prestart();
    (globalThis as Record<symbol, unknown>)[PRESTARTED] = early;
    const cacheDir = tempDir();
    const there = await openOnnxModelThread({ folder: tinyModelDir, onnxFile, cacheDir, logger: spyLogger().logger });
    expect((globalThis as Record<symbol, unknown>)[PRESTARTED]).toBeUndefined();
    const here = await openOnnxModel({ folder: tinyModelDir, onnxFile, cacheDir, logger: spyLogger().logger });
    opened.push(here);
    expect((await there.extract(texts, 'mean')).map(bytes)).toEqual((await here.extract(texts, 'mean')).map(bytes));
    const exited = exitOf(early);
    await there.dispose();
    await expect(exited).resolves.toBe(0); // the model lived in the pre-started thread: closing it ends that thread
  });

  it('given a model thread that stops after it opened (killed), when embedding, then the request in flight and later ones are answered on this thread, bit-identical, with one warning', async () => {
    const early = prestart();
    (globalThis as Record<symbol, unknown>)[PRESTARTED] = early;
    const cacheDir = tempDir();
    const logs = spyLogger();
    const there = await openOnnxModelThread({ folder: tinyModelDir, onnxFile, cacheDir, logger: logs.logger });
    opened.push(there);
    const here = await openOnnxModel({ folder: tinyModelDir, onnxFile, cacheDir, logger: spyLogger().logger });
    opened.push(here);
    expect(there.offThread).toBe(true);
    const inFlight = there.extract(texts, 'mean');
    await early.terminate();
    expect((await inFlight).map(bytes)).toEqual((await here.extract(texts, 'mean')).map(bytes));
    expect((await there.extract(texts, 'cls')).map(bytes)).toEqual((await here.extract(texts, 'cls')).map(bytes));
    expect(there.offThread).toBe(false);
    expect(logs.calls.warn).toHaveBeenCalledTimes(1);
    expect(String(logs.calls.warn.mock.calls[0]![1])).toMatch(/thread stopped .*embedding on this thread from now on/);
  });

  it('given a pre-started thread that is never given options, when told to close, then it exits cleanly', async () => {
    const early = prestart();
    const said: unknown[] = [];
    early.on('message', (m) => said.push(m));
    const exited = exitOf(early);
    early.postMessage({ type: 'close' });
    await expect(exited).resolves.toBe(0);
    expect(said).toEqual([]); // it tried to open nothing: no 'failed', no 'log'
  });
});

