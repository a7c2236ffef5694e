/**
 * `npm run eval -- … --history gold`: an unscored earlier turn is recorded in
 * the conversation as the dataset answered it — its evidence span quoted
 * verbatim from the document (or a refusal for an "unknown" turn) — instead
 * of with the engine's own answer. This is CoQA's usual protocol (the asker
 * saw the gold answers): the scored turn then measures following up on the
 * conversation the asker actually had, not on the engine's earlier mistakes.
 * The engine is still asked the earlier turn first (its own state moves as
 * in use); only the recorded answer is replaced.
 */
import type { Answer, Conversation, StoredDocument } from '../types.js';
import type { EvalTurn } from './format.js';
import { resolveEvidence } from './metrics.js';

/**
 * The answer the dataset gave to an earlier turn: its first located evidence span as a verbatim quote, or a
 * refusal when the turn is unanswerable or its evidence cannot be found in the document.
 *
 * @example
 * goldAnswer(turn, doc); // { refused: false, quotes: [{ quote: 'Ted Garretson, 28', paragraph: 3, … }], … }
 */
export function goldAnswer(turn: EvalTurn, doc: StoredDocument): Answer {
  const base = { question: turn.question, mode: 'extractive' as const };
  const span = turn.unanswerable ? undefined : resolveEvidence(doc.text, turn.evidence).spans[0];
  if (!span) return { ...base, lead: "The document doesn't say.", quotes: [], refused: true, reason: 'low-confidence' };
  const paragraph = doc.paragraphs.find((p) => p.start <= span.start && span.start < p.end)?.n ?? 0;
  return { ...base, lead: 'The document says:', quotes: [{ doc: doc.id, paragraph, start: span.start, end: span.end, quote: doc.text.slice(span.start, span.end) }], refused: false };
}

/** Replace the answer of the turn just recorded in the conversation with the dataset's (no-op when nothing was recorded). */
export function recordGoldAnswer(conversation: Conversation, turn: EvalTurn, doc: StoredDocument | undefined): void {
  const last = conversation.turns.at(-1);
  if (!last || !doc) return;
  last.answer = { ...goldAnswer(turn, doc), intent: last.answer.intent };
}
