/**
 * Who is who in a document: name mentions, titles and roles, a per-document
 * alias table ("Secretary-General Kofi Annan", "Mr. Annan", "Annan" → "Kofi
 * Annan"; "the Council" → "Security Council"; "ASEAN" → its full name), and
 * genders for pronoun resolution.
 *
 * Rules are ours (capitalised runs, title words, appositives); the
 * `compromise` NLP library supplies word knowledge we should not hand-roll:
 * first names with their usual gender (#MaleName / #FemaleName), known people
 * and organisations (#Person / #Organization), dates and places to rule out,
 * and role nouns (#Actor: "minister", "spokesperson", "diplomats").
 */
import nlp from 'compromise';
import type { Span } from '../types.js';

export type Gender = 'male' | 'female' | null;
export type EntityKind = 'person' | 'org' | 'group';

/** A token of text with offsets. `word` is false for punctuation. */
export interface Tok {
  text: string;
  lower: string;
  start: number;
  end: number;
  word: boolean;
  /** A possessive ’s / 's was cut off the end of this word (it is still inside [start, end)). */
  possessive: boolean;
}

/** A named entity mentioned in the text (outside quotations). */
export interface Mention extends Span {
  text: string;
  canonical: string;
  kind: EntityKind;
  /** Role phrases the text gives this mention ("secretary-general", "foreign minister", "minister"). */
  roles: string[];
}

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

// ---------------------------------------------------------------------------
// Word lists (our rules)

const HONORIFIC_GENDER: Record<string, Gender> = {
  mr: 'male', sir: 'male', lord: 'male', king: 'male', prince: 'male', emperor: 'male', pope: 'male', monsieur: 'male', sheikh: 'male',
  mrs: 'female', ms: 'female', miss: 'female', madam: 'female', madame: 'female', mme: 'female', dame: 'female', lady: 'female',
  queen: 'female', princess: 'female', empress: 'female', sheikha: 'female',
  dr: null, prof: null, professor: null, mx: null, rev: null, reverend: null, hon: null, excellency: null,
};

/** Words that make a capitalised run a title rather than a name ("Foreign Minister", "UN Secretary-General"). */
const TITLE_WORDS = new Set([
  'president', 'vice-president', 'minister', 'prime', 'premier', 'secretary-general', 'under-secretary-general', 'deputy',
  'secretary', 'ambassador', 'envoy', 'representative', 'senator', 'governor', 'general', 'admiral', 'colonel', 'captain',
  'commander', 'lieutenant', 'sergeant', 'chancellor', 'cardinal', 'bishop', 'archbishop', 'imam', 'rabbi', 'chairman',
  'chairwoman', 'chairperson', 'chair', 'director-general', 'director', 'commissioner', 'judge', 'justice', 'mayor',
  'spokesperson', 'spokesman', 'spokeswoman', 'coordinator', 'rapporteur', 'administrator', 'ceo', 'officer', 'chief',
  'high', 'special', 'permanent', 'executive', 'assistant', 'foreign', 'defence', 'defense', 'health', 'finance', 'interior',
  'trade', 'justice', 'environment', 'education', 'former', 'acting', 'interim', 'un', 'u.n.', 'senior', 'state', 'vice',
  'head', 'leader', 'delegate', 'agent', 'inspector', 'professor', 'doctor', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'capt',
  ...Object.keys(HONORIFIC_GENDER),
]);
/** Role nouns that are not themselves names ("Foreign" is a title word only before one of these). */
const ROLE_HEADS = new Set([
  'president', 'vice-president', 'minister', 'premier', 'secretary-general', 'under-secretary-general', 'secretary', 'ambassador',
  'envoy', 'representative', 'senator', 'governor', 'general', 'admiral', 'colonel', 'captain', 'commander', 'chancellor',
  'chairman', 'chairwoman', 'chairperson', 'chair', 'director-general', 'director', 'commissioner', 'judge', 'mayor',
  'spokesperson', 'spokesman', 'spokeswoman', 'coordinator', 'rapporteur', 'administrator', 'ceo', 'officer', 'chief',
  'head', 'leader', 'delegate', 'inspector', 'professor', 'king', 'queen', 'prince', 'princess', 'pope', 'bishop', 'imam',
]);
const ROLE_GENDER: Record<string, Gender> = { spokesman: 'male', spokeswoman: 'female', chairman: 'male', chairwoman: 'female', king: 'male', queen: 'female' };

