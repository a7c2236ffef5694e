/**
 * The words of a verification, in one place (terminal and Discord use the
 * same lines; the quotes themselves are shown by each surface's quote
 * renderer, byte for byte).
 */
import { placeOf } from '../present/citation.js';
import type { Verification } from './types.js';

/**
 * The verdict in the bot's own words (never in quotation marks). It names no
 * place: every surface shows the cited passage(s) right after it, each with
 * its one citation, so the place is said once.
 *
 * @example
 * verdictLine(v); // 'Yes — those words are in the document, word for word, said by Kofi Annan.'
 * // or 'Close, but not word for word. Kofi Annan’s words say it differently:'
 */
export function verdictLine(v: Verification): string {
  const who = v.speaker ? `, said by ${v.speaker}` : '';
  if (v.verdict === 'exact') return `Yes — those words are in the document, word for word${who}.`;
  if (v.verdict === 'close') return `Close, but not word for word. ${v.speaker ? `${v.speaker}’s words` : 'The document’s words'} say it differently:`;
  if (v.citations.length) return 'Not found — the document does not say that. The nearest passage is related, but it is not a match:';
  return 'Not found — the document does not say that, and nothing in it is close.';
}

/**
 * What differs, one line each: document words → claim words.
 *
 * @example
 * differenceLines(v); // ['document: ensure → claim: make sure']
 */
export function differenceLines(v: Verification): string[] {
  return v.differences.map((d) => `document: ${d.document || '(nothing)'} → claim: ${d.claim || '(nothing)'}`);
}

/** The JSON form: `{ claim, verdict, citations: [{ doc, paragraph, start, end, quote }], speaker, differences }`. */
export function verificationJson(v: Verification) {
  return {
    claim: v.claim,
    verdict: v.verdict,
    citations: v.citations.map(({ doc, paragraph, start, end, quote }) => ({ doc, paragraph, start, end, quote })),
    speaker: v.speaker,
    differences: v.differences,
  };
}

/**
 * The terminal form: the verdict, each cited passage, what differs.
 *
 * @example
 * renderVerificationText(v);
 * // Close, but not word for word. Kofi Annan’s words say it differently:
 * //   “We need to ensure that multilateralism and joint action” (¶2)
 * // What differs:
 * //   document: ensure → claim: make sure
 */
export function renderVerificationText(v: Verification, opts: { withDoc?: boolean } = {}): string {
  const lines = [verdictLine(v), ...v.citations.map((q) => `  “${q.quote}” (${placeOf(q)}${opts.withDoc ? `, ${q.doc}` : ''})`)];
  const diffs = differenceLines(v);
  if (diffs.length) lines.push('What differs:', ...diffs.map((d) => `  ${d}`));
  return lines.join('\n');
}
