/**
 * Does a sentence say what a claim says? "Who said the African Union should
 * be dissolved?" names an entity the document quotes about, but its
 * predicate — "dissolved" — is what someone must have said. A claim is met
 * by a sentence that holds most of its predicate words (the verbs, counting
 * more, nouns, adjectives besides the named entities and request words),
 * each by the same term
 * (lemma, stem, British/US spelling: src/retrieve/terms.ts) or, failing
 * that, by a near word in the word vectors (cosine ≥ {@link CLAIM_SOFT_FLOOR},
 * each sentence word standing in for one claim word only), and whose clause
 * holding them agrees with the claim on negation ("never", "not", "n't").
 */
import { lemmatizer } from '../text/lemmatizer.js';
import { term, terms, wordsOf } from '../retrieve/terms.js';
import { withoutRequestWords } from '../understand/request.js';
import { dot, type WordVectors } from '../embed/word-vectors.js';
import { opposite, related, sameSynset, type LexEntry, type Lexicon } from './lexicon.js';
import { askedPerson, isAskedSpeaker } from './claim-speaker.js';
import { sigmoid } from '../log-odds.js';
import { memoPerText } from '../text/text-memo.js';
import { SPEECH_VERBS } from '../text/speech-verbs.js';
import CLAIM_MODEL_JSON from './claim-model.json' with { type: 'json' };

type Model = { bias: number; w: Partial<Record<string, number>>; bar?: number };
const CLAIM_MODEL: Model & { topic: Model } = CLAIM_MODEL_JSON;
import type { QuoteIntent } from '../understand/said.js';

export interface ClaimWord {
  term: string;
  /** The word as written (for its vector). */
  word: string;
  /** How much it counts (its IDF, or the unseen-word weight). */
  weight: number;
  /** A content verb ("dissolved", "hated", "stop"): the claim's predicate head, which counts {@link VERB_WEIGHT} times. */
  verb: boolean;
  /** Said negated: its clause has a negator, or "least"/"less" comes right before it ("his least favorite guest"). */
  negated?: boolean;
  /** The claim's next word, for a phrase WordNet knows ("passed away" ~ "died"). */
  next?: string;
  /** A name's place preposition right before it ("in" of "in Cameroon"), when there is one. */
  place?: string;
  /** The count right before it ("two" of "two years"), when there is one. */
  counted?: number;
}

export interface Claim {
  text: string;
  /** What someone must have said: the claim's content words besides names. Empty when it is only names. */
  predicate: ClaimWord[];
  /** The names it mentions (a topic that is only names, "what did Shatner say about Tony Randall?", is met by them). */
  names: ClaimWord[];
  /** Whether it is said with a negation; null for a topic ("about the gun"), which is met either way. */
  negated: boolean | null;
}

export interface ClaimSupport {
  /** Weighted share of the claim's predicate (or, with none, its names) that the sentence holds the same way round, in [0, 1]. */
  share: number;
  /** Weighted share the sentence holds the other way round: under the opposite polarity ("not", "rather than"), or as an antonym ("terrible" / "good"). */
  contrary?: number;
  /** The clause holding the claim's words says it the other way round ("not", "never"). */
  contradicted: boolean;
  /** Claim words the sentence does not hold. */
  missing: string[];
  /** What the fitted model reads (claim-model.json). */
  features?: ClaimFeatures;
  /** Probability that the sentence says the claim (the fitted model), when computed. */
  p?: number;
  /** "Did Y say X?": the sentence is not Y's, so it cannot make the answer yes, however well it says X. */
  otherSpeaker?: boolean;
  /** Checked as a topic ("what did Y say about X?"): `p` is the topic model's, held to its own bar. */
  topic?: boolean;
}

/** The claim model's inputs: held share, partial evidence of near words below the floor, contrary share, a content verb left unmet. */
export interface ClaimFeatures {
  share: number;
  near: number;
  /** Unmet words' nearest sentence words from a lower cosine ({@link SOFT_FLOOR}), weighted like share: paraphrase evidence too weak to hold a word alone. */
  soft: number;
  contrary: number;
  verbMissing: number;
  /**
   * The claim rests on one content word ("the gun was Wayne's", "Marshall saw him"): a sentence holding it says
   * little about whether it says the claim, whose meaning is then in how its words relate, which a match of words
   * cannot see. 1 for one word, else 0.
   */
  lone: number;
  /** How much of the sentence's clause saying most of the claim the claim accounts for ({@link coveredClause}). */
  covered: number;
}

/**
 * What the fitted model reads. `soft` and `verbMissing` are still worked out (and printed by `npm run fit:claim --
 * --explain`) but not read: fitted with `covered` over seven tuning sets, cross-validated by document, the model
 * without them answered more real claims at the same refusals.
 */
export const CLAIM_FEATURES = ['share', 'near', 'contrary', 'lone', 'covered'] as const;

/**
 * Probability that a sentence says the claim: logistic over {@link ClaimFeatures}, weights in
 * claim-model.json fitted on the tuning who-said phrasings (`npm run fit:claim`). A topic ("what did Y say about X?")
 * is read by the topic model instead (round 7's claim model, over {@link TOPIC_FEATURES}): a topic names what a
 * sentence is about, it does not restate a clause, so `covered` says nothing of it.
 */
export function claimProbability(f: ClaimFeatures, topic = false): number {
  if (topic) {
    const t = TOPIC_WEIGHTS;
    return sigmoid(CLAIM_MODEL.topic.bias + t[0]! * f.share + t[1]! * f.near + t[2]! * f.soft + t[3]! * f.contrary + t[4]! * f.verbMissing + t[5]! * f.lone);
  }
  const w = CLAIM_WEIGHTS;
  return sigmoid(CLAIM_MODEL.bias + w[0]! * f.share + w[1]! * f.near + w[2]! * f.contrary + w[3]! * f.lone + w[4]! * f.covered);
}
/** The model's weights in {@link CLAIM_FEATURES}' order (read once, not looked up by name per sentence). */
const CLAIM_WEIGHTS = CLAIM_FEATURES.map((k) => CLAIM_MODEL.w[k] ?? 0);
/** What the topic model reads ("what did Y say about X?"). */
export const TOPIC_FEATURES = ['share', 'near', 'soft', 'contrary', 'verbMissing', 'lone'] as const;
const TOPIC_WEIGHTS = TOPIC_FEATURES.map((k) => CLAIM_MODEL.topic.w[k] ?? 0);

export interface ClaimOptions {
  /** Weight of a term (IDF for the documents' terms, else the unseen-word weight of the word). */
  weight: (term: string, word: string) => number;
  vectors?: WordVectors | null;
  /** Words the documents write only capitalised ("marshall", "gypsy"): names, however the question types them. */
  names?: () => ReadonlySet<string>;
  /** WordNet synonyms and antonyms (lexicon.ts), once loaded; without, only terms and vectors match. */
  lexicon?: () => Lexicon | null;
  /** Sees every who-said check (the claim model is fitted from these: claim-fit.ts). */
  observe?: (c: ClaimCandidate, s: ClaimSupport) => void;
}

/** A word as a name is looked up: lower case, without a possessive ("Wayne's" → "wayne"). */
const nameKey = (w: string) => w.toLowerCase().replace(/['’]s$|['’]$/u, '');

