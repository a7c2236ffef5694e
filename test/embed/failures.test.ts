/**
 * When no model can be loaded: null, exactly one clear warning, no network,
 * no hang. And the hub paths (cache hit, download) without the network: the
 * "hub" here is an injected fetch that serves the tiny model from memory.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { fetchWithTimeout, loadEmbedder, type TransformersEmbedder } from '../../src/embed/load.js';
import { copyTinyModel, maxAbsDiff, repoRoot, spyLogger, tempDir, tinyModelDir } from './helpers.js';

const WARNING = /^no embedding model could be loaded \(.+\); answering with lexical retrieval only$/;
const opened: TransformersEmbedder[] = [];
afterAll(async () => {
  await Promise.all(opened.map((e) => e.dispose?.()));
});

/** A fetch that fails the test if anything reaches for the network. */
const noNetwork = vi.fn(async (input: unknown) => {
  throw new Error(`unexpected network access: ${String(input)}`);
}) as unknown as typeof fetch;

function expectOneWarning(calls: ReturnType<typeof spyLogger>['calls'], reason: RegExp) {
  expect(calls.warn).toHaveBeenCalledTimes(1);
  const [fields, message] = calls.warn.mock.calls[0] as [Record<string, unknown>, string];
  expect(message).toMatch(WARNING);
  expect(message).toMatch(reason);
  expect(message).not.toMatch(/\n\s+at /); // no stack frames in the warning
  expect(fields.model).toBeTypeOf('string');
}

