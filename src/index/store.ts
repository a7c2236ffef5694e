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
import { describeError, UserError } from '../errors.js';
import { CHUNKER_VERSION, chunkDocument } from '../ingest/chunk.js';
import { buildDocument, loadSource, sha256, type LoadOptions } from '../ingest/document.js';
import { failureLine, type SourceFailure } from '../ingest/failures.js';
import { expandSources } from '../ingest/sources.js';
import type { Logger } from '../log.js';
import type { Chunk, Quotation, StoredDocument } from '../types.js';
import { z } from 'zod';
import { withIndexLock, type LockOptions } from './lock.js';
import { checkConsistency, chunkSchema, documentSchema, manifestSchema, parseFile, quotationDamage, quotationSchema, quotationsChecksum } from './schema.js';
import { buildLexicalIndex, loadLexicalIndex, type LexicalIndex } from './lexical.js';
import { createVectorIndex, readVectorIndex, writeVectorIndex, type VectorIndex } from './vectors.js';

export const INDEX_FORMAT = 1;

export interface ManifestDocument {
  id: string;
  path: string;
  hash: string;
  chunks: number;
  /** Checksum of the document's quotations in quotations.json (schema.ts `quotationsChecksum`); absent in older indexes. */
  quotations?: string;
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
  /**
   * Set on load when quotations.json does not match the manifest's checksums (emptied, cut short, another index's):
   * what is wrong, in one sentence. The manifest's quoter is then marked so that every reader recomputes the
   * quotations from the verified documents and the next ingest writes them again.
   */
  quotationDamage?: string;
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
  const chunksPerDoc = new Map<string, number>();
  for (const c of chunks) chunksPerDoc.set(c.docId, (chunksPerDoc.get(c.docId) ?? 0) + 1);
  const quotesPerDoc = new Map<string, Quotation[]>();
  for (const q of quotations) {
    const list = quotesPerDoc.get(q.doc);
    if (list) list.push(q);
    else quotesPerDoc.set(q.doc, [q]);
  }
  const manifest: Manifest = {
    format: INDEX_FORMAT,
    chunker: CHUNKER_VERSION,
    quoter: quoter.version,
    model: modelKey(embedder),
    dim: embedder?.dim ?? null,
    builtAt: (opts.now?.() ?? new Date()).toISOString(),
    documents: documents.map((d) => ({ id: d.id, path: d.path, hash: d.hash, chunks: chunksPerDoc.get(d.id) ?? 0, quotations: quotationsChecksum(quotesPerDoc.get(d.id) ?? []) })),
  };
  return { index: assemble(manifest, documents, chunks, quotations, lexical, vectors), embedded, reused };
}

const FILES = { manifest: 'manifest.json', documents: 'documents.json', chunks: 'chunks.json', quotations: 'quotations.json', lexical: 'lexical.json', vectors: 'vectors' };

/**
 * Write the index to `dir` atomically: everything goes into a sibling temp
 * folder, which then replaces `dir` by rename. Callers hold the write lock
 * ({@link withIndexLock}).
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

/** Folders beside `dir` left by an interrupted write: `.tmp-*` (never finished) and `.old-*` (the previous index, set aside). */
async function leftovers(dir: string): Promise<{ tmp: string[]; old: string[] }> {
  const base = path.basename(dir);
  const names = await readdir(path.dirname(dir)).catch(() => [] as string[]);
  const full = (f: string) => path.join(path.dirname(dir), f);
  return { tmp: names.filter((f) => f.startsWith(`${base}.tmp-`)).map(full), old: names.filter((f) => f.startsWith(`${base}.old-`)).sort().map(full) };
}

/**
 * Under the write lock: put back an index left aside by a crash between the
 * two renames of {@link writeIndex}, and remove every unfinished `.tmp-*`
 * folder and stale `.old-*` copy (no other writer can be using them).
 * Returns how many folders were removed.
 */
export async function tidyIndexFolder(dir: string): Promise<number> {
  const { tmp, old } = await leftovers(dir);
  if (!(await exists(dir)) && old.length) await rename(old.pop()!, dir);
  await Promise.all([...tmp, ...old].map((f) => rm(f, { recursive: true, force: true })));
  return tmp.length + old.length;
}

/** Thrown when an index folder exists but cannot be read back intact. */
export class IndexCorruptError extends Error {
  override name = 'IndexCorruptError';
}

