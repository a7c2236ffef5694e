/**
 * One server's list of added documents, as a small JSON file written
 * atomically (temp file + rename). The files themselves are kept as sent,
 * beside it, so the index can be rebuilt (a new model) without re-fetching.
 *
 * @example
 * const reg = await readRegistry(dir);
 * await writeRegistry(dir, { documents: [...reg.documents, entry] });
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface RegistryEntry {
  /** The stored document's id (what citations and `document:` options carry). */
  id: string;
  title: string;
  /** File name as sent, or the URL. */
  name: string;
  /** The address it was fetched from (`/docs add url:`). */
  url?: string;
  /** The kept file, relative to the server's folder. */
  file: string;
  bytes: number;
  pages?: number;
  paragraphs: number;
  quotations: number;
  addedBy: string;
  addedAt: string;
}

export interface Registry {
  documents: RegistryEntry[];
}

const FILE = 'registry.json';

export async function readRegistry(dir: string): Promise<Registry> {
  try {
    const r = JSON.parse(await readFile(path.join(dir, FILE), 'utf8')) as Registry;
    return Array.isArray(r.documents) ? r : { documents: [] };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { documents: [] };
    throw new Error(`the document list at ${dir} is damaged`, { cause: e });
  }
}

export async function writeRegistry(dir: string, registry: Registry): Promise<void> {
  await mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `${FILE}.tmp-${process.pid}-${Date.now()}`);
  await writeFile(tmp, JSON.stringify(registry, null, 2));
  await rename(tmp, path.join(dir, FILE));
}
