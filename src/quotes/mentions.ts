/**
 * Named people and organisations mentioned in a document (outside
 * quotations): capitalised runs, classified by our rules and `compromise`,
 * with surnames and acronyms resolved to the full names the document uses.
 */
import type { Span } from '../types.js';
import { CONNECTORS, ORG_HEADS, ROLE_HEADS, firstNameGender, splitName, tagsOf, type NameParts } from './names.js';
import { SPEAKER_NOUNS } from './speaker-nouns.js';
import { bare, isCapital, tokenize, type Tok } from './tokens.js';
import { SPEECH_VERBS } from '../text/speech-verbs.js';

export type EntityKind = 'person' | 'org' | 'group';

/** A named entity mentioned in the text (outside quotations). */
export interface Mention extends Span {
  text: string;
  canonical: string;
  kind: EntityKind;
  /** Role phrases the text gives this mention ("secretary-general", "foreign minister", "minister"). */
  roles: string[];
}


/** Capitalised words that start sentences but are not names. */
const CAPITAL_STOP = new Set([
  'the', 'a', 'an', 'today', 'yesterday', 'tomorrow', 'tonight', 'during', 'while', 'among', 'in', 'on', 'at', 'but', 'and', 'or',
  'if', 'when', 'after', 'before', 'this', 'that', 'these', 'those', 'it', 'he', 'she', 'they', 'we', 'i', 'his', 'her', 'their',
  'our', 'its', 'my', 'your', 'as', 'also', 'meanwhile', 'however', 'according', 'speaking', 'asked', 'earlier', 'later', 'last',
  'next', 'for', 'from', 'with', 'by', 'to', 'of', 'under', 'over', 'since', 'until', 'despite', 'although', 'though', 'why',
  'what', 'who', 'how', 'where', 'which', 'there', 'here', 'so', 'then', 'now', 'thus', 'still', 'yet', 'both', 'all', 'some',
  'many', 'most', 'several', 'each', 'every', 'no', 'not', 'one', 'two', 'three', 'addressing', 'following', 'asked', 'like',
  'unlike', 'because', 'once', 'instead', 'indeed', 'further', 'furthermore', 'moreover', 'overall', 'finally', 'first', 'second',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'global', 'human', 'read', 'more', 'photo', 'watch', 'see', 'click', 'vote', 'check', 'take', 'want',
]);


/** Head nouns of things that are never speakers (events, documents, places). */
const NON_SPEAKER_HEADS = new Set([
  'meeting', 'meetings', 'conference', 'summit', 'session', 'day', 'week', 'year', 'war', 'act', 'treaty', 'agreement', 'convention',
  'declaration', 'charter', 'resolution', 'plan', 'strategy', 'headquarters', 'square', 'street', 'road', 'river', 'sea', 'ocean',
  'mountains', 'island', 'islands', 'city', 'province', 'region', 'state', 'states', 'republic', 'kingdom', 'east', 'west', 'north',
  'south', 'goals', 'agenda', 'initiative', 'hall', 'building', 'palace', 'stories', 'news', 'times', 'post', 'journal',
]);


// ---------------------------------------------------------------------------
// Mentions

interface RawRun {
  toks: Tok[];
  start: number;
  end: number;
  text: string;
}