/** How many entries a stored lexical index holds (MiniSearch writes `documentCount` first); null if not found. */
const lexicalCount = (json: string) => {
  const m = /^\{"documentCount":(\d+)/.exec(json.slice(0, 64));
  return m ? Number(m[1]) : null;
};

/**
 * Read an index written by {@link writeIndex}. Returns null when there is no
 * index; throws {@link IndexCorruptError} (with cause) when it is damaged —
 * wrong shape, inconsistent files, or a document whose text no longer
 * matches its hash. Never changes anything on disk: an index set aside by a
 * crash between the two renames is read where it lies (the next writer puts
 * it back).
 */
export async function readIndex(dir: string): Promise<LoadedIndex | null> {
  let from = dir;
  if (!(await exists(dir))) {
    const aside = (await leftovers(dir)).old.pop();
    if (!aside) return null;
    from = aside;
  }
  if (!(await exists(path.join(from, FILES.manifest)))) throw new IndexCorruptError(`${dir} has no ${FILES.manifest}`);
  try {
    const read = (f: string) => readFile(path.join(from, f), 'utf8');
    const manifest = parseFile(FILES.manifest, await read(FILES.manifest), manifestSchema) as Manifest;
    if (manifest.format !== INDEX_FORMAT) throw new Error(`unknown index format ${manifest.format}`);
    const documents = parseFile(FILES.documents, await read(FILES.documents), z.array(documentSchema)) as StoredDocument[];
    const chunks = parseFile(FILES.chunks, await read(FILES.chunks), z.array(chunkSchema)) as Chunk[];
    const quotations = parseFile(FILES.quotations, await read(FILES.quotations), z.array(quotationSchema)) as unknown as Quotation[];
    const lexicalJson = await read(FILES.lexical);
    checkConsistency(manifest, documents, chunks, quotations, lexicalCount(lexicalJson));
    const lexical = loadLexicalIndex(lexicalJson);
    const vectors = manifest.model ? await readVectorIndex(path.join(from, FILES.vectors)) : null;
    if (vectors && (vectors.size !== chunks.length || vectors.dim !== manifest.dim)) throw new Error(`vectors (${vectors.size}×${vectors.dim}) do not match ${chunks.length} chunks × ${manifest.dim}`);
    const damage = quotationDamage(manifest, quotations);
    if (damage) manifest.quoter = `${manifest.quoter} (quotations damaged)`;
    return { ...assemble(manifest, documents, chunks, quotations, lexical, vectors), ...(damage ? { quotationDamage: damage } : {}) };
  } catch (cause) {
    throw new IndexCorruptError(`the index at ${dir} is damaged (${(cause as Error).message})`, { cause });
  }
}

export { expandSources } from '../ingest/sources.js';

export interface IngestReport {
  added: string[];
  updated: string[];
  unchanged: string[];
  failed: SourceFailure[];
  /** Entries inside named folders that were passed over, and why (e.g. a symlinked folder). */
  skipped: { source: string; reason: string }[];
  chunks: number;
  embedded: number;
  reused: number;
  /** Why everything was re-embedded, when it was. */
  rebuildReason: string | null;
  model: string | null;
  ms: number;
}

/** Limits on reading sources and on waiting for the write lock. */
export interface IngestLimits extends Omit<LoadOptions, 'root' | 'fetch'> {
  lock?: Omit<LockOptions, 'logger'>;
}

/** Read and segment one source; any failure becomes one line for that source. */
async function readOne(ref: string, opts: { root: string; fetch?: typeof fetch; limits?: IngestLimits; logger: Logger }): Promise<StoredDocument | SourceFailure> {
  try {
    return buildDocument(await loadSource(ref, { root: opts.root, fetch: opts.fetch, ...opts.limits }));
  } catch (e) {
    if (e instanceof UserError) return { source: ref, error: e.message, code: e.code };
    opts.logger.warn({ err: e, source: ref }, `could not read ${ref}`);
    return { source: ref, error: `${ref}: ${describeError(e)}`, code: 'unexpected' };
  }
}

/**
 * What can be saved from a damaged index moved aside to `aside`: documents
 * whose text still matches its hash are kept (re-segmented); the others are
 * named so they can be read again from their sources.
 */
async function salvage(aside: string): Promise<{ kept: StoredDocument[]; damaged: { id: string; path: string }[] }> {
  const kept: StoredDocument[] = [];
  const damaged: { id: string; path: string }[] = [];
  const json = (f: string) => readFile(path.join(aside, f), 'utf8').then((s) => JSON.parse(s) as unknown).catch(() => null);
  const raw = await json(FILES.documents);
  if (Array.isArray(raw)) {
    for (const item of raw) {
      const d = documentSchema.safeParse(item);
      if (d.success && sha256(d.data.text) === d.data.hash) kept.push(buildDocument({ id: d.data.id, path: d.data.path, text: d.data.text, title: d.data.title }));
      else if (item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string') {
        const { id, path: p } = item as { id: string; path?: unknown };
        damaged.push({ id, path: typeof p === 'string' ? p : id });
      }
    }
  } else {
    const manifest = manifestSchema.safeParse(await json(FILES.manifest));
    if (manifest.success) damaged.push(...manifest.data.documents.map((d) => ({ id: d.id, path: d.path })));
  }
  return { kept, damaged };
}

/**
 * Ingest sources into the index at `dir`: unchanged documents (same content
 * hash as the verified stored text) are skipped, changed ones replaced, new
 * ones added; other documents already in the index are kept. A different
 * model or chunker re-embeds everything, and says so. `rebuild` starts from
 * an empty index. A damaged index is moved aside with one warning and rebuilt
 * from what it still holds intact plus the sources.
 *
 * Sources are read before the write lock is taken; reading the index,
 * merging and writing happen under it, so concurrent ingests of different
 * documents all end up indexed.
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
  limits?: IngestLimits;
}): Promise<{ report: IngestReport; index: LoadedIndex }> {
  const t0 = performance.now();
  const { logger, embedder } = opts;
  const { refs, skipped } = await expandSources(opts.sources, opts.root);
  const report: IngestReport = { added: [], updated: [], unchanged: [], failed: [], skipped, chunks: 0, embedded: 0, reused: 0, rebuildReason: null, model: modelKey(embedder), ms: 0 };
  const read = new Map<string, StoredDocument>();
  let i = 0;
  for (const ref of refs) {
    opts.onProgress?.('read', i++, refs.length);
    const r = await readOne(ref, { ...opts, logger });
    if ('error' in r) report.failed.push(r);
    else read.set(r.id, r);
  }
  opts.onProgress?.('read', refs.length, refs.length);
  if (!read.size && report.failed.length) throw new UserError(failureLine(report.failed), { code: 'nothing_indexed' });

  return withIndexLock(
    opts.dir,
    async (lock) => {
      await tidyIndexFolder(opts.dir);
      let previous: LoadedIndex | null = null;
      let kept: StoredDocument[] = [];
      if (!opts.rebuild) {
        try {
          previous = await readIndex(opts.dir);
          kept = previous?.documents ?? [];
        } catch (e) {
          if (!(e instanceof IndexCorruptError)) throw e;
          kept = await recover(opts.dir, e, read, { ...opts, logger });
        }
      }
      const keptById = new Map(kept.map((d) => [d.id, d]));
      const fresh = new Map<string, StoredDocument>();
      for (const doc of read.values()) {
        const old = keptById.get(doc.id);
        // The stored hash was verified against the stored text on load: equal hashes mean equal texts.
        if (old && old.hash === doc.hash) report.unchanged.push(doc.id);
        else (old ? report.updated : report.added).push(doc.id);
        fresh.set(doc.id, old && old.hash === doc.hash && sameShape(old, doc) ? old : doc);
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
      const documents = [...kept.map((d) => fresh.get(d.id) ?? d), ...[...fresh.values()].filter((d) => !keptById.has(d.id))];
      const built = await buildIndex({ documents, embedder, quoter: opts.quoter, previous: report.rebuildReason ? null : previous, onProgress: opts.onProgress });
      if (!lock.stillHeld()) throw new Error('lost the index write lock while building; the index was not written');
      await writeIndex(opts.dir, built.index);
      Object.assign(report, { chunks: built.index.chunks.length, embedded: built.embedded, reused: built.reused, ms: performance.now() - t0 });
      return { report, index: built.index };
    },
    { logger, ...opts.limits?.lock },
  );
}

/**
 * A damaged index: move it aside, keep its intact documents, read the
 * damaged ones again from their sources, and say so in exactly one warning.
 */
async function recover(dir: string, e: IndexCorruptError, read: Map<string, StoredDocument>, opts: { root: string; fetch?: typeof fetch; limits?: IngestLimits; logger: Logger }): Promise<StoredDocument[]> {
  const aside = `${dir}.corrupt-${Date.now()}`;
  const moved = await rename(dir, aside).then(() => true, () => false);
  const { kept, damaged } = moved ? await salvage(aside) : { kept: [], damaged: [] };
  const reread: StoredDocument[] = [];
  const lost: string[] = [];
  for (const d of damaged) {
    if (read.has(d.id)) continue; // named in this ingest: read already
    const r = await readOne(d.path, opts);
    if ('error' in r) lost.push(d.id);
    else reread.push(r);
  }
  const lostLine = lost.length ? `; could not re-read ${lost.length} (${lost.slice(0, 3).join(', ')}${lost.length > 3 ? ', …' : ''})` : '';
  opts.logger.warn(
    { err: e },
    `${e.message}; moved it aside to ${aside} and rebuilding: ${kept.length} intact documents kept, ${damaged.length - lost.length} damaged ones read again from their sources${lostLine}`,
  );
  return [...kept, ...reread];
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
  const files = await expandSources(refs, root).then((x) => x.refs, () => [] as string[]);
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
