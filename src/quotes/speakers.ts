/**
 * Speaker resolution: the per-document alias table ("Secretary-General Kofi
 * Annan", "Mr. Annan", "Annan" → "Kofi Annan"; "the Council" → "Security
 * Council"; "ASEAN" → its full name), looking a name up in it, and one
 * canonical form for a speaker's name.
 */
import { memoPerText } from '../text/text-memo.js';
import type { EntityKind, Mention } from './mentions.js';
import { CONNECTORS, firstNameGender, splitName, tagsOf, type Gender } from './names.js';

/** One entity of the alias table. */
export interface SpeakerEntry {
  canonical: string;
  kind: EntityKind;
  gender: Gender;
  /** Lower-cased keys that name this entity: full name, surname, acronym, role, head noun. */
  aliases: string[];
}

/** The per-document alias table (plain data: it can be stored with the index). */
export interface SpeakerTable {
  doc: string;
  entries: SpeakerEntry[];
}

const normKey = (s: string) => s.toLowerCase().replace(/[’']s\b/gu, '').replace(/\s+/g, ' ').trim();


/**
 * Build the document's alias table from its mentions.
 *
 * @example
 * const table = buildSpeakerTable('doc', findMentions(text, paragraphs, quoteSpans));
 * canonicalSpeaker('Mr. Annan', table); // 'Kofi Annan'
 */
export function buildSpeakerTable(doc: string, mentions: Mention[]): SpeakerTable {
  const byCanonical = new Map<string, SpeakerEntry>();
  for (const m of mentions) {
    let e = byCanonical.get(m.canonical);
    if (!e) {
      e = { canonical: m.canonical, kind: m.kind, gender: null, aliases: [] };
      byCanonical.set(m.canonical, e);
    }
    const parts = splitName(m.text);
    const keys = new Set(e.aliases);
    keys.add(normKey(m.canonical));
    if (parts.name.length) keys.add(normKey(parts.name.join(' ')));
    if (m.kind === 'person' && parts.name.length) keys.add(normKey(parts.name[parts.name.length - 1]!));
    if (m.kind === 'org') {
      keys.add(normKey(m.text));
      const head = m.canonical.split(/\s+/).pop()!.toLowerCase();
      if (m.text.toLowerCase() === head) keys.add(head);
    }
    for (const r of m.roles) keys.add(r);
    e.aliases = [...keys];
    if (m.kind === 'person') {
      // A lone word is a first name only when compromise knows it as one and not as a surname ("her husband Chris", not "Jones").
      const lone = parts.name.length === 1 && !/\s/u.test(m.canonical) && tagsOf(parts.name[0]!).first ? parts.name[0] : undefined;
      const g = parts.gender ?? firstNameGender(parts.title.length ? parts.name[0] : parts.name.length >= 2 ? parts.name[0] : lone);
      if (g && !e.gender) e.gender = g;
    }
  }
  // A role or surname shared by two entities names neither.
  const owners = new Map<string, number>();
  for (const e of byCanonical.values()) for (const a of e.aliases) owners.set(a, (owners.get(a) ?? 0) + 1);
  const entries = [...byCanonical.values()].map((e) => ({
    ...e,
    aliases: e.aliases.filter((a) => owners.get(a) === 1 || a === normKey(e.canonical)),
  }));
  return { doc, entries };
}

/**
 * Find the entry a name refers to, through the table's aliases.
 *
 * @example
 * lookupSpeaker(table, 'the Council')?.canonical; // 'Security Council'
 */
export function lookupSpeaker(table: SpeakerTable, name: string): SpeakerEntry | undefined {
  return lookups(name, table);
}
/** Remembered per table and name (bounded): filtering the quotation index asks once per quotation. */
const lookups = memoPerText((name: string, table: SpeakerTable) => findSpeaker(table, name), 1_000);

function findSpeaker(table: SpeakerTable, name: string): SpeakerEntry | undefined {
  const cleaned = normKey(name.replace(/^(?:the|a|an)\s+/i, ''));
  if (!cleaned) return undefined;
  const parts = splitName(name);
  const keys = [cleaned];
  if (parts.name.length) keys.push(normKey(parts.name.join(' ')), normKey(parts.name[parts.name.length - 1]!));
  if (!parts.name.length) for (const r of parts.roles) keys.push(r);
  const lastWord = cleaned.split(' ').pop()!;
  if (!parts.name.length) keys.push(lastWord);
  for (const k of keys) {
    const e = table.entries.find((x) => x.aliases.includes(k));
    if (e) return e;
  }
  return undefined;
}

/**
 * One canonical form for a speaker's name: titles and honorifics dropped,
 * and — given the document's alias table — surnames, roles and acronyms
 * mapped to the full name the document uses.
 *
 * @example
 * canonicalSpeaker('Secretary-General Kofi Annan'); // 'Kofi Annan'
 * canonicalSpeaker('Mr. Annan', table);             // 'Kofi Annan' (the document names him in full)
 * canonicalSpeaker('the minister');                 // 'the minister' (a role nobody in the table holds)
 */
export function canonicalSpeaker(name: string, table?: SpeakerTable): string {
  const cleaned = name.trim().replace(/[’']s$/u, '').replace(/\s+/g, ' ');
  if (!cleaned) return cleaned;
  if (table) {
    const e = lookupSpeaker(table, cleaned);
    if (e) return e.canonical;
  }
  const parts = splitName(cleaned);
  if (parts.name.length && parts.name.every((w) => /^\p{Lu}/u.test(w) || CONNECTORS.has(w))) return parts.name.join(' ');
  return cleaned;
}
