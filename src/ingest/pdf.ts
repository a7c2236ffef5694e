/**
 * PDF text with page numbers, through `unpdf` (Mozilla pdf.js for servers).
 *
 * Each page's text items become lines (pdf.js marks line ends; a change of
 * baseline also ends one); a vertical gap clearly larger than the page's usual
 * line spacing starts a new paragraph. Lines of a paragraph are joined by a
 * space, paragraphs and pages by a blank line, so every paragraph stands on
 * one page. A page-number line at the top or bottom of a page is left out. The result is the stored text: quotes are checked against it.
 *
 * Refused with one clear message: an encrypted PDF, a PDF whose streams
 * expand past the budget (checked while inflating, see pdf-guard.ts), one
 * with no text layer (a scan), more pages or text than the limits allow.
 *
 * @example
 * const { text, pages, title } = await extractPdf(bytes, 'report.pdf', DEFAULT_EXTRACT_LIMITS);
 * text.slice(pages[2].start, pages[2].end); // page 3
 */
import type { Span } from '../types.js';
import type { ExtractLimits, ExtractProgress } from './limits.js';
import { checkPdf } from './pdf-guard.js';
import { characters, refuse } from './refusals.js';

export interface ExtractedText {
  text: string;
  title?: string;
  /** Per page, its span of `text` (paged formats only). */
  pages?: Span[];
}

interface Item {
  str: string;
  y: number;
  h: number;
  eol: boolean;
}

interface Line {
  text: string;
  y: number;
  h: number;
}

/** Text items → lines (top to bottom as drawn). */
function linesOf(items: Item[]): Line[] {
  const lines: Line[] = [];
  let cur: Line | null = null;
  for (const it of items) {
    if (cur && Math.abs(it.y - cur.y) > Math.max(1, cur.h * 0.5)) {
      lines.push(cur);
      cur = null;
    }
    if (!cur) cur = { text: '', y: it.y, h: it.h };
    cur.text += it.str;
    cur.h = Math.max(cur.h, it.h);
    if (it.eol) {
      lines.push(cur);
      cur = null;
    }
  }
  if (cur) lines.push(cur);
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() })).filter((l) => l.text);
}

/** A page-number line ("3", "- 3 -", "Page 3", "3 of 12"): page furniture, not text. */
const PAGE_NUMBER = /^(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s+of\s+\d{1,4})?$/i;

/** Drop a page-number line at the top or bottom of a page. */
export function withoutPageNumbers(lines: Line[]): Line[] {
  let a = 0;
  let b = lines.length;
  if (b > 1 && PAGE_NUMBER.test(lines[0]!.text)) a++;
  if (b - a > 1 && PAGE_NUMBER.test(lines[b - 1]!.text)) b--;
  return lines.slice(a, b);
}

/**
 * Lines → paragraphs. A new paragraph starts where the gap between baselines
 * exceeds both 1.6× the font height and 1.3× the page's usual (25th
 * percentile) line spacing — so double-spaced text is not cut at every line.
 */
export function paragraphsOf(lines: Line[]): string[] {
  const gaps = lines.slice(1).map((l, i) => Math.abs(lines[i]!.y - l.y)).filter((g) => g > 0).sort((a, b) => a - b);
  const usual = gaps.length ? gaps[Math.floor((gaps.length - 1) / 4)]! : 0;
  const out: string[][] = [];
  lines.forEach((l, i) => {
    const prev = lines[i - 1];
    const gap = prev ? Math.abs(prev.y - l.y) : 0;
    if (!prev || gap > Math.max(1.6 * Math.max(l.h, prev.h), 1.3 * usual)) out.push([l.text]);
    else out[out.length - 1]!.push(l.text);
  });
  // A line ending in a hyphen before a lower-case word is joined without a space (the hyphen is kept: the text is not re-worded).
  return out.map((p) => p.reduce((acc, line) => (acc.endsWith('-') && /^[a-z]/.test(line) ? acc + line : `${acc} ${line}`)));
}

/** A PDF metadata title worth showing ("Microsoft Word - x.docx" and "untitled" are not). */
function cleanTitle(t: unknown): string | undefined {
  if (typeof t !== 'string') return undefined;
  const s = t.replace(/^Microsoft (?:Word|PowerPoint) - /i, '').trim();
  return s && !/^untitled\b/i.test(s) ? s : undefined;
}

export async function extractPdf(bytes: Uint8Array, name: string, limits: ExtractLimits, onProgress?: ExtractProgress): Promise<ExtractedText> {
  checkPdf(bytes, name, limits.maxExpandedBytes);
  const { getDocumentProxy, getMeta } = await import('unpdf');
  let doc: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes ownership of (detaches) the array it is given: pass a copy.
    doc = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false });
  } catch (e) {
    if ((e as Error)?.name === 'PasswordException') throw refuse('encrypted', name, undefined, e);
    throw refuse('unreadable', name, (e as Error)?.message, e);
  }
  try {
    if (doc.numPages > limits.maxPages) throw refuse('file_too_large', name, `${doc.numPages} pages; the limit is ${limits.maxPages}`);
    const title = cleanTitle(((await getMeta(doc).catch(() => ({ info: {} }))).info as Record<string, unknown> | undefined)?.Title);
    let text = '';
    const pages: Span[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const i of content.items) if ('str' in i) items.push({ str: i.str, y: i.transform[5], h: i.height || Math.abs(i.transform[3]) || 1, eol: i.hasEOL });
      page.cleanup();
      const body = paragraphsOf(withoutPageNumbers(linesOf(items))).join('\n\n');
      const start = text.length && body ? text.length + 2 : text.length;
      if (body) text += (text.length ? '\n\n' : '') + body;
      pages.push({ start, end: text.length });
      if (text.length > limits.maxTextChars) throw refuse('too_much_text', name, characters(limits.maxTextChars));
      onProgress?.(n, doc.numPages);
    }
    if (!text.trim()) throw refuse('no_text_layer', name);
    return { text, title, pages };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