/** Capitalised runs ("Secretary-General Kofi Annan", "Association of South-East Asian Nations") in text[start, end). */
function capitalRuns(text: string, toks: Tok[]): RawRun[] {
  const runs: RawRun[] = [];
  let cur: Tok[] = [];
  const flush = () => {
    while (cur.length && (!isCapital(cur[cur.length - 1]!) || CONNECTORS.has(cur[cur.length - 1]!.lower))) cur.pop();
    // Sentence-initial capitals that are ordinary words ("Human" stays in "Human Rights Watch": an organisation's name).
    const org = cur.length >= 3 && ORG_HEADS.has(bare(cur[cur.length - 1]!).toLowerCase()) && /^(?:human|global)$/.test(cur[0]!.lower);
    while (!org && cur.length && (CAPITAL_STOP.has(bare(cur[0]!).toLowerCase()) || !isCapital(cur[0]!))) {
      if (cur[0]!.possessive) {
        cur = [];
        break;
      }
      cur.shift();
    }
    if (cur.length) {
      const s = cur[0]!.start;
      const last = cur[cur.length - 1]!;
      const e = last.possessive ? last.end - 2 : last.end;
      runs.push({ toks: cur, start: s, end: e, text: text.slice(s, e) });
    }
    cur = [];
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const adjacent = cur.length === 0 || /^[ \u00a0]$/u.test(text.slice(cur[cur.length - 1]!.end, t.start));
    if (!adjacent) flush();
    if (isCapital(t)) {
      cur.push(t);
      if (t.possessive) flush();
    } else if (
      t.word && CONNECTORS.has(t.lower) && cur.length && toks[i + 1] !== undefined &&
      ((isCapital(toks[i + 1]!) && !CAPITAL_STOP.has(toks[i + 1]!.lower)) || (toks[i + 1]!.word && CONNECTORS.has(toks[i + 1]!.lower) && toks[i + 2] !== undefined && isCapital(toks[i + 2]!)))
    ) {
      // "Tjaart van der Walt": particles chain.
      // ("John Jones on Monday": "on" + a weekday joins nothing)
      cur.push(t);
    } else {
      flush();
    }
  }
  flush();
  return runs;
}

/** Two or more words all in capitals, or a chapter/part heading ("CHAPTER XXIV", "Chapter 5", "BOOK II"). */
export function isHeadingCaps(words: string[]): boolean {
  if (/^(?:chapter|part|book|volume|act|scene|canto)$/iu.test(words[0] ?? '') && words.length === 2 && /^(?:[IVXLC]+|\d+|[\p{Lu}][\p{Lu}-]+)\.?$/u.test(words[1]!)) return true;
  return words.length >= 2 && words.every((w) => !/\p{Ll}/u.test(w)) && words.filter((w) => /\p{Lu}{2,}/u.test(w)).length >= 2;
}

