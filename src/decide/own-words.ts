/**
 * Someone's words asked for by name ("quote what Olesen said after losing", "Venus's exact words after the match"):
 * only sentences that are that person's words answer — a quotation the index gives them, or a sentence that names
 * them outside its quoted words and reports speech. Narration about them ("pressure from Denmark's Thorbjorn
 * Olesen") and someone else's quotation that mentions them ("'Venus has had a great week,' Serena Williams said")
 * are not. A description ("the mayor", "his lawyer") is left to the quotation index and the topic: the narration
 * need not repeat it.
 */
import type { Scored } from '../select/select.js';
import { REPORTING_VERB } from '../select/reported.js';

const DESCRIPTION = /^(?:the|a|an|his|her|their|its|my|your|our|this|that)\s/i;
const REPORTS = new RegExp(String.raw`\b(?:${REPORTING_VERB})\b`, 'iu');
/** Quoted words, whichever marks (an unclosed quotation runs to the end of the sentence). */
const QUOTED = /“[^”]*(?:”|$)|"[^"]*(?:"|$)/gu;

const wordsOf = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Whether a speaker as asked is a name to look for in the text, not a description. */
export const isName = (speaker: string): boolean => !DESCRIPTION.test(speaker.trim()) && wordsOf(speaker).length > 0;

/**
 * @example
 * const theirs = theirWords('Olesen');
 * theirs(narrationAboutOlesen); // false
 */
export function theirWords(name: string): (c: Scored) => boolean {
  const want = wordsOf(name);
  const names = (text: string) => {
    const have = new Set(wordsOf(text));
    return want.every((w) => have.has(w));
  };
  return (c) => {
    if (c.indexed || (c.attribution?.speaker && names(c.attribution.speaker))) return true;
    const narration = c.doc.text.slice(c.start, c.end).replace(QUOTED, ' ');
    return names(narration) && (!!c.attribution?.speaker || REPORTS.test(narration));
  };
}