/**
 * The words a text writes capitalised and never in lower case, lower-cased: its names, so that a
 * question typed in lower case ("who said marshall saw him in gypsy") still sets them apart.
 *
 * @example
 * documentNames(['Garry Marshall called me. He saw me in Gypsy.']); // Set { 'garry', 'marshall', 'gypsy' } (and 'he')
 */
export function documentNames(texts: string[]): Set<string> {
  const upper = new Set<string>();
  const lower = new Set<string>();
  for (const text of texts) for (const w of wordsOf(text)) (/^\p{Lu}/u.test(w) ? upper : lower).add(nameKey(w));
  for (const w of lower) upper.delete(w);
  return upper;
}

/**
 * A sentence word stands in for a missing claim word from this cosine up. Above the soft-matching floor
 * the sentence scorer uses (0.6, fitted on SQuAD tuning articles), because here a near word decides
 * alone, and GloVe puts frequent words near each other: on the tuning phrasings "failed" ~ "efforts"
 * (0.67) and "stop" ~ "even" (0.66) met claims nobody made, while the paraphrases needed "dad" ~
 * "father" (0.70), "vital" ~ "essential" (0.83).
 */
export const CLAIM_SOFT_FLOOR = 0.7;

/**
 * A content verb counts this many times its weight: "mediation efforts should stop" is not said by a
 * sentence about mediation efforts, while "clear guidelines would help coordination" is a fair account
 * of "coordination would be made more effective by having clear guidelines" (on the tuning phrasings, a
 * verb that had to be held refused the second; counting it 1.5× keeps the first refused).
 */
export const VERB_WEIGHT = 1.5;

/**
 * The weighted share of a claim's predicate a sentence must hold. A claim with one of its two content
 * words missing ("Billy Hardwick hated bowling") is not what was said; a paraphrase that misses a light
 * word of four ("go straight to jail after sentencing") is. Chosen on the tuning phrasings
 * (test/fixtures/phrasings/tune.jsonl), measured on the held-out ones.
 */
export const CLAIM_SUPPORT = 0.7;

/**
 * Negators, as words and as the clitic "n't" (also typed without its apostrophe: "wasnt", "dont"); "unable to" as
 * "refused to"; not the "not" of "or not" ("whether or not there was a shooting", "guilty or not"), which leaves the
 * question open and denies nothing; nor "not just", "not only", "not merely" ("not just peacekeeping but prevention"),
 * which add to what they are said of.
 */
