/**
 * Is the question in English? Counted with the `stopword` package's
 * function-word lists: a question with more French (Spanish, German, …)
 * function words than English ones is not English.
 */
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

/**
 * ISO 639-1 code of the question's language as far as its function words tell; 'en' when unsure.
 *
 * @example
 * questionLanguage('Was hat Annan über die regionalen Organisationen gesagt?'); // 'de'
 * questionLanguage('What did Annan say?'); // 'en'
 */
export function questionLanguage(question: string): string {
  const words = question
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter(Boolean)
    .flatMap((w) => (w.includes('’') ? w.split('’') : [w]));
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
