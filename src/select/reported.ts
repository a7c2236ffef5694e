/**
 * Reported speech the quotation index does not hold (it pairs quotation
 * marks): "delegates said coordination would be made more effective",
 * "Wayne's attorney, Stacey Richman, said after a hearing". Used only to
 * answer "who said …?" when a sentence has no known speaker.
 */
import type { Attribution } from '../types.js';

const VERB = String.raw`said|says|stated|states|argued|argues|noted|notes|told|tells|added|adds|stressed|stresses|warned|warns|claimed|claims|insisted|insists|explained|explains|announced|announces|tweeted|tweets|wrote|writes|confirmed|confirms|acknowledged|acknowledges|emphasi[sz]ed|reported|reports`;

/** The subject right before a saying verb, after a clause boundary; or the name after "according to". */
const BEFORE = new RegExp(String.raw`(?:^|[,;:–—]\s+|\b(?:and|but|while|as)\s+)(?:“[^”]*”\s*|"[^"]*"\s*)?((?:(?:the|a|an|his|her|their|its)\s+)?[\p{L}’'.-]+(?:\s+[\p{L}’'.-]+){0,4}?)(?:,\s*([\p{Lu}][\p{L}’'.-]+(?:\s+[\p{Lu}][\p{L}’'.-]+){0,3}),)?\s+(${VERB})\b`, 'u');
const AFTER = new RegExp(String.raw`[,”"]\s*(${VERB})\s+((?:the\s+)?[\p{Lu}][\p{L}’'.-]+(?:\s+[\p{Lu}][\p{L}’'.-]+){0,3})`, 'u');
const ACCORDING = /\baccording to\s+((?:(?:a|an|the)\s+)?[\p{L}’'.-]+(?:\s+[\p{L}’'.-]+){0,5}?)(?=[,.;]|\s+(?:on|in|at|about)\b|$)/u;

const PRONOUN = /^(?:he|she|they|it|we|i|you|this|that|which|who)$/i;

/**
 * @example
 * reportedSpeaker('Among several issues discussed today, delegates said coordination would be made more effective.');
 * // { speaker: 'delegates', cue: 'said', addressee: null, setting: null }
 */
export function reportedSpeaker(sentence: string): Attribution | null {
  const a = AFTER.exec(sentence);
  if (a) return { speaker: a[2]!.replace(/\.$/u, ''), cue: a[1]!, addressee: null, setting: null };
  const m = BEFORE.exec(sentence);
  if (m) {
    const speaker = (m[2] ?? m[1]!).trim();
    if (!PRONOUN.test(speaker)) return { speaker, cue: m[3]!, addressee: null, setting: null };
  }
  const acc = ACCORDING.exec(sentence);
  if (acc) return { speaker: acc[1]!.trim(), cue: 'according to', addressee: null, setting: null };
  return null;
}