const NEGATION = /\b(?:(?<!\bor\s+)not(?!\s+(?:just|only|merely)\b)|never|no(?![\s"“]+(?:doubt|question)\b)|nobody|none|nothing|neither|nor|without|cannot|rather than|instead of|(?:refus|declin)(?:e|es|ed|ing) to|unable to)\b|n['’]t\b|\b(?:is|was|are|were|do|does|did|has|have|had|ca|wo|would|should|could|ai)nt\b/iu;
/** Degree words that turn the next word round ("his least favorite guest", "work less closely"). */
const DIMINISH = new Set(['least', 'less']);
/** Chat spellings of function words ("even tho", "bc", "u"): no more a claim's content than "though", "because", "you". */
const CHAT_SPELLINGS = ['hes', 'shes', 'theyre', 'theyve', 'theyd', 'youre', 'ive', 'im', 'id', 'thats', 'theres', 'n', 'tho', 'altho', 'thru', 'cuz', 'coz', 'bc', 'bcuz', 'u', 'ur', 'abt', 'w', 'ya', 'yeah', 'yea', 'smth', 'sth', 'idk', 'imo', 'tbh', 'rn', 'gonna', 'wanna', 'gotta', 'kinda', 'sorta'];
/**
 * Verbs of holding a view: what was said is the view ("they feel really uneasy about …" claims "uneasy about …"; the
 * sentence reports it with "said", which is no claim word either; "he expected the US to bomb …" with "he thought the
 * United States would retaliate …").
 */
const ATTITUDE = ['feel', 'feels', 'felt', 'feeling', 'think', 'thinks', 'thought', 'believe', 'believes', 'believed', 'reckon', 'reckons', 'reckoned', 'expect', 'expects', 'expected'];
/**
 * Indefinite pronouns and placeholder nouns ("grateful to *everyone* who worked …" / "to all those who worked …", "an
 * extreme *thing* to do" / "a drastic move", "taking *stuff*"): they stand for what the sentence names, not for a word it must hold.
 */
const INDEFINITE = ['everyone', 'everybody', 'anyone', 'anybody', 'someone', 'somebody', 'everything', 'anything', 'something', 'thing', 'things', 'stuff'];
/** "going to" + a verb ("going to be", "going to have"): the future, as "will" ("going to prison" is not; only verbs carrying no claim of their own, {@link LIGHT_VERBS}, are read as the future's). */
const FUTURE_GOING = (words: string[], i: number) => words[i + 1]?.toLowerCase() === 'to' && LIGHT_VERBS.has(words[i + 2]?.toLowerCase() ?? '');
/** Words that add nothing a sentence must hold ("once sentenced", "still needed", "a lot of work"). */
const FILLER = new Set([...ATTITUDE, ...INDEFINITE, 'belong', 'belongs', 'belonged', 'far', 'much', 'once', 'still', 'just', 'really', 'actually', 'basically', 'now', 'lot', 'lots', 'ever', 'very', 'pretty', 'quite', 'least', 'less', 'anymore', 'longer', 'again', ...CHAT_SPELLINGS]);
/** A WordNet synonym, or a form derived from the same word ("clarified" ~ "clarification"), stands in for a claim word at this strength (a word vector at its cosine). */
export const SYNONYM_MATCH = 0.9;
/** A word the vectors don't know that begins a longer sentence word ("fav" → "favorite", "info" → "information"). */
const SHORTENED_MATCH = 0.8;
/**
 * Clause boundaries: punctuation, double quotation marks, and sentence ends inside a quotation (not an abbreviation's
 * point: "U.N. Security Council", "Mr. Annan"); and before "rather than", "instead of" and subordinators ("if",
 * "because", "unless" …; not "when", often a relative: "about when she last saw her"), so that a negation holds in its
 * own clause only, also in a claim typed without commas ("rehabilitate people rather than train criminals": only
 * "train criminals" is negated; "the match would have been harder if she hadn't had to play so many matches": only
 * the "if" clause); and at "and" before a negated verb ("he came and did not stay", "and never returned": the negation
 * is the second verb's, not the first's) and before a second verb of saying or "that" ("said he did not know … and
 * claimed none of …": a second thing said, its own clause).
 */
const CLAUSE = /[,;:–—()“”"]+|(?<!(?:^|[\s.])(?:\p{Lu}|Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Rep|Sen|Gov|Lt|Col|No))[.!?…]+['’]?\s|\s--?\s|\bbut\b|\band\s+(?=(?:he|she|they|we|I|you|it)\b)|\band\s+(?=(?:that|said|says|added|adds|claimed|claims|insisted|insists|argued|argues|noted|notes|stressed|stresses|warned|warns|explained|explains|acknowledged|admitted|denied|denies|told|tells)\b)|\band\s+(?=(?:not|never|cannot|(?:do|does|did|is|was|are|were|has|have|had|would|could|should|will|can|wo|ca|must|may|might)(?:n['’]?t|\s+(?:not|never|no\s+longer)))\b)|(?=\b(?:rather\s+than|instead\s+of|if|whether|because|unless|although|though|whereas)\b)/u;
/** A clause of "whether" or "if", which the negation of the clause before does not reach ("did not know whether X": X is not denied). */
const SUBORDINATE = /^\s*(?:whether|if)\b/iu;
/** {@link CLAUSE} with its boundary kept (split's odd entries), to tell how one clause follows another. */
const CLAUSE_KEPT = new RegExp(`(${CLAUSE.source})`, 'u');
/** A clause that goes on with the one before it, its verb left out ("he had not seen the report, or the letters"). */
const ELLIPSIS = /^\s*(?:or|let\s+alone)\b/iu;
/** Points of ellipsis between clauses: before a word in lower case, words left out of one clause, not a sentence's end. */
const ELLIPSIS_POINTS = /^\s*(?:\.\.\.|…)\s*$/u;

/** A clause as its words' polarity reads it. */
interface Clause {
  text: string;
  negated: boolean;
  /** How many of its first words stand before a negation that holds only from there ("he wanted not revenge but justice": "he wanted"). */
  lead: number;
}

/**
 * A text's clauses ({@link CLAUSE}) and whether each is said negated. A negation carries over a clause that leaves out
 * its verb ("he had not seen the report, or the letters": the letters are not seen either; "nor" negates of itself);
 * in "not X but Y" the verb before "not" is also Y's ("he wanted not revenge but justice"), so it is not negated; nor
 * are the words before "without", which denies only what follows it ("choose one without any embroidery").
 *
 * @example
 * clausesOf('he wanted not revenge but justice'); // [{ text: 'he wanted not revenge ', negated: true, lead: 2 }, { text: ' justice', negated: false, lead: 0 }]
 */
function clausesOf(text: string): Clause[] {
  const parts = text.split(CLAUSE_KEPT);
  const out: Clause[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const c = parts[i]!;
    const m = NEGATION.exec(c);
    let negated = m !== null;
    // "unable to substantiate ... whether or not there was a shooting": the points leave words out of one clause.
    // Not into a clause of "whether" or "if": its own polarity ("unable to substantiate ... whether or not there was a shooting" does not deny the shooting).
    if (!negated && out.length && out[out.length - 1]!.negated && (ELLIPSIS.test(c) || (ELLIPSIS_POINTS.test(parts[i - 1]!) && /^\s*\p{Ll}/u.test(c))) && !SUBORDINATE.test(c)) negated = true;
    let lead = 0;
    // "choose one without any embroidery": "without" denies what follows it, not the verb before it.
    if (m && /^without$/iu.test(m[0])) lead = wordsOf(c.slice(0, m.index)).length;
    else if (m && /^\s*but\s*$/iu.test(parts[i + 1] ?? '')) {
      // The words before the negator; a clitic ("didn't") is one word with what it is written onto.
      lead = wordsOf(c.slice(0, m.index)).length;
      if (m.index > 0 && /\p{L}/u.test(c[m.index - 1]!)) lead--;
    }
    out.push({ text: c, negated, lead: Math.max(0, lead) });
  }
  return out;
}

/** "refused to", "declined to": negators (see {@link NEGATION}), not words a sentence must hold. */
const REFUSING = /^(?:(?:refus|declin)(?:e|es|ed|ing)|unable)$/u;
/** Linking verbs: before a degree word or a comparative ("has grown more complex", "got worse") the claim is the adjective. */
const LINKING = new Set(['grow', 'become', 'get', 'turn', 'seem', 'remain', 'stay', 'appear', 'prove']);
/**
 * Verbs of disclosing: declining one of them is declining any ("refused to say where" ~ "would not confirm where",
 * "declined to comment"), so they stand in for each other as synonyms do.
 */
const DISCLOSE = new Set(['say', 'confirm', 'comment', 'reveal', 'disclose', 'specify', 'tell', 'discuss', 'elaborate', 'divulge']);
/** A manner or degree adverb ("closely", "strictly") counts this share of its weight: it qualifies the claim, it is not the claim. */
export const ADVERB_WEIGHT = 0.5;
/**
 * Prepositions, quantifiers and approximators ("in the *next few* days", "*roughly* 400", "*until* the day he dies",
 * "*within* its rights"): a paraphrase rewords them freely ("the coming days", "about 400", "to his grave", "in our
 * right"), so they count this share of their weight. Not "against" or "without": those carry the claim's polarity.
 */
export const LIGHT_WEIGHT = 0.3;
const LIGHT = new Set(['next', 'few', 'several', 'until', 'till', 'beside', 'within', 'roughly', 'together', 'forever', 'along', 'off', 'across', 'almost', 'around', 'nearly', 'approximately', 'about', 'every', 'down', 'thru', 'onto', 'upon', 'toward', 'towards', 'during', 'above', 'below', 'among', 'behind', 'away', 'right', 'straight', 'totally', 'completely', 'entirely', 'fully', 'hugely', 'highly', 'truly']);
/** Nouns for a person by their relation to someone ("his client", "her husband"), light after a possessive. */
const RELATIONAL = new Set(['client', 'clients', 'wife', 'husband', 'son', 'sons', 'daughter', 'daughters', 'mother', 'father', 'mom', 'dad', 'brother', 'sister', 'parents', 'children', 'kids', 'boy', 'girl', 'family', 'friend', 'friends', 'boss', 'lawyer', 'lawyers', 'attorney', 'partner', 'girlfriend', 'boyfriend', 'roommate', 'roommates', 'colleague', 'colleagues']);
const POSSESSIVE = new Set(['his', 'her', 'their', 'my', 'our', 'its', 'your']);
/** Verbs that carry no claim of their own ("go straight to jail", "do even more"). */
const LIGHT_VERBS = new Set(['go', 'do', 'make', 'get', 'take', 'have', 'be', 'come', 'put', 'keep', 'let', 'seem', 'become']);
/** Words after which the next content word is a verb ("should stop", "would quit", "do not need", "to work"; not "do" alone: "to do even more"). */
const BEFORE_VERB = new Set(['should', 'would', 'will', 'must', 'can', 'could', 'may', 'might', 'shall', 'to', 'not', 'never', "won't", "can't", "don't", "doesn't", "didn't", "wouldn't", "shouldn't", 'cannot']);
/** Degree words before an adjective ("more complicated"). */
const DEGREE = new Set(['more', 'most', 'less', 'least', 'very', 'so', 'too', 'quite', 'really', 'rather', 'pretty']);
/** An adverb in -ly is no verb, and may stand between an auxiliary and its verb ("would be closely supervised"). */
const ADVERB = /^(?!(?:ap|sup|com|im|re|multi)ply$|(?:ral|tal|bul|sul)ly$)\p{L}{3,}ly$/u;
/** Adverbs that may stand between an auxiliary and its verb ("should never work", "will also send"). */
const BETWEEN = new Set(['not', 'never', 'also', 'really', 'ever', 'even', 'just', 'still', 'soon', 'be']);

/**
 * Is a word of the claim a content verb? An inflected verb form that is not also a plural noun
 * ("dissolved", "hated", "brought"; not "efforts", not a gerund), or a word right after a modal,
 * "to" or a negator ("should stop", "would quit"). Lemmas from the lemmatizer the terms use (src/text/lemmatizer.ts);
 * compromise's tagger would do it too, at ~1–4 ms a claim on this machine.
 */
function isVerb(words: string[], i: number): boolean {
  const w = words[i]!.toLowerCase();
  if (LIGHT_VERBS.has(lemmatizer.verb(w)) || ADVERB.test(w)) return false;
  // "more complicated", "very pleased": a participle after a degree word is an adjective.
  const before = words[i - 1]?.toLowerCase();
  if (before && DEGREE.has(before)) return false;
  if (!w.endsWith('ing') && lemmatizer.verb(w) !== w && lemmatizer.noun(w) === w) return true;
  for (let j = i - 1; j >= 0; j--) {
    const p = words[j]!.toLowerCase().replace(/’/gu, "'");
    if (BEFORE_VERB.has(p)) return true;
    if (!BETWEEN.has(p) && !ADVERB.test(p)) return false;
  }
  return false;
}

/** A name: a capitalised word ("ASEAN", "Union", "Klugman"), not "I", or one the documents write only capitalised ("waynes" ~ "Wayne's"). */
const isName = (word: string, names: ReadonlySet<string> | undefined) =>
  (/^\p{Lu}/u.test(word) && word !== 'I') || !!names && (names.has(nameKey(word)) || names.has(nameKey(word).replace(/s$/u, '')));

/**
 * @example
 * claimOf('the African Union should be dissolved', opts).predicate.map((w) => w.term); // ['dissolv']
 * claimOf('his dad was never on the podcast', opts).negated; // true
 */
export function claimOf(text: string, opts: ClaimOptions, kind: 'claim' | 'topic' = 'claim'): Claim {
  const clean = withoutRequestWords(text);
  // Each word's polarity is its clause's ("joint action, not polarized initiatives, …": only the second is negated).
  const words: string[] = [];
  const polarity: boolean[] = [];
  for (const c of clausesOf(clean))
    wordsOf(c.text).forEach((w, i) => {
      words.push(w);
      polarity.push(c.negated && i >= c.lead);
    });
  const predicate: ClaimWord[] = [];
  const names: ClaimWord[] = [];
  const seen = new Set<string>();
  const known = opts.names?.();
  words.forEach((word, i) => {
    const t = term(word);
    // Negators set the claim's polarity; they are not words it must share ("wasnt" is a term).
    // "refused to say" is "did not say"; "has grown more complex" claims "more complex" (a linking verb before a degree word).
    const next = words.slice(i + 1).find((x) => !FILLER.has(x.toLowerCase()))?.toLowerCase() ?? '';
    const lower = word.toLowerCase();
    if (REFUSING.test(lower) && next === 'to') return;
    // "rather than", "instead of" negate what follows (their own clause: CLAUSE); they are not words a sentence must hold.
    if ((lower === 'rather' && next === 'than') || (lower === 'instead' && next === 'of')) return;
    if (LINKING.has(lemmatizer.verb(lower)) && (DEGREE.has(next) || /^\p{L}{3,}er$/u.test(next))) return;
    // "is going to be executed" is "will be executed": "going to" before a verb marks the future, it is no word a sentence must hold.
    if (lower === 'going' && FUTURE_GOING(words, i)) return;
    if (!t || seen.has(t) || NEGATION.test(word) || (FILLER.has(lower) && !onceCounted(words, i))) return;
    seen.add(t);
    const negated = (polarity[i] ?? false) !== DIMINISH.has(words[i - 1]?.toLowerCase() ?? '');
    if (isName(word, known)) {
      const place = words[i - 1]?.toLowerCase();
      names.push({ term: t, word, weight: opts.weight(t, word), verb: false, negated, ...(place && PLACE_PREPOSITIONS.has(place) ? { place } : {}) });
    }
    else {
      const verb = isVerb(words, i);
      // An adverb that carries the claim's polarity ("work less closely") is what the claim is about: full weight.
      const qualifier = ADVERB.test(lower) && !negated;
      // "his client", "her husband": a person the sentence may name ("Tazhayakov did not touch …"), not what was said.
      const light = (LIGHT.has(lower) && !verb) || (RELATIONAL.has(lower) && POSSESSIVE.has(words[i - 1]?.toLowerCase() ?? ''));
      const counted = i > 0 ? amountBefore(words[i - 1]!) : null;
      predicate.push({ term: t, word, weight: opts.weight(t, word) * (verb ? VERB_WEIGHT : light ? LIGHT_WEIGHT : qualifier ? ADVERB_WEIGHT : 1), verb, negated, next: words[i + 1], ...(counted !== null ? { counted } : {}) });
    }
  });
  return { text: clean, predicate, names, negated: kind === 'topic' ? null : NEGATION.test(clean) || predicate.some((w) => w.negated) };
}

/** Sentence words with their terms and vectors, per clause, and whether each is said negated. */
interface SentenceWord {
  term: string;
  word: string;
  /** The word in lower case. */
  lower: string;
  vector: Float32Array | undefined;
  clause: number;
  negated: boolean;
  /** The word with the next one and two of its clause ("put to", "put to death"): phrases WordNet may know ("executed" ~ "put to death"). */
  phrases: string[];
  /** The term of the word written together with the next one of its clause ("drill pipe" → "drillpipe"), when both are words of 3+ letters: {@link joinedTerm}. */
  joined: string | null;
  /** Its count ({@link countOf}), and whether it is a number as written. */
  count: number | null;
  number: boolean;
  /** A unit of time ({@link unitOf}: "year" of "years"), and the count right before the word, if any ("two" of "two weeks"). */
  unit: string | null;
  counted: number | null;
  /**
   * Worked out on first use, once per sentence word (they are remembered per sentence) — the only fields set after
   * the word is made: its phrases WordNet knows (most know none; set by the first lexicon asked), its WordNet entry
   * (and the lexicon it is from), whether it is a verb of disclosing.
   */
  known: string[] | undefined;
  entry: LexEntry | undefined;
  entryFrom: Lexicon | undefined;
  disclose: boolean | undefined;
}

/** The same for every question that reads the sentence: remembered (src/text/text-memo.ts). */
const sentenceWords = memoPerText(wordsOfSentence);
function wordsOfSentence(sentence: string, vectors: WordVectors | null | undefined): readonly SentenceWord[] {
  const words: SentenceWord[] = [];
  clausesOf(sentence).forEach((c, clause) => {
    const ws = wordsOf(c.text);
    ws.forEach((w, i) => {
      const neg = c.negated && i >= c.lead;
      const t = term(w);
      if (t)
        words.push({
          term: t,
          word: w,
          lower: w.toLowerCase(),
          vector: vectors?.vector(w),
          clause,
          negated: neg !== DIMINISH.has(ws[i - 1]?.toLowerCase() ?? ''),
          phrases: ws[i + 1] ? [`${w} ${ws[i + 1]}`, ...(ws[i + 2] ? [`${w} ${ws[i + 1]} ${ws[i + 2]}`] : [])] : [],
          joined: joinedTerm(w, ws[i + 1]),
          count: countOf(w),
          number: NUMBER.test(w),
          unit: unitOf(w),
          counted: i > 0 ? amountBefore(ws[i - 1]!) : null,
          known: undefined,
          entry: undefined,
          entryFrom: undefined,
          disclose: undefined,
        });
    });
  });
  return words;
}

/**
 * A compound written as one word or as two ("drill pipe" / "drillpipe", "eye opener" / "eyeopener"): the term of the two
 * words written together, when both are words of three letters or more (not "a way" / "away"); null otherwise.
 */
function joinedTerm(word: string, next: string | undefined): string | null {
  return next && /^\p{L}{3,}$/u.test(word) && /^\p{L}{3,}$/u.test(next) ? term(`${word}${next}`) || null : null;
}

/** A sentence word's phrases that WordNet knows (most know none), worked out once per sentence word (those are remembered per sentence). */
function knownPhrases(s: SentenceWord, lex: Lexicon): string[] {
  return (s.known ??= s.phrases.length && lex.startsPhrase(s.word) ? s.phrases.filter((ph) => lex.known(ph)) : []);
}

/** Is one of the sentence word's known phrases a synonym of the claim word ("executed" ~ "put to death")? */
function phraseSynonym(claimWord: LexEntry, s: SentenceWord, lex: Lexicon): boolean {
  const phrases = knownPhrases(s, lex);
  for (let i = 0; i < phrases.length; i++) if (sameSynset(claimWord, lex.entry(phrases[i]!))) return true;
  return false;
}

/** A sentence word's WordNet entry, looked up once per sentence word. */
function entryOf(s: SentenceWord, lex: Lexicon): LexEntry {
  if (s.entryFrom !== lex) {
    s.entry = lex.entry(s.word);
    s.entryFrom = lex;
  }
  return s.entry!;
}

/** A sentence word is a verb of disclosing ({@link DISCLOSE}). */
const disclosing = (s: SentenceWord) => (s.disclose ??= DISCLOSE.has(lemmatizer.verb(s.lower)));

/** What depends on a claim word alone, worked out once per claim (not per sentence, nor per sentence word). */
interface WantedWord {
  w: ClaimWord;
  /** A year typed short ("94"), its count, a number as written, its count when written in words ("two", {@link otherCount}). */
  short: boolean;
  count: number | null;
  number: boolean;
  countWord: number | null;
  vector: Float32Array | undefined;
  /** The term of it written together with the claim's next word ({@link joinedTerm}). */
  joined: string | null;
  /** Without its plural -s, for a shortening ("orgs" → "org"…"organizations"); tried when {@link shortening}. */
  stem: string;
  shortening: boolean;
  /** Its WordNet entry, and its phrase's with the next claim word when WordNet knows that ("passed away"). */
  entry: LexEntry | null;
  phrase: LexEntry | null;
  discloses: boolean;
}

/** A claim's words worked out once per question (per lexicon and vectors: the check may be asked with others). */
interface Prepared {
  lex: Lexicon | null;
  vectors: WordVectors | null | undefined;
  words: WantedWord[];
}
const preparedMemo = new WeakMap<Claim, Prepared>();

function prepare(claim: Claim, want: ClaimWord[], lex: Lexicon | null, vectors: WordVectors | null | undefined): WantedWord[] {
  const hit = preparedMemo.get(claim);
  if (hit && hit.lex === lex && hit.vectors === vectors) return hit.words;
  const words = want.map((w): WantedWord => {
    const lower = w.word.toLowerCase();
    const count = lower === 'once' ? 1 : countOf(w.word);
    const vector = vectors?.vector(w.word);
    // A shortening, also in the plural ("fav" → "favorite", "orgs" → "organizations").
    const stem = lower.length >= 4 ? lower.replace(/s$/u, '') : lower;
    const entry = lex ? lex.entry(w.word) : null;
    const claimPhrase = lex && w.next ? `${w.word} ${w.next}` : null;
    return {
      w,
      short: SHORT_YEAR.test(w.word),
      count,
      number: NUMBER.test(w.word),
      countWord: lower === 'once' ? 1 : count !== null && lower in COUNT_WORDS ? count : null,
      vector,
      joined: joinedTerm(w.word, w.next),
      stem,
      shortening: (!vector || (!!entry && entry.synsets.size === 0)) && stem.length >= 3,
      entry,
      phrase: claimPhrase && lex!.known(claimPhrase) ? lex!.entry(claimPhrase) : null,
      discloses: DISCLOSE.has(lemmatizer.verb(lower)),
    };
  });
  preparedMemo.set(claim, { lex, vectors, words });
  return words;
}

/** Does a claim word say otherwise than the sentence: an antonym, another number of the same length ("2004" / "1994"), another count? */
function opposes(p: WantedWord, words: readonly SentenceWord[], lex: Lexicon | null): boolean {
  if (lex && p.entry!.antonyms !== null) for (const s of words) if (opposite(p.entry!, entryOf(s, lex))) return true;
  if (p.number) for (const s of words) if (s.number && s.word.length === p.w.word.length) return true;
  // "for two years" / "for two weeks", "in an hour" / "in five minutes": another length of time.
  const unit = p.w.counted !== undefined ? unitOf(p.w.word) : null;
  if (unit) for (const s of words) if (s.unit && s.counted !== null && s.counted * SECONDS[s.unit]! !== p.w.counted! * SECONDS[unit]!) return true;
  // "five dollars" / "a dollar": the same thing, counted otherwise.
  if (p.countWord !== null && p.w.next) {
    const counted = term(p.w.next);
    if (counted && words.some((s) => s.term === counted && s.counted !== null && s.counted !== p.countWord)) return true;
  }
  const stance = stanceOf(p.w.word);
  if (stance) for (const s of words) if ((stanceOf(s.lower) ?? stance) !== stance) return true;
  return p.countWord !== null && otherCount(p.countWord, words);
}

/**
 * "shot once", "met him once": "once" right after a content verb counts one time, so that "three times" says otherwise.
 * Elsewhere it is a filler ("once sentenced", "was once", "once again").
 */
function onceCounted(words: readonly string[], i: number): boolean {
  if (words[i]!.toLowerCase() !== 'once') return false;
  const before = words[i - 1]?.toLowerCase() ?? '';
  const lemma = lemmatizer.verb(before);
  return lemma !== before && !LIGHT_VERBS.has(lemma) && lemmatizer.noun(before) === before && !/^(?:again|more|before)$/iu.test(words[i + 1] ?? '');
}

/** Taking a side: a claim that someone is against what the sentence says they support (or the other way round) says otherwise. */
const STANCE: Record<string, 'for' | 'against'> = { against: 'against', oppose: 'against', opposed: 'against', opposition: 'against', support: 'for', supportive: 'for', favor: 'for', favour: 'for', endorse: 'for' };
const stanceOf = (word: string): 'for' | 'against' | undefined => STANCE[word.toLowerCase()] ?? STANCE[lemmatizer.verb(word.toLowerCase())];

/** Prepositions of place before a name ("in Cameroon", "from Mexico"). */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'into', 'inside', 'near']);
/** Names after a preposition that are times, not places ("in July", "on Sunday"). */
const TIME_NAMES = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|Easter)$/u;
/** The sentence names another place after the claim name's preposition ("in Nigeria" for "in Cameroon"). */
function otherPlace(n: ClaimWord, sentence: string): boolean {
  const re = new RegExp(String.raw`\b${n.place}\s+(?:the\s+)?(\p{Lu}[\p{L}’'.-]*)`, 'giu');
  for (const m of sentence.matchAll(re)) if (/^\p{Lu}/u.test(m[1]!) && !TIME_NAMES.test(m[1]!) && term(m[1]!) !== n.term) return true;
  return false;
}

/** Units of time, by their forms. */
const UNITS: Record<string, string> = { second: 'second', seconds: 'second', minute: 'minute', minutes: 'minute', hour: 'hour', hours: 'hour', day: 'day', days: 'day', week: 'week', weeks: 'week', month: 'month', months: 'month', year: 'year', years: 'year' };
/** Each unit of time in seconds (a month and a year as the calendar's average), to tell one length of time from another. */
const SECONDS: Record<string, number> = { second: 1, minute: 60, hour: 3600, day: 86_400, week: 604_800, month: 2_629_800, year: 31_557_600 };
/** A word's unit of time ("weeks" → "week"), or null. */
const unitOf = (word: string): string | null => UNITS[word.toLowerCase()] ?? null;

/** A candidate pairing of an unmet claim word (index) with a sentence word (index). */
interface Pair {
  w: number;
  s: number;
  score: number;
  phrase: boolean;
}

/** Which sentence words are taken (one claim word each), reused between calls: supports() runs to its end without calling itself. */
let usedScratch = new Uint8Array(64);

/**
 * How far a sentence says a claim: its predicate words aligned one-to-one with the sentence's — the same
 * term (1), a WordNet synonym, also of a phrase ("passed away" ~ "died", {@link SYNONYM_MATCH}), or a
 * near word vector (its cosine, from {@link CLAIM_SOFT_FLOOR}) — each counted as held when some
 * occurrence agrees with the claim word on negation, as contrary when none does or when the sentence
 * holds an antonym of it ("terrible" / "good"; vectors put those close, WordNet tells them apart).
 *
 * @example
 * supports(claimOf('his dad was never on the podcast', opts), 'My dad was my favorite podcast guest.', opts);
 * // { share: 0, contrary: 1, contradicted: true, missing: [] }
 */
export function supports(claim: Claim, sentence: string, opts: ClaimOptions): ClaimSupport {
  const want = claim.predicate.length ? claim.predicate : claim.names;
  if (!want.length) return { share: 1, contrary: 0, contradicted: false, missing: [] };
  const words = sentenceWords(sentence, opts.vectors);
  const lex = opts.lexicon?.() ?? null;
  const prepared = prepare(claim, want, lex, opts.vectors);
  const n = want.length;
  if (usedScratch.length < words.length) usedScratch = new Uint8Array(words.length * 2);
  const used = usedScratch.fill(0, 0, words.length);
  // Per claim word: its match's score (0: none), whether a matched occurrence agrees with it on negation, whether it is opposed, its nearest cosine.
  const score: number[] = new Array<number>(n).fill(0);
  const agrees: boolean[] = new Array<boolean>(n).fill(false);
  const opposed: boolean[] = new Array<boolean>(n).fill(false);
  const nearest: number[] = new Array<number>(n).fill(0);
  // Exact terms first; a sentence word met exactly cannot also stand in for another claim word.
  for (let i = 0; i < n; i++) {
    const p = prepared[i]!;
    const negated = !!p.w.negated;
    let first = -1;
    for (let j = 0; j < words.length; j++) {
      const s = words[j]!;
      if (s.term === p.w.term || (p.short && sameYear(p.w.word, s.word)) || (p.count !== null && s.count === p.count) || (s.joined !== null && s.joined === p.w.term)) {
        if (first < 0) first = j;
        if (s.negated === negated) agrees[i] = true;
      }
    }
    if (first >= 0) {
      used[first] = 1;
      score[i] = 1;
    }
  }
  // A compound the claim writes as two words and the sentence as one ("drill pipe" / "drillpipe"): both claim words are met by it.
  for (let i = 0; i < n; i++) {
    const p = prepared[i]!;
    if (score[i]! > 0 || p.joined === null) continue;
    const j = words.findIndex((s, at) => !used[at] && s.term === p.joined);
    const k = want.findIndex((x, at) => at !== i && x.word === p.w.next && score[at] === 0);
    if (j < 0) continue;
    used[j] = 1;
    for (const at of k >= 0 ? [i, k] : [i]) {
      score[at] = 1;
      agrees[at] = words[j]!.negated === !!want[at]!.negated;
    }
  }
  // Then the best remaining pairs, strongest first: a synonym, a near vector, or a shortening ("fav" → "favorite").
  const pairs: Pair[] = [];
  for (let i = 0; i < n; i++) {
    if (score[i]! > 0) continue;
    const p = prepared[i]!;
    // An antonym, or another number where the claim has one ("began in 2004" / "began in 1994"), says otherwise.
    if (opposes(p, words, lex)) {
      opposed[i] = true;
      continue;
    }
    const { vector: v, entry, phrase: claimPhrase, discloses, shortening, stem } = p;
    let near = 0;
    for (let j = 0; j < words.length; j++) {
      if (used[j]) continue;
      const s = words[j]!;
      const e = lex ? entryOf(s, lex) : null;
      const phrase = claimPhrase !== null && sameSynset(claimPhrase, e!);
      const cos = v && s.vector ? dot(v, s.vector) : 0;
      // A lexical match scores SYNONYM_MATCH: at or above it the vectors' cosine decides the score alone.
      const lexical = cos < SYNONYM_MATCH && ((discloses && disclosing(s)) || (!!lex && (phrase || phraseSynonym(entry!, s, lex) || sameSynset(entry!, e!) || related(entry!, e!))));
      let sc = lexical ? SYNONYM_MATCH : 0;
      if (cos > near) near = cos;
      if (cos > sc) sc = cos;
      if (sc < CLAIM_SOFT_FLOOR && cos >= NEIGHBOUR_COSINE && mutualNeighbours(opts.vectors!, p.w.word, s.word)) sc = CLAIM_SOFT_FLOOR;
      if (shortening && s.word.length > stem.length + 1 && s.lower.startsWith(stem) && SHORTENED_MATCH > sc) sc = SHORTENED_MATCH;
      if (sc >= CLAIM_SOFT_FLOOR) pairs.push({ w: i, s: j, score: sc, phrase });
    }
    nearest[i] = near;
  }
  pairs.sort((x, y) => y.score - x.score);
  for (const { w: i, s: j, score: sc, phrase } of pairs) {
    if (score[i]! > 0 || used[j]) continue;
    used[j] = 1;
    const s = words[j]!;
    score[i] = sc;
    agrees[i] = s.negated === !!want[i]!.negated;
    // "passed away" ~ "died": the particle is met with its verb (and is no antonym of "home" then).
    const next = want[i]!.next;
    const k = phrase ? want.findIndex((x, at) => x.word === next && score[at] === 0) : -1;
    if (k >= 0) {
      opposed[k] = false;
      score[k] = sc;
      agrees[k] = s.negated === !!want[k]!.negated;
    }
  }
  let total = 0;
  let held = 0;
  let contrary = 0;
  let near = 0;
  let soft = 0;
  let verbMissing = 0;
  const missing: string[] = [];
  for (let i = 0; i < n; i++) {
    const w = want[i]!;
    total += w.weight;
    if (opposed[i]) contrary += w.weight;
    else if (score[i] === 0) {
      // Below the floor, a near word is weaker evidence ("understanding" ~ "recognition", 0.58).
      near += w.weight * Math.max(0, (nearest[i]! - NEAR_FLOOR) / (CLAIM_SOFT_FLOOR - NEAR_FLOOR));
      soft += w.weight * Math.min(1, Math.max(0, (nearest[i]! - SOFT_FLOOR) / (CLAIM_SOFT_FLOOR - SOFT_FLOOR)));
      if (w.verb) verbMissing = 1;
      missing.push(w.word);
    }
    // A topic ("about the gun") is met either way round.
    else if (claim.negated === null || agrees[i]) held += w.weight * score[i]!;
    else contrary += w.weight * score[i]!;
  }
  // "abducted in Cameroon" against "kidnapped … in Nigeria": another place where the claim names one counts against it, as much as the place weighs.
  if (claim.predicate.length) for (const n of claim.names) if (n.place && !words.some((s) => s.term === n.term) && otherPlace(n, sentence)) {
    total += n.weight;
    contrary += n.weight;
  }
  const share = total > 0 ? held / total : 0;
  const against = total > 0 ? contrary / total : 0;
  const features = { share, near: total > 0 ? near / total : 0, soft: total > 0 ? soft / total : 0, contrary: against, verbMissing, lone: claim.predicate.length === 1 ? 1 : 0, covered: coveredClause(claim, words, used) };
  return { share, contrary: against, contradicted: against >= CONTRARY_SHARE && share + against >= CLAIM_SUPPORT, missing, features, p: claimProbability(features, claim.negated === null), ...(claim.negated === null ? { topic: true } : {}) };
}

/**
 * How much of the sentence's clause that says most of the claim the claim accounts for: the share of that clause's words
 * aligned with a claim word or one of the claim's names, best over the clauses holding at least one. A paraphrase
 * restates a clause ("a lot of work is still needed to make the partnership fully operational" / "much work remains to
 * be done to make it fully operational"); a claim nobody made borrows a word or two of a clause and says something
 * else of them ("the judge was corrupt" / "… sentenced by a Manhattan judge Tuesday afternoon for a gun conviction").
 */
function coveredClause(claim: Claim, words: readonly SentenceWord[], used: Uint8Array): number {
  let best = 0;
  let clause = -1;
  let held = 0;
  let said = 0;
  let all = 0;
  // Only a clause holding some of what is claimed counts: one of names alone ("Yaounde, Cameroon (CNN)") says nothing of it.
  const close = () => {
    if (said > 0 && held / all > best) best = held / all;
  };
  for (let j = 0; j < words.length; j++) {
    const s = words[j]!;
    if (s.clause !== clause) {
      close();
      clause = s.clause;
      held = 0;
      said = 0;
      all = 0;
    }
    const predicate = !!used[j] || claim.predicate.some((w) => w.term === s.term);
    // A named speaker's attribution ("Brown explains …") and words that carry nothing ("told everyone to come
    // back for dinner again": "everyone", "come", "again") are no part of what the clause says: a claim restating it
    // leaves them out.
    if (!predicate && !claim.names.some((n) => n.term === s.term) && (attributing(words, j) || CARRY_NOTHING(s.lower))) continue;
    all++;
    if (predicate) said++;
    if (predicate || claim.names.some((n) => n.term === s.term)) held++;
  }
  close();
  return best;
}

/** Words a clause may hold without saying anything by them: fillers, placeholders and light verbs ({@link FILLER}, {@link LIGHT_VERBS}). */
const CARRY_NOTHING = (lower: string) => FILLER.has(lower) || LIGHT_VERBS.has(lemmatizer.verb(lower));
/**
 * A sentence word of a named speaker's attribution: a verb of saying right after a name in its clause ("Brown
 * explains"), or the name. Stopwords are not among the sentence words, so a verb of saying that is one is not seen;
 * nor is a described speaker ("the hip-hop artist explains"), whose description's start is not told here.
 */
function attributing(words: readonly SentenceWord[], j: number): boolean {
  const capital = (k: number) => k >= 0 && k < words.length && words[k]!.clause === words[j]!.clause && /^\p{Lu}/u.test(words[k]!.word) && words[k]!.word !== 'I';
  if (SPEECH_VERBS.has(words[j]!.lower)) return capital(j - 1);
  let k = j;
  while (capital(k)) k++;
  return k > j && k < words.length && words[k]!.clause === words[j]!.clause && SPEECH_VERBS.has(words[k]!.lower);
}

/** A number as written ("1994", "40"). */
const NUMBER = /^\d+$/u;
/** Small counts written as words ("two years", "twice a week", "three times", "a decade ago" for "10 years ago", "a dozen"). */
const COUNT_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, twice: 2, thrice: 3, dozen: 12, decade: 10 };
/** A count up to 1,000, as digits or words ("2", "two", "twice"); null for other words and for years. */
function countOf(word: string): number | null {
  const w = word.toLowerCase();
  if (w in COUNT_WORDS) return COUNT_WORDS[w]!;
  return /^\d{1,3}$/u.test(w) ? Number(w) : null;
}
/** The count a word puts on the word after it: its count ({@link countOf}), or one for "a"/"an" ("a dollar", "in an hour"). */
const amountBefore = (word: string): number | null => countOf(word) ?? (/^an?$/iu.test(word) ? 1 : null);
/** "questioned Saddam for two years" against "nearly seven months": the sentence counts otherwise, and nowhere the claim's count (n, a claim word's count written in words). */
function otherCount(n: number, words: readonly SentenceWord[]): boolean {
  let counts = false;
  for (const s of words) {
    if (s.count === null) continue;
    if (s.count === n) return false;
    counts = true;
  }
  return counts;
}
/** A year typed short ("in 94") and the sentence's ("in 1994"). */
const SHORT_YEAR = /^\d\d$/u;
const sameYear = (claim: string, sentence: string) => SHORT_YEAR.test(claim) && /^(?:19|20)\d\d$/u.test(sentence) && sentence.endsWith(claim);

