/**
 * What the first questions would otherwise work out with `compromise`
 * (~40 MB and ~0.5–1 s of part-of-speech tagging in every fresh process):
 * each document's speaker alias table, the entities of each of its
 * sentences and the tags of the names and titles the tables looked at (a
 * question naming someone the documents name needs no tagger; one naming
 * someone else loads it, as before), stored beside the index (`analysis.json`) and read back at
 * start-up. It is derived data, exactly what the code computes on demand:
 * keyed by the build of the code (dist/.built, rewritten by every build), the
 * quotation finder's version and the documents' hashes, so any code change
 * or document change makes the next start compute it afresh (once) and
 * store it again. Run from source (tests, tsx) there is no build, so nothing
 * is stored and everything is computed on demand, as before. Corpora of
 * more than {@link MAX_SENTENCES} sentences are not analysed up front.
 *
 * @example
 * const a = await openAnalysis({ dir: config.INDEX_DIR, index, quoterVersion, logger });
 * a?.speakers; // alias tables, in index.documents order; entities are seeded into the tagger's memo
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../log.js';
import type { PhraseTags } from '../quotes/names.js';
import type { SpeakerTable } from '../quotes/speakers.js';
import type { Entities } from '../select/entities.js';
import type { StoredDocument } from '../types.js';

export const ANALYSIS_FILE = 'analysis.json';
/** Up to this many sentences, a start without a stored analysis computes and stores it (~1–2 ms a sentence). */
export const MAX_SENTENCES = 5_000;

interface StoredAnalysis {
  key: string;
  speakers: SpeakerTable[];
  /** Per document (index order), per sentence: its entities. */
  entities: Entities[][];
  /** compromise's tags of the phrases the speaker tables looked at (names, titles): a question naming them needs no tagger. */
  tags: [string, PhraseTags][];
}

export interface Analysis {
  speakers: SpeakerTable[];
}

export interface AnalysisDeps {
  dir: string;
  documents: StoredDocument[];
  quoterVersion: string;
  logger: Pick<Logger, 'debug' | 'info'>;
  speakerTable: (doc: StoredDocument) => SpeakerTable;
  entitiesOf: (text: string) => Entities;
  /** Hand stored entities to the tagger's memo. */
  rememberEntities: (entries: [string, Entities][]) => void;
  /** The phrase tags worked out so far, and handing stored ones back (src/quotes/names.ts). */
  taggedPhrases: () => [string, PhraseTags][];
  rememberTags: (entries: [string, PhraseTags][]) => void;
  /** The build's id (default: dist/.built next to the compiled code; null from source). */
  build?: string | null;
}

/** The compiled code's build stamp (src/launch.mjs writes dist/.built at every build), or null when run from source. */
export function buildId(): string | null {
  try {
    return readFileSync(new URL('../.built', import.meta.url), 'utf8').trim() || null;
  } catch {
    return null;
  }
}

const sentenceTexts = (d: StoredDocument) => d.sentences.map((s) => d.text.slice(s.start, s.end));

/** The stored analysis when it matches this build and these documents; else compute, store and return it (small corpora). */
export async function openAnalysis(deps: AnalysisDeps): Promise<Analysis | null> {
  const build = deps.build === undefined ? buildId() : deps.build;
  if (!build) return null;
  const key = createHash('sha256')
    .update(JSON.stringify({ build, quoter: deps.quoterVersion, docs: deps.documents.map((d) => [d.id, d.hash]) }))
    .digest('hex');
  const file = path.join(deps.dir, ANALYSIS_FILE);
  const stored = await read(file);
  if (stored?.key === key && stored.speakers.length === deps.documents.length && stored.entities.length === deps.documents.length && Array.isArray(stored.tags)) {
    deps.rememberTags(stored.tags);
    deps.rememberEntities(deps.documents.flatMap((d, i) => sentenceTexts(d).map((t, j): [string, Entities] => [t, stored.entities[i]![j] ?? {}])));
    return { speakers: stored.speakers };
  }
  const sentences = deps.documents.reduce((n, d) => n + d.sentences.length, 0);
  if (sentences > MAX_SENTENCES) return null;
  const t0 = performance.now();
  const fresh: StoredAnalysis = {
    key,
    speakers: deps.documents.map((d) => deps.speakerTable(d)),
    entities: deps.documents.map((d) => sentenceTexts(d).map((t) => deps.entitiesOf(t))),
    tags: [],
  };
  fresh.tags = deps.taggedPhrases();
  try {
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(tmp, JSON.stringify(fresh));
    await rename(tmp, file).catch(async (e) => {
      await rm(tmp, { force: true });
      throw e;
    });
    deps.logger.info({ sentences, ms: Math.round(performance.now() - t0) }, 'stored the documents’ analysis (speakers, entities) for faster starts');
  } catch (e) {
    deps.logger.debug({ err: e }, 'could not store the documents’ analysis; it is computed on demand');
  }
  return { speakers: fresh.speakers };
}

async function read(file: string): Promise<StoredAnalysis | null> {
  try {
    const a = JSON.parse(await readFile(file, 'utf8')) as StoredAnalysis;
    return typeof a.key === 'string' && Array.isArray(a.speakers) && Array.isArray(a.entities) ? a : null;
  } catch {
    return null;
  }
}
