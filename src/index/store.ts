/**
 * The stored index: documents (text kept exactly), chunks, the quotation
 * index, the lexical (BM25) index and the vectors, with a manifest that
 * records the model, its dimension and the chunker version.
 *
 * Writes are atomic: a new index is written into a sibling temp folder and
 * renamed into place, so a crash mid-ingest leaves the previous index usable.
 */
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { modelKey, type Embedder } from '../embed/types.js';
import { UserError } from '../errors.js';
import { CHUNKER_VERSION, chunkDocument } from '../ingest/chunk.js';
import { buildDocument, loadSource, type Source } from '../ingest/document.js';
import type { Logger } from '../log.js';
import type { Chunk, Quotation, StoredDocument } from '../types.js';
import { buildLexicalIndex, loadLexicalIndex, type LexicalIndex } from './lexical.js';
import { createVectorIndex, readVectorIndex, writeVectorIndex, type VectorIndex } from './vectors.js';

export const INDEX_FORMAT = 1;

export interface ManifestDocument {
  id: string;
  path: string;
  hash: string;
  chunks: number;
}

export interface Manifest {
  format: number;
  chunker: string;
  /** Version of the quotation finder that produced `quotations`. */
  quoter: string;
  /** Embedding model id; null for a lexical-only index. */
  model: string | null;
  dim: number | null;
  builtAt: string;
  documents: ManifestDocument[];
}

export interface LoadedIndex {
  manifest: Manifest;
  documents: StoredDocument[];
  chunks: Chunk[];
  quotations: Quotation[];
  lexical: LexicalIndex;
  vectors: VectorIndex | null;
  docById: Map<string, StoredDocument>;
  chunkById: Map<string, Chunk>;
}

/** The quotation finder, injected so the index does not depend on the answer layer. */
export interface QuotationFinder {
  version: string;
  find(doc: StoredDocument): Quotation[];
}

/** Progress of the slow steps: downloading the model (bytes), reading documents, embedding chunks. */
export type Progress = (phase: 'download' | 'read' | 'embed', done: number, total: number) => void;

function assemble(manifest: Manifest, documents: StoredDocument[], chunks: Chunk[], quotations: Quotation[], lexical: LexicalIndex, vectors: VectorIndex | null): LoadedIndex {
  return {
    manifest,
    documents,
    chunks,
    quotations,
    lexical,
    vectors,
    docById: new Map(documents.map((d) => [d.id, d])),
    chunkById: new Map(chunks.map((c) => [c.id, c])),
  };
}

/**
 * Build an index in memory from documents, reusing the vectors of unchanged
 * documents from `previous` when it was built with the same model and chunker.
 *
 * @example
 * const index = await buildIndex({ documents: [doc], embedder: null, quoter });
 */
