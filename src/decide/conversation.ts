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
import { logOdds, sigmoid } from '../log-odds.js';

export interface EstablishedWeights {
  /** Log-odds for a follow-up whose words the documents use, times (known share)^knownPower. */
  known: number;
  knownPower: number;
  /** Extra log-odds when every one of the follow-up's words is in the documents. */
  allKnown: number;
  /** Log-odds taken from every candidate of a follow-up with no words of its own ("Who?", "What's his name?"): it may be about another story. */
  leanBias: number;
  /** Log-odds taken, besides, from such a follow-up's candidate without the asked-for kind of answer ("Who?" → no person). */
  leanTypeMiss: number;
  /** Log-odds for the sentence last answered with, the next one, the one after (orderLogOdds). */
  order: number[];
  /**
   * The same for a question with words the document never uses besides ones it does ("Who ruled Wales after 1282?"
   * where the story says "took control"), given to a candidate that holds at least one of its words: paraphrase is
   * usual in a conversation, and the story's order says where the rest of the answer is.
   */
  orderPartial: number[];
  /**
   * The same for a follow-up with no words of its own ("Why?", "What was it?", "Which is?") about the answer the
   * asker has just read (`adjacent`): it asks about that sentence or the next. Nothing else tells its answer apart.
   */
  orderLean: number[];
}

export const ESTABLISHED_WEIGHTS: EstablishedWeights = fitted as EstablishedWeights;


/** What the decision needs to know about the question itself. */
export interface AskedTerms {
  /** How many of the question's terms the asker typed (a name "he" was resolved to does not count: understand.ts). */
  ownTerms: number;
  /** What the conversation was last answered with, if anything. */
  last?: { doc: string; start: number; end: number };
  /** `last` is the answer of the turn just before (shown to the asker), not a place from before a refusal. */
  adjacent?: boolean;
}

/**
 * The log-odds an established conversation adds to one candidate: for a question with words of its own — a
 * follow-up or a new question asked in a conversation about the documents (lean follow-ups such as "Where?" are
 * scored from the conversation already). Words the asker did not type (the name a "his" was resolved to) are not
 * words of its own: "What was his name?" asked about another story would otherwise be "all known".
 *
 * @example
 * establishedLogOdds({ features: { oov: 0 }, conversation: { lean: false, established: 1 } }, { ownTerms: 2 }); // 5
 */
export function establishedLogOdds(c: Pick<Scored, 'features' | 'conversation'>, asked: AskedTerms, w: EstablishedWeights = ESTABLISHED_WEIGHTS): number {
  const { lean, established, followup } = c.conversation;
  // With no words of its own, only the kind of answer asked for ("Who?" → a person) tells one sentence near the
  // conversation from another: one without it is unlikely to be the answer (nor to be about this story at all).
  if (followup && asked.ownTerms === 0) return -w.leanBias - (c.features.typeMiss ? w.leanTypeMiss : 0);
  if (lean || !established || asked.ownTerms === 0) return 0;
  const known = Math.max(0, 1 - c.features.oov);
  return w.known * known ** w.knownPower + (c.features.oov === 0 ? w.allKnown : 0);
}

/**
 * How many sentences after the one the conversation was last answered with this candidate starts (0 = that same
 * sentence), or null when it is before it, in another document, or nothing was answered.
 */
export function sentencesAfter(c: Pick<Scored, 'doc' | 'start'>, last: AskedTerms['last']): number | null {
  if (!last || c.doc.id !== last.doc) return null;
  const ss = c.doc.sentences;
  const at = ss.findIndex((s) => s.start <= last.start && last.start < s.end);
  const here = ss.findIndex((s) => s.start <= c.start && c.start < s.end);
  return at < 0 || here < at ? null : here - at;
}

/**
 * Stories are asked about roughly in order: the answer to a follow-up is often in the sentence just answered or
 * the next one or two. A question with no words of its own ("Why?", "What was it?") gets `orderLean` when it
 * follows an answer the asker has just read (it asks about that answer; after a refusal it could be about anything,
 * so it gets nothing for its position). One whose words the document all uses gets `order`; one with words the
 * document never uses gets `orderPartial`, and only for a candidate holding at least one of its words (a question about something else
 * rarely shares a word with the sentences just after the last answer; one asked in other words usually does).
 */
export function orderLogOdds(c: Pick<Scored, 'doc' | 'start' | 'features' | 'conversation'>, asked: AskedTerms, w: EstablishedWeights = ESTABLISHED_WEIGHTS): number {
  if (!c.conversation.established) return 0;
  if (asked.ownTerms === 0) {
    if (!c.conversation.followup || !asked.adjacent) return 0;
    const d = sentencesAfter(c, asked.last);
    return d === null ? 0 : (w.orderLean[d] ?? 0);
  }
  if (c.features.oov > 0 && !(c.features.cov > 0)) return 0;
  const d = sentencesAfter(c, asked.last);
  if (d === null) return 0;
  return (c.features.oov > 0 ? w.orderPartial[d] : w.order[d]) ?? 0;
}

/** Everything the conversation adds to one candidate, in log-odds. */
export function conversationLogOdds(c: Pick<Scored, 'doc' | 'start' | 'features' | 'conversation'>, asked: AskedTerms, w: EstablishedWeights = ESTABLISHED_WEIGHTS): number {
  return establishedLogOdds(c, asked, w) + orderLogOdds(c, asked, w);
}

/**
 * One candidate's probability with what the conversation established counted (unchanged when nothing is added).
 *
 * @example
 * withEstablished(0.2, candidate, { ownTerms: 2 }); // 0.65 for a follow-up whose words the document uses
 */
export function withEstablished(p: number, c: Pick<Scored, 'doc' | 'start' | 'features' | 'conversation'>, asked: AskedTerms, w: EstablishedWeights = ESTABLISHED_WEIGHTS): number {
  const add = conversationLogOdds(c, asked, w);
  return add ? sigmoid(logOdds(p) + add) : p;
}

/**
 * The selection with each candidate's probability moved by what the conversation established, re-ranked;
 * a selection the conversation adds nothing to is returned as is.
 *
 * @example
 * const { confidence } = withConversation(select(input), understanding);
 */
export function withConversation(selection: Selection, asked: AskedTerms, w: EstablishedWeights = ESTABLISHED_WEIGHTS): Selection {
  if (!selection.ranked.some((c) => conversationLogOdds(c, asked, w) !== 0)) return selection;
  const ranked = selection.ranked
    .map((c) => (conversationLogOdds(c, asked, w) ? { ...c, p: withEstablished(c.p, c, asked, w) } : c))
    .sort((a, b) => b.p - a.p || a.start - b.start);
  return { ranked, confidence: ranked[0]?.p ?? 0 };
}

/**
 * Whether an answer's quotes go by probability alone rather than one per paragraph first (src/select/pick.ts): in a
 * conversation that is already at a place in the documents, the answer to the next question is most often beside
 * that place, in the same paragraph; spreading the quotes over other paragraphs suits a question out of the blue,
 * and there it would push the next sentence out for a lesser one elsewhere ("Who did this with Giles?" after an
 * answer about Wade: the sentence after it, on his son, lost its slot to one seven sentences back).
 *
 * @example
 * quotesByRank({ established: true, kind: 'followup', last: { doc: 'd', start: 0, end: 40 } }); // true
 * quotesByRank({ established: false, kind: 'new' }); // false
 */
export function quotesByRank(u: { established: boolean; kind: 'new' | 'more' | 'followup'; last?: AskedTerms['last'] }): boolean {
  return u.established && !!u.last && u.kind !== 'more';
}
