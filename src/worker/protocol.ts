/**
 * The messages between the worker engine's proxy (main thread) and its
 * worker threads: one task per Engine call, one result back. Errors cross the
 * thread boundary as plain data (structured clone drops classes and codes),
 * so a UserError in a worker is a UserError, with its code, in the main thread.
 *
 * @example
 * const result = await pool.run({ op: 'summarize', options: { length: 'short' } } satisfies Task);
 * return unwrap<Summary>(result);
 */
import type { MessagePort } from 'node:worker_threads';
import type { About, PassageRequest, QuotationFilter } from '../engine-api.js';
import type { Config } from '../config.js';
import { UserError } from '../errors.js';
import type { Source } from '../ingest/document.js';
import type { Quotation, StoredDocument, SummaryLength, Turn } from '../types.js';

/** What every worker is started with (structured-cloned once per thread). */
export interface WorkerInit {
  config: Config;
  /** Build an in-memory index from these instead of the configured corpus (tests, per-collection engines). */
  documents?: Source[];
  /** The worker's own log level (its lines go to stderr, like the main thread's). */
  logLevel: string;
  /** Values redacted from the worker's log lines. */
  secrets: string[];
  /** Added to the worker thread's nice value (lower priority than the thread that talks to Discord); 0 = unchanged. */
  niceness: number;
}

export type Task =
  | { op: 'open'; progress?: MessagePort; /** Return a {@link Snapshot} (the first open); otherwise just warm the thread. */ snapshot: boolean }
  | { op: 'ask'; question: string; conversation?: { id: string; turns: Turn[] }; exclude?: { doc: string; start: number; end: number }[]; doc?: string; partials?: MessagePort }
  | { op: 'retrieve'; question: string; conversation?: { id: string; turns: Turn[] }; k?: number }
  | { op: 'summarize'; options: { length?: SummaryLength; focus?: string | null } }
  | { op: 'quotations'; filter: QuotationFilter }
  | { op: 'passages'; request: PassageRequest }
  | { op: 'verify'; claim: string }
  /** Bench-only: the thread's own memory (see {@link WorkerMemory}); `settle` waits for the idle-time warm-up, `gc` collects fully first. */
  | { op: 'memory'; settle: boolean; gc: boolean };

/** One worker thread's V8 heap (its own isolate's) and the process's RSS, MB, as the `memory` task reports them. */
export interface WorkerMemory {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  /** Per V8 space: used / committed, MB (which space holds what grows). */
  spaces: Record<string, { used: number; size: number }>;
}

/** What `open` returns: what the main thread answers by itself (synchronous Engine methods, autocomplete). */
export interface Snapshot {
  documents: StoredDocument[];
  about: About;
  /** Every verified quotation (unfiltered), for autocomplete without queueing behind answers. */
  quotations: Quotation[];
}

export interface WireError {
  message: string;
  name: string;
  /** Set for a UserError (an expected refusal shown to the user). */
  userCode?: string;
  stack?: string;
}

export type Result = { ok: true; value: unknown } | { ok: false; error: WireError };

/** A thrown value as plain data. */
export function toWire(e: unknown): WireError {
  if (e instanceof UserError) return { message: e.message, name: e.name, userCode: e.code };
  if (e instanceof Error) return { message: e.message, name: e.name, stack: e.stack };
  return { message: String(e), name: 'Error' };
}

/** Plain data back to an Error (a UserError keeps its code). */
export function fromWire(w: WireError): Error {
  if (w.userCode !== undefined) return new UserError(w.message, { code: w.userCode });
  const e = new Error(w.message);
  e.name = w.name;
  if (w.stack) e.stack = w.stack;
  return e;
}

/** The value of a result, or its error thrown. */
export function unwrap<T>(r: Result): T {
  if (r.ok) return r.value as T;
  throw fromWire(r.error);
}
