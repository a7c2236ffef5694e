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
  for (const l of [lemmatizer.noun(head), lemmatizer.verb(head), lemmatizer.adjective(head)]) out.add(rest ? `${l} ${rest}` : l);
  return [...out];
}

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
  // Each word's synonym sets, remembered per word (bounded) like its forms.
  const synsetMemo = new Map<string, ReadonlySet<number>>();
  const synsetsOf = (w: string): ReadonlySet<number> => {
    let sets = synsetMemo.get(w);
    if (!sets) {
      if (synsetMemo.size >= FORMS_MEMO_MAX) synsetMemo.clear();
      synsetMemo.set(w, (sets = new Set(forms(w).flatMap((f) => byWord.get(f) ?? []))));
    }
    return sets;
  };
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
  return {
    synonyms(a, b) {
      const sa = synsetsOf(a);
      if (sa.size === 0) return false;
      for (const i of synsetsOf(b)) if (sa.has(i)) return true;
      return false;
    },
    antonyms(a, b) {
      for (const x of forms(a)) {
        const opposite = antonyms.get(x);
        if (opposite) for (const y of forms(b)) if (x !== y && opposite.has(y)) return true;
      }
      return false;
    },
    derived(a, b) {
      for (const x of forms(a)) {
        const related = derived.get(x);
        if (related) for (const y of forms(b)) if (x !== y && related.has(y)) return true;
      }
      return false;
    },
    known: (w) => synsetsOf(w).size > 0,
    startsPhrase: (w) => forms(w).some((f) => heads.has(f)),
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
