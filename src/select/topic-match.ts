/**
 * How much of a requested topic a sentence covers ("quote the part about his
 * lawyer": does "Wayne's attorney, Stacey Richman, said …" cover "lawyer"?).
 * Each content word of the topic counts by its weight (IDF): fully when the
 * sentence or its neighbours hold its term, else by its cosine to the nearest
 * word of the sentence when that reaches the floor — one sentence word per
 * topic word, and never a word that is itself one of the topic's terms (in
 * "the world cup", "cup" is not met by the "world" that "world" already met).
 *
 * @example
 * const cover = createTopicMatcher(vectors, (t, w) => stats.known(t) ? stats.idf(t) : stats.unseen(w));
 * cover('his lawyer', 'Wayne’s attorney, Stacey Richman, said.', ''); // ≈ 0.85
 */
import type { WordVectors } from '../embed/word-vectors.js';
import { dot } from '../embed/word-vectors.js';
import { contentWords } from '../embed/word-vectors-match.js';
import { term, terms, wordsOf } from '../retrieve/terms.js';
import { defaultKin, type Kin, type NearWords } from '../understand/near-words.js';
import { nlp } from '../text/nlp.js';
import { entitiesOf } from './entities.js';

/** Cosine at which a sentence word says a topic word in other words (GloVe puts unrelated words at ≈ 0.1–0.4). */
export const TOPIC_SOFT_FLOOR = 0.6;
/** What a topic word counts for when a sentence word is its WordNet kin (a synonym, a derived form) rather than itself. */
export const TOPIC_KIN = 0.9;

/**
 * Cosine above which a topic word met by nothing else still counts, in proportion to how far it rises above it
 * ("hopeless" ~ "despair" 0.51 counts for 0.3 of its weight), when the passage holds the topic's last word (see createTopicMatcher).
 * Swept on the quote7/6/5/4 tuning sets and quote6-offtopic: 0.2, 0.3, 0.4 (round 10).
 */
export const PARTIAL_FROM = 0.3;

/**
 * Words that only relate a topic's other words ("peacetime vs war", "the roads via the pass", "sales per year"): the
 * retrieval terms keep them (they are no stopwords), but a passage holds a topic whether or not it uses them.
 */
const RELATION_WORDS = /^(?:vs|versus|v|via|etc|eg|ie|aka|whether|among|amongst|toward|towards|upon|within|onto|per|thru|til|till|despite|except|unlike|plus)$/iu;

export type TopicMatcher = (topic: string, sentence: string, near: string) => number;

/**
 * Topic words that ask for a sum of money and name nothing else ("the money he has to pay", "how much it cost"): met by a
 * sentence holding one. Not "budget", "fine", "salary": those are one sum among others, which any sum does not meet.
 */
const MONEY_WORDS = /^(?:money|costs?|costed|costing|prices?|priced|paid|pay|paying|spent|spend|spending|owes?|owed|owing|worth|dollars?)$/iu;
/** Topic words that ask for any amount ("the numbers", "the figures", "the stats", "the score"): met by a sentence holding a count, a sum or a share. */
const AMOUNT_WORDS = /^(?:amounts?|numbers?|figures?|stats?|statistics|totals?|tally|percentages?|scores?|scoreline)$/iu;
/**
 * "how much silverware he won", "how many students …": an amount of a thing, met by a count of it. Not "how much
 * he drank", "how much the …": a degree, or a clause whose own words say what the amount is of.
 */
const HOW_MUCH = /\bhow\s+(?:much|many)\s+(?!(?:he|she|they|it|i|we|you|the|a|an|his|her|their|its|this|that|these|those|was|is|were|are|did|does|do|had|has|have)\b)(\p{L}+)(?:\s+(\p{L}+))?/iu;

