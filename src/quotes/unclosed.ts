/**
 * Where a single quotation that the text never closes ends. Flattened Daily Mail copy drops closing marks: a
 * quotation reopened paragraph after paragraph ('… brand. 'Eventually … invest.) runs on into narration
 * ("Jones and Bannatyne said …") and a photo caption, until the next quotation opens ("He said: 'My wife …").
 *
 * The quotation keeps its first sentence; each later sentence stays in it until one reads as narration (a speech
 * verb and no first or second person, or a photo caption: " . " before a capital or at the sentence's end). Its
 * last sentence loses a trailing attribution (", Judge Moss added.").
 */
import { SPEECH_VERBS } from '../text/speech-verbs.js';

/** A sentence end inside the quoted words: . ! ? (and their closing marks) before a space and no lower-case word. */
const END = /[.!?…]["”’']?(?=\s+(?!\p{Ll})|\s*$)/gu;
const FIRST_OR_SECOND_PERSON = /\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|me|my|we|we're|we’re|we've|we’ve|us|our|you|your)\b/iu;
/** A photo caption joined into the text: " . Capital" inside, or a sentence that ends " ." */
const CAPTION = /\s\.\s+(?!\p{Ll})|\s\.$/u;

const hasSpeechVerb = (words: string) => words.split(/\s+/u).some((w) => SPEECH_VERBS.has(w.toLowerCase().replace(/[^\p{L}-]/gu, '')));
const narration = (sentence: string) => CAPTION.test(sentence.trim()) || (!FIRST_OR_SECOND_PERSON.test(sentence) && hasSpeechVerb(sentence));

/**
 * The end (exclusive) of the words of a quotation opened at `from` (its first word) and never closed before
 * `limit` (the next opening mark, or the paragraph's end); null when no sentence of it can be kept.
 *
 * @example
 * const t = "'We told them. 'Eventually they agreed. Jones said they would buy it. He said: 'My";
 * t.slice(1, unclosedEnd(t, 1, t.indexOf("'My"), [15])!); // "We told them. 'Eventually they agreed."
 */
export function unclosedEnd(text: string, from: number, limit: number, reopenings: readonly number[] = []): number | null {
  // The sentences after the last reopening mark (the earlier ones were already part of the quotation).
  const base = reopenings.length ? reopenings[reopenings.length - 1]! + 1 : from;
  const region = text.slice(base, limit);
  const ends: number[] = [];
  END.lastIndex = 0;
  for (let m = END.exec(region); m; m = END.exec(region)) ends.push(m.index + m[0].length);
  let end = ends[0] ?? region.length;
  for (let k = 1; k <= ends.length; k++) {
    const next = region.slice(ends[k - 1]!, ends[k] ?? region.length);
    if (!next.trim() || narration(next) || k === ends.length) break;
    end = ends[k]!;
  }
  // ", Judge Moss added." at the end of the last sentence kept: the attribution, not the quotation.
  const lastFrom = Math.max(0, ...ends.filter((e) => e < end));
  const comma = trailingAttribution(region.slice(lastFrom, end));
  if (comma !== null) end = lastFrom + comma;
  while (end > 0 && /\s/u.test(region[end - 1]!)) end--;
  return end > 0 ? base + end : null;
}

/**
 * Where a sentence's trailing attribution (", Judge Moss added.") starts — the offset of its comma — or null.
 *
 * @example
 * trailingAttribution('you wanted to help her, Judge Moss added. '); // 22
 */
export function trailingAttribution(sentence: string): number | null {
  const comma = sentence.lastIndexOf(',');
  const trail = comma > 0 ? sentence.slice(comma + 1) : '';
  return trail && trail.trim().split(/\s+/u).length <= 6 && !FIRST_OR_SECOND_PERSON.test(trail) && hasSpeechVerb(trail) ? comma : null;
}
