/**
 * The data `wink-lemmatizer` consults, compiled into one small JSON file at
 * build time (dist/text/lemma-data.json, by src/launch.mjs): its exception
 * tables and, per WordNet word, only the three facts its rules ask — can
 * it be an adjective, a noun, a verb. Loading wink-lexicon itself evaluates
 * ~3 MB of JavaScript object literals (~0.45 s and ~50 MB at every start);
 * this file parses in milliseconds. ./lemmatizer.ts runs the same rules on it.
 *
 * @example
 * writeLemmaData('dist/text/lemma-data.json'); // at build time
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Bit flags per word: the WordNet lexicographer files its senses fall in (wink-lemmatizer's isAdjective / isNoun / isVerb). */
export const ADJECTIVE = 1;
export const NOUN = 2;
export const VERB = 4;

export interface LemmaData {
  /** wink-lemmatizer's and wink-lexicon's versions: data compiled from others is not used. */
  versions: { lemmatizer: string; lexicon: string };
  /** Exception tables, flattened: [word, lemma, word, lemma, …]. */
  adjective: string[];
  noun: string[];
  verb: string[];
  /** Words that can be an adjective, noun or verb, sorted (UTF-16 order), '\n'-separated, and their flags as one digit each. */
  words: string;
  flags: string;
}

/** The installed wink packages' versions (what {@link LemmaData.versions} must match). */
export function winkVersions(): LemmaData['versions'] {
  const require = createRequire(import.meta.url);
  return { lemmatizer: (require('wink-lemmatizer/package.json') as { version: string }).version, lexicon: (require('wink-lexicon/package.json') as { version: string }).version };
}

/** Read wink-lexicon (slow: build time only) into {@link LemmaData}. */
export function compileLemmaData(): LemmaData {
  const require = createRequire(import.meta.url);
  const words = require('wink-lexicon/src/wn-words.js') as Record<string, number>;
  const senses = require('wink-lexicon/src/wn-word-senses.js') as number[][];
  const flat = (table: Record<string, string>) => Object.keys(table).flatMap((k) => [k, table[k]!]);
  const list: string[] = [];
  let flags = '';
  for (const w of Object.keys(words).sort()) {
    let f = 0;
    for (const s of senses[words[w]!] ?? []) {
      if (s < 2) f |= ADJECTIVE;
      if (s > 2 && s < 29) f |= NOUN;
      if (s > 28 && s < 44) f |= VERB;
    }
    if (!f) continue;
    if (w.includes('\n')) throw new Error(`wink-lexicon word with a newline: ${JSON.stringify(w)}`);
    list.push(w);
    flags += String(f);
  }
  return {
    versions: winkVersions(),
    adjective: flat(require('wink-lexicon/src/wn-adjective-exceptions.js') as Record<string, string>),
    noun: flat(require('wink-lexicon/src/wn-noun-exceptions.js') as Record<string, string>),
    verb: flat(require('wink-lexicon/src/wn-verb-exceptions.js') as Record<string, string>),
    words: list.join('\n'),
    flags,
  };
}

export function writeLemmaData(file: string): void {
  writeFileSync(file, JSON.stringify(compileLemmaData()));
}