export async function buildIndex(opts: {
  documents: StoredDocument[];
  embedder: Embedder | null;
  quoter: QuotationFinder;
  previous?: LoadedIndex | null;
  onProgress?: Progress;
  now?: () => Date;
}): Promise<{ index: LoadedIndex; embedded: number; reused: number }> {
  const { documents, embedder, quoter, previous } = opts;
  const chunks = documents.flatMap((d) => chunkDocument(d));
  const docById = new Map(documents.map((d) => [d.id, d]));
  const textOf = (c: Chunk) => docById.get(c.docId)!.text.slice(c.start, c.end);

  let vectors: VectorIndex | null = null;
  let embedded = 0;
  let reused = 0;
  if (embedder) {
    const sameSpace =
      previous?.vectors && previous.manifest.model === modelKey(embedder) && previous.manifest.dim === embedder.dim && previous.manifest.chunker === CHUNKER_VERSION;
    const prevHash = new Map(previous?.documents.map((d) => [d.id, d.hash]) ?? []);
    const out: Float32Array[] = new Array(chunks.length);
    const todo: number[] = [];
    chunks.forEach((c, i) => {
      const old = sameSpace && prevHash.get(c.docId) === docById.get(c.docId)!.hash ? previous!.vectors!.get(c.id) : undefined;
      if (old) {
        out[i] = old;
        reused++;
      } else todo.push(i);
    });
    if (todo.length) {
      const vecs = await embedder.embedPassages(
        todo.map((i) => textOf(chunks[i]!)),
        (done, total) => opts.onProgress?.('embed', done, total),
      );
      todo.forEach((i, j) => (out[i] = vecs[j]!));
      embedded = todo.length;
    }
    vectors = createVectorIndex(
      chunks.map((c, i) => ({ id: c.id, vector: out[i]!, metadata: { doc: c.docId, paragraph: c.paragraph } })),
      embedder.dim,
    );
  }
  const quotations = documents.flatMap((d) => quoter.find(d));
  const lexical = buildLexicalIndex(chunks.map((c) => ({ id: c.id, text: textOf(c) })));
  const manifest: Manifest = {
    format: INDEX_FORMAT,
    chunker: CHUNKER_VERSION,
    quoter: quoter.version,
    model: modelKey(embedder),
    dim: embedder?.dim ?? null,
    builtAt: (opts.now?.() ?? new Date()).toISOString(),
    documents: documents.map((d) => ({ id: d.id, path: d.path, hash: d.hash, chunks: chunks.filter((c) => c.docId === d.id).length })),
  };
  return { index: assemble(manifest, documents, chunks, quotations, lexical, vectors), embedded, reused };
}

const FILES = { manifest: 'manifest.json', documents: 'documents.json', chunks: 'chunks.json', quotations: 'quotations.json', lexical: 'lexical.json', vectors: 'vectors' };

/**
 * Write the index to `dir` atomically: everything goes into a sibling temp
 * folder, which then replaces `dir` by rename.
 */
export async function writeIndex(dir: string, index: LoadedIndex): Promise<void> {
  const parent = path.dirname(dir);
  await mkdir(parent, { recursive: true });
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  try {
    await writeFile(path.join(tmp, FILES.documents), JSON.stringify(index.documents));
    await writeFile(path.join(tmp, FILES.chunks), JSON.stringify(index.chunks));
    await writeFile(path.join(tmp, FILES.quotations), JSON.stringify(index.quotations));
    await writeFile(path.join(tmp, FILES.lexical), JSON.stringify(index.lexical.toJSON()));
    if (index.vectors) {
      const vdir = path.join(tmp, FILES.vectors);
      await mkdir(vdir);
      const v = index.vectors;
      await writeVectorIndex(
        vdir,
        v.ids.map((id) => ({ id, vector: v.get(id)!, metadata: v.metadata?.(id) })),
        v.dim,
      );
    }
    // The manifest goes last: a folder without one is never taken for an index.
    await writeFile(path.join(tmp, FILES.manifest), JSON.stringify(index.manifest, null, 2));
  } catch (cause) {
    await rm(tmp, { recursive: true, force: true });
    throw new Error(`could not write the index to ${tmp}`, { cause });
  }
  const old = `${dir}.old-${process.pid}-${Date.now()}`;
  const hadOld = await exists(dir);
  if (hadOld) await rename(dir, old);
  await rename(tmp, dir);
  if (hadOld) await rm(old, { recursive: true, force: true });
}

const exists = (p: string) => stat(p).then(() => true, () => false);

/** Thrown when an index folder exists but cannot be read back intact. */
export class IndexCorruptError extends Error {
  override name = 'IndexCorruptError';
}

/**
 * Read an index written by {@link writeIndex}. Returns null when there is no
 * index; throws {@link IndexCorruptError} (with cause) when it is damaged.
 * Recovers an index left aside by a crash between the two renames.
 */
