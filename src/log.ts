/**
 * The logger (pino): structured JSON lines on stderr, so stdout stays for
 * answers and `--json` output. Secrets are redacted by path and by value.
 *
 * @example
 * const logger = createLogger({ level: 'info', secrets: [config.DISCORD_TOKEN] });
 * logger.info({ command: 'ask', latencyMs: 12 }, 'answered');
 */
import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

export function createLogger(opts: { level?: string; secrets?: (string | undefined)[]; destination?: NodeJS.WritableStream; pretty?: boolean } = {}): Logger {
  const secrets = (opts.secrets ?? []).filter((s): s is string => !!s && s.length >= 8);
  const scrub = (s: string) => secrets.reduce((acc, sec) => acc.split(sec).join('[REDACTED]'), s);
  return pino(
    {
      level: opts.level ?? 'info',
      redact: { paths: ['token', '*.token', 'headers.authorization', '*.headers.authorization', 'apiKey', '*.apiKey'], censor: '[REDACTED]' },
      hooks: {
        streamWrite: secrets.length ? scrub : undefined,
      },
    },
    (opts.destination as pino.DestinationStream | undefined) ??
      (opts.pretty
        ? pretty({ destination: 2, sync: true, colorize: !!process.stderr.isTTY, ignore: 'pid,hostname,time', singleLine: true, hideObject: true })
        : pino.destination(2)),
  );
}

/** A logger that drops everything (tests). */
export const silentLogger = (): Logger => pino({ level: 'silent' });
