/**
 * From a source (file or URL) to a {@link StoredDocument}: the text exactly
 * as stored, with paragraphs (¶ numbers as a reader cites them), title and
 * boilerplate detection, and sentences — all as offsets into that text.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';
import type { Paragraph, Sentence, Span, StoredDocument } from '../types.js';
import { sourceFromBytes, isBinaryDocument } from './bytes.js';
import { extractHtml } from './html.js';
import { DEFAULT_EXTRACT_LIMITS } from './limits.js';
import { assignPages } from './pages.js';
import { paragraphSpans, sentenceSpans } from './segment.js';

export interface Source {
  /** Stable id: path relative to the project root (posix), or the URL. */
  id: string;
  path: string;
  text: string;
  /** A title known from the source (e.g. an HTML <title>), if any. */
  title?: string;
  /** The address it came from, when fetched. */
  url?: string;
  /** Paged formats (PDF): each page's span of `text`. */
  pages?: Span[];
}

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Longest paragraph we still call a heading. */
const HEADING_MAX_WORDS = 25;

const isHeadingLike = (s: string) =>
  !s.includes('\n') && s.split(/\s+/).length <= HEADING_MAX_WORDS && !/[.!?:;,”"’)\]…]$/.test(s.trim());

/**
 * Build the stored form of a document.
 *
 * Title and boilerplate: the leading heading-like paragraphs before the first
 * body paragraph are examined; a markdown `#` heading or a heading that the
 * text repeats is the title, earlier ones (site taglines) are boilerplate,
 * and any paragraph that exactly repeats an earlier one is boilerplate.
 * Body paragraphs are numbered ¶1, ¶2… in order.
 *
 * @example
 * const doc = buildDocument({ id: 'a.txt', path: 'a.txt', text: 'Site\n\nTitle\n\nTitle\n\nMr. Annan spoke. He left.' });
 * doc.title; // 'Title'
 * doc.paragraphs.map((p) => [p.kind, p.n]); // [['boilerplate',0],['title',0],['boilerplate',0],['body',1]]
 */
export function buildDocument(source: Source): StoredDocument {
  const { text } = source;
  const spans = paragraphSpans(text);
  const str = spans.map((s) => text.slice(s.start, s.end));
  const kinds: Paragraph['kind'][] = spans.map(() => 'body');

  // Leading heading-like run.
  let lead = 0;
  while (lead < spans.length && isHeadingLike(str[lead]!)) lead++;
  if (lead === spans.length) lead = 0; // a document of headings only: treat all as body
  let titleIdx = -1;
  if (lead > 0) {
    const md = str.slice(0, lead).findIndex((s) => /^#\s/.test(s));
    const repeated = str.slice(0, lead).findIndex((s, i) => str.indexOf(s, i + 1) !== -1);
    titleIdx = md !== -1 ? md : repeated !== -1 ? repeated : lead - 1;
    for (let i = 0; i < titleIdx; i++) kinds[i] = 'boilerplate';
    kinds[titleIdx] = 'title';
  }
  const seen = new Set<string>();
  str.forEach((s, i) => {
    const key = s.replace(/^#+\s*/, '').replace(/\s+/g, ' ');
    if (seen.has(key) && kinds[i] !== 'title') kinds[i] = 'boilerplate';
    seen.add(key);
  });

  let n = 0;
  const paragraphs: Paragraph[] = spans.map((s, i) => ({ ...s, kind: kinds[i]!, n: kinds[i] === 'body' ? ++n : 0 }));
  assignPages(paragraphs, source.pages);
  const sentences: Sentence[] = [];
  for (const p of paragraphs) {
    for (const s of sentenceSpans(text, p.start, p.end)) sentences.push({ ...s, paragraph: p.n });
  }
  const titleText = titleIdx >= 0 ? str[titleIdx]!.replace(/^#+\s*/, '') : undefined;
  return {
    id: source.id,
    path: source.path,
    title: source.title?.trim() || titleText || path.basename(source.path),
    ...(source.url ? { url: source.url } : {}),
    text,
    hash: sha256(text),
    paragraphs,
    sentences,
  };
}

const MAX_BYTES = 50 * 1024 * 1024;

/** Decode bytes as UTF-8, refusing binary and non-UTF-8 input with a clear message. */
export function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes.includes(0)) throw new UserError(`${name} looks like a binary file (it contains NUL bytes); give a .txt, .md or .html document.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new UserError(`${name} is not valid UTF-8 text; convert it to UTF-8 first.`, { cause });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const controls = text.match(/[\u0001-\u0008\u000e-\u001f]/g)?.length ?? 0;
  if (controls > 0 && controls / text.length > 0.01) throw new UserError(`${name} looks like a binary file (many control characters).`);
  if (!text.trim()) throw new UserError(`${name} is empty; there is nothing to index.`);
  return text;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);
const isHtmlName = (s: string) => /\.x?html?$/i.test(s);

/**
 * Read one source: a `.txt`/`.md` file as is, an `.html` file or an http(s) URL
 * through main-text extraction. Throws {@link UserError} with one clear line for
 * a missing path, an unreachable URL, or an empty/binary/non-UTF-8 document.
 *
 * @example
 * const src = await loadSource('documents/un-news-annan-regional-cooperation.txt', { root: process.cwd() });
 */
export async function loadSource(ref: string, opts: { root: string; fetch?: typeof fetch; timeoutMs?: number }): Promise<Source> {
  if (isUrl(ref)) return loadUrl(ref, opts.fetch ?? fetch, opts.timeoutMs ?? 20_000);
  const abs = path.resolve(opts.root, ref);
  const rel = path.relative(opts.root, abs).split(path.sep).join('/');
  const id = rel.startsWith('..') ? abs : rel;
  let bytes: Buffer;
  try {
    const st = await stat(abs);
    if (st.isDirectory()) throw new UserError(`${ref} is a folder; pass files, or let ingest expand folders.`);
    if (st.size > MAX_BYTES) throw new UserError(`${ref} is ${(st.size / 1e6).toFixed(0)} MB; the limit is ${MAX_BYTES / 1e6} MB per document.`);
    bytes = await readFile(abs);
  } catch (cause) {
    if (cause instanceof UserError) throw cause;
    const code = (cause as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? `No such file: ${ref}` : `Cannot read ${ref} (${code ?? 'error'})`, { cause });
  }
  if (isBinaryDocument(bytes)) return sourceFromBytes(bytes, { id, path: id, name: ref }, DEFAULT_EXTRACT_LIMITS);
  const raw = decodeText(bytes, ref);
  if (isHtmlName(abs)) {
    const { text, title } = await extractHtml(raw, ref);
    return { id, path: id, text, title };
  }
  return { id, path: id, text: raw };
}

async function loadUrl(url: string, fetchImpl: typeof fetch, timeoutMs: number): Promise<Source> {
  let res: Response;
  try {
    res = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow', headers: { 'user-agent': 'Verbatim/0.1 (document Q&A bot)' } });
  } catch (cause) {
    throw new UserError(`Could not fetch ${url}: ${(cause as Error)?.name === 'TimeoutError' ? 'timed out' : 'unreachable'}`, { cause });
  }
  if (!res.ok) throw new UserError(`Could not fetch ${url}: HTTP ${res.status}`);
  const type = res.headers.get('content-type') ?? '';
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.length > MAX_BYTES) throw new UserError(`${url} is larger than ${MAX_BYTES / 1e6} MB.`);
  if (isBinaryDocument(bytes)) return sourceFromBytes(bytes, { id: url, path: url, name: url, url, contentType: type }, DEFAULT_EXTRACT_LIMITS);
  const raw = decodeText(bytes, url);
  if (/html/i.test(type) || /^\s*<(!doctype|html)/i.test(raw)) {
    const { text, title } = await extractHtml(raw, url);
    return { id: url, path: url, text, title };
  }
  return { id: url, path: url, text: raw };
}