/**
 * Below {@link CLAIM_SOFT_FLOOR}, a sentence word still stands in for a claim word when each is among the other's
 * {@link NEIGHBOURS} nearest words in the whole vocabulary ("enormous" ~ "colossal" 0.66, "satisfying" ~ "gratifying"
 * 0.62, "drank" ~ "consumed" 0.60, "booze" ~ "alcohol" 0.58): a fixed cosine reads rare, specific words as far apart
 * and frequent ones as close ("failed" ~ "efforts" 0.67 are not each other's 50 nearest), so nearness is read
 * against each word's own neighbourhood (as cross-domain similarity local scaling does for translation). From
 * {@link NEIGHBOUR_COSINE} up; antonyms are told apart by WordNet first ({@link opposes}).
 */
export const NEIGHBOURS = 25;
export const NEIGHBOUR_COSINE = 0.55;
const mutualNeighbours = (v: WordVectors, a: string, b: string) =>
  inflection(a) === inflection(b) && v.amongNearest(a, b, NEIGHBOURS) && v.amongNearest(b, a, NEIGHBOURS);
/**
 * A word's inflection as written: an -ing form, a past form ("drank", "consumed"), an -s form, or none. Words near
 * each other in the vectors are often of a piece only by topic ("opponent" ~ "beating"); one written for another in
 * other words keeps its grammatical slot ("enormous" ~ "colossal", "drank" ~ "consumed").
 */
