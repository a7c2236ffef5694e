/**
 * The optimized-model cache: built on first open, used (bit-identical output)
 * on the next, rebuilt when the model file changes, and a damaged copy —
 * unreadable, truncated, or with altered weights — costs one warning and a
 * rebuild, never a crash or a wrong vector.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import onnxProto from 'onnx-proto';
import { afterAll, describe, expect, it } from 'vitest';
import { openOnnxModel, type OnnxModel } from '../../src/embed/onnx-model.js';
import { cacheFolder, openCachedSession } from '../../src/embed/ort-cache.js';
import { copyTinyModel, spyLogger, tempDir } from './helpers.js';

const opened: OnnxModel[] = [];
afterAll(async () => {
  await Promise.all(opened.map((m) => m.dispose()));
});
const texts = ['What did Annan tell the Council?', 'Regional organizations and the United Nations must work ever more closely.', 'Short.'];
const bytes = (vs: Float32Array[]) => vs.map((v) => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex'));

async function open(folder: string, cacheDir: string) {
  const logs = spyLogger();
  const m = await openOnnxModel({ folder, onnxFile: path.join(folder, 'onnx', 'model.onnx'), cacheDir, logger: logs.logger });
  opened.push(m);
  return { m, logs, rows: bytes(await m.extract(texts, 'mean')) };
}

function setup() {
  const folder = copyTinyModel(path.join(tempDir(), 'tiny'));
  const cacheDir = tempDir();
  const dir = () => cacheFolder(ort as never, path.join(folder, 'onnx', 'model.onnx'), cacheDir).dir;
  return { folder, cacheDir, dir };
}

describe('the optimized-model cache (tiny model)', () => {
  it('given no cache, when the model is opened twice, then the first builds it and the second loads it, with bit-identical rows and no warning', async () => {
    const { folder, cacheDir, dir } = setup();
    const a = await open(folder, cacheDir);
    expect(fs.existsSync(path.join(dir(), 'manifest.json'))).toBe(true);
    const b = await open(folder, cacheDir);
    expect(b.m.session).toBe('cache');
    expect(b.rows).toEqual(a.rows);
    expect(a.logs.calls.warn).not.toHaveBeenCalled();
    expect(b.logs.calls.warn).not.toHaveBeenCalled();
  });

  it('given a cached model whose file then changes, when opened, then a new copy is built for the new file and its rows follow the new file', async () => {
    const { folder, cacheDir, dir } = setup();
    const before = await open(folder, cacheDir);
    const oldDir = dir();
    // Another model in the same place: every int8 weight of the embedding table shifted by one.
    const file = path.join(folder, 'onnx', 'model.onnx');
    const { onnx } = onnxProto;
    const model = onnx.ModelProto.decode(fs.readFileSync(file));
    const table = model.graph!.initializer!.reduce((a, b) => ((b.rawData?.length ?? 0) > (a.rawData?.length ?? 0) ? b : a));
    table.rawData = Uint8Array.from(table.rawData!, (x) => (x + 1) & 0xff);
    fs.writeFileSync(file, onnx.ModelProto.encode(model).finish());
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(file, later, later);
    expect(dir()).not.toBe(oldDir);
    const after = await open(folder, cacheDir);
    const fresh = await open(folder, tempDir()); // the new file, in an empty cache
    expect(after.rows).not.toEqual(before.rows);
    expect(after.rows).toEqual(fresh.rows);
    expect(fs.existsSync(path.join(dir(), 'manifest.json'))).toBe(true);
    expect(after.logs.calls.warn).not.toHaveBeenCalled();
  });

  it.each([
    ['an unreadable graph file', (d: string) => fs.writeFileSync(path.join(d, 'model.onnx'), 'not a model')],
    ['a truncated weights file', (d: string) => fs.truncateSync(path.join(d, 'model.onnx.data'), 100)],
    ['altered weights of the same size', (d: string) => fs.writeFileSync(path.join(d, 'model.onnx.data'), Buffer.alloc(fs.statSync(path.join(d, 'model.onnx.data')).size, 7))],
    ['a missing manifest', (d: string) => fs.rmSync(path.join(d, 'manifest.json'))],
  ])('given %s in the cache, when opened, then one warning, the rows of the original model, and the next open is clean', async (_what, damage) => {
    const { folder, cacheDir, dir } = setup();
    const good = await open(folder, cacheDir);
    damage(dir());
    const hurt = await open(folder, cacheDir);
    expect(hurt.logs.calls.warn).toHaveBeenCalledTimes(1);
    expect(String(hurt.logs.calls.warn.mock.calls[0]![1])).toMatch(/damaged .*rebuilding/);
    expect(hurt.rows).toEqual(good.rows);
    const healed = await open(folder, cacheDir);
    expect(healed.m.session).toBe('cache');
    expect(healed.logs.calls.warn).not.toHaveBeenCalled();
    expect(healed.rows).toEqual(good.rows);
  });

  it('given a cache folder that cannot be written, when opened, then the original model is used without a warning', async () => {
    const { folder } = setup();
    const blocked = path.join(tempDir(), 'file-not-folder');
    fs.writeFileSync(blocked, '');
    const r = await open(folder, blocked);
    expect(r.m.session).toBe('original');
    expect(r.logs.calls.warn).not.toHaveBeenCalled();
    expect(r.rows).toHaveLength(texts.length);
  });
});

/** A model that is one MatMul by a constant fp32 weight: the kind of weight ONNX Runtime pre-packs for its matrix kernels. */
function matMulModel(file: string, k = 128): number {
  const { onnx } = onnxProto;
  const w = Float32Array.from({ length: k * k }, (_, i) => Math.sin(i));
  const tensor = (name: string) => ({ name, type: { tensorType: { elemType: 1, shape: { dim: [{ dimParam: 'n' }, { dimValue: k }] } } } });
  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 17 }],
    graph: {
      name: 'matmul',
      node: [{ opType: 'MatMul', input: ['x', 'w'], output: ['y'] }],
      initializer: [{ name: 'w', dims: [k, k], dataType: 1, rawData: new Uint8Array(w.buffer) }],
      input: [tensor('x')],
      output: [tensor('y')],
    },
  });
  fs.writeFileSync(file, onnx.ModelProto.encode(model).finish());
  return w.byteLength;
}

