/**
 * Who said it, in the bot's own words (never in quotation marks), and which
 * words they said. When the speaker said only a few words of a narrator's
 * sentence (`… Mr. Annan called for a “new level of clarity …” in their
 * joint relations.`), the attribution names those words — not the sentence.
 *
 * @example
 * attributionOf(quote); // { who: 'Kofi Annan, called for', words: 'new level of clarity, practicality and seriousness' }
 */
import type { Attribution, Quote } from '../types.js';

const PREPOSITION_START = /^(?:in|at|during|on|before|after|ahead|addressing|speaking|while)\b/i;

/**
 * @example
 * describeAttribution({ speaker: 'Kofi Annan', cue: 'said', addressee: null, setting: 'in a closed-door meeting at UN headquarters' });
 * // 'Kofi Annan, said in a closed-door meeting at UN headquarters'
 */
export function describeAttribution(a: Partial<Attribution>): string {
  let who: string;
  if (a.cue && /^according to$/i.test(a.cue)) who = `according to ${a.speaker ?? 'an unnamed source'}`;
  else who = `${a.speaker ?? 'unattributed'}${a.cue ? `, ${a.cue}` : ''}${a.addressee ? ` ${a.addressee}` : ''}`;
  if (a.setting) who += PREPOSITION_START.test(a.setting) ? ` ${a.setting}` : `, at ${a.setting}`;
  return who;
}

/**
 * Who said which few words of a longer sentence: the words (a verbatim slice,
 * in quotation marks) stand where the speaker's verb puts them.
 *
 * @example
 * describeWords({ speaker: 'Kofi Annan', cue: 'called for', addressee: null, setting: 'the Council’s discussions on Wednesday' }, 'new level of clarity');
 * // 'Kofi Annan called for “new level of clarity”, at the Council’s discussions on Wednesday'
 */
export function describeWords(a: Partial<Attribution>, words: string): string {
  const said = `“${words}”`;
  let who: string;
  if (a.cue && /^according to$/i.test(a.cue)) who = `${said}, according to ${a.speaker ?? 'an unnamed source'}`;
  else who = `${a.speaker ?? 'unattributed'}${a.cue ? ` ${a.cue}` : ':'}${a.addressee ? ` ${a.addressee}` : ''} ${said}`;
  if (a.setting) who += PREPOSITION_START.test(a.setting) ? ` ${a.setting}` : `, at ${a.setting}`;
  return who;
}

export interface AttributionView {
  /** "Kofi Annan, told the Council"; for a few words of a longer sentence, "Kofi Annan called for “…”". */
  who: string;
  /** The speaker's own words, a verbatim slice of the quote, when they are only part of it. */
  words?: string;
}

const letters = (s: string) => (s.match(/[\p{L}\p{N}]/gu) ?? []).length;

/**
 * The speaker's words inside the quote, when they are less than half of it
 * (by letters): a verbatim slice `quote.slice(a, b)`; otherwise undefined (the
 * attribution covers the whole quote).
 */
export function spokenPart(q: Pick<Quote, 'start' | 'end' | 'quote' | 'attribution'>): string | undefined {
  const w = q.attribution?.words;
  if (!w) return undefined;
  const a = Math.max(w.start, q.start) - q.start;
  const b = Math.min(w.end, q.end) - q.start;
  if (b <= a) return undefined;
  const words = q.quote.slice(a, b).trim();
  if (!words) return undefined;
  return letters(words) * 2 < letters(q.quote) ? words : undefined;
}

/** Who said it (and which words), or null when the text names no speaker. */
export function attributionOf(q: Pick<Quote, 'start' | 'end' | 'quote' | 'attribution'>): AttributionView | null {
  if (!q.attribution?.speaker) return null;
  const words = spokenPart(q);
  return words ? { who: describeWords(q.attribution, words), words } : { who: describeAttribution(q.attribution) };
}

/** "— Kofi Annan, told the Council" or "— Kofi Annan called for “new level …”, at …" (plain text). */
export function attributionText(v: AttributionView): string {
  return `— ${v.who}`;
}
