/**
 * How a document is named to a reader: by its title (never by its stored
 * path or an index number), with a link to its source when it came from a
 * URL, and the page of each paragraph for paged sources (PDF).
 *
 * @example
 * const cat = catalog(engine.documents());
 * cat.get('https://example.org/a')?.url; // 'https://example.org/a'
 */
import type { Paragraph } from '../types.js';

/** What a citation needs to know about a document. */
export interface DocInfo {
  id: string;
  title: string;
  /** The source, when the document came from an http(s) URL. */
  url?: string;
  /** ¶ number → page, for paged sources. */
  pages?: ReadonlyMap<number, number>;
}

/** The documents a rendering may cite, by id; `several` when citations must say which document. */
export interface Catalog {
  docs: readonly DocInfo[];
  get(id: string): DocInfo | undefined;
  several: boolean;
}

/** A stored document, or anything with an id and (some of) its names. */
export interface DocSource {
  id: string;
  path?: string;
  title?: string;
  url?: string;
  paragraphs?: readonly Paragraph[];
  pages?: ReadonlyMap<number, number>;
}

const HTTP = /^https?:\/\//i;

/** The last path segment without its extension: "…/tmp/x1/hilary-duff.txt" → "hilary-duff". */
function baseName(pathOrId: string): string {
  const last = pathOrId.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? pathOrId;
  return last.replace(/\.[A-Za-z0-9]{1,5}$/, '') || last || 'document';
}

/** A readable name when a document has no title: a URL's host and path, or a file's base name. */
function fallbackTitle(id: string): string {
  if (HTTP.test(id)) {
    try {
      const u = new URL(id);
      return `${u.hostname}${u.pathname === '/' ? '' : u.pathname}`;
    } catch {
      return id;
    }
  }
  return baseName(id);
}

/**
 * @example
 * docInfo({ id: 'documents/a.txt', path: 'documents/a.txt', title: 'A report' }); // { id, title: 'A report' }
 */
export function docInfo(doc: DocSource): DocInfo {
  const source = doc.url ?? [doc.path, doc.id].find((s) => s && HTTP.test(s));
  const info: DocInfo = { id: doc.id, title: doc.title?.trim() || fallbackTitle(doc.path || doc.id) };
  if (source) info.url = source;
  const paged = (doc.paragraphs ?? []).filter((p) => p.page !== undefined);
  if (doc.pages?.size) info.pages = doc.pages;
  else if (paged.length) info.pages = new Map(paged.map((p) => [p.n, p.page!]));
  return info;
}

/** A catalog over documents (stored documents or already-made {@link DocInfo}s). */
export function catalog(docs: readonly DocSource[]): Catalog {
  const infos = docs.map(docInfo);
  const byId = new Map(infos.map((d) => [d.id, d]));
  return { docs: infos, get: (id) => byId.get(id), several: infos.length > 1 };
}

/** The document a citation names: from the catalog, else a name made from its id (never the bare path). */
export function docOf(id: string, cat: Catalog): DocInfo {
  return cat.get(id) ?? docInfo({ id });
}
