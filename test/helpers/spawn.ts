import { spawn } from 'node:child_process';
import { ROOT } from './paths.js';

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run a command in the project root with extra env; never inherits a real token or network model. */
export function runCommand(cmd: string, args: string[], opts: { env?: Record<string, string>; input?: string; timeoutMs?: number } = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string> = { ...(process.env as Record<string, string>), ALLOW_REMOTE_MODELS: 'false', LOG_LEVEL: 'info', LOG_FORMAT: 'json', DISCORD_TOKEN: '', LLM_BASE_URL: '', ...opts.env };
    delete env.VITEST;
    delete env.VITEST_POOL_ID;
    delete env.VITEST_WORKER_ID;
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(opts.input ?? '');
  });
}

/** `npm run <script> -- args` exactly as the README says. */
export const npmRun = (script: string, args: string[], opts?: Parameters<typeof runCommand>[2]) => runCommand('npm', ['run', script, '--', ...args], opts);

/** Log lines (pino JSON on stderr) at a level. */
export const logLines = (stderr: string, level: number) =>
  stderr
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { level: number; msg: string })
    .filter((l) => l.level === level);
