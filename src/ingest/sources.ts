/**
 * From what the user named (files, folders, URLs) to the list of sources to
 * read. Folders are walked recursively for the endings the loaders read;
 * symlinked files inside a folder are followed, and anything passed over
 * (a symlinked folder, a dangling link) is reported, never dropped silently.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';
import { documentExtensions } from './document.js';

export interface Expanded {
  refs: string[];
  /** Entries inside folders that were not taken, with the reason. */
  skipped: { source: string; reason: string }[];
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/**
 * @example
 * const { refs, skipped } = await expandSources(['documents', 'https://example.org/a'], process.cwd());
 */
export async function expandSources(list: string[], root: string): Promise<Expanded> {
  const exts = documentExtensions();
  const wanted = (name: string) => exts.some((e) => name.toLowerCase().endsWith(e));
  const refs: string[] = [];
  const skipped: Expanded['skipped'] = [];
  const rel = (p: string) => path.relative(root, p).split(path.sep).join('/') || p;
  for (const ref of list) {
    if (isUrl(ref)) {
      refs.push(ref);
      continue;
    }
    const abs = path.resolve(root, ref);
    const st = await stat(abs).catch(() => null);
    if (!st) throw new UserError(`No such file or folder: ${ref}`, { code: 'not_found' });
    if (!st.isDirectory()) {
      refs.push(abs);
      continue;
    }
    const found: string[] = [];
    for (const e of await readdir(abs, { recursive: true, withFileTypes: true })) {
      if (!wanted(e.name)) continue;
      const full = path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name);
      if (e.isFile()) found.push(full);
      else if (e.isSymbolicLink()) {
        const target = await stat(full).catch(() => null);
        if (!target) skipped.push({ source: rel(full), reason: 'a symbolic link to nothing (its target is missing)' });
        else if (target.isFile()) found.push(full);
        else if (target.isDirectory()) skipped.push({ source: rel(full), reason: 'a symbolic link to a folder (not followed, to avoid loops); name the folder itself to index it' });
        else skipped.push({ source: rel(full), reason: 'a symbolic link to something that is not a regular file' });
      } else skipped.push({ source: rel(full), reason: 'not a regular file (a pipe, socket or device)' });
    }
    if (!found.length) throw new UserError(`${ref} has no ${exts.join(' ')} documents${skipped.length ? ` (skipped: ${skipped.length})` : ''}`, { code: 'no_documents' });
    refs.push(...found.sort());
  }
  return { refs: [...new Set(refs)], skipped };
}
