/**
 * Decide: answer or refuse. One function for every intent — questions,
 * quote requests, who-said, follow-ups — comparing the best sentence's
 * calibrated probability with one threshold.
 */
import { INDEX_CONFIDENCE, type Scored, type Selection } from '../select/select.js';
import { pick } from '../select/pick.js';
import { TOPIC_RELEVANCE } from '../select/features.js';
import type { RefusalReason } from './reasons.js';
import { meetsClaim, type ClaimSupport } from './claim.js';


/** Quotes after the first need this share of the threshold (and half the best one's probability, see pick). */
export const SECONDARY_FLOOR = 0.6;

export type Decision = { answer: true; chosen: Scored[]; confidence: number } | { answer: false; reason: RefusalReason; confidence: number };

export interface DecideInput {
  selection: Selection;
  /** Below this probability the answer is a refusal (calibrated: `npm run calibrate`). */
  threshold: number;
  maxQuotes: number;
  /** "what else?": running out is "exhausted", not "the document doesn't say". */
  continuing?: boolean;
  /** A request for passages about a topic (quote requests, "what else?"): topical coverage suffices. */
  topical?: boolean;
  /** "who said X?": a refusal means nobody in the document said X. */
  whoSaid?: boolean;
  /** How far a sentence says what the question claims ("who said X?": X; see claim.ts); a sentence that does not cannot answer. */
  claim?: (c: Scored) => ClaimSupport;
  /** Someone's words asked for by name: whether a sentence is theirs (own-words.ts); others cannot answer. */
  ownWords?: (c: Scored) => boolean;
  /** Quotes in order of probability alone, not one per paragraph first (a follow-up: conversation.ts, quotesByRank). */
  byRank?: boolean;
}

/** The candidates that say the claim (all, without one), and whether the only ones holding its words say it the other way round. */
function sayingIt(s: Selection, claim: DecideInput['claim'], onlyAttributed: boolean): Selection & { contradicted: boolean } {
  const candidates = onlyAttributed ? s.ranked.filter((c) => c.attribution?.speaker) : s.ranked;
  if (!claim) return { ranked: candidates, confidence: candidates[0]?.p ?? 0, contradicted: false };
  const verdicts = candidates.map((c) => ({ c, v: claim(c) }));
  // "Who said X?": the sentence that best says X answers (claim.ts's probability stands in for the answer model's).
  const ranked = verdicts.filter((x) => meetsClaim(x.v)).map((x) => (onlyAttributed && x.v.p !== undefined ? { ...x.c, p: x.v.p } : x.c)).sort((a, b) => b.p - a.p);
  const contradicted = !ranked.length && verdicts.some((x) => x.v.contradicted);
  return { ranked, confidence: ranked[0]?.p ?? 0, contradicted };
}

/**
 * @example
 * decide({ selection, threshold: 0.5, maxQuotes: 3 }); // { answer: true, chosen: [...], confidence: 0.81 }
 */
export function decide(input: DecideInput): Decision {
  const { threshold } = input;
  // "Who said X?" is answered only by a sentence in which someone says X.
  const selection = input.whoSaid || input.claim ? sayingIt(input.selection, input.claim, !!input.whoSaid) : input.selection;
  const confidence = selection.confidence;
  const refuse = (reason: RefusalReason): Decision => ({ answer: false, reason, confidence });
  if ('contradicted' in selection && selection.contradicted) return refuse('contradicted');
  if (!selection.ranked.length) return refuse(input.continuing ? 'exhausted' : input.whoSaid || input.claim ? 'nobody-said' : 'nothing-retrieved');
  if (input.topical || input.continuing) {
    const topical = selection.ranked.filter((c) => (c.p >= threshold || (c.topic ?? c.features.covNear) >= TOPIC_RELEVANCE) && (!input.ownWords || input.ownWords(c)));
    // Someone's words asked for ("quote Froome", "Annan's exact words on …"): their own quotations that meet the topic, when
    // the quotation index has any — not the narration around them — in the order the document has them.
    const own = topical.filter((c) => c.indexed && c.p >= INDEX_CONFIDENCE);
    const relevant = own.length ? own : topical;
    // Order by answer probability, then by how much of the topic they cover.
    const chosen = pick(relevant.map((c) => ({ ...c, p: Math.max(c.p, threshold + (1 - threshold) * 0.5 * Math.min(c.features.cov, c.topic ?? 1)) })).sort((a, b) => b.p - a.p), { maxQuotes: input.maxQuotes, floor: threshold });
    if (own.length) chosen.sort((a, b) => a.doc.id.localeCompare(b.doc.id) || a.start - b.start);
    return chosen.length ? { answer: true, chosen, confidence: Math.max(confidence, ...chosen.map((c) => c.p)) } : refuse(input.continuing ? 'exhausted' : 'low-confidence');
  }
  // "Who said X?" is decided by whether a quotation says X (claim.ts, its own calibrated bars): the answer model,
  // fitted on questions a sentence answers, only orders the quotations that do. "What did Y say about X?" is a
  // question about X, so the answer model still decides, at a supporting quote's share of the threshold.
  const bar = input.whoSaid && input.claim ? 0 : input.claim ? threshold * SECONDARY_FLOOR : threshold;
  if (confidence < bar) return refuse(input.continuing ? 'exhausted' : input.whoSaid ? 'nobody-said' : 'low-confidence');
  // The answer stands on the best sentence; others nearly as good may join it a little below the threshold.
  const chosen = pick(selection.ranked, { maxQuotes: input.maxQuotes, floor: Math.min(bar, threshold * SECONDARY_FLOOR), byRank: input.byRank });
  return chosen.length ? { answer: true, chosen, confidence } : refuse('low-confidence');
}
