/**
 * The engine's public surface: one object every front end (terminal, JSON
 * CLI, Discord, eval) calls. Nothing here imports discord.js.
 */
import type { Answer, Conversation, Passage, Quotation, Quote, StoredDocument, Summary, SummaryLength, Paragraph } from './types.js';
import type { Verification } from './verify/types.js';

export type { Verification } from './verify/types.js';

export interface QuotationFilter {
  speaker?: string;
  to?: string;
  about?: string;
  /** Only quotations in this document (its id). */
  doc?: string;
}

export interface PassageRequest {
  /** Free text: return the passages that best match it. */
  about?: string;
  /** A ¶ number: return that paragraph. */
  paragraph?: number;
  /** Restrict to one document id (default: the first/only document). */
  doc?: string;
  limit?: number;
}

export interface ParagraphView {
  doc: string;
  title: string;
  paragraph: Paragraph;
  text: string;
  /** ¶ numbers of the previous / next body paragraphs, if any. */
  prev: number | null;
  next: number | null;
}

export interface About {
  documents: { id: string; title: string; paragraphs: number; chars: number }[];
  chunks: number;
  /** Model id, or null in lexical-only mode. */
  model: string | null;
  dim: number | null;
  builtAt: string;
  llm: string | null;
}

export interface AskOptions {
  signal?: AbortSignal;
  /** Quotes not to repeat (e.g. the ones already shown, for a "More quotes" button). */
  exclude?: { doc: string; start: number; end: number }[];
  /** Streaming hook for LLM answers: called with the text so far. */
  onPartial?: (text: string) => void;
  /** Answer from this document only (its id). */
  doc?: string;
}

export interface Engine {
  /**
   * Answer a question. When `conversation` is given, earlier turns resolve
   * follow-ups ("he", "that", "what else?"), and the new turn is appended to
   * `conversation.turns` (trimmed to the configured maximum).
   */
  ask(question: string, conversation?: Conversation, options?: AskOptions): Promise<Answer>;
  /** The passages retrieval finds for a question (after follow-up resolution), best first. Does not record a turn. */
  retrieve(question: string, conversation?: Conversation, k?: number): Promise<Passage[]>;
  summarize(options?: { length?: SummaryLength; focus?: string | null; doc?: string }): Promise<Summary>;
  quotations(filter?: QuotationFilter): Promise<Quotation[]>;
  /** "Did they really say that?": is this quote in the documents word for word, reworded, or not at all (src/verify/). */
  verify(claim: string): Promise<Verification>;
  passages(request: PassageRequest): Promise<Quote[]>;
  paragraph(doc: string, n: number): ParagraphView | undefined;
  documents(): StoredDocument[];
  about(): About;
  /** Resolves when the sentence analyses done ahead in idle time (src/select/warm.ts) are finished. */
  settled?(): Promise<void>;
  /** True when a new engine request, submitted after `pending` others not yet submitted, would be refused as busy (a bounded worker queue is full). */
  saturated?(pending?: number): boolean;
  close(): Promise<void>;
}
