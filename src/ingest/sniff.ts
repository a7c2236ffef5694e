/**
 * What a file is, from its first bytes (and its name only where bytes cannot
 * tell: HTML vs plain text). Never trusts an extension or a content type for
 * binary formats: a PNG renamed report.pdf is still an image.
 *
 * @example
 * sniff(bytes, 'report.pdf'); // 'pdf'
 */
export type Sniffed = 'pdf' | 'zip' | 'image' | 'archive' | 'ole' | 'text';

const starts = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const IMAGES: number[][] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  ascii('GIF8'),
  [0x49, 0x49, 0x2a, 0x00], // TIFF little-endian
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF big-endian
];

const ARCHIVES: number[][] = [
  [0x1f, 0x8b], // gzip
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], // 7z
  ascii('Rar!'),
  [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], // xz
  ascii('BZh'),
  [0x28, 0xb5, 0x2f, 0xfd], // zstd
];

export function sniff(bytes: Uint8Array): Sniffed {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04]) || starts(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (IMAGES.some((s) => starts(bytes, s))) return 'image';
  if (starts(bytes, ascii('RIFF')) && starts(bytes, ascii('WEBP'), 8)) return 'image';
  if (starts(bytes, ascii('ftyp'), 4) && /^(heic|heix|avif|mif1)/.test(head.slice(8, 12))) return 'image';
  if (ARCHIVES.some((s) => starts(bytes, s)) || head.slice(257, 262) === 'ustar') return 'archive';
  if (starts(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  return 'text';
}
