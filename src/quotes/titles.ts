/**
 * Titles and names in quotation marks — the show "60 Minutes", the podcast
 * "Pop Shop", 'DWTS', the film "Isle of Wonder" — are not speech: they are
 * listed as quotations (they are in quotation marks) but never given a
 * speaker, not even the one of the quotation around them.
 */

/** Small words a title leaves in lower case ("Dancing With the Stars", "The Block is Hot"). */
const MINOR = new Set([
  'a', 'an', 'the', 'and', 'or', 'nor', 'but', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'into', 'as', 'vs', 'via',
  'about', 'over', 'under', 'up', 'off', 'out', 'upon', 'like', 'than', 'is', 'are', 'was', 'be', 'de', 'la', 'le', 'du', 'von', 'van', 'und', 'et', 'n', 'o', "'n'",
]);

/**
 * Does the quoted text read as a title or a name rather than words someone
 * said? Every word that is not a small function word starts with a capital
 * or a digit, in at most 12 words, and it is not a sentence that ends in
 * "!" or "?" ("Father!" is speech). An all-capitals acronym counts ('DWTS').
 *
 * @example
 * looksLikeTitle('60 Minutes'); // true
 * looksLikeTitle('Dancing With the Stars'); // true
 * looksLikeTitle('Herculean effort'); // false
 * looksLikeTitle('No'); // true — so a title-like quote keeps only an attribution of its own ("No," he said)
 */
export function looksLikeTitle(quote: string): boolean {
  const q = quote.trim();
  if (!q || /[!?]$/.test(q) || /\.\.\.$|…$/.test(q)) return false;
  const words = q
    .replace(/[.,:;]+$/u, '')
    .split(/[\s\u00a0]+/u)
    .map((w) => w.replace(/^[(“"‘'[]+|[)”"’'\],:;.]+$/gu, ''))
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (!words.length || words.length > 12) return false;
  if (!/^[\p{Lu}\p{N}@#]/u.test(words[0]!)) return false;
  // "We is ready.", "I Will": a sentence with a personal pronoun for subject is speech.
  if (/^(?:I|We|You|He|She|They|It|My|Our)$/.test(words[0]!) && words.length > 1 && /[.]$/.test(q)) return false;
  // A sentence inside: "Seems my tweet has been misunderstood. I was …" is not a title.
  if (/[.!?]\s+\p{Lu}/u.test(q.replace(/\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Vol|No)\.\s/gu, ''))) return false;
  const minor = words.filter((w, i) => i > 0 && MINOR.has(w.toLowerCase())).length;
  // "Come to the Stable" has as many capitalised words as small ones; "Council's a a" does not.
  return minor <= words.length - minor && words.every((w, i) => (i > 0 && MINOR.has(w.toLowerCase())) || /^[\p{Lu}\p{N}@#]/u.test(w));
}
