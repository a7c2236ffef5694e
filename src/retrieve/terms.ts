/**
 * Terms for lexical matching: Unicode word segmentation (Intl.Segmenter),
 * lower-casing, contractions split off, English stopwords (`stopword` plus
 * every personal pronoun and question word), British → American spelling
 * (./spelling.ts), lemmas for irregular forms (`wink-lemmatizer`: ran → run,
 * began → begin, children → child) and then Porter stemming (`stemmer`).
 * One definition serves the BM25 index, the answer scorer and the evaluators:
 * a change here changes what the index holds, so bump {@link TERMS_VERSION}.
 */
import { stemmer } from 'stemmer';
import { eng } from 'stopword';
import { lemmatizer } from '../text/lemmatizer.js';
import { americanize } from './spelling.js';

/** Recorded in the index manifest (through the chunker version): a change rebuilds every index. */
export const TERMS_VERSION = 'terms-v5';

/** Every personal, possessive and reflexive pronoun, so "he" and "she" are treated alike. */
const PRONOUNS = [
  'i', 'me', 'my', 'mine', 'myself', 'we', 'us', 'our', 'ours', 'ourselves', 'you', 'your', 'yours', 'yourself', 'yourselves',
  'he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself', 'it', 'its', 'itself', 'they', 'them', 'their', 'theirs', 'themselves',
  'one', 'oneself', 'thee', 'thou', 'thy',
];
const QUESTION = ['what', 'which', 'who', 'whom', 'whose', 'where', 'when', 'why', 'how', 'whatever', 'whichever', 'whoever', 'wherever', 'whenever', 'however'];
const AUXILIARIES = ['am', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'do', 'does', 'did', 'done', 'have', 'has', 'had', 'having', 'can', 'could', 'will', 'would', 'shall', 'should', 'may', 'might', 'must', 'ought'];
/** Chat filler that names no topic ("pls", "lol", "btw"), and contractions typed without the apostrophe ("whats", "didnt"). */
const CHAT = [
  'pls', 'plz', 'lol', 'lmao', 'btw', 'yo', 'hey', 'hiya', 'u', 'ur', 'idk', 'tbh', 'imo', 'rn', 'tho', 'ok', 'okay', 'gonna', 'wanna', 'gotta',
  'whats', 'wheres', 'whos', 'hows', 'whens', 'whys', 'thats', 'theres', 'im', 'ive', 'dont', 'didnt', 'doesnt', 'isnt', 'wasnt', 'werent', 'arent', 'hasnt', 'havent',
];
const STOP = new Set<string>([
  ...eng, ...PRONOUNS, ...QUESTION, ...AUXILIARIES, ...CHAT,
  'said', 'says', 'say', 'tell', 'told', 'much', 'many', 'also', 'else', 'document', 'article', 'text', 's', 'not', 'no', 'nor',
]);
/**
 * Function words spelt as they sound in chat ("how long r the pikes", "was it bc of the storm"), stopwords only as typed
 * there, in lower case: a document's "R&B", "R. Kelly" or "300 BC" keeps its letters.
 */
const CHAT_LOWER = new Set(['r', 'bc', 'cuz', 'coz', 'abt']);
/** Shortenings typed in chat, read as the word they stand for ("orgs" → "organizations"). */
const SHORT = new Map([['orgs', 'organizations'], ['org', 'organization'], ['govt', 'government'], ['ppl', 'people'], ['yrs', 'years'], ['yr', 'year'], ['bday', 'birthday']]);
const words = new Intl.Segmenter('en', { granularity: 'word' });

/** Clitics split off a word: "what'd" → "what", "don't" → "do", "Annan's" → "annan", "leaders'" → "leaders". */
const CLITIC = /^(.+?)(?:n['’`]t|['’`](?:s|d|ll|re|ve|m|t)|['’`])$/u;
const IRREGULAR_NEGATIONS = new Map([["won't", 'will'], ["can't", 'can'], ["shan't", 'shall'], ["ain't", 'be']]);