/** Abbreviations that keep their dot inside a name. */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'st', 'jr', 'sr', 'gen', 'lt', 'col', 'capt', 'sen', 'rep', 'gov', 'rev', 'hon', 'mme', 'messrs', 'amb']);

/** Lower-case words allowed inside a capitalised name ("Association of South-East Asian Nations", "Ana de Souza"). */
const CONNECTORS = new Set(['of', 'for', 'on', 'de', 'da', 'di', 'du', 'del', 'der', 'van', 'von', 'bin', 'ibn', 'al', 'el', 'la', 'le', 'y', 'dos', 'das']);

/** Capitalised words that start sentences but are not names. */
const CAPITAL_STOP = new Set([
  'the', 'a', 'an', 'today', 'yesterday', 'tomorrow', 'tonight', 'during', 'while', 'among', 'in', 'on', 'at', 'but', 'and', 'or',
  'if', 'when', 'after', 'before', 'this', 'that', 'these', 'those', 'it', 'he', 'she', 'they', 'we', 'i', 'his', 'her', 'their',
  'our', 'its', 'my', 'your', 'as', 'also', 'meanwhile', 'however', 'according', 'speaking', 'asked', 'earlier', 'later', 'last',
  'next', 'for', 'from', 'with', 'by', 'to', 'of', 'under', 'over', 'since', 'until', 'despite', 'although', 'though', 'why',
  'what', 'who', 'how', 'where', 'which', 'there', 'here', 'so', 'then', 'now', 'thus', 'still', 'yet', 'both', 'all', 'some',
  'many', 'most', 'several', 'each', 'every', 'no', 'not', 'one', 'two', 'three', 'addressing', 'following', 'asked', 'like',
  'unlike', 'because', 'once', 'instead', 'indeed', 'further', 'furthermore', 'moreover', 'overall', 'finally', 'first', 'second',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'global', 'human', 'read', 'more', 'photo',
]);

/** Head nouns of organisations. */
const ORG_HEADS = new Set([
  'council', 'union', 'nations', 'organization', 'organisation', 'association', 'committee', 'commission', 'ministry', 'department',
  'agency', 'office', 'bank', 'fund', 'programme', 'program', 'court', 'assembly', 'parliament', 'congress', 'senate', 'government',
  'administration', 'secretariat', 'institute', 'foundation', 'university', 'alliance', 'group', 'party', 'federation', 'league',
  'authority', 'board', 'corporation', 'company', 'inc', 'ltd', 'network', 'coalition', 'movement', 'army', 'police', 'service',
  'centre', 'center', 'unit', 'mission', 'force', 'forces', 'community', 'international', 'watch', 'cross', 'crescent', 'unicef',
  'who', 'unesco', 'unhcr', 'undp', 'wfp', 'fao', 'imf', 'nato', 'asean', 'un', 'eu', 'au', 'oecd', 'opec',
]);
/** Head nouns of things that are never speakers (events, documents, places). */
const NON_SPEAKER_HEADS = new Set([
  'meeting', 'meetings', 'conference', 'summit', 'session', 'day', 'week', 'year', 'war', 'act', 'treaty', 'agreement', 'convention',
  'declaration', 'charter', 'resolution', 'plan', 'strategy', 'headquarters', 'square', 'street', 'road', 'river', 'sea', 'ocean',
  'mountains', 'island', 'islands', 'city', 'province', 'region', 'state', 'states', 'republic', 'kingdom', 'east', 'west', 'north',
  'south', 'goals', 'agenda', 'initiative', 'hall', 'building', 'palace', 'stories', 'news', 'times', 'post', 'journal',
]);