function inflection(word: string): 'ing' | 'past' | 's' | 'base' {
  const w = word.toLowerCase();
  const verb = lemmatizer.verb(w);
  if (w.endsWith('ing') && verb !== w) return 'ing';
  if (w.endsWith('s') && (verb !== w || lemmatizer.noun(w) !== w)) return 's';
  if (verb !== w) return 'past';
  return 'base';
}

/** Unmet claim words' nearest sentence words count in the `soft` feature from this cosine up (linearly to {@link CLAIM_SOFT_FLOOR}). */
export const SOFT_FLOOR = 0.35;

/** Cosines from here to {@link CLAIM_SOFT_FLOOR} count as partial evidence in the fitted model (the `near` feature). */
export const NEAR_FLOOR = 0.5;

/**
 * A sentence that holds the claim's words but this share of them the other way round says the
 * opposite ("his dad was never on the podcast" / "My dad was my favorite podcast guest").
 */
export const CONTRARY_SHARE = 0.25;

/** Does the sentence say what the claim says? Most of it (its verbs counting more), the same way round. */
export const meetsClaim = (s: ClaimSupport) => !s.otherSpeaker && saysClaim(s);

/** The sentence says X, whoever says it. */
export const saysClaim = (s: ClaimSupport) => (s.p !== undefined ? s.p >= (s.topic ? TOPIC_PROBABILITY : CLAIM_PROBABILITY) : s.share >= CLAIM_SUPPORT) && !s.contradicted;

