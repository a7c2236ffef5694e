/**
 * One collection of documents per Discord server, each with its own index
 * and engine; DMs, and servers that have added nothing, use the default
 * corpus. A server's collection includes the default corpus only when the
 * operator sets DOCS_INCLUDE_DEFAULT. Nothing added in one server is ever in
 * another's engine, so it cannot reach its answers, citations, autocomplete
 * or /about.
 *
 * Adding or removing runs one job at a time per server: fetch (SSRF-safe),
 * extract, build a new index (reusing every unchanged vector), write it
 * atomically, open an engine on it, and only then swap it in — questions are
 * answered from the previous engine until that moment.
 *
 * @example
 * const collections = createCollections({ config, logger, embedder, defaultEngine });
 * const engine = await collections.engineFor(interaction.guildId);
 * await collections.add(guildId, { kind: 'url', url, name: url, addedBy: userId }, (pct) => …);
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';
import type { Embedder } from '../embed/types.js';
import type { Engine } from '../engine-api.js';
import { UserError } from '../errors.js';
import type { LoadedIndex } from '../index/store.js';
import type { ExtractLimits } from '../ingest/limits.js';
import type { Logger } from '../log.js';
import type { Fetched } from '../net/safe-fetch.js';
import type { StoredDocument } from '../types.js';
import { documentId, extensionFor, guildFolder } from './ids.js';
import { overallPercent, type AddProgress, type Phase } from './progress.js';
import { readRegistry, writeRegistry, type RegistryEntry } from './registry.js';
import { watchManifest } from './watch.js';

/**
 * The engine, index and ingest modules, imported when a collection is first built, opened or
 * re-read — not at start: the bot's engine runs in worker threads, so its main thread never
 * needs them unless a server uses /docs (README "Lean start").
 */
const heavy = () =>
  Promise.all([import('../engine.js'), import('../index/store.js'), import('../ingest/bytes.js'), import('../ingest/document.js'), import('../ingest/refusals.js'), import('../ingest/sniff.js')]).then(
    ([engine, store, bytes, document, refusals, sniff]) => ({ ...engine, ...store, ...bytes, ...document, ...refusals, ...sniff }),
  );

export type AddInput = { name: string; title?: string; addedBy: string } & ({ kind: 'attachment'; url: string; size: number } | { kind: 'url'; url: string });

export interface AddResult {
  entry: RegistryEntry;
  /** Documents in the server's collection now. */
  count: number;
  ms: number;
}

export interface Collections {
  /** The engine for a server (its collection; the default corpus while it has none), or for DMs (null). */
  engineFor(guildId: string | null): Promise<Engine>;
  list(guildId: string): Promise<RegistryEntry[]>;
  add(guildId: string, input: AddInput, onProgress?: AddProgress): Promise<AddResult>;
  remove(guildId: string, id: string): Promise<RegistryEntry>;
  /** Re-open the default corpus (after `npm run ingest` rewrote its index); no-op when unchanged. */
  reloadDefault(): Promise<boolean>;
  close(): Promise<void>;
}

export interface CollectionsDeps {
  config: Config;
  logger: Logger;
  /** The loaded model (shared by every collection; never disposed here), or null for lexical only. */
  embedder: Embedder | null;
  /** The engine over the default corpus, as started (its owner closes it). */
  defaultEngine: Engine;
  /** Open an engine over a stored index folder (default: createEngine in this process). */
  openEngine?: (indexDir: string) => Promise<Engine>;
  /** Re-open the default corpus after its index changed on disk (default: createEngine in this process; a worker-thread engine passes its own). */
  openDefault?: () => Promise<Engine>;
  /** Fetch a URL or attachment (default: safeFetch with the configured address policy and limits). */
  fetch?: (url: string, onProgress: (got: number, total: number | null) => void) => Promise<Fetched>;
  /** Awaited after a new index is built and before it is swapped in (tests hold it to ask meanwhile). */
  beforeSwap?: (guildId: string) => Promise<void>;
  /** Poll the default index's manifest this often (ms) and reload on change; 0 = don't watch. */
  watchIntervalMs?: number;
}

export function limitsFrom(config: Config): ExtractLimits {
  return { maxTextChars: config.DOCS_MAX_TEXT_CHARS, maxExpandedBytes: config.DOCS_MAX_EXPANDED_MB * 1024 * 1024, maxPages: config.DOCS_MAX_PAGES };
}