describe('the optimized-model cache (a model with pre-packed weights)', () => {
  it('given a model whose weight the matrix kernels pre-pack, when the cache is built, then the weights file holds the packed form beside the weight, and a session from it computes bit-identical output', async () => {
    const dir = tempDir();
    const onnxFile = path.join(dir, 'model.onnx');
    const weightBytes = matMulModel(onnxFile);
    const x = new ort.Tensor('float32', Float32Array.from({ length: 3 * 128 }, (_, i) => Math.cos(i)), [3, 128]);
    const run = async (s: ort.InferenceSession) => (await s.run({ x })).y!.data as Float32Array;
    const open = () => openCachedSession({ ort: ort as never, onnxFile, cacheDir: path.join(dir, 'cache'), logger: spyLogger().logger, probe: run });
    const built = await open();
    const cached = await open();
    try {
      expect(cached.source).toBe('cache');
      // A later open maps the packed form instead of packing the weight again (CPU and memory at every start).
      expect(fs.statSync(path.join(cacheFolder(ort as never, onnxFile, path.join(dir, 'cache')).dir, 'model.onnx.data')).size).toBeGreaterThan(weightBytes);
      const plain = await ort.InferenceSession.create(onnxFile);
      expect(Buffer.from((await run(cached.session)).buffer)).toEqual(Buffer.from((await run(plain)).buffer));
      await plain.release();
    } finally {
      await built.session.release();
      await cached.session.release();
    }
  });
});
