/**
 * One zod schema for every environment variable. Parsed once at start-up
 * (`loadConfig(process.env)`) and passed down; nothing below `cli/` reads
 * `process.env`.
 *
 * @example
 * const config = loadConfig(process.env);
 * const engine = await createEngine({ config, logger });
 */
import path from 'node:path';
import { z } from 'zod';
import { UserError } from './errors.js';

const bool = z
  .union([z.boolean(), z.string()])
  .transform((v, ctx) => {
    if (typeof v === 'boolean') return v;
    const s = v.trim().toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(s)) return true;
    if (['0', 'false', 'no', 'off', ''].includes(s)) return false;
    ctx.addIssue({ code: 'custom', message: `expected true/false, got "${v}"` });
    return z.NEVER;
  });

const list = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));

const optionalString = z
  .string()
  .optional()
  .transform((s) => (s && s.trim() ? s.trim() : undefined));

const int = (def: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(def);

export const configSchema = z.object({
  /** Files or folders ingested when no path is given. Comma-separated. */
  DOCUMENTS: list.default('documents'),
  /** Where the stored index lives. */
  INDEX_DIR: z.string().default('embeddings/index'),
  /** Where downloaded models are cached. */
  MODEL_CACHE_DIR: z.string().default('embeddings/models'),
  /** Hugging Face model id or a local folder; "none" = lexical retrieval only. */
  EMBEDDING_MODEL: z.string().default('Snowflake/snowflake-arctic-embed-xs'),
  /** May the model be downloaded from the Hugging Face hub? */
  ALLOW_REMOTE_MODELS: bool.default(true),
  /** Model weights: auto = int8-quantised when the model ships them (about 2× faster), else fp32. */
  EMBEDDING_DTYPE: z.enum(['auto', 'fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4']).default('auto'),
  /** Longest wait for a document URL (headers and body), in ms. */
  URL_TIMEOUT_MS: int(20000, 100, 600000),
  /** A document URL whose body sends nothing for this long is abandoned, in ms. */
  URL_IDLE_TIMEOUT_MS: int(15000, 100, 600000),
  /** Sentences per embedding batch. */
  EMBEDDING_BATCH_SIZE: int(32, 1, 1024),
  /** Passages returned by retrieval. */
  TOP_K: int(5, 1, 50),
  /** Below this probability that the best sentence answers, the bot says the document doesn't say (calibrated with `npm run calibrate`). */
  REFUSAL_THRESHOLD: z.coerce.number().min(0).max(1).default(0.48),
  /**
   * Score sentences with the word vectors' soft matches too (a question word the sentence lacks counts by its
   * nearest word there: "main" ~ "principal"), with the weights fitted for it (`npm run calibrate -- --fit --soft`).
   * "off" = exact terms only. Needs embeddings/word-vectors-50k.bin (shipped); without it, off.
   */
  SOFT_MATCH: z.enum(['on', 'off']).default('on'),
  /** Most quotations in one answer. */
  MAX_QUOTES: int(3, 1, 10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  DISCORD_TOKEN: optionalString,
  /** The application (client) id; read from the token when absent. */
  DISCORD_APPLICATION_ID: optionalString,
  /** Register slash commands to this guild only (instant), else globally. */
  DISCORD_GUILD_ID: optionalString,
  /** REST base URL, e.g. an HTTP proxy; default Discord's own. */
  DISCORD_API_URL: optionalString,
  /** Channels where every message is treated as a question (comma-separated ids). */
  DISCORD_ANSWER_CHANNELS: list.default(''),
  /** If set, the bot only answers in these channels (and DMs if DISCORD_ALLOW_DMS). */
  DISCORD_ALLOWED_CHANNELS: list.default(''),
  DISCORD_ALLOW_DMS: bool.default(true),
  /** Answer in a new thread on the question. */
  DISCORD_THREAD_MODE: bool.default(false),
  /** Questions per user per minute. */
  RATE_LIMIT_PER_MINUTE: int(6, 1, 1000),
  /** Turns remembered per conversation, and for how long. */
  CONVERSATION_MAX_TURNS: int(10, 1, 100),
  CONVERSATION_TTL_MINUTES: int(60, 1, 10080),
  /** Discord bot: worker threads that run the engine off the gateway's thread (0 = in the main thread). */
  ENGINE_WORKERS: int(1, 0, 64),
  /** Discord bot: engine requests that may wait for a worker; beyond that the user is told "busy, try again in a moment". */
  ENGINE_QUEUE_MAX: int(16, 0, 10000),
  /** Discord bot: on SIGTERM/SIGINT, how long in-flight answers may take to finish before they are closed with a notice. */
  SHUTDOWN_GRACE_MS: int(10000, 0, 600000),
  /** postgres://…: keep conversations and feedback on a Postgres server, shared by every bot process. Empty = the embedded database in STATE_DIR. */
  DATABASE_URL: optionalString.refine((s) => s === undefined || /^postgres(?:ql)?:\/\//i.test(s), 'expected a postgres:// or postgresql:// URL'),
  /**
   * Where vector search runs: "auto" = pgvector on DATABASE_URL's server when one is set (the sidecar when the server
   * has no pgvector, with one warning), else the embedded sidecar; "pgvector" = require it; "sidecar" = never leave the process.
   */
  VECTOR_STORE: z.enum(['auto', 'sidecar', 'pgvector']).default('auto'),
  /** The embedded state database's folder (PGlite; one process at a time). */
  STATE_DIR: z.string().default('embeddings/state'),
  /** Run the bot as this many shard processes (discord.js ShardingManager); "auto" = Discord's recommendation. Unset = one process, no sharding. */
  SHARDS: z
    .union([z.literal('auto'), z.coerce.number().int().min(0).max(10_000)])
    .optional(),
  /** Set by discord.js in a shard's process (then SHARDS is that shard's id, not a count); not for users. */
  SHARDING_MANAGER: bool.default(false),
  /** Serve /healthz and Prometheus /metrics on this port (unset = off). */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** The address /healthz and /metrics listen on. */
  METRICS_HOST: z.string().default('127.0.0.1'),

  /** Any OpenAI-compatible /v1 endpoint; unset = extractive answers only. */
  LLM_BASE_URL: optionalString,
  LLM_MODEL: optionalString,
  LLM_API_KEY: optionalString,
  LLM_TIMEOUT_MS: int(30000, 100, 600000),
  LLM_MAX_TOKENS: int(600, 16, 32000),
  PROMPTS_DIR: z.string().default('prompts'),

  /** Where each server's documents (the files as sent) and index live, one folder per server. */
  DOCS_DIR: z.string().default('embeddings/collections'),
  /** Server collections also answer from the default corpus (DOCUMENTS). */
  DOCS_INCLUDE_DEFAULT: bool.default(false),
  /** Besides members with Manage Server, members with this role (name or id) may use /docs. */
  DOCS_ADMIN_ROLE: optionalString,
  /** Most documents one server may add. */
  DOCS_MAX_PER_SERVER: int(50, 1, 10000),
  /** Most server collections kept open in memory; the least recently used is closed (and re-opened from disk when asked). */
  DOCS_OPEN_COLLECTIONS: int(100, 1, 100000),
  /** Largest file (attachment or download), in MB. */
  DOCS_MAX_FILE_MB: int(25, 1, 1024),
  /** Most characters of text extracted from one document. */
  DOCS_MAX_TEXT_CHARS: int(2_000_000, 1000, 100_000_000),
  /** Most bytes, in MB, a PDF's or DOCX's compressed parts may expand to (zip-bomb guard). */
  DOCS_MAX_EXPANDED_MB: int(100, 1, 4096),
  /** Most pages read from one PDF. */
  DOCS_MAX_PAGES: int(2000, 1, 100000),
  /** Give up on a URL (connect, redirects and body) after this many milliseconds. */
  URL_FETCH_TIMEOUT_MS: int(15000, 100, 600000),
  /** Let /docs add url: and attachments reach loopback/private/link-local addresses (tests, trusted networks only). */
  URL_ALLOW_PRIVATE: bool.default(false),
});

export type Config = z.output<typeof configSchema> & { root: string };

/**
 * Parse and validate configuration. Relative paths resolve against `root`.
 * Throws a {@link UserError} naming every bad variable.
 */
export function loadConfig(env: Record<string, string | undefined>, root = process.cwd()): Config {
  const cleaned: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') cleaned[k] = v;
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new UserError(`Invalid configuration — ${lines.join('; ')}`);
  }
  const c = parsed.data;
  // In a shard's own process discord.js sets SHARDS to that shard's id (0 is valid there); a user asks for a count.
  if (c.SHARDS === 0 && !c.SHARDING_MANAGER) throw new UserError('Invalid configuration — SHARDS: expected "auto" or a number of shards ≥ 1');
  const abs = (p: string) => (path.isAbsolute(p) ? p : path.resolve(root, p));
  return {
    ...c,
    root,
    DOCUMENTS: c.DOCUMENTS.map((d) => (/^https?:\/\//i.test(d) ? d : abs(d))),
    INDEX_DIR: abs(c.INDEX_DIR),
    STATE_DIR: abs(c.STATE_DIR),
    MODEL_CACHE_DIR: abs(c.MODEL_CACHE_DIR),
    PROMPTS_DIR: abs(c.PROMPTS_DIR),
    DOCS_DIR: abs(c.DOCS_DIR),
  };
}
