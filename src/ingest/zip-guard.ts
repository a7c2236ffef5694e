/**
 * Read a ZIP (a DOCX is one) without trusting it: the central directory's
 * entry count and declared sizes are checked first, then every entry is
 * inflated as a stream with a running byte budget (yauzl also stops an entry
 * that inflates past its declared size), so a zip bomb — honest or lying about
 * its sizes — is stopped while reading, never after.
 *
 * @example
 * const entries = await readZipBounded(bytes, 'memo.docx', { maxExpandedBytes: 100 << 20 });
 * entries.get('word/document.xml');
 */
import type yauzl from 'yauzl';
import { megabytes, refuse } from './refusals.js';

/** More entries than any real document package has. */
export const MAX_ZIP_ENTRIES = 5000;

export async function readZipBounded(bytes: Uint8Array, name: string, opts: { maxExpandedBytes: number; maxEntries?: number }): Promise<Map<string, Buffer>> {
  const budget = opts.maxExpandedBytes;
  const maxEntries = opts.maxEntries ?? MAX_ZIP_ENTRIES;
  const tooFar = (cause?: unknown) => refuse('expands_too_far', name, megabytes(budget), cause);
  const { fromBuffer } = (await import('yauzl')).default;
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, z) =>
      err || !z ? reject(refuse('unreadable', name, err?.message, err)) : resolve(z),
    ),
  );
  if (zip.entryCount > maxEntries) {
    zip.close();
    throw refuse('file_too_large', name, `${zip.entryCount} files inside; the limit is ${maxEntries}`);
  }
  const out = new Map<string, Buffer>();
  let used = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let declared = 0;
      zip.on('error', (e) => reject(e instanceof Error && 'code' in e ? e : refuse('unreadable', name, (e as Error).message, e)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        declared += entry.uncompressedSize;
        if (declared > budget) return reject(tooFar());
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(refuse('unreadable', name, err?.message, err));
          const parts: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => {
            used += chunk.length;
            if (used > budget) {
              stream.destroy();
              return reject(tooFar());
            }
            parts.push(chunk);
          });
          stream.on('error', (e) => reject(/too many bytes|bytes in the stream/i.test(e.message) ? tooFar(e) : refuse('unreadable', name, e.message, e)));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(parts));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return out;
}
