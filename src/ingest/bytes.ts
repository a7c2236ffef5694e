/**
 * From a file's bytes to a {@link Source}, whatever the format: PDF (with
 * pages), DOCX, HTML, plain text/Markdown. Images, archives and other binary
 * formats are refused with one clear message and nothing is indexed.
 *
 * @example
 * const src = await sourceFromBytes(bytes, { id: 'g/report', path: 'report.pdf', name: 'report.pdf' }, DEFAULT_EXTRACT_LIMITS);
 */
import { decodeText, type Source } from './document.js';
import { extractDocx } from './docx.js';
import { extractHtml } from './html.js';
import type { ExtractLimits, ExtractProgress } from './limits.js';
import { extractPdf } from './pdf.js';
import { refuse } from './refusals.js';
import { sniff } from './sniff.js';

export interface BytesMeta {
  id: string;
  path: string;
  /** How the file is named to the person (file name or URL). */
  name: string;
  url?: string;
  /** A content type from the server, if any (only used to tell HTML from text). */
  contentType?: string;
  /** A title to prefer over the document's own. */
  title?: string;
}

/** Is this a format that needs a binary loader (or a refusal) rather than UTF-8 decoding? */
export const isBinaryDocument = (bytes: Uint8Array) => sniff(bytes) !== 'text';

export async function sourceFromBytes(bytes: Uint8Array, meta: BytesMeta, limits: ExtractLimits, onProgress?: ExtractProgress): Promise<Source> {
  const base = { id: meta.id, path: meta.path, ...(meta.url ? { url: meta.url } : {}) };
  const titled = (t?: string) => (meta.title?.trim() || t ? { title: meta.title?.trim() || t } : {});
  switch (sniff(bytes)) {
    case 'pdf': {
      const x = await extractPdf(bytes, meta.name, limits, onProgress);
      return { ...base, text: x.text, pages: x.pages, ...titled(x.title) };
    }
    case 'zip': {
      const x = await extractDocx(bytes, meta.name, limits);
      return { ...base, text: x.text, ...titled(x.title) };
    }
    case 'image':
      throw refuse('image', meta.name);
    case 'archive':
      throw refuse('archive', meta.name);
    case 'ole':
      throw refuse('unsupported_format', meta.name, 'an old-style Office file (.doc, .xls or .ppt)');
    case 'text': {
      const raw = decodeText(bytes, meta.name);
      if (raw.length > limits.maxTextChars) throw refuse('too_much_text', meta.name, `${limits.maxTextChars.toLocaleString('en-US')} characters`);
      const html = /html/i.test(meta.contentType ?? '') || /\.x?html?$/i.test(meta.name) || /^\s*<(!doctype html|html)/i.test(raw);
      if (!html) return { ...base, text: raw, ...titled() };
      const x = await extractHtml(raw, meta.name);
      return { ...base, text: x.text, ...titled(x.title) };
    }
  }
}
