/**
 * "Did Sway Calloway say X?" is a question about Sway Calloway: only his words
 * can make the answer yes. Is a candidate sentence's speaker the person the
 * asker named — by name ("Sway", "john asher" ~ "Churchill Downs spokesman
 * John Asher"), or by a description the document gives that person ("the FBI
 * agent who questioned Saddam" ~ "agent George Piro", "Wayne's lawyer" ~
 * "Wayne's attorney, Stacey Richman", "the Missoula County prosecutor" ~
 * "Fred Van Valkenburg, Missoula County chief prosecutor")?
 */
import type { Lexicon } from './lexicon.js';
import { descriptionCore, roleKin } from '../select/reported.js';

/** Words of a name that do not tell people apart. */
const NOISE = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'the', 'a', 'an', 'of', 'and', 'jr', 'sr', 'rep', 'sen', 'gov', 'gen', 'st', 'his', 'her', 'their', 'its']);
const tokens = (s: string) =>
  s
    .toLowerCase()
    .replace(/[’']s\b/gu, '')
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((t) => t.length > 1 && !NOISE.has(t));


/**
 * What the asker named: a person's name ("Sway Calloway", "piro"), or a description whose head is a role noun
 * ("the fbi agent who questioned saddam" → head "agent", "wayne's lawyer" → "lawyer").
 *
 * @example
 * askedPerson('the fbi agent who questioned saddam', () => false); // { head: 'agent', words: ['fbi', 'agent'] }
 * askedPerson('Sway Calloway', (w) => w === 'sway' || w === 'calloway'); // { name: ['sway', 'calloway'] }
 */
export function askedPerson(asked: string, isName: (word: string) => boolean): { name: string[] } | { head: string; words: string[] } | null {
  // A relative clause or a participle after the head describes it further ("who questioned Saddam", "representing the family").
  const core = descriptionCore(asked);
  // "wayne's lawyer": the person is the lawyer, not Wayne.
  const own = core.split(/[’']s\s+/u);
  const ws = tokens(own.at(-1) ?? core);
  if (!ws.length) return null;
  const head = ws.at(-1)!;
  if (ws.every((w) => isName(w))) return { name: ws };
  return { head, words: ws };
}

const kin = (a: string, b: string, lex: Lexicon | null) => a === b || roleKin(a).includes(b) || a.replace(/s$/u, '') === b.replace(/s$/u, '') || !!lex?.synonyms(a, b);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * The words the document writes around a person's name as a title or an appositive: "agent George Piro",
 * "Wayne's attorney, Stacey Richman,", "Fred Van Valkenburg, Missoula County chief prosecutor,", "Ceccaldi, a French attorney,".
 */
function descriptors(person: string, text: string): string[] {
  // Two scans of the whole document per person: remembered per document text (the last few) and person.
  let perText = descriptorMemo.find((m) => m.text === text);
  if (!perText) {
    perText = { text, byPerson: new Map() };
    descriptorMemo.unshift(perText);
    descriptorMemo.length = Math.min(descriptorMemo.length, DESCRIPTOR_TEXTS);
  }
  let out = perText.byPerson.get(person);
  if (!out) perText.byPerson.set(person, (out = scanDescriptors(person, text)));
  return out;
}
/** Documents whose people's descriptors are remembered (most recent first). */
const DESCRIPTOR_TEXTS = 8;
const descriptorMemo: { text: string; byPerson: Map<string, string[]> }[] = [];

function scanDescriptors(person: string, text: string): string[] {
  const surname = person.split(/\s+/u).at(-1) ?? person;
  if (!/^\p{Lu}/u.test(surname)) return tokens(person);
  const out = tokens(person);
  const s = escape(surname);
  const title = new RegExp(String.raw`((?:[\p{L}’'.-]+,?\s+){1,3})(?:[\p{Lu}][\p{L}’'.-]+\s+){0,2}${s}\b`, 'gu');
  const appositive = new RegExp(String.raw`\b${s},\s+((?:[\p{L}\p{N}’'.-]+\s+){0,5}[\p{L}\p{N}’'.-]+),`, 'gu');
  for (const m of text.matchAll(title)) out.push(...tokens(m[1]!).slice(-2));
  for (const m of text.matchAll(appositive)) out.push(...tokens(m[1]!));
  return out;
}

/**
 * Is `speaker` (a candidate sentence's speaker) the person the asker named? `text` is the document, for the titles and
 * appositives it gives people.
 *
 * @example
 * isAskedSpeaker({ head: 'agent', words: ['fbi', 'agent'] }, 'George Piro', 'agent George Piro said …', null); // true
 * isAskedSpeaker({ name: ['sway'] }, 'Chris Brown', '…', null); // false
 */
export function isAskedSpeaker(asked: NonNullable<ReturnType<typeof askedPerson>>, speaker: string, text: string, lex: Lexicon | null): boolean {
  const st = tokens(speaker);
  if (!st.length) return false;
  if ('name' in asked) {
    const have = new Set(st);
    if (asked.name.every((t) => have.has(t)) || st.every((t) => asked.name.includes(t))) return true;
    // The candidate's speaker is a description ("a lawyer representing the family"): the named person described so.
    const theirs = askedPerson(speaker, () => false);
    if (theirs && 'head' in theirs && !/^\p{Lu}/u.test(speaker.replace(/^(?:the|a|an)\s+/iu, ''))) {
      const named = new RegExp(String.raw`(?<![\p{L}])${escape(asked.name.at(-1)!)}(?![\p{L}])`, 'iu').exec(text)?.[0];
      return !!named && descriptors(named, text).some((d) => kin(d, theirs.head, lex));
    }
    return false;
  }
  // A description: the speaker is called that ("the agent", "a NATO official", "Police spokeswoman Alicia Smiley"),
  // or the document calls them that beside their name.
  return st.some((t) => kin(t, asked.head, lex)) || descriptors(speaker, text).some((d) => kin(d, asked.head, lex));
}

/**
 * "Did Y say X?" refused for Y: the candidate that does say X, by someone else, best first — so the refusal can say who.
 *
 * @example
 * otherSaying(selection.ranked, check); // the Chris Brown sentence, asked "Did Sway Calloway say he still talks to his therapist?"
 */
export function otherSaying<C extends { attribution?: { speaker?: string | null } }, S extends { otherSpeaker?: boolean; p?: number }>(ranked: readonly C[], check: ((c: C) => S) | undefined, says: (s: S) => boolean): C | undefined {
  if (!check) return undefined;
  return ranked
    .filter((c) => c.attribution?.speaker)
    .map((c) => ({ c, s: check(c) }))
    .filter((x) => x.s.otherSpeaker && says(x.s))
    .sort((a, b) => (b.s.p ?? 0) - (a.s.p ?? 0))[0]?.c;
}