/** Heads of common-noun speakers ("the minister", "delegates", "a press release"). */
export const SPEAKER_NOUNS = new Set([
  'minister', 'spokesperson', 'spokesman', 'spokeswoman', 'official', 'officials', 'delegate', 'delegates', 'delegation',
  'delegations', 'representative', 'representatives', 'envoy', 'ambassador', 'diplomat', 'diplomats', 'president', 'chair',
  'chairman', 'chairwoman', 'chairperson', 'head', 'heads', 'chief', 'director', 'leader', 'leaders', 'secretary-general',
  'secretary', 'body', 'council', 'committee', 'commission', 'government', 'ministry', 'agency', 'organization', 'organisation',
  'office', 'statement', 'report', 'release', 'communiqué', 'communique', 'letter', 'participants', 'members', 'experts', 'analysts',
  'observers', 'sources', 'source', 'residents', 'witnesses', 'police', 'authorities', 'officer', 'officers', 'group', 'groups',
  'states', 'countries', 'speakers', 'panel', 'panellists', 'panelists', 'organizers', 'organisers', 'activists', 'campaigners',
  'researchers', 'scientists', 'doctors', 'workers', 'farmers', 'people', 'woman', 'man', 'mother', 'father', 'student', 'students',
  'teacher', 'teachers', 'judge', 'court', 'survey', 'study', 'paper', 'document', 'resolution', 'communiqué', 'declaration',
  'mayor', 'governor', 'senator', 'lawmakers', 'legislators', 'union', 'company', 'firm', 'bank', 'commissioner', 'coordinator',
  'rapporteur', 'administrator', 'secretariat', 'board', 'author', 'authors', 'founder', 'expert', 'analyst', 'observer', 'aide',
  'aides', 'adviser', 'advisers', 'advisor', 'advisors', 'staff', 'team', 'mission', 'forum', 'assembly', 'parliament', 'congress',
]);
const PLURAL_SPEAKER = /(?:s|people|police|staff|team|authorities)$/;

const MALE_WORDS = new Set(['man', 'father', 'spokesman', 'chairman', 'king', 'prince', 'husband', 'son', 'brother', 'boy']);
const FEMALE_WORDS = new Set(['woman', 'mother', 'spokeswoman', 'chairwoman', 'queen', 'princess', 'wife', 'daughter', 'sister', 'girl']);

// ---------------------------------------------------------------------------
// Tokens

