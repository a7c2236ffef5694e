/**
 * Select: score every sentence that could answer — the retrieved passages'
 * sentences, the quotation index's matches for attribution questions, and
 * (for a follow-up about "that") the sentences next to what was just
 * quoted — with one probability each, best first.
 */
import type { LoadedIndex } from '../index/store.js';
import { terms } from '../retrieve/terms.js';
import type { Attribution, Passage, Quotation, StoredDocument } from '../types.js';
import type { Understanding } from '../understand/understand.js';
import { nearText, scoredText, sentenceContext } from './context.js';
import { questionTerms, sentenceFeatures, TOPIC_RELEVANCE, type Features } from './features.js';
import { amountAsked, holdsAmount, namesSomeoneAbsent, type TopicMatcher } from './topic-match.js';
import type { TermStats } from './idf.js';
import type { SoftGains } from '../embed/word-vectors-match.js';
import { answerProbability, type ConversationSignals } from './conversation.js';
import { logit, SOFT_WEIGHTS, WEIGHTS } from './model.js';
import { antecedent, describedPerson, pronounAgrees, reportedSpeaker } from './reported.js';
import { logOdds, sigmoid } from '../log-odds.js';

export interface Scored {
  doc: StoredDocument;
  paragraph: number;
  start: number;
  end: number;
  /** Probability that this sentence answers (conversation evidence included). */
  p: number;
  features: Features;
  /** What the conversation contributed (calibration refits its weights from these). */
  conversation: ConversationSignals;
  attribution?: Attribution;
  /** Found through the quotation index for an attribution question. */
  indexed: boolean;
  /** Whom its pronouns stand for ("he told the Council" → "Kofi Annan"), when known. */
  inherited?: string | null;
  /** For a quote request by topic: how much of the topic it covers, words in other words included (./topic-match.ts); else its covNear. */
  topic?: number;
}

export interface Selection {
  ranked: Scored[];
  /** The best sentence's probability (0 when there is none). */
  confidence: number;
}

/** Longest document (in sentences) whose every sentence a quote request's topic is read against; news stories have 10–60. */
export const TOPIC_SCAN_MAX_SENTENCES = 400;

/**
 * Answer-type evidence beside the question's words, when one sentence alone has it ("bisected by the Missouri River" for
 * "which river cuts the state in two", "with compatriot Adriano and Frenchman …" for "who got picked ahead of him"): its
 * log-odds rise by this much on top of the fitted sentence model, which SQuAD's questions — written from the paragraph,
 * sharing most of its words — taught to read it weakly (~0.2). Not when several sentences have such an answer (a long
 * article names many people, places and numbers beside common words), nor when the sentence misses much of what the
 * document says elsewhere ({@link TYPE_NEAR_MISS_KNOWN}): that points to another passage, or none. Round 16: lifting
 * every such sentence by 0.8 refused 69.9% instead of 81.2% of SQuAD's held-out questions whose paragraph was removed
 * (on the tuning articles' candidates, 100 instead of 122 of 155); this lone sentence, 121 of 155, and held out unchanged.
 */
export const TYPE_NEAR_LIFT = 1;
/** The most (as a share of the largest IDF) a question word the document uses elsewhere may weigh, missing, for the lift. */
export const TYPE_NEAR_MISS_KNOWN = 0.45;
/**
 * "Who is X's Y?", "who was the Y of X", "what is X's Y?": the person or thing asked for is named by Y, so a name beside X
 * ("Carnegie Mellon University (… CMU …)" for "who is cmu's president", "Rapper Lil Wayne" for "who is lil wayne's
 * girlfriend" or "what is lil wayne's real name") is no evidence unless the sentence holds every question word. Not
 * "who was steering …" (a verb, as in "who replaced …"), nor "what is his/her Y" (no X to stand beside).
 */