/** Classify a capitalised run; null when it does not name a person or an organisation. */
function classifyRun(run: RawRun): { kind: EntityKind; parts: NameParts; weak: boolean } | null {
  const words = run.text.split(/\s+/);
  // "CHAPTER XXIV", "A CAPTURE AND A SURPRISE": a heading set in capitals names no one ("UN", "NATO" are one word).
  if (isHeadingCaps(words)) return null;
  const parts = splitName(run.text);
  const of = words.indexOf('of');
  // "Iowa Division of Criminal Investigation", "Department of Justice": the head stands before "of".
  const head = (of > 0 && ORG_HEADS.has(words[of - 1]!.toLowerCase()) ? words[of - 1]! : words[words.length - 1]!).toLowerCase();
  // "Peter Hall", "Kate Hill": a known first name and a surname that is also a common noun or a place.
  const firstNamed = parts.name.length >= 2 && parts.name.length <= 3 && !!firstNameGender(parts.name[0]) && !ORG_HEADS.has(head);
  if (parts.title.length && parts.name.length) {
    if (NON_SPEAKER_HEADS.has(head) && !firstNamed) return null;
    if (ORG_HEADS.has(head)) return { kind: 'org', parts, weak: false };
    return { kind: 'person', parts, weak: false };
  }
  if (parts.title.length) return null; // "the Secretary-General": a role, resolved when used as a speaker
  if (firstNamed && words.length === parts.name.length && !tagsOf(run.text).org) return { kind: 'person', parts, weak: false };
  if (NON_SPEAKER_HEADS.has(head)) return null;
  if (ORG_HEADS.has(head) || /^\p{Lu}{2,}$/u.test(run.text)) return { kind: 'org', parts, weak: false };
  const tags = tagsOf(run.text);
  if (tags.org) return { kind: 'org', parts, weak: false };
  if (tags.date || tags.place) return null;
  if (tags.person) return { kind: 'person', parts, weak: false };
  // "New Yorker", "European Tour": a capitalised pair that opens with an adjective or a nationality is no one's name.
  const describes = tagsOf(words[0]!).adjective || tagsOf(words[0]!).demonym;
  if (words.length >= 2 && words.length <= 4 && !describes && words.every((w) => /^\p{Lu}[\p{L}’'\-]*$/u.test(w))) return { kind: 'person', parts, weak: true };
  if (words.length === 1) return { kind: 'person', parts, weak: true }; // kept only if it matches a known surname
  return null;
}

/**
 * Lone capitalised words the text has speaking: the subject right before a speech verb ("Ferrand said") or the one
 * after a quotation's inverted cue (“…,” stammered Ferrand). A name the word lists do not know (a story's "Ferrand")
 * is a person when the text says they speak. Memoised for the last text.
 */
let speakingFor: { text: string; words: Set<string> } | null = null;
export function speakingWords(text: string): Set<string> {
  if (speakingFor?.text === text) return speakingFor.words;
  const words = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}\p{N}'’.-])(\p{Lu}\p{Ll}+)[ \u00a0]+(\p{Ll}+)\b|[,!?—-]["”’'][ \u00a0]+(\p{Ll}+)[ \u00a0]+(\p{Lu}\p{Ll}+)(?![\p{L}\p{N}'’-])/gu)) {
    const [word, verb] = m[1] ? [m[1], m[2]!] : [m[4]!, m[3]!];
    if (SPEECH_VERBS.has(verb) && !CAPITAL_STOP.has(word.toLowerCase())) words.add(word);
  }
  speakingFor = { text, words };
  return words;
}

/**
 * Named people and organisations mentioned in the given paragraphs, outside
 * the excluded spans (quotations), with canonical names resolved inside the
 * document: surnames and acronyms to full names, "the Council" to "Security
 * Council".
 *
 * @example
 * const text = 'Secretary-General Kofi Annan spoke. Mr. Annan left.';
 * findMentions(text, [{ start: 0, end: text.length }], []).map((m) => m.canonical); // ['Kofi Annan', 'Kofi Annan']
 */
export function findMentions(text: string, paragraphs: Span[], exclude: Span[]): Mention[] {
  const sortedEx = [...exclude].sort((a, b) => a.start - b.start);
  const pieces: Span[] = [];
  let first = 0; // exclusions ending before this paragraph are behind us (paragraphs come in text order)
  for (const p of paragraphs) {
    let pos = p.start;
    while (first < sortedEx.length && sortedEx[first]!.end <= p.start) first++;
    for (let k = first; k < sortedEx.length && sortedEx[k]!.start < p.end; k++) {
      const x = sortedEx[k]!;
      if (x.end <= pos) continue;
      if (x.start > pos) pieces.push({ start: pos, end: x.start });
      pos = Math.max(pos, x.end);
    }
    if (pos < p.end) pieces.push({ start: pos, end: p.end });
  }

  type Cand = { run: RawRun; kind: EntityKind; parts: NameParts; weak: boolean; roles: string[]; acronym?: string };
  const cands: Cand[] = [];
  for (const piece of pieces) {
    const toks = tokenize(text, piece.start, piece.end);
    for (const run of capitalRuns(text, toks)) {
      const c = classifyRun(run);
      if (!c) continue;
      // "the Triple Crown": an unknown capitalised pair after "the" is a thing, not a person.
      if (c.weak && c.kind === 'person' && /\bthe\s+$/iu.test(text.slice(Math.max(piece.start, run.start - 5), run.start))) continue;
      const after = text.slice(run.end, Math.min(piece.end, run.end + 120));
      const roles = [...c.parts.roles];
      // Appositive: "Maria Lopez, the foreign minister, said"
      const app = /^,\s+(?:the|a|an|its|their)\s+((?:[\p{Ll}\-]+\s+){0,3}[\p{Ll}\-]+)\s*(?:,|\.|;|$|\s+(?:said|says|told|added|stressed|warned|noted))/u.exec(after);
      if (app && c.kind === 'person') {
        const phrase = app[1]!.toLowerCase();
        const headWord = phrase.split(' ').pop()!;
        if (ROLE_HEADS.has(headWord) || SPEAKER_NOUNS.has(headWord) || tagsOf(headWord).actor) {
          roles.push(phrase);
          if (headWord !== phrase) roles.push(headWord);
        }
      }
      // The appositive before the name: "The judge, Mr Justice Smith, said", "Her lawyer, Ann Lee, told".
      const rev = /(?:^|[\s(])(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+((?:[\p{Ll}\-]+\s+){0,2}([\p{Ll}\-]+)),\s+$/u.exec(text.slice(Math.max(piece.start, run.start - 50), run.start));
      if (rev && c.kind === 'person' && /^\s*,/u.test(after)) {
        const headWord = rev[2]!;
        if (ROLE_HEADS.has(headWord) || SPEAKER_NOUNS.has(headWord) || tagsOf(headWord).actor) {
          roles.push(headWord);
          if (rev[1] !== headWord) roles.push(rev[1]!.replace(/\s+/g, ' '));
        }
      }
      // A job in lower case right before the name: "agent George Piro", "prosecuting attorney Ryan Stack".
      const pre = /(?:^|[\s(])((?:[\p{Ll}\-]+\s+)?([\p{Ll}\-]+))\s+$/u.exec(text.slice(Math.max(piece.start, run.start - 40), run.start));
      if (pre && c.kind === 'person') {
        const headWord = pre[2]!;
        if (ROLE_HEADS.has(headWord) || SPEAKER_NOUNS.has(headWord) || tagsOf(headWord).actor) {
          roles.push(headWord);
          if (pre[1] !== headWord) roles.push(pre[1]!.replace(/\s+/g, ' '));
        }
      }
      const acr = /^\s*\((\p{Lu}[\p{Lu}\p{N}.\-]{1,11})\)/u.exec(after);
      cands.push({ run, ...c, roles, acronym: acr?.[1] });
    }
  }

  // Full names (two or more name tokens) anchor surnames.
  const fullBySurname = new Map<string, { canonical: string; pos: number }[]>();
  for (const c of cands) {
    if (c.kind === 'person' && c.parts.name.length >= 2) {
      const canonical = c.parts.name.join(' ');
      const key = c.parts.name[c.parts.name.length - 1]!.toLowerCase();
      const list = fullBySurname.get(key) ?? [];
      list.push({ canonical, pos: c.run.start });
      fullBySurname.set(key, list);
    }
  }
  const orgs = new Map<string, string>(); // key → canonical
  for (const c of cands) {
    if (c.kind !== 'org') continue;
    const canonical = c.run.text;
    if (!orgs.has(canonical.toLowerCase())) orgs.set(canonical.toLowerCase(), canonical);
    if (c.acronym) orgs.set(c.acronym.toLowerCase(), canonical); // "(ASEAN)" right after the full name
  }
  // Head nouns that name exactly one organisation ("the Council").
  const byHead = new Map<string, Set<string>>();
  for (const canonical of new Set(orgs.values())) {
    const head = canonical.split(/\s+/).pop()!.toLowerCase();
    if (head !== canonical.toLowerCase()) byHead.set(head, (byHead.get(head) ?? new Set()).add(canonical));
  }

  const out: Mention[] = [];
  for (const c of cands) {
    let canonical: string;
    if (c.kind === 'org') {
      const key = c.run.text.toLowerCase();
      const viaHead = byHead.get(key);
      canonical = viaHead && viaHead.size === 1 ? [...viaHead][0]! : orgs.get(key) ?? c.run.text;
    } else if (c.parts.name.length >= 2) {
      canonical = c.parts.name.join(' ');
      // "El Nabawy" after "Khaled El Nabawy": a multi-word surname is the full name it ends.
      const longer = fullBySurname.get(c.parts.name[c.parts.name.length - 1]!.toLowerCase())?.find((f) => f.canonical.toLowerCase().endsWith(` ${canonical.toLowerCase()}`));
      if (longer) canonical = longer.canonical;
    } else {
      const surname = (c.parts.name[0] ?? c.run.text).toLowerCase();
      const fulls = fullBySurname.get(surname);
      // "Li" after "China's Li Na": a family name written first is the full name's first word (one such name only).
      const byFirst = fulls ? [] : [...new Set([...fullBySurname.values()].flat().filter((f) => f.canonical.split(' ')[0]!.toLowerCase() === surname && f.pos <= c.run.start).map((f) => f.canonical))];
      if (fulls) {
        const before = fulls.filter((f) => f.pos <= c.run.start);
        canonical = (before[before.length - 1] ?? fulls[0]!).canonical;
      } else if (byFirst.length === 1) {
        canonical = byFirst[0]!;
      } else if (c.weak) {
        continue; // a lone capitalised word we know nothing about
      } else {
        canonical = c.parts.name.join(' ') || c.run.text;
      }
    }
    out.push({ start: c.run.start, end: c.run.end, text: c.run.text, canonical, kind: c.kind, roles: c.roles });
  }
  return out;
}
