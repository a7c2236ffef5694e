/**
 * Size-limited reads: the limit is enforced while reading, never after
 * buffering, so `/dev/zero`, a growing file or a 300 MB response body cost at
 * most `maxBytes` of memory. Anything that is not a regular file (a named pipe,
 * a device, a socket) is refused before it is opened, since opening a pipe
 * blocks until someone writes to it.
 *
 * Every loader (text, HTML, PDF, DOCX…) reads its bytes through these.
 *
 * @example
 * const bytes = await readFileLimited('/abs/report.pdf', { name: 'report.pdf' });
 * const body = await readBodyLimited(await fetch(url), { name: url, idleTimeoutMs: 10_000 });
 */
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { UserError } from '../errors.js';

/** The largest document we read: 50 MB (binary megabytes, as file managers show them). */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

/**
 * A size as people write it: "50 MB", "1.5 MB", "12 KB", "300 bytes" (1 MB = 1024 KB).
 *
 * @example
 * formatBytes(50 * 1024 * 1024); // '50 MB'
 */
export function formatBytes(n: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let u = 0;
  let x = n;
  while (x >= 1024 && u < units.length - 1) {
    x /= 1024;
    u++;
  }
  if (u === 0) return `${n} ${n === 1 ? 'byte' : 'bytes'}`;
  const shown = x >= 100 || Number.isInteger(x) ? Math.round(x).toString() : x.toFixed(1).replace(/\.0$/, '');
  return `${shown} ${units[u]}`;
}

const tooLarge = (name: string, maxBytes: number, seen?: string) =>
  new UserError(`${name} is larger than the ${formatBytes(maxBytes)} limit per document${seen ? ` (${seen})` : ''}; split it or give a smaller file.`, { code: 'too_large' });

function kindOf(st: { isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean; isDirectory(): boolean }): string {
  if (st.isFIFO()) return 'a named pipe';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  if (st.isDirectory()) return 'a folder';
  return 'not a regular file';
}

/**
 * Read a regular file, at most `maxBytes` (default {@link MAX_DOCUMENT_BYTES}).
 * Throws {@link UserError} with one clear line for a missing file, a pipe or
 * device, an unreadable file, or a file over the limit (even one that grows
 * while being read, or that reports size 0).
 */
export async function readFileLimited(abs: string, opts: { name: string; maxBytes?: number }): Promise<Buffer> {
  const { name } = opts;
  const maxBytes = opts.maxBytes ?? MAX_DOCUMENT_BYTES;
  const fail = (cause: unknown): never => {
    if (cause instanceof UserError) throw cause;
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`No such file: ${name}`, { cause, code: 'not_found' });
    if (code === 'EACCES' || code === 'EPERM') throw new UserError(`Cannot read ${name}: permission denied`, { cause, code: 'unreadable' });
    throw new UserError(`Cannot read ${name} (${code ?? (cause as Error)?.message ?? 'error'})`, { cause, code: 'unreadable' });
  };
  const st = await stat(abs).catch(fail);
  if (!st.isFile()) throw new UserError(`${name} is ${kindOf(st)}, not a regular file; only regular files are read.`, { code: st.isDirectory() ? 'folder' : 'not_regular_file' });
  if (st.size > maxBytes) throw tooLarge(name, maxBytes, formatBytes(st.size));
  // O_NONBLOCK: should the path have been swapped for a pipe since the stat, opening it must not hang.
  const handle = await open(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)).catch(fail);
  try {
    const fst = await handle.stat();
    if (!fst.isFile()) throw new UserError(`${name} is ${kindOf(fst)}, not a regular file; only regular files are read.`, { code: 'not_regular_file' });
    const parts: Buffer[] = [];
    let total = 0;
    const chunk = Math.min(1024 * 1024, maxBytes + 1);
    for (;;) {
      const buf = Buffer.allocUnsafe(chunk);
      const { bytesRead } = await handle.read(buf, 0, chunk, null).catch(fail);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw tooLarge(name, maxBytes, 'it grew while being read');
      parts.push(bytesRead === chunk ? buf : buf.subarray(0, bytesRead));
    }
    return Buffer.concat(parts, total);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Read an HTTP response body, at most `maxBytes`, cancelling the transfer as
 * soon as it goes over, or when no byte arrives for `idleTimeoutMs`. A reset
 * or aborted transfer becomes one clear {@link UserError} naming the source.
 */
export async function readBodyLimited(res: Response, opts: { name: string; maxBytes?: number; idleTimeoutMs?: number }): Promise<Uint8Array> {
  const { name } = opts;
  const maxBytes = opts.maxBytes ?? MAX_DOCUMENT_BYTES;
  const idle = opts.idleTimeoutMs ?? 15_000;
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw tooLarge(name, maxBytes, `it declares ${formatBytes(declared)}`);
  }
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      let timer: NodeJS.Timeout | undefined;
      const stalled = new Promise<'stalled'>((resolve) => (timer = setTimeout(() => resolve('stalled'), idle)));
      let step: Awaited<ReturnType<typeof reader.read>> | 'stalled';
      try {
        step = await Promise.race([reader.read(), stalled]);
      } catch (cause) {
        const why = (cause as Error)?.name === 'TimeoutError' || (cause as Error)?.name === 'AbortError' ? 'timed out' : 'the connection broke';
        throw new UserError(`Could not fetch ${name}: ${why} after ${formatBytes(total)} of the body`, { cause, code: why === 'timed out' ? 'fetch_timeout' : 'fetch_failed' });
      } finally {
        clearTimeout(timer);
      }
      if (step === 'stalled') throw new UserError(`Could not fetch ${name}: the transfer stalled (no data for ${idle / 1000} s after ${formatBytes(total)})`, { code: 'fetch_timeout' });
      if (step.done) break;
      total += step.value.byteLength;
      if (total > maxBytes) throw tooLarge(name, maxBytes);
      parts.push(step.value);
    }
  } catch (e) {
    await reader.cancel().catch(() => undefined);
    throw e;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
