/**
 * Bytes to text: UTF-8 (with or without BOM) and UTF-16 (LE/BE, by BOM, or
 * LE/BE without one when every other byte is NUL). Binary and other
 * encodings are refused with a clear message.
 */
import { UserError } from '../errors.js';

/** The encoding of `bytes` by BOM, or by the NUL pattern of UTF-16 text without one; null = UTF-8. */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // No BOM: ASCII-range text in UTF-16 has a NUL in every other byte.
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.6 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.6 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Decode a document's bytes, refusing binary and undecodable input with a clear message.
 *
 * @example
 * decodeText(new Uint8Array([0xff, 0xfe, 0x48, 0, 0x69, 0]), 'a.txt'); // 'Hi'
 */
export function decodeText(bytes: Uint8Array, name: string): string {
  const utf16 = sniffUtf16(bytes);
  let text: string;
  if (utf16) {
    try {
      text = new TextDecoder(utf16, { fatal: true }).decode(bytes);
    } catch (cause) {
      throw new UserError(`${name} looks like UTF-16 text but cannot be decoded as ${utf16.toUpperCase()}; convert it to UTF-8 first.`, { cause, code: 'not_text' });
    }
    if (text.includes('\u0000')) throw new UserError(`${name} looks like a binary file (it contains NUL characters); give a text document.`, { code: 'binary' });
  } else {
    if (bytes.includes(0)) throw new UserError(`${name} looks like a binary file (it contains NUL bytes); give a .txt, .md or .html document.`, { code: 'binary' });
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch (cause) {
      throw new UserError(`${name} is not valid UTF-8 text; convert it to UTF-8 first.`, { cause, code: 'not_text' });
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const controls = text.match(/[\u0001-\u0008\u000e-\u001f]/g)?.length ?? 0;
  if (controls > 0 && controls / text.length > 0.01) throw new UserError(`${name} looks like a binary file (many control characters).`, { code: 'binary' });
  if (!text.trim()) throw new UserError(`${name} is empty; there is nothing to index.`, { code: 'empty' });
  return text;
}