/** "how long it took", "how long the match lasted": a span of time. */
const HOW_LONG = /\bhow\s+long\b/iu;
const TIME_UNITS = ['seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'years'];
/** "how big the country is": a size, counted in units of area or length. */
const HOW_BIG = /\bhow\s+(?:big|large|small|huge|vast)\b/iu;
const SIZE_UNITS = ['square', 'kilometres', 'kilometers', 'km', 'miles', 'mi', 'acres', 'hectares', 'metres', 'meters', 'feet'];

/** What a quote request's topic asks for as an amount: its terms that an amount meets, and whether only money does. */
export interface AmountAsked {
  /** The topic's terms an amount meets ("money", "cost", "number"). */
  terms: Set<string>;
  /** A sum of money is asked for (a money word), not any amount. */
  money: boolean;
  /** "how much silverware …", "how many new students …": what is counted (the next word or two); "how long …": the units of time. */
  counted: string[];
}

/**
 * Whether a quote request's topic asks for an amount — a sum, a count, a share — and how: "quote the part about how
 * much it cost", "the bit with the numbers", "the money he has to pay". Null for any other topic.
 *
 * @example
 * amountAsked('how much it cost'); // { terms: Set {'cost'}, money: true, counted: [] }
 * amountAsked('the numbers');      // { terms: Set {'number'}, money: false, counted: [] }
 * amountAsked('how much silverware he won'); // { terms: Set {}, money: false, counted: ['silverware'] }
 * amountAsked('his lawyer');       // null
 */
export function amountAsked(topic: string): AmountAsked | null {
  const money = new Set<string>();
  const any = new Set<string>();
  for (const w of wordsOf(topic)) {
    const t = term(w);
    if (!t) continue;
    if (MONEY_WORDS.test(w)) money.add(t);
    else if (AMOUNT_WORDS.test(w)) any.add(t);
  }
  const how = HOW_MUCH.exec(topic);
  // "how long the match lasted": a span of time, counted in its units ("in just 54 minutes").
  const long = !how && HOW_LONG.test(topic);
  const big = HOW_BIG.test(topic);
  if (!money.size && !any.size && !how && !long && !big) return null;
  const counted = [...(how ? [how[1]!, how[2] ?? ''].filter((w) => term(w)).map((w) => w.toLowerCase()) : long ? TIME_UNITS : []), ...(big ? SIZE_UNITS : [])];
  return { terms: new Set([...money, ...any]), money: money.size > 0, counted };
}

/** A sum of money: "$250,000", "£3m", "3.5 million dollars", "40,000 euros". */
const MONEY = /[$£€¥]\s?\d|\b\d[\d,.]*\s*(?:m|bn|k|million|billion|thousand|hundred)?\s*(?:dollars|pounds|euros|yen|cents|bucks|rupees|yuan)\b|\b(?:million|billion)\s+(?:dollars|pounds|euros)\b/iu;
/** A share: "40%", "40 percent". */
const SHARE = /\d\s*(?:%|percent\b|per\s+cent\b)/iu;
/** A number that is a year ("1994", "the 1970s"), or a word that is rarely an amount ("one of them", "half a step"). */
const NOT_AN_AMOUNT = /^(?:(?:1[0-9]{3}|20[0-9]{2})s?|one|a|an|half)$/iu;

/**
 * Whether a sentence holds an amount of the kind asked for: a sum of money for a money topic, else any sum, share or
 * count (compromise's number tagging, years aside).
 *
 * @example
 * holdsAmount('Alamo was fined $250,000.', true);            // true
 * holdsAmount('Maxwell collected 10 trophies.', false);      // true
 * holdsAmount('He joined Barcelona in July 2009.', false);   // false (a year)
 */
export function holdsAmount(sentence: string, money: boolean): boolean {
  if (MONEY.test(sentence)) return true;
  if (money) return false;
  if (SHARE.test(sentence)) return true;
  return (entitiesOf(sentence).number ?? []).some((n) => !NOT_AN_AMOUNT.test(n.trim()));
}

/** A word that is an amount: "10", "$250,000", "40%", "three", "dozens". */
const AMOUNT_TOKEN = /^(?:[$£€]?\d[\d,.]*(?:%|m|bn|k)?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|several)$/iu;
/** How many words after an amount the thing it counts may come ("10 trophies", "three Spanish Super Cups"). */
const COUNTED_WITHIN = 3;

/** The place of the amount asked for among a topic's words when no word names it ("how much …"): no real term looks like it. */
const AMOUNT_TERM = '#amount';

/** The last topic's amount reading: a matcher reads one topic against many sentences in a row. */
let lastAmount: { topic: string; amount: AmountAsked | null } = { topic: '', amount: null };
function amountOf(topic: string): AmountAsked | null {
  if (lastAmount.topic !== topic) lastAmount = { topic, amount: amountAsked(topic) };
  return lastAmount.amount;
}

type Tagged = { text: string; tags: string[] };
const tagged = (text: string): Tagged[] => (nlp(text).terms().json() as { terms: Tagged[] }[]).flatMap((t) => t.terms.slice(0, 1));
const isVerb = (x: Tagged) => x.tags.includes('Verb') && !x.tags.some((g) => g === 'Auxiliary' || g === 'Modal' || g === 'Copula' || g === 'Particle');

/** The words compromise reads as verbs in a text ("knocked" in "Wozniacki getting knocked out"), lower-cased; auxiliaries and particles aside. */
function verbWords(text: string): Set<string> {
  return new Set(tagged(text).filter(isVerb).map((x) => x.text.toLowerCase()));
}

/**
 * A topic's verbs when it is a clause: one of them is a past form or an -ing form ("knocked", "paid", "blowing") or
 * follows a pronoun ("they catch"); else empty ("his sitcom contract": compromise reads a bare "contract" as a verb).
 */
function clauseVerbs(topic: string): Set<string> {
  const t = tagged(topic);
  const clause = t.some((x, i) => isVerb(x) && (x.tags.some((g) => g === 'PastTense' || g === 'Gerund' || g === 'Participle') || !!t[i - 1]?.tags.includes('Pronoun')));
  return clause ? new Set(t.filter(isVerb).map((x) => x.text.toLowerCase())) : new Set();
}

/** The last topic's verbs: a matcher reads one topic against many sentences in a row. */
let lastVerbs: { topic: string; verbs: Set<string> } = { topic: '', verbs: new Set() };
function verbsOfTopic(topic: string): Set<string> {
  if (lastVerbs.topic !== topic) lastVerbs = { topic, verbs: clauseVerbs(topic) };
  return lastVerbs.verbs;
}

/**
 * @param weight A topic word's weight: its term's IDF when the documents use it, else what an unseen word weighs.
 */
export function createTopicMatcher(vectors: WordVectors, weight: (term: string, word: string) => number, nearWords?: NearWords, floor = TOPIC_SOFT_FLOOR, kin: () => Kin | null = defaultKin): TopicMatcher {
  /**
   * Whether the sentence counts the thing asked about: an amount a few words before that thing, said as itself, as WordNet
   * kin or by a near vector ("10 trophies" for "how much silverware"); `met` collects the counted words so met.
   */
  const countsThing = (sentence: string, counted: string[], met?: Set<string>): boolean => {
    const words = sentence.split(/\s+/u).map((w) => w.replace(/^[^\p{L}\p{N}$£€]+|[^\p{L}\p{N}%]+$/gu, ''));
    const k = kin();
    const meetsByVector = (c: string, w: string) => {
      const a = vectors.vector(c);
      const b = vectors.vector(w.toLowerCase());
      return !!a && !!b && dot(a, b) >= floor;
    };
    let found = false;
    words.forEach((w, i) => {
      if (!AMOUNT_TOKEN.test(w) || NOT_AN_AMOUNT.test(w)) return;
      for (const x of words.slice(i + 1, i + 1 + COUNTED_WITHIN)) {
        if (!x) continue;
        const thing = counted.find((c) => term(c) === term(x) || (k && k(c, x.toLowerCase()) > 0) || meetsByVector(c, x));
        if (thing === undefined) continue;
        found = true;
        met?.add(term(thing) ?? thing);
      }
    });
    return found;
  };
  return (topic, sentence, near) => {
    const seen = new Set<string>();
    const tw: { term: string; word: string; phrase: string | null; vector: Float32Array | undefined; w: number; near: Set<string> | null }[] = [];
    const words = wordsOf(topic);
    words.forEach((w, i) => {
      const t = term(w);
      if (!t || seen.has(t) || RELATION_WORDS.test(w)) return;
      // "how big": the size asked for, which the amount stands for (below), not a word to find.
      if (/^how$/iu.test(words[i - 1] ?? '') && HOW_BIG.test(`how ${w}`)) return;
      seen.add(t);
      // "passing away": the word with the next one may be a phrase WordNet knows.
      const next = words[i + 1];
      tw.push({ term: t, word: w.toLowerCase(), phrase: next ? `${w} ${next}`.toLowerCase() : null, vector: vectors.vector(w.toLowerCase()), w: weight(t, w), near: nearWords ? new Set(nearWords.of(w).flatMap((x) => term(x) ?? [])) : null });
    });
    // An amount asked for ("how much it cost", "the numbers") is met by a sentence that holds one. "How much silverware
    // he won" asks for one without a word that names it: a sentence holding an amount meets it as one more (average)
    // topic word; one without is not held to it (an amount may be worded "twice", "a handful").
    const amount = amountOf(topic);
    const hasAmount = !!amount && amount.terms.size > 0 && holdsAmount(sentence, amount.money);
    // The thing counted, met by the words after the count ("three presidents" for "how many leaders"), is met as kin.
    const countedMet = new Set<string>();
    const counts = !!amount?.counted.length && countsThing(sentence, amount.counted, countedMet);
    if (counts) tw.unshift({ term: AMOUNT_TERM, word: '', phrase: null, vector: undefined, w: tw.length ? tw.reduce((a, x) => a + x.w, 0) / tw.length : 1, near: null });
    const total = tw.reduce((a, x) => a + x.w, 0);
    if (!total) return 0;
    const sw = contentWords(sentence, vectors, 'sentences');
    // Partial credit reads the neighbours' words too: a topic spread over two sentences of a paragraph.
    const pw = near.trim() ? [...sw, ...contentWords(near, vectors, 'sentences')] : sw;
    const held = new Set([...sw.map((x) => x.term), ...terms(near)]);
    if (hasAmount) for (const t of amount!.terms) held.add(t);
    if (counts) held.add(AMOUNT_TERM);
    let got = 0;
    let soft = 0;
    const used = new Set<string>(tw.map((x) => x.term));
    const k = tw.some((x) => !held.has(x.term)) ? kin() : null;
    // A phrase WordNet knows met by one sentence word ("passing away" ~ "died") meets both of its words.
    const byPhrase = new Set<string>();
    if (k)
      for (let i = 0; i < tw.length; i++) {
        const x = tw[i]!;
        if (!x.phrase || held.has(x.term)) continue;
        const s = sw.find((y) => !used.has(y.term) && k(x.phrase!, y.key) === 1);
        if (!s) continue;
        used.add(s.term);
        byPhrase.add(x.term);
        const second = term(x.phrase.slice(x.phrase.indexOf(' ') + 1));
        if (second) byPhrase.add(second);
      }
    // Heaviest words first take their nearest sentence word.
    const order = [...tw].sort((a, b) => b.w - a.w);
    let exact = false;
    let heaviestMet = false;
    let partial = 0;
    const unmet: typeof tw = [];
    for (const x of order) {
      if (held.has(x.term)) {
        got += x.w;
        exact = true;
        if (x === order[0]) heaviestMet = true;
        continue;
      }
      if (byPhrase.has(x.term) || countedMet.has(x.term)) {
        got += x.w * TOPIC_KIN;
        if (x === order[0]) heaviestMet = true;
        continue;
      }
      if (x.term === AMOUNT_TERM) continue;
      // WordNet kin ("death" ~ "died", "awards" / "Emmys") counts nearly as the word itself.
      let kinWord: { term: string; kin: number } | null = null;
      if (k)
        for (const s of sw) {
          if (used.has(s.term)) continue;
          const kin = k(x.word, s.key);
          if (kin > (kinWord?.kin ?? 0)) kinWord = { term: s.term, kin };
        }
      if (kinWord) {
        got += x.w * TOPIC_KIN * kinWord.kin;
        used.add(kinWord.term);
        if (x === order[0]) heaviestMet = true;
        continue;
      }
      if (!x.vector) {
        unmet.push(x);
        continue;
      }
      let best = 0;
      let bestTerm = '';
      let bestKey = '';
      for (const s of sw) {
        if (!s.vector || used.has(s.term) || (x.near && !x.near.has(s.term))) continue;
        const c = dot(x.vector, s.vector);
        if (c > best) [best, bestTerm, bestKey] = [c, s.term, s.key];
      }
      // A one-word topic met by a near vector alone, where WordNet knows both words and relates them not at all, is
      // another thing of the same field ("his sister" against "father", 0.75): the vectors place kin terms together.
      if (best >= floor && tw.length === 1 && k?.knows?.(x.word) && k.knows(bestKey)) continue;
      if (best >= floor) {
        soft += x.w * best;
        used.add(bestTerm);
        continue;
      }
      unmet.push(x);
    }
    // A word met by none of these counts for a little when the passage has a word near it in meaning ("hopeless" ~
    // "despair" 0.51, "visa" ~ "card" 0.55), in proportion to how far its best cosine rises above PARTIAL_FROM — only
    // when the passage holds the topic's last word, most often its head, as itself ("the visa LOTTERY", "how hopeless
    // he FELT"): "Kuznetsova's coach", "the judges' ruling" are another thing about the same person when it does not,
    // and "his car crash" against "accident" (a WordNet kind of it) is not met in part either.
    // A topic that is a clause ("Wozniacki getting knocked out", "Shatner paid tribute") is about what its subject did:
    // the passage holding one of its words as itself, its other words count a little by words of their kind — a verb by
    // a verb ("knocked" ~ "crashed"), any other word by a word that is no verb ("tribute" ~ "condolences") — though the
    // last word is not held ("the students protesting" against "complaints" is not met: a noun for a verb).
    // "How much/many/long …" asks for the amount, the amount rule's to meet, not the clause's: "how much PSG paid for
    // him" is not met by a passage about PSG with another verb and no sum ("Shatner paid tribute" asks for no amount).
    const clause = !held.has(tw[tw.length - 1]!.term) && exact && unmet.length > 0 && !amountOf(topic)?.counted.length ? verbsOfTopic(topic) : null;
    if (held.has(tw[tw.length - 1]!.term) || (clause && clause.size > 0)) {
      const verbs = clause ? verbWords(near.trim() ? `${sentence} ${near}` : sentence) : null;
      for (const x of unmet) {
        if (!x.vector) continue;
        let best = 0;
        for (const s of pw) if (s.vector && !used.has(s.term) && (!verbs || clause!.has(x.word) === verbs.has(s.key))) best = Math.max(best, dot(x.vector, s.vector));
        if (best > PARTIAL_FROM) partial += (x.w * (best - PARTIAL_FROM)) / (1 - PARTIAL_FROM);
      }
    }
    // A topic of several words none of which the passage uses is most often another topic in the same field ("her
    // trial verdict" against "She faces a maximum sentence …, if convicted"): only a one-word topic may be met in
    // other words alone ("his lawyer" by "attorney").
    // Nor is one whose weightiest word is met by a near vector only, when no word is held as itself ("climate change"
    // against "the need for … action": "change" ~ "action" in some WordNet sense, "climate" ~ "global" by the vectors).
    if (tw.length > 1 && !exact && !heaviestMet) return 0;
    return got > 0 || tw.length === 1 ? (got + soft + (got > 0 ? partial : 0)) / total : 0;
  };
}

/**
 * Whether a quote request's topic names a person by a name the documents never use ("jeb's brother george" against a
 * story that never names George): no sentence meets such a topic, however well it meets the rest ("Jeb").
 *
 * @example
 * namesSomeoneAbsent("jeb's brother george", (t) => t === 'jeb'); // true
 */
export function namesSomeoneAbsent(topic: string, known: (term: string) => boolean): boolean {
  return nlp(topic)
    .match('(#FirstName|#LastName)')
    .out('array')
    .some((name: string) =>
      wordsOf(name).some((w) => {
        const t = term(w);
        return !!t && !known(t);
      }),
    );
}

