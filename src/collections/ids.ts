/**
 * Names on disk and in citations for a server's documents.
 *
 * @example
 * documentId('Annual Report (final).pdf', 'ab12cd34…'); // 'annual-report-final-ab12cd34'
 */
import { UserError } from '../errors.js';

/** A server's folder name: its snowflake id, nothing else (no path tricks). */
export function guildFolder(guildId: string): string {
  if (!/^\d{15,21}$/.test(guildId)) throw new UserError(`"${guildId}" is not a Discord server id.`);
  return guildId;
}

/** A stable, readable id: the name's words (ASCII, ≤ 48 chars) and the first 8 hex digits of the file's sha256. */
export function documentId(name: string, hash: string): string {
  const base = name.replace(/^https?:\/\//i, '').replace(/\.[a-z0-9]{1,5}$/i, '');
  const slug = base.normalize('NFKD').replace(/[^\w]+/g, '-').replace(/_/g, '-').replace(/^-+|-+$/g, '').toLowerCase().slice(0, 48).replace(/-+$/, '');
  return `${slug || 'document'}-${hash.slice(0, 8)}`;
}

/** The extension to keep a file under, from what it is. */
export function extensionFor(kind: string): string {
  return { pdf: 'pdf', zip: 'docx', text: 'txt' }[kind] ?? 'bin';
}
