/**
 * What every command shares: .env loading, config parsing (once), the
 * logger, a progress bar on a TTY, and one place that turns errors into a
 * one-line message and an exit code — never a stack trace.
 */
import 'dotenv/config';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type CliProgress from 'cli-progress';
import { loadConfig, type Config } from '../config.js';
import { describeError, isUserError, UserError } from '../errors.js';
import { INVISIBLE } from '../answer/sanitize.js';
import { createLogger, type Logger } from '../log.js';
import type { Progress } from '../index/store.js';

/** The project root (where package.json is), whatever the cwd. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Cli {
  config: Config;
  logger: Logger;
}

/** Parse config and make the logger. Human-readable logs on a terminal, JSON otherwise (LOG_FORMAT overrides). */
export function setup(opts: { quiet?: boolean } = {}): Cli {
  disableOrtTelemetry(process.env);
  const config = loadConfig(process.env, ROOT);
  const format = process.env.LOG_FORMAT ?? (process.stderr.isTTY ? 'pretty' : 'json');
  const level = opts.quiet && config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL;
  const logger = createLogger({ level, secrets: [config.DISCORD_TOKEN, config.LLM_API_KEY], pretty: format === 'pretty' });
  return { config, logger };
}

/**
 * ONNX Runtime's Linux build (1.30) records telemetry by default: a SQLite file under ~/.cache/Microsoft, written on
 * every start (~3 MB). Verbatim runs locally, so it is off unless the environment says otherwise. Set in the main
 * thread before any model opens: a worker thread's process.env is its own copy and never reaches native code.
 */
export function disableOrtTelemetry(env: NodeJS.ProcessEnv): void {
  env.ORT_DISABLE_TELEMETRY ??= '1';
}

/** A progress bar on stderr when it is a terminal; otherwise nothing. */
export function progressBar(): { onProgress: Progress; stop(): void } {
  if (!process.stderr.isTTY) return { onProgress: () => undefined, stop: () => undefined };
  const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof CliProgress; // loaded only on a terminal
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: '{phase} [{bar}] {value}/{total} {unit}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let phase = '';
  return {
    onProgress(p, done, total) {
      const label = { download: 'Downloading model', read: 'Reading documents', embed: 'Embedding chunks ' }[p];
      const unit = { download: 'bytes', read: 'documents', embed: 'chunks' }[p];
      if (p !== phase) {
        if (phase) bar.stop();
        bar.start(total, done, { phase: label, unit });
        phase = p;
      } else bar.update(done);
      if (p === 'download') bar.setTotal(total); // one bar per file; totals arrive with the first chunk
    },
    stop: () => phase && bar.stop(),
  };
}

/**
 * Run a command's main: a UserError prints its message; anything else
 * prints one line and logs the cause at debug level. Exit code 1 either way.
 */
export async function run(main: () => Promise<number | void>, logger?: () => Logger | undefined): Promise<void> {
  try {
    const code = await main();
    process.exitCode = code ?? 0;
  } catch (e) {
    process.stderr.write(`${isUserError(e) ? 'Error: ' : ''}${describeError(e)}\n`);
    if (!isUserError(e)) logger?.()?.debug({ err: e }, 'unexpected error');
    process.exitCode = 1;
  }
}

/**
 * Parse argv with a commander program set to `exitOverride()`: returns the
 * exit code when commander already answered (--help, a usage error), else null.
 */
export function parseArgs(program: import('commander').Command): number | null {
  program.exitOverride().configureOutput({ writeErr: (s) => process.stderr.write(s) });
  try {
    program.parse(process.argv);
    return null;
  } catch (e) {
    return (e as { exitCode?: number }).exitCode ?? 1;
  }
}

/**
 * A name or topic given on the command line (--speaker, --to, --about,
 * --focus), held to what Discord allows in the same option: invisible and
 * bidi-override characters removed (they would reorder the terminal line it
 * is echoed in), at most `max` characters. Blank means "not given".
 *
 * @example
 * textOption('Annan\u202e', '--speaker', 100); // 'Annan'
 */
export function textOption(value: string | undefined, flag: string, max: number): string | undefined {
  const v = (value ?? '').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  if (v.length > max) throw new UserError(`${flag} takes at most ${max} characters (this one has ${v.length.toLocaleString('en-US')}).`, { code: 'option_too_long' });
  return v || undefined;
}

/**
 * Set up config and logger, open the engine (building the index when missing
 * or stale, with a progress bar on a terminal), run `body`, close the engine.
 */
export async function withEngine(opts: { quiet?: boolean; earlyModel?: boolean }, body: (engine: import('../engine-api.js').Engine, cli: Cli) => Promise<number | void>, onCli?: (cli: Cli) => void): Promise<number | void> {
  const cli = setup(opts);
  onCli?.(cli);
  // earlyModel (`ask`): the model starts loading in its own thread now, while the engine's modules load and the index
  // opens (src/embed/early.ts), and the documents' analysis is read from beside the index (src/index/analysis.ts).
  const early = opts.earlyModel ? await (await import('../embed/early.js')).startModelEarly(cli.config, cli.logger) : undefined;
  const { createEngine } = await import('../engine.js');
  const bar = progressBar();
  const open = async (embedder?: import('../embed/types.js').Embedder | null) => createEngine({ ...cli, onProgress: bar.onProgress, storedAnalysis: !!opts.earlyModel, ...(embedder !== undefined && { embedder }) }).finally(() => bar.stop());
  let engine;
  try {
    engine = await open(early && (await early.embedder(cli.config.INDEX_DIR)));
  } catch (e) {
    await early?.loading.then((m) => m?.dispose?.()).catch(() => undefined); // the model thread ends cleanly, not torn down at exit
    throw e;
  }
  if (early && !(await early.loading)) {
    // The model could not load (one warning said so): open again without it, as the engine alone would have.
    await engine.close();
    engine = await open(null);
  }
  try {
    return await body(engine, cli);
  } finally {
    await engine.close();
  }
}
