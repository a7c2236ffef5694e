/**
 * `wink-lemmatizer`'s verb / noun / adjective rules, run on the compiled
 * data of ./lemma-data.ts (built into dist/ next to this module) instead of
 * wink-lexicon's JavaScript tables: same answers for every word
 * (test/text/lemmatizer.test.ts checks every WordNet word and exception and
 * their inflections), ~0.45 s and ~50 MB less at start-up. Without the
 * compiled file (run from source) or when it was compiled from other wink
 * versions, wink-lemmatizer itself is used.
 *
 * @example
 * lemmatizer.verb('began'); // 'begin'
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ADJECTIVE, NOUN, VERB, winkVersions, type LemmaData } from './lemma-data.js';

export interface Lemmatizer {
  verb(word: string): string;
  noun(word: string): string;
  adjective(word: string): string;
}

const NOUN_RULES: [RegExp, string][] = [
  [/s$/, ''], [/ses$/, 's'], [/xes$/, 'x'], [/zes$/, 's'], [/ves$/, 'f'], [/ches$/, 'ch'], [/shes$/, 'sh'], [/men$/, 'man'], [/ies$/, 'y'],
];

/** wink-lemmatizer's three functions over {@link LemmaData}. */
export function lemmatizerFrom(data: LemmaData): Lemmatizer {
  const table = (flat: string[]) => {
    const m = new Map<string, string>();
    for (let i = 0; i < flat.length; i += 2) m.set(flat[i]!, flat[i + 1]!);
    return m;
  };
  const adjectives = table(data.adjective);
  const nouns = table(data.noun);
  const verbs = table(data.verb);
  const flagsOf = sortedLookup(data.words, data.flags);
  const is = (word: string, flag: number) => (flagsOf(word) & flag) !== 0;
  return {
    adjective(adjective) {
      let lemma = adjectives.get(adjective);
      if (lemma) return lemma;
      lemma = adjective.replace(/est$|er$/, '');
      if (lemma.length === adjective.length) return adjective;
      if (is(lemma, ADJECTIVE)) return lemma;
      lemma += 'e';
      if (is(lemma, ADJECTIVE)) return lemma;
      return adjective;
    },
    verb(verb) {
      let lemma = verbs.get(verb);
      if (lemma) return lemma;
      lemma = verb.replace(/s$/, '');
      if (lemma.length !== verb.length && is(lemma, VERB)) return lemma;
      lemma = verb.replace(/ies$/, 'y');
      if (lemma.length !== verb.length && is(lemma, VERB)) return lemma;
      lemma = verb.replace(/es$|ed$|ing$/, '');
      if (lemma.length !== verb.length) {
        if (is(lemma, VERB)) return lemma;
        lemma += 'e';
        if (is(lemma, VERB)) return lemma;
      }
      return verb;
    },
    noun(noun) {
      const lemma = nouns.get(noun);
      if (lemma) return lemma;
      for (const [re, by] of NOUN_RULES) {
        const l = noun.replace(re, by);
        if (l.length !== noun.length && is(l, NOUN)) return l;
      }
      return noun;
    },
  };
}

/**
 * A word's flag digit by binary search in the sorted '\n'-separated list, without splitting it
 * (74k strings and a Map of them cost ~0.1 s at start-up; a search is 17 comparisons).
 */
function sortedLookup(words: string, flags: string): (word: string) => number {
  const starts = new Uint32Array(flags.length + 1);
  let n = 1;
  for (let i = 0; i < words.length; i++) if (words.charCodeAt(i) === 10) starts[n++] = i + 1;
  starts[n] = words.length + 1;
  return (word) => {
    let lo = 0;
    let hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const w = words.slice(starts[mid]!, starts[mid + 1]! - 1);
      if (w === word) return flags.charCodeAt(mid) - 48;
      if (w < word) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  };
}

let loaded: Lemmatizer | undefined;

/** The compiled data next to this module (dist/text/lemma-data.json; a bundle one folder down finds it too), if usable. */
function compiled(): LemmaData | null {
  try {
    const data = JSON.parse(readFileSync(new URL('../text/lemma-data.json', import.meta.url), 'utf8')) as LemmaData;
    const want = winkVersions();
    return data.versions?.lemmatizer === want.lemmatizer && data.versions.lexicon === want.lexicon ? data : null;
  } catch {
    return null;
  }
}

function get(): Lemmatizer {
  if (!loaded) {
    const data = compiled();
    loaded = data ? lemmatizerFrom(data) : (createRequire(import.meta.url)('wink-lemmatizer') as Lemmatizer);
  }
  return loaded;
}

/** Loaded on first use. */
export const lemmatizer: Lemmatizer = {
  verb: (w) => get().verb(w),
  noun: (w) => get().noun(w),
  adjective: (w) => get().adjective(w),
};
