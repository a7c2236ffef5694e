/**
 * `npm start` in its own process, exactly as a user runs it, with the env a
 * test gives (on top of quiet, offline defaults: no network model, no LLM,
 * JSON logs) — its output collected, its exit awaited, its log lines parsed.
 * The state database goes to a fresh temp folder unless the test names one
 * (STATE_DIR or DATABASE_URL), so runs never share or lock the repo's own.
 *
 * `nodeArgs` runs `node <nodeArgs> src/launch.mjs start` instead (the same
 * program; e.g. `--cpu-prof`, which NODE_OPTIONS refuses).
 *
 * @example
 * const bot = startNpm({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.restUrl, INDEX_DIR: dir });
 * await until(() => /discord bot ready/.test(bot.output()), 'ready', 60_000);
 * expect(await bot.stop()).toBe(0);
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './paths.js';

export interface NpmProcess {
  child: ChildProcess;
  /** stdout and stderr so far, interleaved as they arrived. */
  output(): string;
  /** Resolves with the exit code when the process has closed. */
  exited: Promise<number | null>;
  /** The JSON log lines so far (other lines skipped). */
  logs(): { level: number; msg: string; [k: string]: unknown }[];
  /** `signal` (default SIGTERM), then the exit code; SIGKILL after `ms` (default 30 s). */
  stop(signal?: NodeJS.Signals, ms?: number): Promise<number | null>;
}

/** Defaults every spawned bot gets unless the test overrides them. */
const QUIET: Record<string, string> = { EMBEDDING_MODEL: 'none', LOG_LEVEL: 'info', LOG_FORMAT: 'json', LLM_BASE_URL: '', ALLOW_REMOTE_MODELS: 'false' };

export function startNpm(env: Record<string, string>, opts: { nodeArgs?: string[] } = {}): NpmProcess {
  const ownState = env.STATE_DIR === undefined && env.DATABASE_URL === undefined ? mkdtempSync(path.join(os.tmpdir(), 'verbatim-state-')) : null;
  const full: Record<string, string | undefined> = { ...process.env, ...QUIET, ...(ownState ? { STATE_DIR: ownState } : {}), ...env };
  delete full.VITEST;
  delete full.VITEST_POOL_ID;
  delete full.VITEST_WORKER_ID;
  const child = opts.nodeArgs
    ? spawn(process.execPath, [...opts.nodeArgs, 'src/launch.mjs', 'start'], { cwd: ROOT, env: full, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn('npm', ['start'], { cwd: ROOT, env: full, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      if (ownState) rmSync(ownState, { recursive: true, force: true });
      resolve(code);
    }),
  );
  return {
    child,
    output: () => out,
    exited,
    logs: () =>
      out
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .flatMap((l) => {
          try {
            return [JSON.parse(l) as { level: number; msg: string }];
          } catch {
            return [];
          }
        }),
    async stop(signal = 'SIGTERM', ms = 30_000) {
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), ms);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
