/**
 * Word (.docx) text through `mammoth`, after the package has been read with a
 * byte budget (zip-guard.ts): mammoth only ever sees a package whose every
 * part is known to inflate within the limit. Paragraphs are separated by a
 * blank line; the title comes from the document properties (dc:title) when set.
 *
 * @example
 * const { text, title } = await extractDocx(bytes, 'memo.docx', DEFAULT_EXTRACT_LIMITS);
 */
import type { ExtractLimits } from './limits.js';
import type { ExtractedText } from './pdf.js';
import { characters, refuse } from './refusals.js';
import { readZipBounded } from './zip-guard.js';

const OFFICE_KINDS: [RegExp, string][] = [
  [/^xl\//, 'an Excel spreadsheet'],
  [/^ppt\//, 'a PowerPoint presentation'],
  [/^content\.xml$/, 'an OpenDocument file'],
];

const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[e.toLowerCase()]!,
  );

/** Is this ZIP a Word document? Else say what it is (archive, spreadsheet…). */
export function zipKind(names: Iterable<string>): 'docx' | { other: string | null } {
  const list = [...names];
  if (list.includes('word/document.xml')) return 'docx';
  for (const [re, what] of OFFICE_KINDS) if (list.some((n) => re.test(n))) return { other: what };
  return { other: null };
}

export async function extractDocx(bytes: Uint8Array, name: string, limits: ExtractLimits): Promise<ExtractedText> {
  const entries = await readZipBounded(bytes, name, { maxExpandedBytes: limits.maxExpandedBytes });
  const kind = zipKind(entries.keys());
  if (kind !== 'docx') throw kind.other ? refuse('unsupported_format', name, kind.other) : refuse('archive', name);
  const mammoth = (await import('mammoth')).default;
  let text: string;
  try {
    text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
  } catch (e) {
    throw refuse('unreadable', name, (e as Error)?.message, e);
  }
  if (text.length > limits.maxTextChars) throw refuse('too_much_text', name, characters(limits.maxTextChars));
  if (!text.trim()) throw refuse('unreadable', name, 'it has no text');
  const core = entries.get('docProps/core.xml')?.toString('utf8');
  const title = core && /<dc:title>([^<]*)<\/dc:title>/.exec(core)?.[1];
  return { text, title: title ? unescapeXml(title).trim() || undefined : undefined };
}