export async function readIndex(dir: string): Promise<LoadedIndex | null> {
  if (!(await exists(dir))) {
    const parent = path.dirname(dir);
    const base = path.basename(dir);
    const aside = (await readdir(parent).catch(() => [] as string[])).filter((f) => f.startsWith(`${base}.old-`)).sort().pop();
    if (!aside) return null;
    await rename(path.join(parent, aside), dir);
  }
  if (!(await exists(path.join(dir, FILES.manifest)))) throw new IndexCorruptError(`${dir} has no ${FILES.manifest}`);
  try {
    const read = (f: string) => readFile(path.join(dir, f), 'utf8');
    const manifest = JSON.parse(await read(FILES.manifest)) as Manifest;
    if (manifest.format !== INDEX_FORMAT || !Array.isArray(manifest.documents)) throw new Error(`unknown index format ${manifest.format}`);
    const documents = JSON.parse(await read(FILES.documents)) as StoredDocument[];
    const chunks = JSON.parse(await read(FILES.chunks)) as Chunk[];
    const quotations = JSON.parse(await read(FILES.quotations)) as Quotation[];
    const lexical = loadLexicalIndex(await read(FILES.lexical));
    const vectors = manifest.model ? await readVectorIndex(path.join(dir, FILES.vectors)) : null;
    if (vectors && (vectors.size !== chunks.length || vectors.dim !== manifest.dim)) throw new Error(`vectors (${vectors.size}×${vectors.dim}) do not match ${chunks.length} chunks × ${manifest.dim}`);
    for (const d of documents) if (typeof d.text !== 'string' || d.hash === undefined) throw new Error(`document ${d.id} is incomplete`);
    return assemble(manifest, documents, chunks, quotations, lexical, vectors);
  } catch (cause) {
    throw new IndexCorruptError(`the index at ${dir} is damaged (${(cause as Error).message})`, { cause });
  }
}

