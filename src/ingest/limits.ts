/**
 * The limits every document loader honours. The defaults are the config's
 * defaults (`DOCS_MAX_*`, see `.env.example` and the README for why).
 */
export interface ExtractLimits {
  /** Most characters of extracted text in one document. */
  maxTextChars: number;
  /** Most bytes a PDF's or DOCX's compressed parts may expand to while reading (zip-bomb guard). */
  maxExpandedBytes: number;
  /** Most pages read from one PDF. */
  maxPages: number;
}

export const DEFAULT_EXTRACT_LIMITS: ExtractLimits = {
  maxTextChars: 2_000_000,
  maxExpandedBytes: 100 * 1024 * 1024,
  maxPages: 2000,
};

/** Progress of a long extraction (e.g. PDF pages). */
export type ExtractProgress = (done: number, total: number) => void;
