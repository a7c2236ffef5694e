/**
 * The stored index's shape (zod) and its consistency checks. Damage that is
 * still valid JSON — `chunks.json = []`, `quotations.json = {}`, garbage
 * paragraphs, a flipped bit inside a document's text — is caught here and
 * reported as one reason, so the caller can move the index aside and rebuild.
 */
import { z } from 'zod';
import { sha256 } from '../ingest/document.js';
import type { Chunk, Quotation, StoredDocument } from '../types.js';

const offset = z.number().int().nonnegative();
const span = z.object({ start: offset, end: offset });

export const documentSchema = z.object({
  id: z.string().min(1),
  path: z.string(),
  title: z.string(),
  /** The http(s) address it was fetched from, when it came from the web. */
  url: z.string().optional(),
  text: z.string(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  // `page`: the 1-based page of a paged format (PDF); without it here, parsing would strip it and citations lose "p. N".
  paragraphs: z.array(span.extend({ n: offset, kind: z.enum(['body', 'title', 'boilerplate']), page: z.number().int().positive().optional() })),
  sentences: z.array(span.extend({ paragraph: offset })),
});

export const chunkSchema = span.extend({ id: z.string().min(1), docId: z.string().min(1), paragraph: offset, sentences: z.array(span) });

/** Quotations: their offsets and document are checked; the attribution fields belong to the quotation finder. */
export const quotationSchema = span.extend({ doc: z.string(), paragraph: offset, quote: z.string() }).passthrough();

export const manifestSchema = z.object({
  format: z.number().int(),
  chunker: z.string(),
  quoter: z.string(),
  model: z.string().nullable(),
  dim: z.number().int().positive().nullable(),
  builtAt: z.string(),
  documents: z.array(z.object({ id: z.string(), path: z.string(), hash: z.string(), chunks: offset, quotations: z.string().optional() })),
});

/** Parse one file's JSON against its schema; throws an Error naming the file and the first problem. */
export function parseFile<T>(file: string, json: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (cause) {
    throw new Error(`${file} is not valid JSON`, { cause });
  }
  const r = schema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new Error(`${file} has the wrong shape (${i.path.join('.') || 'top level'}: ${i.message})`);
  }
  return r.data;
}

const inside = (s: { start: number; end: number }, len: number) => s.start <= s.end && s.end <= len;

/**
 * Cross-check what the schemas cannot: every document's text matches its
 * hash (a flipped bit in a stored text is corruption, never a quote), every
 * span lies inside its text, the chunks and quotations point at stored
 * documents, and the manifest agrees with the files. Throws an Error with the
 * first problem found.
 */
export function checkConsistency(
  manifest: z.infer<typeof manifestSchema>,
  documents: StoredDocument[],
  chunks: Chunk[],
  quotations: Quotation[],
  lexicalCount: number | null,
): void {
  const byId = new Map<string, StoredDocument>();
  for (const d of documents) {
    if (byId.has(d.id)) throw new Error(`document ${d.id} is stored twice`);
    byId.set(d.id, d);
    if (sha256(d.text) !== d.hash) throw new Error(`the text of ${d.id} does not match its hash`);
    const len = d.text.length;
    if (!d.paragraphs.every((p) => inside(p, len)) || !d.sentences.every((s) => inside(s, len))) throw new Error(`${d.id} has paragraphs or sentences outside its text`);
  }
  if (manifest.documents.length !== documents.length) throw new Error(`the manifest lists ${manifest.documents.length} documents, documents.json has ${documents.length}`);
  const perDoc = new Map<string, number>();
  for (const c of chunks) {
    const d = byId.get(c.docId);
    if (!d) throw new Error(`chunk ${c.id} points at a missing document`);
    if (!inside(c, d.text.length) || !c.sentences.every((s) => inside(s, d.text.length))) throw new Error(`chunk ${c.id} lies outside its document`);
    perDoc.set(c.docId, (perDoc.get(c.docId) ?? 0) + 1);
  }
  for (const m of manifest.documents) {
    const d = byId.get(m.id);
    if (!d || d.hash !== m.hash) throw new Error(`the manifest's ${m.id} does not match documents.json`);
    if ((perDoc.get(m.id) ?? 0) !== m.chunks) throw new Error(`${m.id} should have ${m.chunks} chunks, chunks.json has ${perDoc.get(m.id) ?? 0}`);
  }
  for (const q of quotations) {
    const d = byId.get(q.doc);
    if (!d || !inside(q, d.text.length)) throw new Error(`a quotation points outside the stored documents`);
  }
  if (lexicalCount !== null && lexicalCount !== chunks.length) throw new Error(`the lexical index has ${lexicalCount} entries for ${chunks.length} chunks`);
}

/**
 * A checksum of one document's quotations as stored (keys in sorted order, so a reload compares equal): the manifest
 * keeps one per document, and quotations.json emptied (`[]`), cut short or holding another index's quotations is
 * caught on load.
 */
export function quotationsChecksum(quotations: readonly Quotation[]): string {
  return sha256(JSON.stringify(quotations.map((q) => Object.keys(q).sort().map((k) => [k, (q as unknown as Record<string, unknown>)[k]]))));
}

/**
 * What is wrong with the stored quotations, in one sentence, or null when every document's quotations match the
 * manifest's checksum (documents from indexes written before the checksum have none and are not checked).
 */
export function quotationDamage(manifest: z.infer<typeof manifestSchema>, quotations: readonly Quotation[]): string | null {
  const byDoc = new Map<string, Quotation[]>();
  for (const q of quotations) {
    const list = byDoc.get(q.doc);
    if (list) list.push(q);
    else byDoc.set(q.doc, [q]);
  }
  const bad = manifest.documents.filter((m) => m.quotations !== undefined && quotationsChecksum(byDoc.get(m.id) ?? []) !== m.quotations);
  if (!bad.length) return null;
  const stored = bad.reduce((n, m) => n + (byDoc.get(m.id)?.length ?? 0), 0);
  return `quotations.json does not match what was written for ${bad.length} document${bad.length === 1 ? '' : 's'} (${bad
    .slice(0, 3)
    .map((m) => m.id)
    .join(', ')}${bad.length > 3 ? ', …' : ''}; ${stored} quotation${stored === 1 ? '' : 's'} found for ${bad.length === 1 ? 'it' : 'them'})`;
}
