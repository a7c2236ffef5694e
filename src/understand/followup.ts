/**
 * Follow-up resolution: turns "And what did he tell the regional
 * organizations?", "Where was that?" or "what else?" into a standalone
 * question, using the earlier turns of the conversation.
 */
import type { Conversation, Quotation, Turn } from '../types.js';
import { terms } from '../retrieve/terms.js';
import { conversationPerson, lastAnswered, lastPlace } from './conversation.js';

export interface Resolved {
  /** The question as a standalone question (what retrieval and intent parsing see). */
  standalone: string;
  /** Extra retrieval context from the previous turn (its question's terms), empty for a new question. */
  context: string;
  kind: 'new' | 'more' | 'followup';
  /** Quotes shown earlier in the conversation (for "what else?"). */
  shown: { doc: string; start: number; end: number }[];
  /** Paragraphs the previous answer quoted: a follow-up about "that" most likely means them. */
  focus: { doc: string; paragraph: number }[];
  /** The name a pronoun was resolved to ("he" → "Annan"), when one was: words the asker did not type. */
  resolvedName?: string;
  /** What the conversation was last answered with (a story is asked about roughly in order: the answer is often just after it). */
  last?: { doc: string; start: number; end: number };
  /**
   * `last` is what the turn just before this one was answered with (shown, not a refused turn's unshown best
   * sentence nor an answer from before a refusal): the asker has just read it, so a follow-up with no words of its
   * own ("Why?", "What was it?") is about it (src/decide/conversation.ts, orderLean).
   */
  adjacent?: boolean;
}

const MORE = /^(?:and\s+)?(?:what|anything|something|tell me|give me|any|show me)?\s*(?:else|more)\b(?:\s+(?:did|does|do|is|was|about|quotes?|passages?|from|in)\b.*)?\s*[?.!]*$|^(?:go on|continue|more please|next)[?.!]*$|^(?:and\s+)?(?:anyone|anybody|someone|who)\s+else\s*[?.!]*$/i;
const PERSON_PRONOUN = /\b(he|she|him|her|his|hers)\b/i;
const PLURAL_PRONOUN = /\b(they|them|their|theirs)\b/i;
/** Speakers that name nobody a later "he" could mean ("I said", "we told"). */
const SELF = /^(?:i|we|you|he|she|they|it|one)$/i;
const DEICTIC = /\b(that|this|it|there|those|these|then)\b/i;

/** The most recent person the conversation was about: a speaker of a quoted passage, else a name in the question. */
function lastPerson(turns: Turn[], quotations: Quotation[]): string | null {
  for (let i = turns.length - 1; i >= 0; i--) {
    const t = turns[i]!;
    const speakers = t.answer.quotes.map((q) => q.attribution?.speaker).filter((s): s is string => !!s && !SELF.test(s));
    const named = namedSpeaker(t.standalone, quotations);
    if (named) return named;
    if (speakers.length) return speakers[0]!;
  }
  return null;
}

/** A speaker from the quotation index whose name (or surname) the text mentions. */
export function namedSpeaker(text: string, quotations: Quotation[]): string | null {
  const lower = text.toLowerCase();
  for (const s of new Set(quotations.map((q) => q.speaker).filter((s): s is string => !!s && !SELF.test(s)))) {
    const parts = s.split(/\s+/);
    const surname = parts[parts.length - 1]!.toLowerCase();
    if (lower.includes(s.toLowerCase()) || (surname.length > 2 && new RegExp(`\\b${surname.replace(/[^\p{L}\p{N}-]/gu, '')}\\b`, 'iu').test(lower))) return s;
  }
  return null;
}

const surname = (name: string) => name.split(/\s+/).pop()!;

/**
 * @example
 * resolveFollowUp('And what did he tell the regional organizations?', conversation, quotations).standalone
 * // 'And what did Annan tell the regional organizations?'
 */
export function resolveFollowUp(question: string, conversation: Conversation | undefined, quotations: Quotation[]): Resolved {
  // Chit-chat turns ("thanks", "ok") establish nothing to follow up on.
  const turns = (conversation?.turns ?? []).filter((t) => t.answer.intent !== 'chat');
  const shown = turns.flatMap((t) => t.answer.quotes.map(({ doc, start, end }) => ({ doc, start, end })));
  const place = lastPlace(turns);
  const justRead = turns.at(-1)?.answer;
  const adjacent = !!place && !!justRead && !justRead.refused && justRead.quotes[0]?.start === place.start && justRead.quotes[0]?.doc === place.doc;
  const last = place ? { last: place, adjacent } : {};
  const none: Resolved = { standalone: question, context: '', kind: 'new', shown: [], focus: [], ...last };
  const prev = turns[turns.length - 1];
  if (!prev) return none;
  // The paragraphs of the last answer that quoted something (a refused turn in between moves nothing).
  const focus = (lastAnswered(turns)?.answer.quotes ?? []).map((q) => ({ doc: q.doc, paragraph: q.paragraph }));

  if (MORE.test(question.trim())) {
    // "what else?" continues the last question that said what it was about (not "Where was that?").
    const topic = [...turns].reverse().find((t) => terms(t.standalone).length >= 2) ?? prev;
    return { standalone: topic.standalone, context: '', kind: 'more', shown, focus: [] };
  }
  const qTerms = terms(question);
  let standalone = question;
  let resolved: string | undefined;
  const pronoun = PERSON_PRONOUN.exec(question)?.[1]?.toLowerCase();
  const gender = pronoun ? (/^(?:he|him|his)$/.test(pronoun) ? 'he' : 'she') : null;
  // A speaker the conversation was about, else any person it named (in a question or in the quotation that answered it).
  const person = gender && !namedSpeaker(question, quotations) ? (lastPerson(turns, quotations) ?? conversationPerson(turns, gender)) : null;
  if (person) {
    const name = surname(person);
    // Only the pronouns of that person's gender: in "How did she lead him?" "him" is someone else.
    const [subject, object, possessive] = gender === 'he' ? ['he', 'him', 'his'] : ['she', 'her', 'hers'];
    standalone = standalone
      .replace(new RegExp(`\\b${subject}\\b`, 'gi'), name)
      .replace(new RegExp(`\\b${object}\\b(?=\\s*(?:[?.!,]|$|\\b(?:say|tell|said|told)\\b))`, 'gi'), name)
      .replace(new RegExp(`\\b(?:${possessive})\\b`, 'gi'), `${name}’s`);
    resolved = name;
  }
  // A pronoun we could not resolve to a known speaker still points back at the previous turn.
  const deictic = DEICTIC.test(question) || PLURAL_PRONOUN.test(question) || (PERSON_PRONOUN.test(question) && !person);
  // A question leaning on the previous one ("Where was that?", "When?", "And the Council?")
  if (deictic || qTerms.length <= 1) {
    // What the last two turns asked, and the words the conversation was last answered with ("it" is usually in there).
    const answered = [...turns].reverse().find((t) => t.answer.quotes.length)?.answer.quotes[0]?.quote ?? '';
    const asked = turns.slice(-2).map((t) => t.standalone);
    return { standalone, context: [...asked, answered].join(' ').trim(), kind: 'followup', shown: [], focus, ...last, ...(resolved ? { resolvedName: resolved } : {}) };
  }
  // Only a pronoun to resolve: the question is otherwise self-contained.
  return resolved ? { standalone, context: '', kind: 'followup', shown: [], focus: [], ...last, resolvedName: resolved } : none;
}
