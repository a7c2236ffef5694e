/**
 * Why a document cannot be indexed: a closed set of codes, each with one
 * clear sentence for the person who sent the file. Thrown as a
 * {@link UserError} whose `code` is the refusal code; the cause is kept.
 *
 * @example
 * throw refuse('no_text_layer', 'scan.pdf');
 */
import { UserError } from '../errors.js';

export type RefusalCode =
  | 'image'
  | 'archive'
  | 'unsupported_format'
  | 'no_text_layer'
  | 'encrypted'
  | 'file_too_large'
  | 'expands_too_far'
  | 'too_much_text'
  | 'unreadable';

const FORMATS = 'a PDF, a Word document (.docx), or a text, Markdown or HTML file';

const WORDING: Record<RefusalCode, (name: string, detail?: string) => string> = {
  image: (n) => `${n} is an image — I can only read text, so send ${FORMATS}.`,
  archive: (n) => `${n} is an archive — add the documents inside it one at a time (${FORMATS}).`,
  unsupported_format: (n, d) => `${n} is ${d ?? 'in a format I cannot read'} — send ${FORMATS}.`,
  no_text_layer: (n) => `${n} has no text layer (a scanned or image-only PDF?) — run it through OCR first, then add it again.`,
  encrypted: (n) => `${n} is encrypted or password-protected — save an unprotected copy and add that.`,
  file_too_large: (n, d) => `${n} is too large (${d}).`,
  expands_too_far: (n, d) => `${n} expands to more than ${d} when unpacked — refused as a possible zip bomb.`,
  too_much_text: (n, d) => `${n} has more than ${d} of text — split it into smaller documents.`,
  unreadable: (n, d) => `${n} could not be read${d ? ` (${d})` : ''} — is the file damaged?`,
};

export function refuse(code: RefusalCode, name: string, detail?: string, cause?: unknown): UserError {
  return new UserError(WORDING[code](name, oneLine(detail)), { code, cause });
}

/** A parser's message as one short line: xmldom's, for one, spans lines and ends in "@#[line:…]" (the cause keeps it whole). */
function oneLine(detail: string | undefined): string | undefined {
  const flat = detail?.replace(/@#\[[^\]]*\]/g, '').replace(/\s+/g, ' ').trim();
  return flat && flat.length > 200 ? `${flat.slice(0, 199).trimEnd()}…` : flat || undefined;
}

/** "25 MB", "2,000,000 characters" — limits as people read them. */
export const megabytes = (bytes: number) => `${+(bytes / 1024 / 1024).toFixed(1)} MB`;
export const characters = (n: number) => `${n.toLocaleString('en-US')} characters`;