/** Expand files, folders (recursively: .txt .md .markdown .html .htm .pdf .docx) and URLs into source refs. */
export async function expandSources(refs: string[], root: string): Promise<string[]> {
  const out: string[] = [];
  for (const ref of refs) {
    if (/^https?:\/\//i.test(ref)) {
      out.push(ref);
      continue;
    }
    const abs = path.resolve(root, ref);
    const st = await stat(abs).catch(() => null);
    if (!st) throw new UserError(`No such file or folder: ${ref}`);
    if (st.isDirectory()) {
      const entries = (await readdir(abs, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile() && /\.(txt|md|markdown|html?|xhtml|pdf|docx)$/i.test(e.name))
        .map((e) => path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
        .sort();
      if (!entries.length) throw new UserError(`${ref} has no .txt, .md or .html documents`);
      out.push(...entries);
    } else out.push(abs);
  }
  return [...new Set(out)];
}

export interface IngestReport {
  added: string[];
  updated: string[];
  unchanged: string[];
  failed: { source: string; error: string }[];
  chunks: number;
  embedded: number;
  reused: number;
  /** Why everything was re-embedded, when it was. */
  rebuildReason: string | null;
  model: string | null;
  ms: number;
}

/**
 * Ingest sources into the index at `dir`: unchanged documents (same content
 * hash) are skipped, changed ones replaced, new ones added; other documents
 * already in the index are kept. A different model or chunker re-embeds
 * everything, and says so. `rebuild` starts from an empty index.
 *
 * @example
 * const report = await ingest({ dir, root, sources: ['documents'], embedder, quoter, logger });
 */
export async function ingest(opts: {
  dir: string;
  root: string;
  sources: string[];
  embedder: Embedder | null;
  quoter: QuotationFinder;
  logger: Logger;
  rebuild?: boolean;
  onProgress?: Progress;
  fetch?: typeof fetch;
}): Promise<{ report: IngestReport; index: LoadedIndex }> {
  const t0 = performance.now();
  const { logger, embedder } = opts;
  let previous: LoadedIndex | null = null;
  if (!opts.rebuild) {
    try {
      previous = await readIndex(opts.dir);
    } catch (e) {
      if (!(e instanceof IndexCorruptError)) throw e;
      const aside = `${opts.dir}.corrupt-${Date.now()}`;
      await rename(opts.dir, aside).catch(() => undefined);
      logger.warn({ err: e }, `${e.message}; moved it aside to ${aside} and rebuilding from the documents`);
    }
  }
  const refs = await expandSources(opts.sources, opts.root);
  const prevDocs = new Map(previous?.documents.map((d) => [d.id, d]) ?? []);
  const report: IngestReport = { added: [], updated: [], unchanged: [], failed: [], chunks: 0, embedded: 0, reused: 0, rebuildReason: null, model: modelKey(embedder), ms: 0 };
  const fresh = new Map<string, StoredDocument>();
  let i = 0;
  for (const ref of refs) {
    opts.onProgress?.('read', i++, refs.length);
    let src: Source;
    try {
      src = await loadSource(ref, { root: opts.root, fetch: opts.fetch });
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      report.failed.push({ source: ref, error: e.message });
      continue;
    }
    const doc = buildDocument(src);
    const old = prevDocs.get(doc.id);
    if (old && old.hash === doc.hash) report.unchanged.push(doc.id);
    else (old ? report.updated : report.added).push(doc.id);
    fresh.set(doc.id, old && old.hash === doc.hash && sameShape(old, doc) ? old : doc);
  }
  opts.onProgress?.('read', refs.length, refs.length);
  if (!fresh.size && report.failed.length) {
    throw new UserError(report.failed.map((f) => f.error).join('; '));
  }
  if (previous) {
    if (previous.manifest.chunker !== CHUNKER_VERSION) report.rebuildReason = `the chunker changed (${previous.manifest.chunker} → ${CHUNKER_VERSION})`;
    else if (previous.manifest.model !== modelKey(embedder) || (embedder && previous.manifest.dim !== embedder.dim))
      report.rebuildReason = `the embedding model changed (${previous.manifest.model ?? 'none'} → ${modelKey(embedder) ?? 'none'})`;
  }
  if (report.rebuildReason) logger.warn(`Re-embedding every document: ${report.rebuildReason}.`);
  const nothingChanged = previous && !report.rebuildReason && !report.added.length && !report.updated.length && previous.manifest.quoter === opts.quoter.version;
  if (nothingChanged) {
    report.chunks = previous!.chunks.length;
    report.ms = performance.now() - t0;
    return { report, index: previous! };
  }
  // Keep documents not named in this ingest, in their original order, then the new ones.
  const documents = [...(previous?.documents ?? []).map((d) => fresh.get(d.id) ?? d), ...[...fresh.values()].filter((d) => !prevDocs.has(d.id))];
  const built = await buildIndex({ documents, embedder, quoter: opts.quoter, previous: report.rebuildReason ? null : previous, onProgress: opts.onProgress });
  await writeIndex(opts.dir, built.index);
  Object.assign(report, { chunks: built.index.chunks.length, embedded: built.embedded, reused: built.reused, ms: performance.now() - t0 });
  return { report, index: built.index };
}

/** A stored document re-segmented by a newer build must be replaced even when its text is the same. */
const sameShape = (a: StoredDocument, b: StoredDocument) =>
  a.paragraphs.length === b.paragraphs.length && a.sentences.length === b.sentences.length && a.title === b.title;

/**
 * Is the index missing or stale for these sources? (Missing documents, changed
 * content, another model or chunker.) URLs are not re-fetched to check.
 */
export async function staleness(index: LoadedIndex | null, refs: string[], root: string, modelId: string | null): Promise<string | null> {
  if (!index) return 'there is no index yet';
  if (index.manifest.chunker !== CHUNKER_VERSION) return 'the chunker changed';
  if (modelId && index.manifest.model !== modelId) return `it was built with ${index.manifest.model ?? 'no model'}, not ${modelId}`;
  const files = await expandSources(refs, root).catch(() => [] as string[]);
  for (const f of files) {
    if (/^https?:/i.test(f)) {
      if (!index.docById.has(f)) return `${f} is not indexed`;
      continue;
    }
    try {
      const src = await loadSource(f, { root });
      const d = index.docById.get(src.id);
      if (!d) return `${src.id} is not indexed`;
      if (d.hash !== buildDocument(src).hash) return `${src.id} changed`;
    } catch {
      // unreadable now: ingest will report it
      return `${f} could not be checked`;
    }
  }
  return null;
}