const TOKEN_RE = /[\p{L}\p{N}]+(?:[’'\-.][\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu;

/**
 * Tokens of text[start, end): words (hyphens, inner apostrophes and
 * abbreviation dots kept) and single punctuation marks.
 *
 * @example
 * tokenize('Mr. Annan’s report, he said.', 0, 28).map((t) => t.text); // ['Mr.', 'Annan’s', 'report', ',', 'he', 'said', '.']
 */
export function tokenize(text: string, start: number, end: number): Tok[] {
  const out: Tok[] = [];
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(TOKEN_RE)) {
    let s = start + m.index!;
    let t = m[0];
    const isWord = /[\p{L}\p{N}]/u.test(t[0]!);
    if (isWord && t.endsWith('.') && t.length > 1) {
      const bare = t.slice(0, -1);
      const keep = ABBREVIATIONS.has(bare.toLowerCase()) || /^\p{Lu}$/u.test(bare) || /^(?:\p{L}\.)+\p{L}$/u.test(bare);
      if (!keep) {
        out.push(mk(bare, s, true));
        out.push(mk('.', s + bare.length, false));
        continue;
      }
    }
    out.push(mk(t, s, isWord));
  }
  return out;
}

function mk(text: string, start: number, word: boolean): Tok {
  const possessive = word && /[’']s$/u.test(text) && text.length > 2;
  return { text, lower: text.toLowerCase(), start, end: start + text.length, word, possessive };
}

/** The word without a possessive ’s. */
export const bare = (t: Tok) => (t.possessive ? t.text.slice(0, -2) : t.text);
const isCapital = (t: Tok) => t.word && /^\p{Lu}/u.test(t.text);
const normKey = (s: string) => s.toLowerCase().replace(/[’']s\b/gu, '').replace(/\s+/g, ' ').trim();

// ---------------------------------------------------------------------------
// compromise, memoised (it is the slow part)

const tagCache = new Map<string, { person: boolean; org: boolean; female: boolean; male: boolean; place: boolean; date: boolean; actor: boolean }>();
/**
 * What compromise knows about a short phrase (memoised).
 *
 * @example
 * tagsOf('Maria').female; // true
 */
export function tagsOf(phrase: string) {
  let r = tagCache.get(phrase);
  if (!r) {
    const d = nlp(phrase);
    r = {
      person: d.has('#Person'),
      org: d.has('#Organization'),
      female: d.has('#FemaleName'),
      male: d.has('#MaleName'),
      place: d.has('#Place'),
      date: d.has('#Date'),
      actor: d.has('#Actor'),
    };
    if (tagCache.size > 5000) tagCache.clear();
    tagCache.set(phrase, r);
  }
  return r;
}

// ---------------------------------------------------------------------------
// Names

/** A name split into its title words and its name proper. */
export interface NameParts {
  /** Title words as written ("Secretary-General", "Foreign Minister", "Mr."). */
  title: string[];
  /** Name tokens ("Kofi", "Annan"). */
  name: string[];
  gender: Gender;
  /** Role phrases from the title, lower-cased ("foreign minister", "minister"). */
  roles: string[];
}

/**
 * Split "Secretary-General Kofi Annan" into title ["Secretary-General"] and name ["Kofi", "Annan"].
 *
 * @example
 * splitName('Foreign Minister Maria Lopez').roles; // ['foreign minister', 'minister']
 */
export function splitName(raw: string): NameParts {
  const words = raw
    .replace(/[’']s$/u, '')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  // Leading determiner: "the Secretary-General".
  if (words.length > 1 && /^(?:the|a|an)$/i.test(words[0]!)) words.shift();
  let last = -1;
  words.forEach((w, i) => {
    const k = w.toLowerCase().replace(/\.$/, '');
    // A title word counts when it precedes the name (or ends a title-only phrase).
    if (TITLE_WORDS.has(k) || TITLE_WORDS.has(w.toLowerCase())) {
      const allTitleSoFar = words.slice(0, i).every((x) => TITLE_WORDS.has(x.toLowerCase().replace(/\.$/, '')) || isRoleModifier(x));
      if (allTitleSoFar) last = i;
    }
  });
  // "Foreign" alone is not a title: a title must contain an honorific or a role head.
  let title = words.slice(0, last + 1);
  if (!title.some((w) => isHonorific(w) || ROLE_HEADS.has(w.toLowerCase()))) title = [];
  let name = words.slice(title.length);
  if (title.length && name.length && !/^\p{Lu}/u.test(name[0]!)) name = []; // "High Commissioner for Refugees": a role
  let gender: Gender = null;
  for (const w of title) {
    const k = w.toLowerCase().replace(/\.$/, '');
    if (HONORIFIC_GENDER[k]) gender = HONORIFIC_GENDER[k]!;
    else if (ROLE_GENDER[k]) gender = ROLE_GENDER[k]!;
  }
  const roleWords = title.filter((w) => !isHonorific(w)).map((w) => w.toLowerCase().replace(/\.$/, ''));
  const roles: string[] = [];
  if (roleWords.length) {
    const phrase = roleWords.filter((w) => w !== 'former' && w !== 'acting').join(' ');
    if (phrase) roles.push(phrase);
    const head = roleWords[roleWords.length - 1]!;
    if (head !== phrase) roles.push(head);
  }
  return { title, name, gender, roles };
}

const isHonorific = (w: string) => w.toLowerCase().replace(/\.$/, '') in HONORIFIC_GENDER;
const isRoleModifier = (w: string) => /^\p{Lu}/u.test(w) && !ROLE_HEADS.has(w.toLowerCase());

/** Gender guessed from a first name (compromise's name lists). */
function firstNameGender(first: string | undefined): Gender {
  if (!first || first.length < 2) return null;
  const t = tagsOf(first);
  if (t.female && !t.male) return 'female';
  if (t.male && !t.female) return 'male';
  return null;
}

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
    // Sentence-initial capitals that are ordinary words.
    while (cur.length && (CAPITAL_STOP.has(bare(cur[0]!).toLowerCase()) || !isCapital(cur[0]!))) {
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
    } else if (t.word && CONNECTORS.has(t.lower) && cur.length && isCapital(toks[i + 1] ?? t) && toks[i + 1] !== undefined) {
      cur.push(t);
    } else {
      flush();
    }
  }
  flush();
  return runs;
}

/** Classify a capitalised run; null when it does not name a person or an organisation. */
function classifyRun(run: RawRun): { kind: EntityKind; parts: NameParts; weak: boolean } | null {
  const parts = splitName(run.text);
  const words = run.text.split(/\s+/);
  const head = words[words.length - 1]!.toLowerCase();
  if (parts.title.length && parts.name.length) {
    if (NON_SPEAKER_HEADS.has(head)) return null;
    if (ORG_HEADS.has(head)) return { kind: 'org', parts, weak: false };
    return { kind: 'person', parts, weak: false };
  }
  if (parts.title.length) return null; // "the Secretary-General": a role, resolved when used as a speaker
  if (NON_SPEAKER_HEADS.has(head)) return null;
  if (ORG_HEADS.has(head) || /^\p{Lu}{2,}$/u.test(run.text)) return { kind: 'org', parts, weak: false };
  const tags = tagsOf(run.text);
  if (tags.org) return { kind: 'org', parts, weak: false };
  if (tags.date || tags.place) return null;
  if (tags.person) return { kind: 'person', parts, weak: false };
  if (words.length >= 2 && words.length <= 4 && words.every((w) => /^\p{Lu}[\p{L}’'\-]*$/u.test(w))) return { kind: 'person', parts, weak: true };
  if (words.length === 1) return { kind: 'person', parts, weak: true }; // kept only if it matches a known surname
  return null;
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
    } else {
      const surname = (c.parts.name[0] ?? c.run.text).toLowerCase();
      const fulls = fullBySurname.get(surname);
      if (fulls) {
        const before = fulls.filter((f) => f.pos <= c.run.start);
        canonical = (before[before.length - 1] ?? fulls[0]!).canonical;
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
      const g = parts.gender ?? firstNameGender(parts.title.length ? parts.name[0] : parts.name.length >= 2 ? parts.name[0] : undefined);
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

/**
 * Gender a common-noun speaker implies.
 *
 * @example
 * nounGender('the spokeswoman'); // 'female'
 */
export function nounGender(phrase: string): Gender {
  const head = phrase.toLowerCase().split(/\s+/).pop() ?? '';
  return MALE_WORDS.has(head) ? 'male' : FEMALE_WORDS.has(head) ? 'female' : null;
}

/**
 * Is this common-noun phrase a plural (a group that "they" can refer to)?
 *
 * @example
 * isPluralNoun('senior officials'); // true
 */
export const isPluralNoun = (phrase: string) => PLURAL_SPEAKER.test(phrase.toLowerCase().split(/\s+/).pop() ?? '');

/**
 * Can this common noun speak?
 *
 * @example
 * isSpeakerNoun('minister'); // true
 * isSpeakerNoun('meeting');  // false
 */
export function isSpeakerNoun(head: string): boolean {
  const h = head.toLowerCase();
  return SPEAKER_NOUNS.has(h) || ROLE_HEADS.has(h) || tagsOf(h).actor;
}