describe('loadEmbedder when no model can be loaded', () => {
  it('given "none", when loaded, then null with an info log and no warning', async () => {
    const { logger, calls } = spyLogger();
    await expect(loadEmbedder({ model: 'none', cacheDir: tempDir(), allowRemote: true, logger, fetch: noNetwork })).resolves.toBeNull();
    expect(calls.warn).not.toHaveBeenCalled();
    expect(calls.info).toHaveBeenCalledTimes(1);
    expect(String(calls.info.mock.calls[0][1])).toMatch(/lexical retrieval only/);
  });

  it('given a missing folder, when loaded, then null and exactly one warning naming the folder', async () => {
    const { logger, calls } = spyLogger();
    const missing = path.join(tempDir(), 'no-such-model');
    await expect(loadEmbedder({ model: missing, cacheDir: tempDir(), allowRemote: true, logger, fetch: noNetwork })).resolves.toBeNull();
    expectOneWarning(calls, /does not exist/);
    expect(calls.warn.mock.calls[0][1]).toContain(missing);
    expect(noNetwork).not.toHaveBeenCalled();
  });

  it('given a file path (not a folder), when loaded, then one warning saying a model folder or a model id is expected, not "does not exist"', async () => {
    const file = path.join(tempDir(), 'model.onnx');
    fs.writeFileSync(file, 'not a folder');
    const { logger, calls } = spyLogger();
    await expect(loadEmbedder({ model: file, cacheDir: tempDir(), allowRemote: true, logger, fetch: noNetwork })).resolves.toBeNull();
    expectOneWarning(calls, /is a file, not a model folder: give a folder holding config\.json, tokenizer\.json and onnx\/model\.onnx, a Hugging Face model id \(owner\/name\), or "none"/);
    expect(calls.warn.mock.calls[0][1]).toContain(file);
    expect(calls.warn.mock.calls[0][1]).not.toMatch(/does not exist/);
    expect(noNetwork).not.toHaveBeenCalled();
  });

  it('given a folder without onnx/model.onnx, when loaded, then null and one warning listing what is missing', async () => {
    const dir = copyTinyModel(path.join(tempDir(), 'incomplete'));
    fs.rmSync(path.join(dir, 'onnx'), { recursive: true });
    const { logger, calls } = spyLogger();
    await expect(loadEmbedder({ model: dir, cacheDir: tempDir(), allowRemote: false, logger })).resolves.toBeNull();
    expectOneWarning(calls, /lacks onnx\/model\.onnx/);
  });

  it('given a corrupt model.onnx, when loaded, then null, one warning, and the cause kept on the logged error', async () => {
    const dir = copyTinyModel(path.join(tempDir(), 'corrupt'));
    fs.writeFileSync(path.join(dir, 'onnx', 'model.onnx'), Buffer.from('this is not an onnx protobuf'.repeat(20)));
    const { logger, calls } = spyLogger();
    await expect(loadEmbedder({ model: dir, cacheDir: tempDir(), allowRemote: false, logger })).resolves.toBeNull();
    expectOneWarning(calls, /could not load the model/);
    expect(String(calls.warn.mock.calls[0][0].cause)).toMatch(/model\.onnx/);
    const details = calls.debug.mock.calls.find((c) => (c[0] as { err?: unknown })?.err);
    const err = (details?.[0] as { err: Error }).err;
    expect(err).toBeInstanceOf(Error);
    expect(err.cause).toBeInstanceOf(Error);
  });

  it('given a hub id, an empty cache and downloads off, when loaded, then null, one warning, no fetch, and fast', async () => {
    const { logger, calls } = spyLogger();
    const t0 = performance.now();
    await expect(
      loadEmbedder({ model: 'Snowflake/snowflake-arctic-embed-xs', cacheDir: tempDir(), allowRemote: false, logger, fetch: noNetwork }),
    ).resolves.toBeNull();
    expect(performance.now() - t0).toBeLessThan(2000);
    expectOneWarning(calls, /not in the model cache .* ALLOW_REMOTE_MODELS=false/);
    expect(noNetwork).not.toHaveBeenCalled();
  });

  it('given a hub id and an unreachable hub (DNS failure), when loaded, then null and one warning with the cause', async () => {
    const { logger, calls } = spyLogger();
    const dnsFailure = vi.fn(async () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND huggingface.co'), { code: 'ENOTFOUND' }) });
    }) as unknown as typeof fetch;
    await expect(loadEmbedder({ model: 'owner/some-model', cacheDir: tempDir(), allowRemote: true, logger, fetch: dnsFailure })).resolves.toBeNull();
    expectOneWarning(calls, /could not download "owner\/some-model".*ENOTFOUND/);
    expect(String(calls.warn.mock.calls[0][0].cause)).toContain('fetch failed');
  });

  it('given a hub that never answers, when loaded with a 300 ms cap, then null and one warning within seconds, not a hang', async () => {
    const { logger, calls } = spyLogger();
    const blackHole = vi.fn(
      (_input: unknown, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
    ) as unknown as typeof fetch;
    const t0 = performance.now();
    await expect(
      loadEmbedder({ model: 'owner/slow-model', cacheDir: tempDir(), allowRemote: true, logger, fetch: blackHole, fetchTimeoutMs: 300 }),
    ).resolves.toBeNull();
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(blackHole).toHaveBeenCalled();
    expectOneWarning(calls, /no response from huggingface\.co within 300 ms/);
  });

  it('given a name that is neither a folder nor a hub id, when loaded, then null and one warning saying so', async () => {
    const { logger, calls } = spyLogger();
    await expect(loadEmbedder({ model: 'not a model!', cacheDir: tempDir(), allowRemote: true, logger, fetch: noNetwork })).resolves.toBeNull();
    expectOneWarning(calls, /neither an existing folder nor a Hugging Face model id/);
  });
});

