/**
 * What the conversation already established counts in the decision. A
 * follow-up ("What team did he leave in 2009?", "was he sick?") is asked
 * about the story the conversation is about, so its own few words, when the
 * document uses them, are stronger evidence than the same words in a
 * question out of the blue. A follow-up whose words the document never uses
 * (a question about something else) gains nothing, so off-topic questions
 * asked mid-conversation are still refused.
 *
 * The weights (conversation.json) were chosen on Abg-CoQA's tuning stories
 * (a string hash of the story id is even: storySplit in src/cli/calibrate-coqa.ts),
 * as the best gold-in-answer that refuses questions with words of their own
 * about another story as often as before.
 */
import fitted from './conversation.json' with { type: 'json' };
import type { Scored, Selection } from '../select/select.js';

export interface EstablishedWeights {
  /** Log-odds for a follow-up whose words the documents use, times (known share)^knownPower. */
  known: number;
  knownPower: number;
  /** Extra log-odds when every one of the follow-up's words is in the documents. */
  allKnown: number;
}

export const ESTABLISHED_WEIGHTS: EstablishedWeights = fitted as EstablishedWeights;

const logit = (p: number) => Math.log(Math.max(1e-12, p) / Math.max(1e-12, 1 - p));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * The log-odds an established conversation adds to one candidate: only for a follow-up with words of its own
 * (lean follow-ups such as "Where?" are scored from the conversation already), in a conversation about the documents.
 *
 * @example
 * establishedLogOdds({ features: { oov: 0 }, conversation: { followup: true, lean: false, established: 1 } }); // 5
 */
export function establishedLogOdds(c: Pick<Scored, 'features' | 'conversation'>, w: EstablishedWeights = ESTABLISHED_WEIGHTS): number {
  const { followup, lean, established } = c.conversation;
  if (!followup || lean || !established) return 0;
  const known = Math.max(0, 1 - c.features.oov);
  return w.known * known ** w.knownPower + (c.features.oov === 0 ? w.allKnown : 0);
}

/**
 * One candidate's probability with what the conversation established counted (unchanged when nothing is added).
 *
 * @example
 * withEstablished(0.2, candidate); // 0.65 for a follow-up whose words the document uses
 */
export function withEstablished(p: number, c: Pick<Scored, 'features' | 'conversation'>, w: EstablishedWeights = ESTABLISHED_WEIGHTS): number {
  const add = establishedLogOdds(c, w);
  return add ? sigmoid(logit(p) + add) : p;
}

/**
 * The selection with each candidate's probability raised by what the conversation established, re-ranked.
 * Candidates found through the quotation index keep their floor; a selection with no follow-up is returned as is.
 *
 * @example
 * const { confidence } = withConversation(select(input));
 */
export function withConversation(selection: Selection, w: EstablishedWeights = ESTABLISHED_WEIGHTS): Selection {
  if (!selection.ranked.some((c) => establishedLogOdds(c, w) !== 0)) return selection;
  const ranked = selection.ranked
    .map((c) => (establishedLogOdds(c, w) ? { ...c, p: withEstablished(c.p, c, w) } : c))
    .sort((a, b) => b.p - a.p || a.start - b.start);
  return { ranked, confidence: ranked[0]?.p ?? 0 };
}
