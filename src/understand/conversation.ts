/**
 * What a conversation has established so far, read from its recorded turns:
 * the last turn that was answered with quotations (a follow-up about "that"
 * most likely means what it quoted), and the people it named (whom a later
 * "he" or "she" most likely means).
 */
import { firstNameGender } from '../quotes/names.js';
import { nlp } from '../text/nlp.js';
import type { Turn } from '../types.js';

/** The most recent turn that asked about the documents and was answered with quotations (chit-chat and refusals establish nothing). */
export function lastAnswered(turns: readonly Turn[]): Turn | undefined {
  for (let i = turns.length - 1; i >= 0; i--) {
    const t = turns[i]!;
    if (t.answer.intent !== 'chat' && !t.answer.refused && t.answer.quotes.length) return t;
  }
  return undefined;
}

/**
 * Where in the documents the conversation last was: what the most recent question about them was answered with,
 * or, when it was refused, the best sentence found for it (not shown, but a question following up on a refused one
 * is most likely about the same place). Earlier turns count only when later ones found nothing at all.
 *
 * @example
 * lastPlace(turns); // { doc: 'd', start: 120, end: 180 }
 */
export function lastPlace(turns: readonly Turn[]): { doc: string; start: number; end: number } | undefined {
  for (let i = turns.length - 1; i >= 0; i--) {
    const t = turns[i]!;
    if (t.answer.intent === 'chat') continue;
    const q = !t.answer.refused ? t.answer.quotes[0] : undefined;
    if (q) return { doc: q.doc, start: q.start, end: q.end };
    if (t.answer.refused && t.unshown) return t.unshown;
  }
  return undefined;
}

interface Term {
  text: string;
  tags: string[];
}

/**
 * People named in a text, in order, as compromise tags them: honorifics ("Captain", "Mrs.") dropped, and a
 * one-word name kept only when it is a known first or last name (so "Catholic" or "Captain" alone are no one).
 *
 * @example
 * peopleIn('Captain Caldigate said Robert Nitsch Eberhard left.'); // ['Caldigate', 'Robert Nitsch Eberhard']
 */
export function peopleIn(text: string): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const p of nlp(text).people().json() as { terms: Term[] }[]) {
    const words = p.terms.filter((t) => !t.tags.includes('Honorific') && /^\p{Lu}/u.test(t.text));
    const named = words.length > 1 || words.some((t) => t.tags.includes('FirstName') || t.tags.includes('LastName'));
    if (named) out.push(words.map((t) => t.text.replace(/[’']s$/u, '')).join(' '));
  }
  return out;
}

/** He/him/his want a man's name, she/her/hers a woman's (a name of unknown gender fits either). */
const fits = (pronoun: 'he' | 'she', name: string) => {
  const g = firstNameGender(name.split(/\s+/)[0]);
  return g === null || g === (pronoun === 'he' ? 'male' : 'female');
};

/**
 * The person a "he"/"she" most likely means: the most recent one named in the conversation — in an earlier
 * question, else in the quotation that answered it (latest turn first; within a text, the first name).
 *
 * @example
 * conversationPerson(turns, 'he'); // 'Robert Nitsch Eberhard'
 */
export function conversationPerson(turns: readonly Turn[], pronoun: 'he' | 'she'): string | null {
  for (let i = turns.length - 1; i >= 0; i--) {
    const t = turns[i]!;
    if (t.answer.intent === 'chat') continue;
    for (const text of [t.standalone, t.answer.quotes[0]?.quote ?? '']) {
      const name = peopleIn(text).find((p) => fits(pronoun, p));
      if (name) return name;
    }
  }
  return null;
}
