/**
 * The logger (pino): structured JSON lines on stderr, so stdout stays for
 * answers and `--json` output. Secrets are redacted by path and by value.
 *
 * @example
 * const logger = createLogger({ level: 'info', secrets: [config.DISCORD_TOKEN] });
 * logger.info({ command: 'ask', latencyMs: 12 }, 'answered');
 */
import { pino, type Logger } from 'pino';
import { createRequire } from 'node:module';
import type pinoPretty from 'pino-pretty';

/** pino-pretty is loaded only when pretty logs are asked for (a terminal). */
const pretty = (o: Parameters<typeof pinoPretty>[0]) => (createRequire(import.meta.url)('pino-pretty') as typeof pinoPretty)(o);

export type { Logger };

/**
 * A function that replaces every configured secret (any length) in a text
 * with `[REDACTED]`, also in its JSON-escaped form (as it appears in a log
 * line). With `partial`, a trailing prefix of a secret is held back too, so a
 * streamed text never shows the first characters of a secret.
 *
 * @example
 * const scrub = secretScrubber(['hunter2']);
 * scrub('the key is hunter2'); // 'the key is [REDACTED]'
 * scrub('the key is hun', { partial: true }); // 'the key is '
 */
export function secretScrubber(secrets: (string | undefined)[]): (text: string, opts?: { partial?: boolean }) => string {
  const forms = [...new Set(secrets.filter((s): s is string => !!s && s.trim().length > 0).flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]))]
    // Longest first: a secret that contains another is replaced whole.
    .sort((a, b) => b.length - a.length);
  if (!forms.length) return (text) => text;
  return (text, opts) => {
    let out = forms.reduce((acc, sec) => (acc.includes(sec) ? acc.split(sec).join('[REDACTED]') : acc), text);
    if (opts?.partial) {
      for (const sec of forms) {
        for (let k = Math.min(sec.length - 1, out.length); k > 0; k--) {
          if (out.endsWith(sec.slice(0, k))) {
            out = out.slice(0, out.length - k);
            break;
          }
        }
      }
    }
    return out;
  };
}

export function createLogger(opts: { level?: string; secrets?: (string | undefined)[]; destination?: NodeJS.WritableStream; pretty?: boolean } = {}): Logger {
  const hasSecrets = (opts.secrets ?? []).some((s) => !!s && s.trim().length > 0);
  const scrub = secretScrubber(opts.secrets ?? []);
  return pino(
    {
      level: opts.level ?? 'info',
      redact: { paths: ['token', '*.token', 'headers.authorization', '*.headers.authorization', 'apiKey', '*.apiKey'], censor: '[REDACTED]' },
      hooks: {
        streamWrite: hasSecrets ? (s: string) => scrub(s) : undefined,
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
