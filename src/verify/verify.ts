/**
 * "Did they really say that?" A pasted quote against the documents:
 *
 * - exact: the words stand in a document (forgiving only quotation-mark and
 *   dash style and whitespace), cited at every place, with who said them;
 * - close: not word for word, but a passage is near enough
 *   (similarity ≥ {@link VERIFY_THRESHOLDS}.close): its real words, cited,
 *   and what differs, word by word;
 * - not-found: said plainly; the nearest passage — its whole sentence(s),
 *   and what differs from its aligned words — is given only when it is
 *   genuinely related (similarity ≥ related).
 *
 * Thresholds were chosen on the dev half of test/fixtures/verify/claims.json.
 */
import { quoteAt, verifyQuotes } from '../answer/verify.js';
import type { Logger } from '../log.js';
import type { Quotation, Quote, StoredDocument } from '../types.js';
import { cleanClaim } from './claim.js';
import { differences } from './differences.js';
import { exactSpans } from './exact.js';
import { nearestPassage } from './nearest.js';
import type { Verification } from './types.js';

export type { Difference, Verdict, Verification } from './types.js';

export const VERIFY_THRESHOLDS = {
  /** A passage this similar to the claim is the claim reworded. */
  close: 0.6,
  /** Below close but at least this: shown with "not found" as the nearest passage (dev: invented ≤ 0.38, partly right ≥ 0.48). */
  related: 0.43,
};

/** The ¶ number of the paragraph holding an offset (0 = title/boilerplate). */
function paragraphAt(doc: StoredDocument, at: number): number {
  return doc.paragraphs.find((p) => p.start <= at && at < p.end)?.n ?? 0;
}

/** Who says the words at this span, when the quotation index knows. */
function speakerAt(q: Quote, quotations: readonly Quotation[]): string | null {
  const hit = quotations.find((x) => x.doc === q.doc && x.speaker && x.start < q.end && q.start < x.end);
  return hit?.speaker ?? null;
}

/**
 * @example
 * verifyClaim('“We need to ensure that multilateralism and joint action”', docs, quotations).verdict; // 'exact'
 * verifyClaim('We need to make sure that multilateralism and joint action', docs, quotations).differences;
 * // [{ document: 'ensure', claim: 'make sure' }]
 */
export function verifyClaim(
  raw: string,
  docs: StoredDocument[],
  quotations: readonly Quotation[] = [],
  opts: { thresholds?: typeof VERIFY_THRESHOLDS; logger?: Logger } = {},
): Verification {
  const thresholds = opts.thresholds ?? VERIFY_THRESHOLDS;
  const claim = cleanClaim(raw);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const cite = (doc: StoredDocument, start: number, end: number) => quoteAt(doc, start, end, paragraphAt(doc, start));
  /** Every citation checked byte for byte; a failure is a bug, logged and dropped. */
  const verified = (qs: Quote[]) => verifyQuotes(qs, byId, opts.logger);

  const exact = verified(docs.flatMap((doc) => exactSpans(doc, claim).map((s) => cite(doc, s.start, s.end))));
  if (exact.length) {
    return { claim, verdict: 'exact', citations: exact, speaker: speakerAt(exact[0]!, quotations), differences: [], similarity: 1 };
  }
  const near = nearestPassage(docs, claim);
  const similarity = near ? Math.round(near.similarity * 1000) / 1000 : 0;
  if (!near || near.similarity < thresholds.related) {
    return { claim, verdict: 'not-found', citations: [], speaker: null, differences: [], similarity };
  }
  if (near.similarity < thresholds.close) {
    // Related, not a match: the whole sentence(s) around it, for context; what differs is still told for the aligned words.
    const sentences = near.doc.sentences.filter((x) => x.end > near.start && x.start < near.end);
    const start = sentences[0]?.start ?? near.start;
    const end = sentences[sentences.length - 1]?.end ?? near.end;
    const citations = verified([cite(near.doc, start, end)]);
    const aligned = near.doc.text.slice(near.start, near.end);
    return { claim, verdict: 'not-found', citations, speaker: citations.length ? speakerAt(citations[0]!, quotations) : null, differences: differences(aligned, claim), similarity };
  }
  const citations = verified([cite(near.doc, near.start, near.end)]);
  return {
    claim,
    verdict: citations.length ? 'close' : 'not-found',
    citations,
    speaker: citations.length ? speakerAt(citations[0]!, quotations) : null,
    differences: citations.length ? differences(citations[0]!.quote, claim) : [],
    similarity,
  };
}
