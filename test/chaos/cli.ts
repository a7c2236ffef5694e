/** Run `src/cli/ingest.ts` as a real process (node with tsx as a loader, so a kill hits the ingest itself). */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  wallMs: number;
  /** The ingest's own time from its summary line ("(1.2 s)"), if it printed one. */
  ingestMs: number | null;
}

/**
 * Start an ingest of `sources` into `<cwd>/index`, lexical mode, no network.
 * `done` resolves when it exits (or is killed after `timeoutMs`).
 */
export function startIngest(cwd: string, sources: string[], opts: { env?: Record<string, string>; timeoutMs?: number } = {}): { child: ChildProcess; done: Promise<Ran> } {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(ROOT, 'src/cli/ingest.ts'), ...sources], {
    cwd,
    env: { ...process.env, EMBEDDING_MODEL: 'none', INDEX_DIR: path.join(cwd, 'index'), DOCUMENTS: '', LOG_LEVEL: 'warn', LOG_FORMAT: 'json', ALLOW_REMOTE_MODELS: 'false', DISCORD_TOKEN: '', LLM_BASE_URL: '', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<Ran>((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 300_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const m = /\(([\d.]+) s\)/.exec(stdout);
      resolve({ code, signal, stdout, stderr, wallMs: performance.now() - t0, ingestMs: m ? Number(m[1]) * 1000 : null });
    });
  });
  return { child, done };
}

export const runIngest = (cwd: string, sources: string[], opts?: Parameters<typeof startIngest>[2]) => startIngest(cwd, sources, opts).done;

/** `npm run ask -- "<question>"` against `<cwd>/index` (lexical mode). */
export function runAsk(cwd: string, question: string, env: Record<string, string> = {}, timeoutMs = 120_000): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(ROOT, 'src/cli/ask.ts'), question], {
      cwd,
      env: { ...process.env, EMBEDDING_MODEL: 'none', INDEX_DIR: path.join(cwd, 'index'), LOG_LEVEL: 'warn', LOG_FORMAT: 'json', ALLOW_REMOTE_MODELS: 'false', DISCORD_TOKEN: '', LLM_BASE_URL: '', LLM_MODEL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, wallMs: performance.now() - t0, ingestMs: null });
    });
  });
}
