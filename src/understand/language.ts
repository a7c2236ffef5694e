/**
 * Is the question in English? Decided in steps, cheapest and surest first:
 *
 * 1. Letters mostly of a non-Latin script (Cyrillic, Han, Kana, Arabic,
 *    Hangul, Devanagari, Greek, Hebrew, Thai): not English.
 * 2. More French (Spanish, German, …) function words than English ones, by
 *    the `stopword` package's lists: that language.
 * 3. Two or more English function words, or fewer than three words ("ok",
 *    "Annan?", "Lil Wayne"): English. Names and short chat never trip it.
 * 4. Otherwise the `tinyld` language identifier (its light model: MIT,
 *    one 69 KB file, loaded on first need only) decides.
 */
import { createRequire } from 'node:module';
import { deu, eng, fra, ita, nld, por, spa } from 'stopword';

const LISTS: [string, Set<string>][] = [
  ['en', new Set(eng)],
  ['fr', new Set(fra)],
  ['es', new Set(spa)],
  ['de', new Set(deu)],
  ['it', new Set(ita)],
  ['pt', new Set(por)],
  ['nl', new Set(nld)],
];

/** One line for a question that is not in English (the answer follows if its words still match). */
export const ENGLISH_ONLY_NOTE = 'I understand questions in English; here is what matching words in the document give.';

const NON_LATIN: [string, RegExp][] = [
  ['ru', /\p{Script=Cyrillic}/u],
  ['zh', /\p{Script=Han}/u],
  ['ja', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['ar', /\p{Script=Arabic}/u],
  ['ko', /\p{Script=Hangul}/u],
  ['hi', /\p{Script=Devanagari}/u],
  ['el', /\p{Script=Greek}/u],
  ['he', /\p{Script=Hebrew}/u],
  ['th', /\p{Script=Thai}/u],
];

/** Any letter of the scripts above (one pass; most questions have none, and then nothing is counted). */
const ANY_NON_LATIN = new RegExp(NON_LATIN.map(([, re]) => re.source).join('|'), 'u');

/** The script's usual language when most letters are of a non-Latin script, else null. */
function nonLatinLanguage(text: string): string | null {
  if (!ANY_NON_LATIN.test(text)) return null;
  const letters = [...text].filter((c) => /\p{L}/u.test(c));
  if (!letters.length) return null;
  const counts = NON_LATIN.map(([lang, re]) => ({ lang, n: letters.filter((c) => re.test(c)).length })).sort((a, b) => b.n - a.n);
  // Japanese mixes Kanji (Han) with Kana: any Kana makes it Japanese.
  const kana = counts.find((c) => c.lang === 'ja')!;
  const total = counts.reduce((a, c) => a + c.n, 0);
  if (total * 2 <= letters.length) return null;
  return kana.n > 0 ? 'ja' : counts[0]!.lang;
}

type Identify = (text: string) => { lang: string; accuracy: number }[];
let identifier: Identify | null | undefined;

/** tinyld's light model, required on first need (the bot pays for it only when a message is unclear); null if unavailable. */
function identify(): Identify | null {
  if (identifier === undefined) {
    try {
      identifier = (createRequire(import.meta.url)('tinyld/light') as { detectAll: Identify }).detectAll;
    } catch {
      identifier = null;
    }
  }
  return identifier;
}

/** Words of a message, lower case, elisions split ("qu'a" → "qu", "a"). */
function wordsOf(question: string): string[] {
  return question
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter(Boolean);
}

/**
 * ISO 639-1 code of the question's language; 'en' when unsure.
 *
 * @example
 * questionLanguage('Was hat Annan über die regionalen Organisationen gesagt?'); // 'de'
 * questionLanguage('Что сказал Аннан?'); // 'ru'
 * questionLanguage('What did Bartomeu say about Messi?'); // 'en'
 */
export function questionLanguage(question: string): string {
  const script = nonLatinLanguage(question);
  if (script) return script;
  const words = wordsOf(question);
  const byFunctionWords = functionWordLanguage(question, words);
  if (byFunctionWords !== 'en') return byFunctionWords;
  const english = words.filter((w) => LISTS[0]![1].has(w)).length;
  if (english >= 2 || words.length < 3) return 'en';
  const best = identify()?.(question)[0];
  return best && best.lang !== 'en' && best.accuracy >= 0.5 ? best.lang : 'en';
}

/** The language with the most function words, if it beats English by them (two at least), else 'en'. */
function functionWordLanguage(question: string, words: string[]): string {
  // Elisions ("qu'a", "l'organisation") are French or Italian.
  const elided = (question.match(/\b(?:qu|l|d|j|n|s|c)['’]\p{L}/giu) ?? []).length;
  const count = (set: Set<string>) => words.filter((w) => set.has(w)).length;
  const en = count(LISTS[0]![1]);
  let best = { lang: 'en', n: en };
  for (const [lang, set] of LISTS.slice(1)) {
    const n = count(set) + (lang === 'fr' || lang === 'it' ? elided : 0);
    if (n > best.n) best = { lang, n };
  }
  return best.lang !== 'en' && best.n >= 2 && best.n > en ? best.lang : 'en';
}
