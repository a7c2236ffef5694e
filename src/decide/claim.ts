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
import { memoPerText } from '../text/text-memo.js';
import type { QuoteIntent } from '../understand/said.js';

export interface ClaimWord {
  term: string;
  /** The word as written (for its vector). */
  word: string;
  /** How much it counts (its IDF, or the unseen-word weight). */
  weight: number;
  /** A content verb ("dissolved", "hated", "stop"): the claim's predicate head, which counts {@link VERB_WEIGHT} times. */
  verb: boolean;
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
  /** Weighted share of the claim's predicate (or, with none, its names) that the sentence holds, in [0, 1]. */
  share: number;
  /** The clause holding the claim's words says it the other way round ("not", "never"). */
  contradicted: boolean;
  /** Claim words the sentence does not hold. */
  missing: string[];
}

export interface ClaimOptions {
  /** Weight of a term (IDF for the documents' terms, else the unseen-word weight of the word). */
  weight: (term: string, word: string) => number;
  vectors?: WordVectors | null;
  /** Words the documents write only capitalised ("marshall", "gypsy"): names, however the question types them. */
  names?: () => ReadonlySet<string>;
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

/** Negators, as words and as the clitic "n't" (also typed without its apostrophe: "wasnt", "dont"). */
const NEGATION = /\b(?:not|never|no|nobody|none|nothing|neither|nor|without|cannot)\b|n['’]t\b|\b(?:is|was|are|were|do|does|did|has|have|had|ca|wo|would|should|could|ai)nt\b/iu;
/** Clause boundaries: punctuation, double quotation marks, and sentence ends inside a quotation. */
const CLAUSE = /[,;:–—()“”"]+|[.!?…]+['’]?\s|\s-\s|\bbut\b/u;
/** Verbs that carry no claim of their own ("go straight to jail", "do even more"). */
const LIGHT_VERBS = new Set(['go', 'do', 'make', 'get', 'take', 'have', 'be', 'come', 'put', 'keep', 'let', 'seem', 'become']);
/** Words after which the next content word is a verb ("should stop", "would quit", "do not need", "to work"; not "do" alone: "to do even more"). */
const BEFORE_VERB = new Set(['should', 'would', 'will', 'must', 'can', 'could', 'may', 'might', 'shall', 'to', 'not', 'never', "won't", "can't", "don't", "doesn't", "didn't", "wouldn't", "shouldn't", 'cannot']);
/** Degree words before an adjective ("more complicated"). */
const DEGREE = new Set(['more', 'most', 'less', 'least', 'very', 'so', 'too', 'quite', 'really', 'rather', 'pretty']);
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
  if (LIGHT_VERBS.has(lemmatizer.verb(w))) return false;
  // "more complicated", "very pleased": a participle after a degree word is an adjective.
  const before = words[i - 1]?.toLowerCase();
  if (before && DEGREE.has(before)) return false;
  if (!w.endsWith('ing') && lemmatizer.verb(w) !== w && lemmatizer.noun(w) === w) return true;
  for (let j = i - 1; j >= 0; j--) {
    const p = words[j]!.toLowerCase().replace(/’/gu, "'");
    if (BEFORE_VERB.has(p)) return true;
    if (!BETWEEN.has(p)) return false;
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
  const words = wordsOf(clean);
  const predicate: ClaimWord[] = [];
  const names: ClaimWord[] = [];
  const seen = new Set<string>();
  const known = opts.names?.();
  words.forEach((word, i) => {
    const t = term(word);
    // Negators set the claim's polarity; they are not words it must share ("wasnt" is a term).
    if (!t || seen.has(t) || NEGATION.test(word)) return;
    seen.add(t);
    if (isName(word, known)) names.push({ term: t, word, weight: opts.weight(t, word), verb: false });
    else {
      const verb = isVerb(words, i);
      predicate.push({ term: t, word, weight: opts.weight(t, word) * (verb ? VERB_WEIGHT : 1), verb });
    }
  });
  return { text: clean, predicate, names, negated: kind === 'topic' ? null : NEGATION.test(clean) };
}

/** Sentence words with their terms and vectors, per clause. */
interface SentenceWord {
  term: string;
  vector: Float32Array | undefined;
  clause: number;
}

/** The same for every question that reads the sentence: remembered (src/text/text-memo.ts). */
const sentenceWords = memoPerText(wordsOfSentence);
function wordsOfSentence(sentence: string, vectors: WordVectors | null | undefined): { words: SentenceWord[]; negated: boolean[] } {
  const clauses = sentence.split(CLAUSE);
  const words: SentenceWord[] = [];
  clauses.forEach((c, clause) => {
    for (const w of wordsOf(c)) {
      const t = term(w);
      if (t) words.push({ term: t, vector: vectors?.vector(w), clause });
    }
  });
  return { words, negated: clauses.map((c) => NEGATION.test(c)) };
}

/**
 * @example
 * supports(claimOf('his dad was never on the podcast', opts), 'My dad was my favorite podcast guest.', opts);
 * // { share: 1, contradicted: true, missing: [] }
 */
export function supports(claim: Claim, sentence: string, opts: ClaimOptions): ClaimSupport {
  const want = claim.predicate.length ? claim.predicate : claim.names;
  if (!want.length) return { share: 1, contradicted: false, missing: [] };
  const { words, negated } = sentenceWords(sentence, opts.vectors);
  // Exact terms first; a sentence word met exactly cannot also stand in for another claim word.
  const used = new Set<number>();
  const match = new Map<ClaimWord, { score: number; clause: number }>();
  for (const w of want) {
    const i = words.findIndex((s, j) => !used.has(j) && s.term === w.term);
    if (i >= 0) {
      used.add(i);
      match.set(w, { score: 1, clause: words[i]!.clause });
    }
  }
  for (const w of want) {
    if (match.has(w)) continue;
    const v = opts.vectors?.vector(w.word);
    if (!v) continue;
    let best = -1;
    let bestCos = CLAIM_SOFT_FLOOR;
    words.forEach((s, j) => {
      if (used.has(j) || !s.vector) return;
      const c = dot(v, s.vector);
      if (c >= bestCos) [best, bestCos] = [j, c];
    });
    if (best >= 0) {
      used.add(best);
      match.set(w, { score: bestCos, clause: words[best]!.clause });
    }
  }
  let total = 0;
  let held = 0;
  // How much of the claim each clause holds: a word met exactly counts in every clause that has it
  // ("No, I never saw you … I saw you in Gypsy": "saw" is in both).
  const byClause = new Map<number, number>();
  const add = (clause: number, x: number) => byClause.set(clause, (byClause.get(clause) ?? 0) + x);
  for (const w of want) {
    total += w.weight;
    const m = match.get(w);
    if (!m) continue;
    held += w.weight * m.score;
    if (m.score < 1) add(m.clause, w.weight * m.score);
    else for (const clause of new Set(words.filter((x) => x.term === w.term).map((x) => x.clause))) add(clause, w.weight);
  }
  // The clause that holds most of the claim says it; of equally good clauses, one that agrees is enough.
  const top = Math.max(0, ...byClause.values());
  const best = [...byClause].filter(([, s]) => s === top).map(([c]) => c);
  const contradicted = claim.negated !== null && best.length > 0 && best.every((c) => negated[c] !== claim.negated);
  const missing = want.filter((w) => !match.has(w));
  return { share: total > 0 ? held / total : 0, contradicted, missing: missing.map((w) => w.word) };
}

/** Does the sentence say what the claim says? Most of it (its verbs counting more), the same way round. */
export const meetsClaim = (s: ClaimSupport) => s.share >= CLAIM_SUPPORT && !s.contradicted;

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
  // The sentence, and the whole quotation when it runs over several sentences.
  const textOf = (c: ClaimCandidate) => c.doc.text.slice(Math.min(c.start, c.attribution?.words?.start ?? c.start), Math.max(c.end, c.attribution?.words?.end ?? c.end));
  if (said.kind === 'who-said') return (c) => supports(claim, textOf(c), opts);
  const speaker = new Set(terms(said.speaker));
  const names = (text: string | null | undefined) => !!text && terms(text).some((t) => speaker.has(t));
  // The speaker's quotations (aliases resolved) are looked up only when the cheaper signs fail.
  let quotations: Span[] | undefined;
  const quotes = () => (quotations ??= bySpeaker());
  const saysIt = (c: ClaimCandidate) =>
    names(c.attribution?.speaker) || names(textOf(c)) || names(c.inherited) || quotes().some((q) => q.doc === c.doc.id && q.start < c.end && c.start < q.end);
  return (c) => (saysIt(c) ? supports(claim, textOf(c), opts) : { share: 0, contradicted: false, missing: [said.speaker] });
}

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
  attribution?: { speaker?: string | null; words?: { start: number; end: number } };
  /** Whom its pronouns stand for ("he told the Council" → "Kofi Annan"), when known. */
  inherited?: string | null;
}