const WHO_IS = /^\W*(?:who(?:['’]s|\s+(?:is|was|are|were))\s+(?!\w+ing\b)|what(?:['’]s|\s+(?:is|was|are|were))\s+(?!(?:his|her|their|its|my|your|our)\b)[^?]*?\p{L}['’]s?\s+\p{L})/iu;

/** An attribution question answered by the quotation index (speaker and addressee matched) is this sure. */
export const INDEX_CONFIDENCE = 0.95;

/** What a soft (semantic) match adds between the question and a sentence beyond exact terms, when available. */
export type SoftScorer = (question: string, sentence: string) => SoftGains;

export interface SelectInput {
  understanding: Understanding;
  passages: Passage[];
  index: LoadedIndex;
  stats: TermStats;
  /** Quotations from the index that match an attribution question, best first. */
  quoted?: Quotation[];
  exclude?: { doc: string; start: number; end: number }[];
  soft?: SoftScorer | null;
  /** How much of a requested topic a sentence covers with word vectors (else its exact coverage). */
  topicMatch?: TopicMatcher | null;
}

const overlaps = (a: { doc: string; start: number; end: number }, b: { doc: string; start: number; end: number }) => a.doc === b.doc && a.start < b.end && b.start < a.end;

const attributionOf = (q: Quotation): Attribution => ({ speaker: q.speaker, cue: q.cue, addressee: q.addressee, setting: q.setting, words: { start: q.start, end: q.end } });

/** The speakers the quotation index knows in a document. */
const speakersOf = (index: LoadedIndex, doc: string) => [...new Set(index.quotations.filter((q) => q.doc === doc && q.speaker).map((q) => q.speaker!))];

/** The terms of each body paragraph, per document: the same for every question. */
const paragraphMemo = new WeakMap<StoredDocument, Map<number, ReadonlySet<string>>>();
function paragraphTerms(doc: StoredDocument, n: number): ReadonlySet<string> {
  let m = paragraphMemo.get(doc);
  if (!m) paragraphMemo.set(doc, (m = new Map()));
  let t = m.get(n);
  if (t === undefined) {
    const p = doc.paragraphs.find((x) => x.n === n && x.kind === 'body');
    m.set(n, (t = new Set(p ? terms(doc.text.slice(p.start, p.end)) : [])));
  }
  return t;
}

/**
 * @example
 * const { ranked, confidence } = select({ understanding, passages, index, stats });
 */
export function select(input: SelectInput): Selection {
  const { understanding: u, index, stats } = input;
  const weights = input.soft ? SOFT_WEIGHTS : WEIGHTS;
  const q = questionTerms(u.scoringText, stats, u.answerType);
  const ctxTerms = [...new Set(terms(u.context))].filter((t) => !q.terms.includes(t));
  const ctxWeight = ctxTerms.reduce((a, t) => a + stats.idf(t), 0) || 1;
  const focus = u.focus[0];
  const exclude = [...(input.exclude ?? []), ...u.shown];
  const byKey = new Map<string, Scored>();
  const absentName = !!input.topicMatch && u.intent.kind === 'quote' && namesSomeoneAbsent(u.scoringText, (t) => stats.known(t));

  const consider = (doc: StoredDocument, s: { start: number; end: number }, paragraph: number, rank: number, attribution?: Attribution, indexed = false) => {
    const key = `${doc.id}:${s.start}`;
    const prev = byKey.get(key);
    if (prev && prev.features.rankInv >= 1 / rank && !indexed) return;
    const text = doc.text.slice(s.start, s.end);
    const c = sentenceContext(doc, s.start, index.quotations);
    const inherited = c?.inherited ?? '';
    const f = sentenceFeatures(q, { text: scoredText(text, c), near: nearText(c), paragraphTerms: paragraphTerms(doc, paragraph), rank, soft: input.soft ? input.soft(u.scoringText, text) : undefined }, stats);
    const followup = u.kind === 'followup';
    const sTerms = followup ? new Set([...terms(text), ...terms(inherited)]) : null;
    const conversation: ConversationSignals = {
      context: sTerms ? ctxTerms.reduce((a, t) => a + (sTerms.has(t) ? stats.idf(t) : 0), 0) / ctxWeight : 0,
      near: followup && focus && focus.doc === doc.id && Math.abs(focus.paragraph - paragraph) <= 1 ? 1 : 0,
      established: u.established ? 1 : 0,
      lean: q.terms.length === 0,
      followup,
    };
    // Whom the sentence's words belong to counts with its neighbours: "Annan's exact words on …" is met by his quotation that says "he told".
    const topic = input.topicMatch && u.intent.kind === 'quote' ? (absentName ? 0 : input.topicMatch(u.scoringText, text, `${nearText(c)} ${inherited}`)) : f.covNear;
    let p = answerProbability(f, conversation, undefined, logit(f, weights));
    // Someone's quotations asked for by a quote request ("Biden's exact words on …") come first, in the order of how well they meet its topic.
    // (Only those that meet the topic: "the bit where Froome talks about fading" is not any quotation of his.)
    if (indexed) p = u.intent.kind !== 'quote' ? Math.max(p, INDEX_CONFIDENCE) : topic >= TOPIC_RELEVANCE ? INDEX_CONFIDENCE + (1 - INDEX_CONFIDENCE) * p : p;
    const known = c?.quotation ? attributionOf(c.quotation) : undefined;
    byKey.set(key, { doc, paragraph, start: s.start, end: s.end, p, features: f, conversation, attribution: attribution ?? prev?.attribution ?? known, indexed: indexed || !!prev?.indexed, inherited: c?.inherited, topic });
  };

  // 1. Attribution questions ("what did X tell Y?") answer from the quotation index.
  const boost = u.said && u.said.kind !== 'who-said' && u.said.kind !== 'said-about';
  (input.quoted ?? []).forEach((qt) => {
    const doc = index.docById.get(qt.doc);
    if (!doc) return;
    for (const s of doc.sentences) if (s.start < qt.end && qt.start < s.end) consider(doc, s, s.paragraph, 1, attributionOf(qt), !!boost);
  });
  // 2. The retrieved passages' sentences.
  for (const p of input.passages) {
    const doc = index.docById.get(p.chunk.docId);
    if (doc) for (const s of p.chunk.sentences) consider(doc, s, p.chunk.paragraph, p.rank);
  }
  // Sentences the search did not rank, from the documents it searched (ranked after every passage it found).
  const considerSearched = (keep: (doc: StoredDocument, s: StoredDocument['sentences'][number]) => boolean) => {
    for (const id of new Set(input.passages.map((p) => p.chunk.docId))) {
      const doc = index.docById.get(id);
      for (const s of doc?.sentences ?? []) if (s.paragraph > 0 && keep(doc!, s)) consider(doc!, s, s.paragraph, input.passages.length + 1);
    }
  };
  // 3. A quote request for an amount ("how much it cost", "the bit with the numbers"): the sentences of the searched
  // documents that hold one, though the search, which reads words, missed them.
  const amount = input.topicMatch && u.intent.kind === 'quote' ? amountAsked(u.scoringText) : null;
  if (amount) considerSearched((doc, s) => holdsAmount(doc.text.slice(s.start, s.end), amount.money));
  // 3b. A quote request by topic: every sentence of the searched documents is read against the topic, since the search,
  // which reads the request's own words, misses a paragraph that says the topic in other words ("he gets hurt working
  // out" for "when he was exercising"). Only those that meet the topic can be chosen (decide's TOPIC_RELEVANCE). Not when
  // a found sentence holds every word of the topic as itself ("the passage about division of labour"): the search found
  // the topic, and the other sentences are not read in other words (nor WordNet loaded for them).
  // A long document (a book, a report) is left to the search: reading each of its sentences would cost the answer its speed.
  const found = [...byKey.values()].some((c) => (c.topic ?? 0) >= 1);
  if (input.topicMatch && u.intent.kind === 'quote' && !absentName && !found) considerSearched((doc, s) => doc.sentences.length <= TOPIC_SCAN_MAX_SENTENCES && !byKey.has(`${doc.id}:${s.start}`));
  // 4. A follow-up about "that" may be answered next to what was just quoted.
  if (focus && u.kind === 'followup') {
    const doc = index.docById.get(focus.doc);
    for (const s of doc?.sentences ?? []) if (s.paragraph > 0 && Math.abs(s.paragraph - focus.paragraph) <= 1) consider(doc!, s, s.paragraph, input.passages.length + 1);
  }
  // "Who said …?": a sentence of reported speech names its speaker even without quotation marks.
  if (u.said?.kind === 'who-said') {
    // One scan of the quotation index per document, not per candidate.
    const known = new Map<string, string[]>();
    const speakers = (doc: string) => known.get(doc) ?? known.set(doc, speakersOf(index, doc)).get(doc)!;
    // "He said …": the nearest known speaker named before it, else whom the sentence's context inherited (of the pronoun's gender).
    const reported = (doc: StoredDocument, start: number, end: number, inherited?: string | null) => reportedSpeaker(doc.text.slice(start, end), (pronoun) => antecedent(doc, start, speakers(doc.id), pronoun) || (inherited && pronounAgrees(inherited, pronoun) ? inherited : null), (noun) => describedPerson(doc, start, noun));
    for (const c of byKey.values()) if (!c.attribution?.speaker) c.attribution = reported(c.doc, c.start, c.end, c.inherited) ?? continuedTurn(c.doc, c.start, reported) ?? c.attribution;
  }
  // One sentence alone holding an answer of the asked kind beside the question's words is lifted (TYPE_NEAR_LIFT).
  const beside = [...byKey.values()].filter((c) => c.features.typeNear > 0);
  const lone = beside.length === 1 ? beside[0]! : null;
  if (lone && !lone.indexed && lone.features.missKnown < TYPE_NEAR_MISS_KNOWN && !(WHO_IS.test(u.scoringText) && lone.features.missMax > 0)) lone.p = sigmoid(logOdds(lone.p) + TYPE_NEAR_LIFT);
  // "How many …?", "What year …?": a sentence without a count or a year answers no better than the best one with one, however
  // many of the question's words it holds (it may still be quoted beside it); with none, nothing answers.
  if (q.precise) {
    const withType = [...byKey.values()].filter((c) => c.features.typeHit || c.indexed).reduce((m, c) => Math.max(m, c.p), 0);
    for (const c of byKey.values()) if (!c.features.typeHit && !c.indexed) c.p = Math.min(c.p, withType);
  }
  const ranked = [...byKey.values()].filter((c) => !exclude.some((e) => overlaps({ doc: c.doc.id, start: c.start, end: c.end }, e))).sort((a, b) => b.p - a.p || a.start - b.start);
  return { ranked, confidence: ranked[0]?.p ?? 0 };
}

/**
 * A quotation that opens its sentence right after an attributed quotation in the same paragraph goes on with that
 * speaker's turn (“It is a miracle, this,” he declared. “There is no aftermath.”): a paragraph of dialogue is one
 * speaker's. The sentence before must itself open with a quotation and be attributed; otherwise none.
 */
export function continuedTurn(doc: StoredDocument, start: number, reported: (doc: StoredDocument, start: number, end: number) => Attribution | null): Attribution | null {
  const i = doc.sentences.findIndex((s) => s.start === start);
  const here = doc.sentences[i];
  const before = doc.sentences[i - 1];
  if (!here || !before || before.paragraph !== here.paragraph) return null;
  const opens = (s: { start: number; end: number }) => /^\s*["“‘]/u.test(doc.text.slice(s.start, s.end));
  if (!opens(here) || !opens(before)) return null;
  const who = reported(doc, before.start, before.end);
  return who?.speaker ? { ...who, addressee: null, setting: null } : null;
}

