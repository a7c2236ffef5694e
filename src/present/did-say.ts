/**
 * The wording of "Did Y say X?" answers: yes with Y's words, or no for Y — saying who does say it, when someone does,
 * with the paragraph to look at (the words themselves are not quoted: the question was about Y).
 */

/**
 * @example
 * didSayLead('Chris Brown'); // "Yes — Chris Brown, in the document's words:"
 */
export const didSayLead = (speaker: string): string => `Yes — ${speaker}, in the document's words:`;

/**
 * @example
 * didSayRefusal('Sway Calloway', { speaker: 'Chris Brown', paragraph: 7 });
 * // "No — the document doesn't have Sway Calloway saying that. Chris Brown says something like it (¶7)."
 */
export function didSayRefusal(asked: string, other?: { speaker: string; paragraph: number }): string {
  const no = `No — the document doesn't have ${asked} saying that.`;
  return other ? `${no} ${other.speaker} says something like it (¶${other.paragraph}).` : no;
}
