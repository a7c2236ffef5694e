/**
 * End-to-end harness for the Discord bot: the fake Discord on 127.0.0.1, the
 * real discord.js client (`createBot`), the real engine over the default
 * document (lexical only, index in a temp folder), commands deployed through
 * `deployCommands`, and captured structured logs. One per test file.
 *
 * @example
 * const h = await startBotHarness();
 * await h.fake.sendMessage({ content: 'What did Annan tell the Council?', mentionBot: true });
 * await h.close();
 */
import { readFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { createBot, type Bot, type CreateBotOptions } from '../../src/discord/bot.js';
import type { BotFatal } from '../../src/discord/fatal.js';
import { createWorkerEngine } from '../../src/worker/engine-pool.js';
import { startFaultProxy, type FaultProxy } from './fault-proxy.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import type { Engine } from '../../src/engine-api.js';
import { createLogger, silentLogger } from '../../src/log.js';
import { openState, type State } from '../../src/state/index.js';
import { IN_MEMORY } from '../../src/state/db.js';
import type { Metrics } from '../../src/ops/metrics.js';
import { DEFAULT_DOC_PATH, ROOT, tempDir } from '../helpers/paths.js';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions, type RecordedRequest } from './fake-discord/index.js';

export const APP_ID = '100000000000000001';
/** A fake token whose first segment is base64 of the application id (as real tokens are). */
export const TOKEN = `${Buffer.from(APP_ID).toString('base64').replace(/=+$/, '')}.Gx1y2z.fake-token-secret-0123456789abcdef`;
export const GUILD = '200000000000000001';
export const CHANNEL = '300000000000000001';

export interface LogLine {
  level: number;
  msg: string;
  [k: string]: any;
}

export interface BotHarness {
  fake: FakeDiscord;
  bot: Bot;
  engine: Engine;
  config: Config;
  logs: LogLine[];
  /** Every raw log byte, to check the token never appears. */
  rawLogs(): string;
  /** The injected clock (ms); advance it to age rate limits / conversations. */
  clock: { now: number };
  documentText: string;
  /** The fault proxy, when `proxy: true`. */
  proxy?: FaultProxy;
  /** What `onFatal` received (lost credentials). */
  fatals: BotFatal[];
  /** The state database, when `state: true`. */
  state?: State;
  close(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  fake?: FakeDiscordOptions;
  /** Build the in-memory index from these instead of the default corpus. */
  documents?: { id: string; path: string; text: string }[];
  /** Wrap the real engine (to inject long answers, failures, streaming). */
  wrapEngine?: (engine: Engine) => Engine;
  /** Run the engine in this many worker threads (the bot's production setup) instead of in-process. */
  workers?: number;
  /** Put the fault-injecting proxy between the bot and the fake (`h.proxy.inject(...)`). */
  proxy?: boolean;
  /** discord.js REST overrides (e.g. a short `timeout` for hang tests). */
  rest?: CreateBotOptions['rest'];
  /** Keep conversations and feedback in a state database (an in-memory PGlite) instead of process memory. */
  state?: boolean;
  /** Prometheus metrics for the bot. */
  metrics?: Metrics;
}

export async function startBotHarness(opts: HarnessOptions = {}): Promise<BotHarness> {
  const tmp = await tempDir('verbatim-bot-e2e-');
  const fake = await startFakeDiscord({ token: TOKEN, ...opts.fake });
  const proxy = opts.proxy ? await startFaultProxy(fake.restUrl) : undefined;
  const raw: string[] = [];
  const logs: LogLine[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      const s = String(chunk);
      raw.push(s);
      for (const line of s.split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      cb();
    },
  });
  const config = loadConfig(
    {
      INDEX_DIR: tmp.dir,
      EMBEDDING_MODEL: 'none',
      LOG_LEVEL: 'info',
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: proxy?.url ?? fake.restUrl,
      DISCORD_GUILD_ID: GUILD,
      ...opts.env,
    },
    ROOT,
  );
  const logger = createLogger({ level: 'debug', destination, secrets: [TOKEN] });
  const real = opts.workers
    ? await createWorkerEngine({ config, logger: silentLogger(), workers: opts.workers, logLevel: 'silent', ...(opts.documents ? { documents: opts.documents } : {}) })
    : await createEngine({ config, logger: silentLogger(), embedder: null, ...(opts.documents ? { documents: opts.documents } : {}) });
  const engine = opts.wrapEngine ? opts.wrapEngine(real) : real;
  const clock = { now: Date.UTC(2025, 0, 1) };
  await deployCommands({ config, logger });
  const fatals: BotFatal[] = [];
  const state = opts.state ? await openState({ dir: IN_MEMORY, maxTurns: config.CONVERSATION_MAX_TURNS, ttlMs: config.CONVERSATION_TTL_MINUTES * 60_000, clock: () => clock.now }) : undefined;
  const bot = createBot({ config, engine, logger, clock: () => clock.now, onFatal: (f) => fatals.push(f), rest: opts.rest, ...(state ? { conversations: state.conversations, feedback: state.feedback } : {}), ...(opts.metrics ? { metrics: opts.metrics } : {}) });
  await bot.start();
  const documentText = opts.documents ? opts.documents[0].text : await readFile(DEFAULT_DOC_PATH, 'utf8');
  return {
    fake,
    bot,
    engine,
    config,
    logs,
    rawLogs: () => raw.join(''),
    clock,
    documentText,
    proxy,
    fatals,
    state,
    async close() {
      await bot.stop();
      await real.close();
      await proxy?.close();
      await state?.close();
      await fake.close();
      await tmp.cleanup();
    },
  };
}

/** Requests for one interaction token, in order. */
export const forToken = (fake: FakeDiscord, token: string): RecordedRequest[] => fake.requests.filter((r) => r.path.includes(token));

/** Wait until `pred` holds (polling), or fail with `what`. */
export async function until<T>(fn: () => T | undefined | null | false | Promise<T | undefined | null | false>, what: string, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Read every quoted passage (blockquote lines, unescaped) from a message object as stored by the fake. */
export function quotesIn(message: { embeds?: { description?: string }[]; content?: string }): string[] {
  const out: string[] = [];
  for (const e of message.embeds ?? []) {
    const lines = (e.description ?? '').split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i].startsWith('> ')) continue;
      const body: string[] = [];
      while (i < lines.length && lines[i].startsWith('> ')) body.push(lines[i++].slice(2).replace(/\\([^0-9A-Za-z\s])/g, '$1'));
      out.push(body.join('\n'));
    }
  }
  return out;
}

/** The custom ids of a message's buttons. */
export function buttonIds(message: { components?: { components: { custom_id?: string; label?: string }[] }[] }): { id: string; label: string }[] {
  return (message.components ?? []).flatMap((r) => r.components.map((c) => ({ id: c.custom_id ?? '', label: c.label ?? '' })));
}

/** The fake's one guild, with #general plus the extra channels a test file needs. */
export function guildWith(...channels: { id: string; name: string }[]) {
  return { guilds: [{ id: GUILD, name: 'Fake Guild', channels: [{ id: CHANNEL, name: 'general' }, ...channels] }] };
}
