/**
 * The data that flows through the pipeline. Every span is a pair of
 * JS string indices into the stored document text:
 * `doc.text.slice(start, end)` is the thing itself.
 */

export interface Span {
  start: number;
  end: number;
}

/** A paragraph of the stored text. `n` is the number a reader cites (¶n), 1-based over body paragraphs; 0 for title/boilerplate. */
export interface Paragraph extends Span {
  n: number;
  kind: 'body' | 'title' | 'boilerplate';
  /** The 1-based page it stands on, for paged formats (PDF). */
  page?: number;
}

/** A sentence, with the ¶ number of its paragraph (0 for title/boilerplate). */
export interface Sentence extends Span {
  paragraph: number;
}

/** A document as stored: `text` is kept exactly as read; everything else points into it. */
export interface StoredDocument {
  /** Stable id: the path (relative to the project root) or the URL. Also what citations call `doc`. */
  id: string;
  /** Where it came from: a path relative to the project root, or the URL. */
  path: string;
  title: string;
  /** The address it was fetched from, when it came from a URL (citations link to it). */
  url?: string;
  text: string;
  /** sha256 of `text`. */
  hash: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
}

/** The unit of retrieval: a paragraph, or a window of its sentences when the paragraph is long. */
export interface Chunk extends Span {
  id: string;
  docId: string;
  paragraph: number;
  /** The sentences inside this chunk (offsets into the document text). */
  sentences: Span[];
}

/** A retrieved chunk. */
export interface Passage {
  chunk: Chunk;
  /** Fused score (reciprocal rank fusion in hybrid mode; the raw score otherwise). */
  score: number;
  /** 1-based rank. */
  rank: number;
  /** BM25 score, when the lexical index found it. */
  bm25?: number;
  /** Cosine similarity to the query, when vectors are available. */
  cosine?: number;
}

/** Who said it, as far as the text tells (issue: quotation index). */
export interface Attribution {
  speaker: string | null;
  cue: string | null;
  addressee: string | null;
  setting: string | null;
  /** Where the speaker's own words are (document offsets), when the quotation index knows: inside a quoted sentence they may be a few words of a narrator's sentence. */
  words?: Span;
}

/**
 * A verbatim quotation with its citation. Constructed only from offsets and
 * verified: `documentText.slice(start, end) === quote`.
 */
export interface Quote {
  /** The document id (its stored path or URL). */
  doc: string;
  /** ¶ number (0 = title/boilerplate). */
  paragraph: number;
  /** The page, for paged formats (PDF). */
  page?: number;
  start: number;
  end: number;
  quote: string;
  attribution?: Attribution;
}

export interface Answer {
  question: string;
  /** A short lead line in the bot's own words (never in quotation marks). */
  lead: string;
  quotes: Quote[];
  refused: boolean;
  /** Why it was refused: one of a closed set of codes (src/decide/reasons.ts words them). */
  reason?: import('./decide/reasons.js').RefusalReason;
  /** What kind of request this answered (question, quote, paragraph, summary, chat). */
  intent?: import('./understand/intent.js').IntentKind;
  /** Set when the answer came from an LLM, or when the LLM failed and we fell back. */
  mode?: 'extractive' | 'llm' | 'llm-fallback';
  /** Free text produced by an LLM, already verified (quotes inside it are exact). */
  text?: string;
  latencyMs?: number;
  /** How well the best sentence answers (the refusal decision compares it with the threshold). */
  confidence?: number;
  /** A one-line note for the user (e.g. the LLM was unavailable and this is the extractive answer). */
  note?: string;
}

export interface Turn {
  question: string;
  /** The question after resolving pronouns / ellipsis from earlier turns. */
  standalone: string;
  answer: Answer;
  at: number;
  /** A refused question's best sentence, never shown (below the bar): where in the documents the conversation most likely was. */
  unshown?: { doc: string; start: number; end: number };
}

export interface Conversation {
  id: string;
  turns: Turn[];
}

/** One quotation found in a document (quotation index). */
export interface Quotation extends Span, Attribution {
  doc: string;
  paragraph: number;
  quote: string;
}

export type SummaryLength = 'short' | 'medium' | 'long';

export interface Summary {
  summary: Quote[];
  length: SummaryLength;
  focus: string | null;
  /** Set when focus matched nothing, etc. */
  note?: string;
  /** A fluent summary written by the LLM from the quotations (quotes inside verified), when one is configured. */
  text?: string;
}