/** The fitted model's probability a sentence must reach to say the claim (chosen with it: claim-fit.ts). */
export const CLAIM_PROBABILITY: number = CLAIM_MODEL.bar ?? 0.5;
/** The topic model's bar ("what did Y say about X?"). */
export const TOPIC_PROBABILITY: number = CLAIM_MODEL.topic.bar ?? 0.5;

/**
 * The check of an attribution question's claim against a candidate sentence, or undefined when the
 * question claims nothing: "who said X?" — the sentence (or its quotation) says X; "what did Y say
 * about X?" — Y says it (the sentence is one of Y's quotations, is attributed to Y, or names Y) and
 * it is about X.
 *
 * @example
 * const check = claimCheck({ kind: 'who-said', about: 'NATO should be disbanded' }, opts);
 * check?.(candidate).share; // 0 on "… the African Union, NATO and others."
 */
export function claimCheck(said: QuoteIntent, opts: ClaimOptions, bySpeaker: () => Span[] = () => []): ((c: ClaimCandidate) => ClaimSupport) | undefined {
  if (said?.kind !== 'who-said' && said?.kind !== 'said-about') return undefined;
  const claim = claimOf(said.about, opts, said.kind === 'who-said' ? 'claim' : 'topic');
  // The speaker's quotations (aliases resolved) are looked up only when the cheaper signs fail.
  let quotations: Span[] | undefined;
  const quotes = () => (quotations ??= bySpeaker());
  // The sentence, and the whole quotation when it runs over several sentences.
  const textOf = (c: ClaimCandidate) => {
    const words = c.attribution?.words;
    // "Floodwaters inundated … despite what one official called a 'Herculean effort' to hold back the water": naming
    // something says what is named and its name, from the cue on; what the sentence says before it is the reporter's.
    const cue = c.attribution?.cue ?? '';
    if (words && NAMING.test(cue) && words.start >= c.start && words.end <= c.end) {
      const at = c.doc.text.lastIndexOf(cue, words.start);
      if (at >= c.start) return c.doc.text.slice(at, c.end);
    }
    return c.doc.text.slice(Math.min(c.start, words?.start ?? c.start), Math.max(c.end, words?.end ?? c.end));
  };
  // Each sentence of a quotation is checked as the whole quotation: the same text, checked once per question.
  const checked = new Map<string, ClaimSupport>();
  const check = (text: string) => {
    let s = checked.get(text);
    if (!s) checked.set(text, (s = supports(claim, unbroken(text), opts)));
    return s;
  };
  if (said.kind === 'who-said') {
    // "Did Sway say X?" asks about Sway: another speaker's sentence saying X is no yes (claim-speaker.ts).
    const asked = said.speaker ? askedPerson(said.speaker, (w) => /^\p{Lu}/u.test(said.speaker!.split(/\s+/u).find((x) => x.toLowerCase().startsWith(w)) ?? '') || !!opts.names?.().has(w)) : null;
    const theirs = asked ? (c: ClaimCandidate) => quotes().some((q) => q.doc === c.doc.id && q.start < c.end && c.start < q.end) || (!!c.attribution?.speaker && isAskedSpeaker(asked, c.attribution.speaker, c.doc.text, opts.lexicon?.() ?? null)) : null;
    return (c) => {
      const s = check(textOf(c));
      if (theirs && !theirs(c)) return { ...s, otherSpeaker: true };
      opts.observe?.(c, s);
      return s;
    };
  }
  const speaker = new Set(terms(said.speaker));
  const names = (text: string | null | undefined) => !!text && terms(text).some((t) => speaker.has(t));
  const saysIt = (c: ClaimCandidate) =>
    names(c.attribution?.speaker) || names(textOf(c)) || names(c.inherited) || quotes().some((q) => q.doc === c.doc.id && q.start < c.end && c.start < q.end);
  return (c) => (saysIt(c) ? check(textOf(c)) : { share: 0, contradicted: false, missing: [said.speaker] });
}

