/**
 * The words around paragraphs quoted by number: the lead naming them, and
 * the note when more were asked for than one answer quotes.
 *
 * @example
 * paragraphsLead([3, 4]);      // '¶3 and ¶4, in full:'
 * paragraphsCapNote(8, 5, 6);  // 'You asked for 8 paragraphs; here are the first 5. Ask for ¶6 onwards to see the rest.'
 */

/** At most this many paragraphs are quoted in one answer. */
export const MAX_PARAGRAPHS = 5;

/** "¶3, in full:", "¶3 and ¶4, in full:", "¶1, ¶2 and ¶3, in full:". */
export function paragraphsLead(ns: number[]): string {
  const marks = ns.map((n) => `¶${n}`);
  const listed = marks.length > 1 ? `${marks.slice(0, -1).join(', ')} and ${marks.at(-1)}` : (marks[0] ?? '');
  return `${listed}, in full:`;
}

/** When more paragraphs were asked for than are quoted: how many, and where to pick up. */
export function paragraphsCapNote(asked: number, shown: number, next: number): string {
  return `You asked for ${asked} paragraphs; here are the first ${shown}. Ask for ¶${next} onwards to see the rest.`;
}
