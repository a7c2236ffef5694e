/**
 * Follow-up aware confidence: what the conversation already established
 * counts, in log-odds, on top of the sentence model. The weights are fitted
 * on Abg-CoQA's tuning stories by `npm run calibrate -- --coqa <file> --fit`
 * (written to conversation.json).
 */
import fitted from './conversation.json' with { type: 'json' };
import { logit, sigmoid } from './model.js';
import type { Features } from './features.js';

export interface ConversationSignals {
  /** IDF-weighted share of what the conversation asked and was answered with that this sentence holds. */
  context: number;
  /** 1 when the sentence is in or next to a paragraph the previous answer quoted. */
  near: number;
  /** 1 when earlier turns of this conversation asked about the documents (the subject is established). */
  established: number;
  /** The question has no words of its own ("Where was that?", "When?"). */
  lean: boolean;
  /** Whether this turn leans on earlier ones (a pronoun, "that", or almost no words). */
  followup: boolean;
}

export interface ConversationWeights {
  context: number;
  near: number;
  established: number;
  lean: { bias: number; context: number; near: number; type: number; rank: number };
}

export const CONVERSATION_WEIGHTS: ConversationWeights = fitted as ConversationWeights;

/**
 * The probability that a sentence answers, given its features and the conversation.
 *
 * @example
 * answerProbability(features, { context: 0.6, near: 1, established: 1, lean: false, followup: true });
 */
export function answerProbability(f: Features, c: ConversationSignals, w: ConversationWeights = CONVERSATION_WEIGHTS, base: number = logit(f)): number {
  let z = base + w.established * c.established;
  if (c.followup) {
    z = c.lean
      ? w.lean.bias + w.lean.context * c.context + w.lean.near * c.near + w.lean.type * f.typeHit + w.lean.rank * f.rankInv + w.established * c.established
      : z + w.context * c.context + w.near * c.near;
  }
  return sigmoid(z);
}