const SPEECH = [...SPEECH_VERBS].join('|');
/**
 * A quotation broken mid-sentence by its attribution (“I have never understood,” said Bernard, “why you insist …”): the
 * attribution and the marks around it, so that the quotation is read as the one sentence it is ("never" holds over
 * "why you insist" in neither). Only where the quotation goes on in lower case after a comma: a new sentence stays apart.
 */
const BREAK = new RegExp(String.raw`,\s*["”’]\s*,?\s*(?=(?:[^"“”‘’;!?.]|\b(?:Mr|Mrs|Ms|Dr|St)\.)*?\b(?:${SPEECH})\b)(?:[^"“”‘’;!?.]|\b(?:Mr|Mrs|Ms|Dr|St)\.){1,140}?,\s*["“‘]\s*(?=\p{Ll})`, 'gu');

/**
 * The text with each quotation that its attribution breaks mid-sentence joined up again.
 *
 * @example
 * unbroken('"I have never understood," said Bernard, "why you insist upon ignoring that charming incident."');
 * // '"I have never understood why you insist upon ignoring that charming incident."'
 */
export const unbroken = (text: string): string => text.replace(BREAK, ' ');

/** Cues that name something in the speaker's words ("what one official called a 'Herculean effort'"): the sentence before the cue is the reporter's. */
const NAMING = /^(?:call|calls|called|dub|dubs|dubbed|term|terms|termed|label|labels|labell?ed)$/u;

interface Span {
  doc: string;
  start: number;
  end: number;
}

/** A candidate sentence as decide sees it. */
export interface ClaimCandidate {
  doc: { id: string; text: string };
  start: number;
  end: number;
  attribution?: { speaker?: string | null; cue?: string | null; words?: { start: number; end: number } };
  /** Whom its pronouns stand for ("he told the Council" → "Kofi Annan"), when known. */
  inherited?: string | null;
}
