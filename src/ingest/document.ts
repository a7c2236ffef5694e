/**
 * From a source (file or URL) to a {@link StoredDocument}: the text exactly
 * as stored, with paragraphs (¶ numbers as a reader cites them), title and
 * boilerplate detection, and sentences — all as offsets into that text.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { UserError } from '../errors.js';
export { decodeText } from './decode.js';
import type { Paragraph, Sentence, Span, StoredDocument } from '../types.js';
import { sourceFromBytes, isBinaryDocument } from './bytes.js';
import { decodeText } from './decode.js';
import { extractHtml } from './html.js';
import { DEFAULT_EXTRACT_LIMITS } from './limits.js';
import { assignPages } from './pages.js';
import { MAX_DOCUMENT_BYTES, readBodyLimited, readFileLimited } from './read-limited.js';
import { allowAll, forbiddenRange } from '../net/address-policy.js';
import { safeFetch } from '../net/safe-fetch.js';
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

/** What a loader gets: the bytes of one source, its name (path or URL) and the HTTP content type when fetched. */
export interface LoaderInput {
  name: string;
  bytes: Uint8Array;
  contentType?: string;
}

/**
 * Reads one type of document (text, HTML, PDF, DOCX…) into text. Loaders are
 * tried in {@link LOADERS} order; the first that accepts a source reads it.
 */
export interface DocumentLoader {
  /** Short type name, e.g. 'html'. */
  type: string;
  /** File endings (lower case, with the dot) picked up when a folder is expanded. */
  extensions: string[];
  accepts(input: LoaderInput): boolean;
  /** Throws {@link UserError} with one clear line when the document cannot be read. */
  load(input: LoaderInput): Promise<{ text: string; title?: string }>;
}

const hasExt = (name: string, exts: string[]) => exts.some((e) => name.toLowerCase().split(/[?#]/)[0]!.endsWith(e));

/** Does this look like an HTML page (by name, content type, or its first bytes)? */
const looksHtml = ({ name, contentType, bytes }: LoaderInput) =>
  /\.x?html?$/i.test(name.split(/[?#]/)[0]!) || /html/i.test(contentType ?? '') || /^\s*<(!doctype|html)/i.test(Buffer.from(bytes.subarray(0, 512)).toString('latin1'));

export const htmlLoader: DocumentLoader = {
  type: 'html',
  extensions: ['.html', '.htm', '.xhtml'],
  accepts: looksHtml,
  load: ({ bytes, name }) => extractHtml(decodeText(bytes, name), name),
};

export const textLoader: DocumentLoader = {
  type: 'text',
  extensions: ['.txt', '.md', '.markdown'],
  accepts: () => true,
  load: async ({ bytes, name }) => ({ text: decodeText(bytes, name) }),
};

/**
 * The loaders by type, most specific first; the text loader takes anything
 * left. Add a new document type (PDF, DOCX…) by putting its loader before
 * {@link textLoader}.
 */
export const LOADERS: DocumentLoader[] = [htmlLoader, textLoader];

/** File endings a folder is expanded to. */
export const documentExtensions = () => [...LOADERS.flatMap((l) => l.extensions), ...BINARY_EXTENSIONS];

/** PDF and DOCX: read by `sourceFromBytes` (./bytes.ts), recognised by their bytes. */
const BINARY_EXTENSIONS = ['.pdf', '.docx'];

/** The loader for a source: by its file ending first, then by what each loader accepts. */
export function loaderFor(input: LoaderInput): DocumentLoader {
  return LOADERS.find((l) => hasExt(input.name, l.extensions)) ?? LOADERS.find((l) => l.accepts(input)) ?? textLoader;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** Limits for reading one source. */
export interface LoadOptions {
  root: string;
  fetch?: typeof fetch;
  /** Whole fetch (headers and body) of a URL, in ms. */
  timeoutMs?: number;
  /** A URL body that sends nothing for this long is abandoned, in ms. */
  idleTimeoutMs?: number;
  maxBytes?: number;
  /**
   * Fetch private, loopback and link-local addresses too (`URL_ALLOW_PRIVATE`). Without it a URL goes through the
   * same SSRF guard as a link posted in Discord (src/net/safe-fetch.ts): only public addresses, every redirect
   * checked. (An injected `fetch`, for tests, is used as it is.)
   */
  allowPrivate?: boolean;
}

/**
 * Read one source: a file (read through its {@link DocumentLoader}), or an
 * http(s) URL. Throws {@link UserError} with one clear line for a missing
 * path, a pipe or device, a file or body over the limit, an unreachable,
 * stalled or reset URL, or an empty/binary/undecodable document.
 *
 * @example
 * const src = await loadSource('documents/un-news-annan-regional-cooperation.txt', { root: process.cwd() });
 */
export async function loadSource(ref: string, opts: LoadOptions): Promise<Source> {
  if (isUrl(ref)) return loadUrl(ref, opts);
  const abs = path.resolve(opts.root, ref);
  const rel = path.relative(opts.root, abs).split(path.sep).join('/');
  const id = rel.startsWith('..') ? abs : rel;
  const bytes = await readFileLimited(abs, { name: ref, maxBytes: opts.maxBytes });
  if (isBinaryDocument(bytes)) return sourceFromBytes(bytes, { id, path: id, name: ref }, DEFAULT_EXTRACT_LIMITS);
  const input = { name: ref, bytes };
  const { text, title } = await loaderFor(input).load(input);
  return { id, path: id, text, ...(title ? { title } : {}) };
}

async function loadUrl(url: string, opts: LoadOptions): Promise<Source> {
  if (!opts.fetch) {
    const { bytes, contentType } = await safeFetch(url, {
      policy: opts.allowPrivate ? allowAll : forbiddenRange,
      timeoutMs: opts.timeoutMs ?? 20_000,
      maxBytes: opts.maxBytes ?? MAX_DOCUMENT_BYTES,
    });
    return sourceOfBody(url, bytes, contentType || undefined);
  }
  const signal = AbortSignal.timeout(opts.timeoutMs ?? 20_000);
  let res: Response;
  try {
    res = await (opts.fetch ?? fetch)(url, { signal, redirect: 'follow', headers: { 'user-agent': 'Verbatim/0.1 (document Q&A bot)' } });
  } catch (cause) {
    throw new UserError(`Could not fetch ${url}: ${(cause as Error)?.name === 'TimeoutError' ? 'timed out' : 'unreachable'}`, { cause, code: 'fetch_failed' });
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new UserError(`Could not fetch ${url}: HTTP ${res.status}`, { code: 'fetch_failed' });
  }
  const contentType = res.headers.get('content-type') ?? undefined;
  const bytes = await readBodyLimited(res, { name: url, maxBytes: opts.maxBytes, idleTimeoutMs: opts.idleTimeoutMs });
  return sourceOfBody(url, bytes, contentType);
}

async function sourceOfBody(url: string, bytes: Uint8Array, contentType: string | undefined): Promise<Source> {
  if (isBinaryDocument(bytes)) return sourceFromBytes(bytes, { id: url, path: url, name: url, url, contentType: contentType ?? '' }, DEFAULT_EXTRACT_LIMITS);
  const input = { name: url, bytes, contentType };
  // A URL's path rarely ends in .txt: HTML is recognised by content type or content, not by name alone.
  const loader = LOADERS.find((l) => l !== textLoader && l.accepts(input)) ?? textLoader;
  const { text, title } = await loader.load(input);
  return { id: url, path: url, text, ...(title ? { title } : {}) };
}
