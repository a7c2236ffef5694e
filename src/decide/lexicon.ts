/**
 * WordNet relations between two words, for the claim check (claim.ts): synonyms ("straight" ~
 * "directly", "passed away" ~ "died") and antonyms ("terrible" ↔ "good", "simpler" ↔ "complicated"). The data (lexicon.json,
 * built by lexicon-build.ts from WordNet 3.1) is ~2.6 MB, so it is loaded only when a who-said
 * question first needs it ({@link loadLexicon}); until then every relation is "unknown" (false).
 */
import { existsSync, readFileSync } from 'node:fs';
import { lemmatizer } from '../text/lemmatizer.js';

export interface LexiconData {
  synsets: string[];
  antonyms: string[];
  /** Derivationally related forms, "a|b" ("clarification|clarify"). */
  derived?: string[];
}

export interface Lexicon {
  /** The two words (or phrases) share a WordNet synonym set, in some form. */
  synonyms(a: string, b: string): boolean;
  /** The two words are WordNet antonyms (a satellite adjective counts as its head: "terrible" ↔ "good"). */
  antonyms(a: string, b: string): boolean;
  /** One is a form derived from the other, in some form ("clarified" ~ "clarification", "supervised" ~ "supervision"). */
  derived(a: string, b: string): boolean;
  /** WordNet has the word, in some form, in a synonym set of two or more ("orgs" and "fav" it has not). */
  known(word: string): boolean;
  /** Some phrase of a synonym set begins with the word, in some form ("put" of "put to death"): a cheap test before looking its phrases up. */
  startsPhrase(word: string): boolean;
  /**
   * What the relations above read of one word, looked up once (remembered per word, bounded): a caller comparing the
   * same word with many others (the claim check: a claim word against every sentence word) takes it once and compares
   * entries with {@link sameSynset}, {@link opposite} and {@link related}, which answer as synonyms, antonyms and derived do.
   */
  entry(word: string): LexEntry;
  /** How many words' entries are remembered now (tests: the bound holds). */
  remembered(): number;
}

/** One word's WordNet relations, in all its forms ({@link Lexicon.entry}). */
export interface LexEntry {
  /** Its forms: itself and its noun, verb and adjective lemmas. */
  forms: readonly string[];
  /** The synonym sets any form is in. */
  synsets: ReadonlySet<number>;
  /** The same, as a list (iterated cheaply). */
  synsetList: readonly number[];
  /** Antonyms of any of its forms; null for none (most words). */
  antonyms: ReadonlySet<string> | null;
  /** Forms derived from any of its forms; null for none. */
  derived: ReadonlySet<string> | null;
}

/** Do the two words share a synonym set ({@link Lexicon.synonyms} of their entries)? */
export function sameSynset(a: LexEntry, b: LexEntry): boolean {
  if (a.synsets.size === 0) return false;
  const list = b.synsetList;
  for (let i = 0; i < list.length; i++) if (a.synsets.has(list[i]!)) return true;
  return false;
}

/** Is some form of b an antonym of some form of a ({@link Lexicon.antonyms} of their entries)? */
export function opposite(a: LexEntry, b: LexEntry): boolean {
  return a.antonyms !== null && hasAny(a.antonyms, b.forms);
}

/** Is some form of b derived from some form of a ({@link Lexicon.derived} of their entries)? */
export function related(a: LexEntry, b: LexEntry): boolean {
  return a.derived !== null && hasAny(a.derived, b.forms);
}

function hasAny(set: ReadonlySet<string>, words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) if (set.has(words[i]!)) return true;
  return false;
}

/**
 * The forms a word is looked up as: itself, and its noun, verb and adjective lemmas ("passed away" → "pass away").
 * Remembered per word (bounded): the claim check asks for the same words' forms once per word pair.
 */
const formsMemo = new Map<string, readonly string[]>();
export const FORMS_MEMO_MAX = 10_000;
function forms(word: string): readonly string[] {
  let out = formsMemo.get(word);
  if (!out) {
    if (formsMemo.size >= FORMS_MEMO_MAX) formsMemo.clear();
    formsMemo.set(word, (out = formsOf(word)));
  }
  return out;
}
/** Words whose forms are remembered now (tests: the bound holds). */
export const rememberedForms = (): number => formsMemo.size;
function formsOf(word: string): string[] {
  const w = word.toLowerCase().replace(/’/gu, "'");
  const parts = w.split(' ');
  const head = parts[0]!;
  const rest = parts.slice(1).join(' ');
  const out = new Set([w]);
  for (const l of lemmasOf(head)) out.add(rest ? `${l} ${rest}` : l);
  return [...out];
}
/** A word's noun, verb and adjective lemmas, remembered (bounded) apart from its phrases' forms: "capacities", "capacities over" and "capacities over the" lemmatize one head. */
const lemmaMemo = new Map<string, readonly [string, string, string]>();
function lemmasOf(head: string): readonly [string, string, string] {
  let out = lemmaMemo.get(head);
  if (!out) {
    if (lemmaMemo.size >= FORMS_MEMO_MAX) lemmaMemo.clear();
    lemmaMemo.set(head, (out = [lemmatizer.noun(head), lemmatizer.verb(head), lemmatizer.adjective(head)]));
  }
  return out;
}
/** Heads whose lemmas are remembered now (tests: the bound holds). */
export const rememberedLemmas = (): number => lemmaMemo.size;

