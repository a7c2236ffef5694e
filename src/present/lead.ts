/**
 * The lead line: one short sentence in the bot's own words above the
 * quotations — never in quotation marks, and without citations (each quote
 * carries its own, once). It names a speaker only when the quotes are that
 * person's: asked about Saddam, with the first quote by Piro, it does not say
 * "What George Piro said to Piro".
 *
 * @example
 * answerLead({ kind: 'said-to', speaker: 'Annan', to: 'the Council' }, quotes); // 'What Kofi Annan told the Council, in the document's words:'
 */
import type { Quote } from '../types.js';
import { didSayLead } from './did-say.js';

/** What the question asked for (the shape of the understand stage's quote intent). */
export type LeadIntent =
  | { kind: 'said-to'; speaker: string; to: string }
  | { kind: 'said-about'; speaker: string; about: string }
  | { kind: 'said'; speaker: string }
  | { kind: 'who-said'; about: string; speaker?: string }
  | null
  | undefined;

export const LEAD = {
  /** Any answer that is not about who said what. */
  generic: 'The document says:',
  /** An LLM answer whose first sentence cannot be the lead. */
  llm: 'Here is what the document says.',
  /** "Summarize the article" in a conversation. */
  summary: "Its main points, in the document's own words:",
} as const;

const NOT_A_NAME = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'the', 'of', 'and', 'a', 'an', 'jr', 'sr', 'rep', 'sen', 'gov', 'gen', 'st']);
const nameTokens = (s: string) =>
  s
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((t) => t.length > 1 && !NOT_A_NAME.has(t));

/** Do two names plausibly denote the same person ("Annan" / "Kofi Annan" / "Mr. Annan")? */
export function samePerson(a: string, b: string): boolean {
  const tb = new Set(nameTokens(b));
  return nameTokens(a).some((t) => tb.has(t));
}

/**
 * The lead of an extractive answer. `matched` is the speaker the quotation
 * index matched for the asked person (aliases resolved), when the caller
 * knows it; otherwise the asked name is compared with each quote's speaker.
 */
export function answerLead(intent: LeadIntent, quotes: Quote[], matched?: string | null): string {
  if (!intent) return LEAD.generic;
  if (intent.kind === 'who-said') {
    const speaker = quotes.find((q) => q.attribution?.speaker)?.attribution?.speaker;
    // "Did Y say X?" answered: the quotes are Y's (decide keeps only Y's), so the answer is yes.
    return speaker ? (intent.speaker ? didSayLead(speaker) : `${speaker}, in the document's words:`) : LEAD.generic;
  }
  const theirs = quotes.filter((q) => {
    const s = q.attribution?.speaker;
    return !!s && (matched ? s === matched : samePerson(s, intent.speaker));
  });
  // Asked what X told Y: word the lead from the quote said to Y, when there is one.
  const toThem = intent.kind === 'said-to' ? theirs.find((q) => q.attribution?.addressee && samePerson(q.attribution.addressee, intent.to)) : undefined;
  const own = (toThem ?? theirs[0])?.attribution;
  if (!own?.speaker) return LEAD.generic;
  if (intent.kind !== 'said-to') return `What ${own.speaker} said, in the document's words:`;
  const told = !!own.cue && /^(?:told|tell)/i.test(own.cue);
  return `What ${own.speaker} ${told ? 'told' : 'said to'} ${own.addressee || intent.to}, in the document's words:`;
}
