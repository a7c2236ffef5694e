/**
 * "Did they really say that?": the answer to a pasted quote.
 */
import type { Quote } from '../types.js';

export type Verdict = 'exact' | 'close' | 'not-found';

/** One place where the document and the claim differ, word by word ('' = nothing on that side). */
export interface Difference {
  /** The document's words. */
  document: string;
  /** The claim's words instead. */
  claim: string;
}

export interface Verification {
  /** The claim as checked (cleaned of invisible characters and one pair of surrounding quotation marks). */
  claim: string;
  verdict: Verdict;
  /**
   * exact: every place the words stand; close: the nearest passage (the real
   * words); not-found: the sentence(s) of the nearest passage only when it is
   * genuinely related, else none. Each `quote === doc.text.slice(start, end)`.
   */
  citations: Quote[];
  /** Who said the cited words, when the quotation index knows; null for narration or unknown. */
  speaker: string | null;
  /** Word-level differences between the passage's aligned words and the claim ([] for exact, and for not-found without a passage). */
  differences: Difference[];
  /** How much of the claim the nearest passage shares (2·common words / (claim + passage words)), 1 for exact. */
  similarity: number;
}
