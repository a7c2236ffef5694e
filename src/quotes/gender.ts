/**
 * Genders learned from the text: a person whose name says nothing about
 * gender ("Rep. Lee", "Jones") is "she" or "he" when the text refers back to
 * them so. Each subject pronoun outside quotations (he/she starting a
 * clause, or right before a speech verb) votes for the nearest person
 * mentioned before it in the same or the previous sentence; a person takes a
 * gender only when the votes agree by two to one, and a gender the name or
 * title already gave is never changed.
 */
import type { Span } from '../types.js';
import type { Mention } from './mentions.js';
import type { SpeakerTable } from './speakers.js';
import { tokenize } from './tokens.js';

const SUBJECT = new Map([
  ['he', 'male'],
  ['she', 'female'],
] as const);

/**
 * Fill in `table` genders that are still null (mutates the entries).
 *
 * @example
 * // "Rep. Lee spoke. She said …" → the entry for Lee becomes female.
 * learnGenders(text, doc.paragraphs, quoteSpans, mentions, table);
 */
export function learnGenders(text: string, paragraphs: Span[], exclude: Span[], mentions: Mention[], table: SpeakerTable): void {
  const unknown = new Map(table.entries.filter((e) => e.kind === 'person' && e.gender === null).map((e) => [e.canonical, e]));
  if (!unknown.size) return;
  const persons = mentions.filter((m) => m.kind === 'person').sort((a, b) => a.start - b.start);
  const quotes = [...exclude].sort((a, b) => a.start - b.start);
  const votes = new Map<string, { male: number; female: number }>();
  let q = 0; // quotes ending before the current token are behind us
  let n = 0; // persons[0, n) end before the current token
  for (const p of paragraphs) {
    const toks = tokenize(text, p.start, p.end);
    toks.forEach((t, i) => {
      const g = SUBJECT.get(t.lower as 'he' | 'she');
      if (!g) return;
      while (q < quotes.length && quotes[q]!.end <= t.start) q++;
      if (q < quotes.length && quotes[q]!.start <= t.start) return; // inside a quotation
      const before = toks[i - 1];
      if (before && !/^[.!?;:,”"’]$/.test(before.text)) return; // not starting a clause
      while (n < persons.length && persons[n]!.end <= t.start) n++;
      const m = persons[n - 1];
      if (!m) return;
      // Within this sentence or the one before; a possessor ("Lee's aide") is not the subject.
      if ((text.slice(m.end, t.start).match(/[.!?]["”’]?\s/g) ?? []).length > 1 || /^[’']s?\b/u.test(text.slice(m.end, m.end + 2))) return;
      const v = votes.get(m.canonical) ?? { male: 0, female: 0 };
      v[g]++;
      votes.set(m.canonical, v);
    });
  }
  // "his wife Mary Lopez", "Ms Lee's husband, Chris", "Sam Reed, her son,": a family noun beside a name gives its gender.
  for (const m of persons) {
    const e = unknown.get(m.canonical);
    if (!e) continue;
    const g = familyGender(text.slice(Math.max(0, m.start - 30), m.start), text.slice(m.end, m.end + 40));
    if (!g) continue;
    const v = votes.get(m.canonical) ?? { male: 0, female: 0 };
    v[g] += 2;
    votes.set(m.canonical, v);
  }
  for (const [canonical, v] of votes) {
    const e = unknown.get(canonical);
    if (!e) continue;
    if (v.female >= 2 * v.male && v.female > 0) e.gender = 'female';
    else if (v.male >= 2 * v.female && v.male > 0) e.gender = 'male';
  }
}

const FAMILY: Record<string, 'male' | 'female'> = {
  wife: 'female', husband: 'male', son: 'male', daughter: 'female', mother: 'female', father: 'male', brother: 'male', sister: 'female',
  widow: 'female', widower: 'male', boyfriend: 'male', girlfriend: 'female', grandmother: 'female', grandfather: 'male', mum: 'female',
  mom: 'female', dad: 'male', aunt: 'female', uncle: 'male', niece: 'female', nephew: 'male', fiancee: 'female', fiancée: 'female', stepson: 'male', stepdaughter: 'female',
};
const NOUN = Object.keys(FAMILY).join('|');
const BEFORE = new RegExp(`\\b(${NOUN}),?\\s+$`, 'iu');
const AFTER = new RegExp(`^,\\s+(?:his|her|their|the)\\s+(?:[\\p{Ll}-]+\\s+)?(${NOUN})\\b`, 'u');

/**
 * The gender a family noun right beside a name gives it: "his wife Mary Lopez", "Sam Reed, her son,".
 *
 * @example
 * familyGender('and his wife ', ' said'); // 'female'
 * familyGender('Police chief ', ', the mayor'); // null
 */
export function familyGender(before: string, after: string): 'male' | 'female' | null {
  const m = BEFORE.exec(before) ?? AFTER.exec(after);
  return m ? FAMILY[m[1]!.toLowerCase()]! : null;
}