describe('hub models without the network', () => {
  it('given a hub id already in the cache, when loaded with downloads off, then it loads from the cache without any fetch', async () => {
    const cacheDir = tempDir();
    copyTinyModel(path.join(cacheDir, 'owner', 'cached-model'));
    const { logger, calls } = spyLogger();
    const e = await loadEmbedder({ model: 'owner/cached-model', cacheDir, allowRemote: false, logger, fetch: noNetwork });
    expect(e).not.toBeNull();
    opened.push(e!);
    expect(e!.id).toBe('owner/cached-model');
    expect(e!.source).toBe('cache');
    expect(e!.dim).toBe(64);
    expect(calls.warn).not.toHaveBeenCalled();
    expect(noNetwork).not.toHaveBeenCalled();
  });

  it('given a hub serving only fp32 weights, when a model is downloaded, then q8 is tried, fp32 is cached, and the next load needs no network', async () => {
    const cacheDir = tempDir();
    const served: string[] = [];
    const hub = vi.fn(async (input: string | URL | Request) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      served.push(url);
      const m = /^https:\/\/huggingface\.co\/owner\/remote-model\/resolve\/main\/(.+)$/.exec(url);
      const file = m && path.join(tinyModelDir, decodeURIComponent(m[1]));
      if (!file || !fs.existsSync(file)) return new Response('Entry not found', { status: 404 });
      const body = fs.readFileSync(file);
      return new Response(body, { status: 200, headers: { 'content-length': String(body.length) } });
    }) as unknown as typeof fetch;
    const progress = vi.fn();
    const { logger, calls } = spyLogger();
    const e = await loadEmbedder({ model: 'owner/remote-model', cacheDir, allowRemote: true, logger, fetch: hub, onDownloadProgress: progress });
    expect(e).not.toBeNull();
    opened.push(e!);
    expect(calls.warn).not.toHaveBeenCalled();
    expect(e!.source).toBe('download');
    expect(e!.dtype).toBe('fp32');
    expect(served.some((u) => u.endsWith('onnx/model_quantized.onnx'))).toBe(true);
    expect(fs.existsSync(path.join(cacheDir, 'owner', 'remote-model', 'onnx', 'model.onnx'))).toBe(true);
    expect(progress).toHaveBeenCalled();

    const again = await loadEmbedder({ model: 'owner/remote-model', cacheDir, allowRemote: false, logger: spyLogger().logger, fetch: noNetwork });
    expect(again).not.toBeNull();
    opened.push(again!);
    expect(again!.source).toBe('cache');
    const [a] = await e!.embedPassages(['Annan told the Council.']);
    const [b] = await again!.embedPassages(['Annan told the Council.']);
    expect(maxAbsDiff(a, b)).toBeLessThan(1e-6);
    expect(noNetwork).not.toHaveBeenCalled();
  });
});

describe('fetchWithTimeout', () => {
  it('given a response in time, when fetched, then it is returned untouched', async () => {
    const base = vi.fn(async () => new Response('ok')) as unknown as typeof fetch;
    const res = await fetchWithTimeout(base, 1000)('https://huggingface.co/x');
    await expect(res.text()).resolves.toBe('ok');
  });
});

describe('console output of a failed load', () => {
  it('given a corrupt model in a fresh process, when loaded, then stderr carries only the one JSON warning line (no stack, no ONNX Runtime noise)', () => {
    const dir = copyTinyModel(path.join(tempDir(), 'corrupt-child'));
    fs.writeFileSync(path.join(dir, 'onnx', 'model.onnx'), Buffer.from('garbage'.repeat(100)));
    const script = [
      `import { loadEmbedder } from ${JSON.stringify(path.join(repoRoot, 'src/embed/load.ts'))};`,
      `import { createLogger } from ${JSON.stringify(path.join(repoRoot, 'src/log.ts'))};`,
      `const e = await loadEmbedder({ model: ${JSON.stringify(dir)}, cacheDir: ${JSON.stringify(tempDir())}, allowRemote: false, logger: createLogger({ level: 'info' }) });`,
      `process.stdout.write(String(e));`,
    ].join('\n');
    const file = path.join(tempDir(), 'load-corrupt.mts');
    fs.writeFileSync(file, script);
    const r = spawnSync(process.execPath, ['--import', 'tsx', file], { cwd: repoRoot, encoding: 'utf8', timeout: 80_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('null');
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]) as { level: number; msg: string };
    expect(entry.level).toBe(40);
    expect(entry.msg).toMatch(WARNING);
    expect(r.stderr).not.toMatch(/\n\s+at |onnxruntime|\[E:/);
  }, 90_000);
});