/** The model, without the power to dispose it (engines close; the model outlives them). */
function borrowed(e: Embedder | null): Embedder | null {
  if (!e) return null;
  return { id: e.id, dim: e.dim, dtype: e.dtype, embedPassages: (t, p) => e.embedPassages(t, p), embedQuery: (t) => e.embedQuery(t) };
}

export function createCollections(deps: CollectionsDeps): Collections {
  const { config, logger } = deps;
  const log = logger.child({ component: 'collections' });
  const embedder = borrowed(deps.embedder);
  const limits = limitsFrom(config);
  const maxFile = config.DOCS_MAX_FILE_MB * 1024 * 1024;
  const openEngine =
    deps.openEngine ?? (async (indexDir: string) => (await heavy()).createEngine({ config: { ...config, INDEX_DIR: indexDir, DOCUMENTS: [] }, logger: log, embedder }));
  const fetchBytes =
    deps.fetch ??
    (async (url: string, onProgress: (got: number, total: number | null) => void) => {
      const [{ safeFetch }, { allowAll, forbiddenRange }] = await Promise.all([import('../net/safe-fetch.js'), import('../net/address-policy.js')]);
      return safeFetch(url, { policy: config.URL_ALLOW_PRIVATE ? allowAll : forbiddenRange, timeoutMs: config.URL_FETCH_TIMEOUT_MS, maxBytes: maxFile, onProgress });
    });

  let defaultEngine = deps.defaultEngine;
  const engines = new Map<string, Engine>();
  const opening = new Map<string, Promise<Engine>>();
  /** Servers known to have no documents (so every interaction does not re-read their list); cleared by a swap. */
  const noDocs = new Set<string>();
  const queues = new Map<string, Promise<unknown>>();
  let closed = false;

  const dirOf = (guildId: string) => path.join(config.DOCS_DIR, guildFolder(guildId));
  const indexDirOf = (guildId: string) => path.join(dirOf(guildId), 'index');

  /** Run jobs for one server one after another. */
  function queue<T>(guildId: string, job: () => Promise<T>): Promise<T> {
    const prev = queues.get(guildId) ?? Promise.resolve();
    const next = prev.then(job, job);
    queues.set(guildId, next.catch(() => undefined));
    return next;
  }

  async function readIndexOrNull(dir: string): Promise<LoadedIndex | null> {
    const { readIndex, IndexCorruptError } = await heavy();
    try {
      return await readIndex(dir);
    } catch (e) {
      if (!(e instanceof IndexCorruptError)) throw e;
      log.warn({ err: e }, `${e.message}; it will be rebuilt from the kept files`);
      return null;
    }
  }

  function swap(guildId: string, engine: Engine | null): void {
    noDocs.delete(guildId);
    const old = engines.get(guildId);
    engines.delete(guildId);
    if (engine) {
      engines.set(guildId, engine); // most recently used last
      evict();
    }
    if (old && old !== engine) void old.close().catch((err) => log.warn({ err }, 'closing a replaced engine failed'));
  }

  /** Close the least recently used collections beyond DOCS_OPEN_COLLECTIONS (their files stay; they re-open on use). */
  function evict(): void {
    for (const [guildId, engine] of engines) {
      if (engines.size <= config.DOCS_OPEN_COLLECTIONS) break;
      engines.delete(guildId);
      void engine.close().catch(() => undefined);
      log.debug({ guildId }, 'closed a collection not used recently');
    }
  }

  /** Build and write the server's index from these documents (plus the default corpus when configured). */
  async function rebuild(guildId: string, own: StoredDocument[], progress: (phase: Phase, done: number, total: number | null) => void): Promise<Engine | null> {
    const dir = indexDirOf(guildId);
    if (!own.length) {
      await rm(dir, { recursive: true, force: true });
      return null;
    }
    const { buildIndex, QUOTER, writeIndex } = await heavy();
    const previous = await readIndexOrNull(dir);
    const defaults = config.DOCS_INCLUDE_DEFAULT ? await readIndexOrNull(config.INDEX_DIR) : null;
    const documents = [...(defaults?.documents ?? []), ...own];
    const built = await buildIndex({
      documents,
      embedder,
      quoter: QUOTER,
      previous: previous ?? defaults,
      onProgress: (phase, done, total) => phase === 'embed' && progress('embed', done, total),
    });
    progress('write', 0, 1);
    await writeIndex(dir, built.index);
    return openEngine(dir);
  }

  /** The server's own documents, as stored in its current index. */
  async function ownDocuments(guildId: string, ids: Set<string>): Promise<StoredDocument[]> {
    const index = await readIndexOrNull(indexDirOf(guildId));
    return (index?.documents ?? []).filter((d) => ids.has(d.id));
  }

  /** Rebuild a server's index from the files kept beside it (its index was lost or damaged). */
  async function recover(guildId: string, entries: RegistryEntry[]): Promise<Engine> {
    log.warn({ guildId, documents: entries.length }, "rebuilding this server's index from its kept files");
    const { sourceFromBytes, buildDocument } = await heavy();
    const docs: StoredDocument[] = [];
    for (const e of entries) {
      const bytes = await readFile(path.join(dirOf(guildId), e.file));
      const src = await sourceFromBytes(bytes, { id: e.id, path: e.url ?? e.name, name: e.name, title: e.title, ...(e.url ? { url: e.url } : {}) }, limits);
      docs.push(buildDocument(src));
    }
    return (await rebuild(guildId, docs, () => undefined))!;
  }

  const collections: Collections = {
    async engineFor(guildId) {
      if (!guildId) return defaultEngine;
      const ready = engines.get(guildId);
      if (ready) {
        engines.delete(guildId);
        engines.set(guildId, ready); // most recently used last
        return ready;
      }
      if (noDocs.has(guildId)) return defaultEngine;
      let pending = opening.get(guildId);
      if (!pending) {
        pending = (async () => {
          const reg = await readRegistry(dirOf(guildId));
          if (!reg.documents.length) {
            noDocs.add(guildId);
            return defaultEngine;
          }
          const index = await readIndexOrNull(indexDirOf(guildId));
          const missing = reg.documents.filter((d) => !index?.docById.has(d.id));
          const engine = missing.length ? await queue(guildId, () => recover(guildId, reg.documents)) : await openEngine(indexDirOf(guildId));
          if (!engines.has(guildId)) {
            engines.set(guildId, engine);
            evict();
            return engine;
          }
          return engines.get(guildId)!;
        })().finally(() => opening.delete(guildId));
        opening.set(guildId, pending);
      }
      return pending;
    },

    async list(guildId) {
      return (await readRegistry(dirOf(guildId))).documents;
    },

    add(guildId, input, onProgress) {
      const dir = dirOf(guildId);
      return queue(guildId, async () => {
        const t0 = performance.now();
        const { buildDocument, megabytes, QUOTER, refuse, sniff, sourceFromBytes } = await heavy();
        let last = -1;
        const progress = (phase: Phase, done: number, total: number | null) => {
          const pct = overallPercent(phase, done, total, !!embedder);
          if (pct !== last) onProgress?.((last = pct), phase);
        };
        const reg = await readRegistry(dir);
        if (reg.documents.length >= config.DOCS_MAX_PER_SERVER) {
          throw new UserError(`This server already has ${reg.documents.length} documents, the most allowed (DOCS_MAX_PER_SERVER); remove one with /docs remove first.`, { code: 'too_many_documents' });
        }
        if (input.kind === 'attachment' && input.size > maxFile) throw refuse('file_too_large', input.name, `${megabytes(input.size)}; the limit is ${megabytes(maxFile)}`);
        progress('fetch', 0, 1);
        const fetched = await fetchBytes(input.url, (got, total) => progress('fetch', got, total ?? (input.kind === 'attachment' ? input.size : null)));
        progress('fetch', 1, 1);
        const hash = createHash('sha256').update(fetched.bytes).digest('hex');
        const id = documentId(input.kind === 'url' ? new URL(fetched.url).pathname.split('/').filter(Boolean).pop() || new URL(fetched.url).hostname : input.name, hash);
        const dupe = reg.documents.find((d) => d.id === id);
        if (dupe) throw new UserError(`${input.name} is already here, as “${dupe.title}”.`, { code: 'duplicate' });
        const src = await sourceFromBytes(
          fetched.bytes,
          { id, path: input.kind === 'url' ? fetched.url : input.name, name: input.name, contentType: fetched.contentType, title: input.title, ...(input.kind === 'url' ? { url: fetched.url } : {}) },
          limits,
          (done, total) => progress('read', done, total),
        );
        const doc = buildDocument(src);
        const paragraphs = doc.paragraphs.filter((p) => p.kind === 'body').length;
        if (!paragraphs) throw refuse('unreadable', input.name, 'it has no paragraphs of text');
        progress('read', 1, 1);
        const own = [...(await ownDocuments(guildId, new Set(reg.documents.map((d) => d.id)))), doc];
        const file = path.join('files', `${id}.${extensionFor(sniff(fetched.bytes))}`);
        await mkdir(path.join(dir, 'files'), { recursive: true });
        await writeFile(path.join(dir, file), fetched.bytes);
        let engine: Engine | null;
        try {
          engine = await rebuild(guildId, own, progress);
        } catch (e) {
          await unlink(path.join(dir, file)).catch(() => undefined);
          throw e;
        }
        const entry: RegistryEntry = {
          id,
          title: doc.title,
          name: input.name,
          ...(doc.url ? { url: doc.url } : {}),
          file,
          bytes: fetched.bytes.length,
          ...(src.pages ? { pages: src.pages.length } : {}),
          paragraphs,
          quotations: QUOTER.find(doc).length,
          addedBy: input.addedBy,
          addedAt: new Date().toISOString(),
        };
        await writeRegistry(dir, { documents: [...reg.documents, entry] });
        await deps.beforeSwap?.(guildId);
        swap(guildId, engine);
        progress('write', 1, 1);
        log.info({ guildId, doc: id, bytes: entry.bytes, pages: entry.pages, paragraphs, ms: Math.round(performance.now() - t0) }, 'document added');
        return { entry, count: reg.documents.length + 1, ms: performance.now() - t0 };
      });
    },

    remove(guildId, id) {
      const dir = dirOf(guildId);
      return queue(guildId, async () => {
        const reg = await readRegistry(dir);
        const entry = reg.documents.find((d) => d.id === id);
        if (!entry) throw new UserError('That document is not in this server’s list (it may have been removed already); see /docs list.', { code: 'not_found' });
        const rest = reg.documents.filter((d) => d.id !== id);
        const engine = await rebuild(guildId, await ownDocuments(guildId, new Set(rest.map((d) => d.id))), () => undefined);
        await writeRegistry(dir, { documents: rest });
        await deps.beforeSwap?.(guildId);
        swap(guildId, engine);
        await unlink(path.join(dir, entry.file)).catch(() => undefined);
        log.info({ guildId, doc: id }, 'document removed');
        return entry;
      });
    },

    async reloadDefault() {
      const index = await readIndexOrNull(config.INDEX_DIR).catch(() => null);
      if (!index || index.manifest.builtAt === defaultEngine.about().builtAt) return false;
      const next = await (deps.openDefault ? deps.openDefault() : (await heavy()).createEngine({ config, logger: log, embedder }));
      const old = defaultEngine;
      defaultEngine = next;
      if (old !== deps.defaultEngine) void old.close().catch(() => undefined);
      log.info({ builtAt: next.about().builtAt, documents: next.documents().length }, 'default corpus reloaded (the index changed on disk)');
      // Servers whose collections include the default corpus get it rebuilt in, one job each, in the background.
      if (config.DOCS_INCLUDE_DEFAULT) {
        for (const guildId of [...engines.keys()]) {
          void queue(guildId, async () => {
            const reg = await readRegistry(dirOf(guildId));
            swap(guildId, await rebuild(guildId, await ownDocuments(guildId, new Set(reg.documents.map((d) => d.id))), () => undefined));
          }).catch((err) => log.warn({ err, guildId }, 'could not bring the new default corpus into a server collection'));
        }
      }
      return true;
    },

    async close() {
      closed = true;
      stopWatching();
      await Promise.all([...queues.values()]);
      await Promise.all([...engines.values()].map((e) => e.close().catch(() => undefined)));
      engines.clear();
      if (defaultEngine !== deps.defaultEngine) await defaultEngine.close().catch(() => undefined);
    },
  };

  const stopWatching = deps.watchIntervalMs === 0
    ? () => undefined
    : watchManifest(path.join(config.INDEX_DIR, 'manifest.json'), deps.watchIntervalMs ?? 2000, () => {
        if (closed) return;
        collections.reloadDefault().catch((err) => log.warn({ err }, 'could not reload the default corpus'));
      });
  return collections;
}
