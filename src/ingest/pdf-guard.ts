/**
 * Checks on a PDF's raw bytes before the extractor sees them: encryption
 * (an /Encrypt dictionary in a trailer or cross-reference stream), and how far
 * its compressed streams expand. Every FlateDecode stream the text extractor
 * may inflate (content, font and object streams — not images, which text
 * extraction never decodes) is inflated with zlib's `maxOutputLength` set to
 * the budget left, so a PDF bomb is stopped while inflating, not after.
 *
 * @example
 * checkPdf(bytes, 'report.pdf', 100 * 1024 * 1024); // throws a UserError (encrypted / expands_too_far)
 */
import { inflateSync } from 'node:zlib';
import { megabytes, refuse } from './refusals.js';

const ENCRYPT = /\/Encrypt\s*(?:\d+\s+\d+\s+R|<<)/;
const STREAM = /(?<=[^d])stream\r?\n/g;

export function checkPdf(bytes: Uint8Array, name: string, maxExpandedBytes: number): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const s = buf.toString('latin1');
  if (ENCRYPT.test(s)) throw refuse('encrypted', name);
  let left = maxExpandedBytes;
  for (const m of s.matchAll(STREAM)) {
    const begin = m.index + m[0].length;
    const end = s.indexOf('endstream', begin);
    if (end < 0) break;
    const dict = s.slice(Math.max(0, s.lastIndexOf('<<', m.index) - 2000), m.index);
    const own = dict.slice(dict.lastIndexOf(' obj'));
    if (!/\/FlateDecode|\/Fl\b/.test(own) || /\/Subtype\s*\/Image/.test(own)) continue;
    let out: Buffer;
    try {
      out = inflateSync(buf.subarray(begin, end), { maxOutputLength: Math.max(1, left) });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) throw refuse('expands_too_far', name, megabytes(maxExpandedBytes), e);
      continue; // damaged data: the extractor decides what it can read
    }
    left -= out.length;
    if (left < 0) throw refuse('expands_too_far', name, megabytes(maxExpandedBytes));
  }
}