/** Lemmas wink-lemmatizer gets wrong for the common sense of the word (species → specie, ground → grind). */
const KEEP = new Set(['species', 'series', 'ground', 'grounds', 'wound', 'wounds', 'bound', 'born', 'rose', 'roses', 'left', 'media', 'news', 'lay', 'data', 'saw', 'felt', 'found', 'means', 'lives']);

/** The dictionary form of a word: verb lemma, else noun, else adjective (irregular forms are what a stemmer misses). */
function lemma(w: string): string {
  if (KEEP.has(w)) return w;
  const v = lemmatizer.verb(w);
  if (v !== w) return v;
  const n = lemmatizer.noun(w);
  // A word ending in "ss" is no plural: "pass" is not the noun "pas", "boss" not "bos" (which kept them apart from "passed", "bosses").
  if (n !== w && !(w.endsWith('ss') && n === w.slice(0, -1))) return n;
  return lemmatizer.adjective(w);
}

/** Normalise one word into its index term, or null for a stopword / non-word. Remembered per word (bounded). */
export function term(word: string): string | null {
  const hit = termMemo.get(word);
  if (hit !== undefined) return hit;
  const t = computeTerm(word);
  if (termMemo.size >= MEMO_MAX_ENTRIES) termMemo.clear();
  termMemo.set(word, t);
  return t;
}
const termMemo = new Map<string, string | null>();

function computeTerm(word: string): string | null {
  if (CHAT_LOWER.has(word)) return null;
  let w = word.normalize('NFKC').toLowerCase();
  w = IRREGULAR_NEGATIONS.get(w.replace(/[’`]/gu, "'")) ?? w;
  const clitic = CLITIC.exec(w);
  if (clitic) w = clitic[1]!;
  w = w.replace(/[’'`]/gu, '');
  w = SHORT.get(w) ?? w;
  if (!w || STOP.has(w) || !/[\p{L}\p{N}]/u.test(w)) return null;
  if (/^\p{N}+$/u.test(w)) return w;
  if (!/^[a-z-]+$/.test(w)) return stemmer(w);
  const base = lemma(americanize(w));
  return STOP.has(base) ? null : stemmer(base);
}

/** Words of a text (Intl.Segmenter word-like segments), in order. */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const seg of words.segment(text)) if (seg.isWordLike) out.push(seg.segment);
  return out;
}

/**
 * Content terms of a text, in order, duplicates kept.
 *
 * @example
 * terms('What did Annan tell the Council?'); // ['annan', 'council']
 */
export function terms(text: string): string[] {
  const hit = memo.get(text);
  if (hit) return hit;
  const out = Object.freeze(computeTerms(text)) as string[]; // shared: a mutation would throw
  if (text.length <= MEMO_MAX_CHARS) {
    if (memo.size >= MEMO_MAX_ENTRIES) memo.clear();
    memo.set(text, out);
  }
  return out;
}

/**
 * Sentences and paragraphs are re-read on every question: their terms are
 * remembered (bounded; cleared when full). Callers must not mutate the result.
 */
const memo = new Map<string, string[]>();
const MEMO_MAX_ENTRIES = 50_000;
const MEMO_MAX_CHARS = 4_000;

/** "Pass away" is how people ask about a death that the text reports as "died": one term, "die". */
const PASS = /^pass(?:ed|es|ing)?$/i;

/**
 * Each content term of a text with the word it came from, in order (what {@link terms} returns, with its words).
 *
 * @example
 * wordTerms('When did he pass away?'); // [{ word: 'pass away', term: 'die' }]
 */
export function wordTerms(text: string): { word: string; term: string }[] {
  const out: { word: string; term: string }[] = [];
  const ws = wordsOf(text);
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (PASS.test(w) && ws[i + 1]?.toLowerCase() === 'away') {
      out.push({ word: `${w} ${ws[++i]}`, term: term('die')! });
      continue;
    }
    const t = term(w);
    if (t) out.push({ word: w, term: t });
  }
  return out;
}

function computeTerms(text: string): string[] {
  return wordTerms(text).map((x) => x.term);
}
