/**
 * Button custom ids that carry everything a click needs, so buttons keep
 * working after a restart (no in-memory state) — and say clearly that they
 * expired when the indexed documents changed since the button was made.
 *
 * Layout (≤ 100 chars, numbers in base 36):
 * - `v1:c:<fp>:<doc>:<¶>:<start>:<end>` — Show context of a quote (new ephemeral message)
 * - `v1:p:<fp>:<doc>:<¶>:<start>:<end>` — ◀ ▶ step to paragraph ¶ (updates the ephemeral message); start/end = the highlight
 * - `v1:m:<fp>:<doc>.<start>.<end>,…` — More quotes, excluding the listed (already shown) quotes
 * - `v1:x:<slot>` — a disabled placeholder (never clickable)
 *
 * `<fp>` is the corpus fingerprint ({@link corpusFingerprint}); `<doc>` the index in `engine.documents()`.
 *
 * @example
 * const id = encodeCustomId({ kind: 'context', fp, doc: 0, paragraph: 5, start: 120, end: 180 });
 * decodeCustomId(id); // → the same action, or null when it cannot be read
 */
import { createHash } from 'node:crypto';
import { LIMITS } from './limits.js';

export interface QuoteRef {
  doc: number;
  start: number;
  end: number;
}

export type ButtonAction =
  | { kind: 'context'; fp: string; doc: number; paragraph: number; start: number; end: number }
  | { kind: 'page'; fp: string; doc: number; paragraph: number; start: number; end: number }
  | { kind: 'more'; fp: string; shown: QuoteRef[] }
  | { kind: 'noop'; slot: string };

const VERSION = 'v1';
const b36 = (n: number) => n.toString(36);
const num = (s: string | undefined): number | null => {
  if (s === undefined || !/^[0-9a-z]{1,11}$/.test(s)) return null;
  const n = parseInt(s, 36);
  return Number.isSafeInteger(n) ? n : null;
};

/**
 * A short fingerprint of the indexed documents (ids and content hashes).
 * Buttons made before a re-index with different text are reported as expired
 * instead of highlighting the wrong words.
 */
export function corpusFingerprint(docs: { id: string; hash: string }[]): string {
  const h = createHash('sha256');
  for (const d of docs) h.update(`${d.id}\u0000${d.hash}\n`);
  return h.digest('hex').slice(0, 8);
}

/** Encode a button action. A `more` id keeps as many shown quotes as fit in 100 chars (the first ones listed win). */
export function encodeCustomId(action: ButtonAction): string {
  switch (action.kind) {
    case 'context':
    case 'page': {
      const tag = action.kind === 'context' ? 'c' : 'p';
      const id = [VERSION, tag, action.fp, b36(action.doc), b36(action.paragraph), b36(action.start), b36(action.end)].join(':');
      if (id.length > LIMITS.customId) throw new Error(`custom id too long (${id.length})`);
      return id;
    }
    case 'more': {
      let id = `${VERSION}:m:${action.fp}:`;
      let first = true;
      for (const q of action.shown) {
        const part = `${first ? '' : ','}${b36(q.doc)}.${b36(q.start)}.${b36(q.end)}`;
        if (id.length + part.length > LIMITS.customId) break;
        id += part;
        first = false;
      }
      return id;
    }
    case 'noop':
      return `${VERSION}:x:${action.slot}`.slice(0, LIMITS.customId);
  }
}

/** Decode a custom id; `null` when it is not one of ours, from an older version, or malformed. */
export function decodeCustomId(id: string): ButtonAction | null {
  if (typeof id !== 'string' || id.length > LIMITS.customId) return null;
  const parts = id.split(':');
  if (parts[0] !== VERSION) return null;
  const tag = parts[1];
  if (tag === 'c' || tag === 'p') {
    if (parts.length !== 7 || !/^[0-9a-f]{8}$/.test(parts[2])) return null;
    const [doc, paragraph, start, end] = parts.slice(3).map(num);
    if (doc === null || paragraph === null || start === null || end === null || end < start) return null;
    return { kind: tag === 'c' ? 'context' : 'page', fp: parts[2], doc, paragraph, start, end };
  }
  if (tag === 'm') {
    if (parts.length !== 4 || !/^[0-9a-f]{8}$/.test(parts[2])) return null;
    const shown: QuoteRef[] = [];
    if (parts[3] !== '') {
      for (const item of parts[3].split(',')) {
        const [doc, start, end] = item.split('.').map(num);
        if (item.split('.').length !== 3 || doc === null || start === null || end === null || end < start) return null;
        shown.push({ doc, start, end });
      }
    }
    return { kind: 'more', fp: parts[2], shown };
  }
  if (tag === 'x' && parts.length === 3) return { kind: 'noop', slot: parts[2] };
  return null;
}