/**
 * @example
 * const lex = lexiconFrom(data);
 * lex.synonyms('straight', 'directly'); // true
 * lex.antonyms('terrible', 'good');     // true
 */
export function lexiconFrom(data: LexiconData): Lexicon {
  const byWord = new Map<string, number[]>();
  const heads = new Set<string>();
  data.synsets.forEach((s, i) => {
    for (const w of s.split('|')) {
      const space = w.indexOf(' ');
      if (space > 0) heads.add(w.slice(0, space));
      const list = byWord.get(w);
      if (list) list.push(i);
      else byWord.set(w, [i]);
    }
  });
  // Each word's antonyms, both ways round (the table keeps each pair once, "a|b" with a < b).
  const antonyms = new Map<string, Set<string>>();
  const oppose = (x: string, y: string) => (antonyms.get(x) ?? antonyms.set(x, new Set()).get(x)!).add(y);
  for (const pair of data.antonyms) {
    const bar = pair.indexOf('|');
    const [x, y] = [pair.slice(0, bar), pair.slice(bar + 1)];
    if (x < y) {
      oppose(x, y);
      oppose(y, x);
    }
  }
  // Each word's derived forms, both ways round (a pair counts as the table writes it, "a|b" with a < b), like antonyms.
  const derived = new Map<string, Set<string>>();
  const relate = (x: string, y: string) => (derived.get(x) ?? derived.set(x, new Set()).get(x)!).add(y);
  for (const pair of data.derived ?? []) {
    const bar = pair.indexOf('|');
    const [x, y] = [pair.slice(0, bar), pair.slice(bar + 1)];
    if (x < y) {
      relate(x, y);
      relate(y, x);
    }
  }
  // Each word's entry (its synonym sets, and its forms' antonyms and derived forms together), remembered per word
  // (bounded) like its forms. A table pair is never one word twice (x < y), so no form is its own antonym or derived
  // form: "some form of b is in the union over a's forms" is the same test as pairing a's forms with b's one by one.
  const entries = new Map<string, LexEntry>();
  const union = (table: Map<string, Set<string>>, fs: readonly string[]): ReadonlySet<string> | null => {
    let out: Set<string> | null = null;
    for (const f of fs) {
      const more = table.get(f);
      if (more) for (const y of more) (out ??= new Set()).add(y);
    }
    return out;
  };
  const entry = (w: string): LexEntry => {
    let e = entries.get(w);
    if (!e) {
      const fs = forms(w);
      const synsetList = [...new Set(fs.flatMap((f) => byWord.get(f) ?? []))];
      e = { forms: fs, synsets: new Set(synsetList), synsetList, antonyms: union(antonyms, fs), derived: union(derived, fs) };
      if (entries.size >= FORMS_MEMO_MAX) entries.clear();
      entries.set(w, e);
    }
    return e;
  };
  return {
    synonyms: (a, b) => sameSynset(entry(a), entry(b)),
    antonyms: (a, b) => opposite(entry(a), entry(b)),
    derived: (a, b) => related(entry(a), entry(b)),
    known: (w) => entry(w).synsets.size > 0,
    startsPhrase: (w) => forms(w).some((f) => heads.has(f)),
    entry,
    remembered: () => entries.size,
  };
}

let loaded: Lexicon | null = null;

/** The lexicon once {@link loadLexicon} has run, else null (the claim check then goes without it). */
export const lexicon = (): Lexicon | null => loaded;

/**
 * Where lexicon.json is: next to this module (run from source), else in src/decide/ of the checkout
 * (the build compiles only imported JSON into dist/, and importing it would parse it at start-up).
 */
const LEXICON_FILES = [new URL('./lexicon.json', import.meta.url), new URL('../../src/decide/lexicon.json', import.meta.url)];

/** Load the WordNet relations (once; ~0.1 s). Called on the who-said path only. */
export function loadLexicon(): Lexicon {
  if (!loaded) {
    const file = LEXICON_FILES.find((f) => existsSync(f));
    if (!file) throw new Error('src/decide/lexicon.json is missing (npm run build:lexicon)');
    loaded = lexiconFrom(JSON.parse(readFileSync(file, 'utf8')) as LexiconData);
  }
  return loaded;
}
