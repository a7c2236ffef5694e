/**
 * Words that name the kind of answer a follow-up wants rather than what it
 * is about: "what was his name?", "how much did that cost?", "what year
 * was that?". A document rarely repeats them beside the answer ("He was
 * called Dick", "It was 2013"), so in a follow-up they are not words a
 * sentence must hold: the follow-up is about what the conversation
 * established, and asks for its name, year or size.
 */
const GENERIC = new Set(
  (
    'name names called kind kinds type types sort sorts thing things ' +
    'year years day days date dates month months time times century decade age ' +
    'number numbers amount size cost price total color colour colors colours'
  ).split(' '),
);

/**
 * The text without the words that only name the kind of answer wanted.
 *
 * @example
 * withoutGenericNouns('What was his name?'); // 'What was his?'
 * withoutGenericNouns('What year did the tournament happen?'); // 'What did the tournament happen?'
 */
export function withoutGenericNouns(text: string): string {
  return text
    .replace(/[\p{L}’'-]+/gu, (w) => (GENERIC.has(w.toLowerCase()) ? '' : w))
    .replace(/\s+([?.!,])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
