/**
 * Names: title words and honorifics ("Secretary-General", "Mr.", "Rep."),
 * splitting a name from its title, and a name's usual gender. The `compromise`
 * NLP library supplies word knowledge we should not hand-roll: first names
 * with their usual gender (#MaleName / #FemaleName), known people and
 * organisations, dates and places, role nouns (#Actor).
 */
import { createRequire } from 'node:module';
import { nlp } from '../text/nlp.js';

export type Gender = 'male' | 'female' | null;

// ---------------------------------------------------------------------------
// Word lists (our rules)

const HONORIFIC_GENDER: Record<string, Gender> = {
  mr: 'male', sir: 'male', lord: 'male', king: 'male', prince: 'male', emperor: 'male', pope: 'male', monsieur: 'male', sheikh: 'male',
  mrs: 'female', ms: 'female', miss: 'female', madam: 'female', madame: 'female', mme: 'female', dame: 'female', lady: 'female',
  queen: 'female', princess: 'female', empress: 'female', sheikha: 'female',
  dr: null, prof: null, professor: null, mx: null, rev: null, reverend: null, hon: null, excellency: null,
};

/** Abbreviated titles, without their dot ("Rep. Barbara Lee", "Sgt. Ali"). */
const ABBREVIATED_TITLES = ['rep', 'reps', 'sen', 'sens', 'gov', 'gen', 'lt', 'col', 'capt', 'sgt', 'adm', 'maj', 'cmdr', 'det', 'supt', 'insp', 'pres', 'amb', 'cpl', 'pvt'];
/** People news names by their job before their name ("Correspondent Scott Pelley", "agent George Piro", "MP Aidan Burley"). */
const NEWS_ROLES = [
  'correspondent', 'reporter', 'anchor', 'host', 'attorney', 'lawyer', 'prosecutor', 'detective', 'sheriff', 'coach', 'manager',
  'actor', 'actress', 'singer', 'rapper', 'producer', 'editor', 'columnist', 'analyst', 'congressman', 'congresswoman', 'lawmaker',
  'mp', 'mep', 'councillor', 'councilman', 'councilwoman', 'agent', 'trooper', 'constable', 'superintendent', 'pastor', 'priest',
  'jockey', 'trainer', 'rider', 'driver', 'striker', 'player', 'goalkeeper', 'midfielder', 'defender', 'pitcher', 'quarterback',
  'boxer', 'golfer', 'cyclist', 'skipper', 'veteran', 'legislator', 'assemblyman', 'assemblywoman', 'alderman', 'lieutenant', 'sergeant',
];
/** Party labels that stand before a politician's name: "Republican Walter Jones", "Massachusetts Democrat James McGovern". */
const PARTIES = ['republican', 'democrat', 'conservative', 'labour', 'tory', 'gop', 'liberal'];

/** Words that make a capitalised run a title rather than a name ("Foreign Minister", "UN Secretary-General"). */
const TITLE_WORDS = new Set([
  'president', 'vice-president', 'minister', 'prime', 'premier', 'secretary-general', 'under-secretary-general', 'deputy',
  'secretary', 'ambassador', 'envoy', 'representative', 'senator', 'governor', 'general', 'admiral', 'colonel', 'captain',
  'commander', 'lieutenant', 'sergeant', 'chancellor', 'cardinal', 'bishop', 'archbishop', 'imam', 'rabbi', 'chairman',
  'chairwoman', 'chairperson', 'chair', 'director-general', 'director', 'commissioner', 'judge', 'justice', 'mayor',
  'spokesperson', 'spokesman', 'spokeswoman', 'coordinator', 'rapporteur', 'administrator', 'ceo', 'officer', 'chief',
  'high', 'special', 'permanent', 'executive', 'assistant', 'foreign', 'defence', 'defense', 'health', 'finance', 'interior',
  'trade', 'justice', 'environment', 'education', 'former', 'acting', 'interim', 'un', 'u.n.', 'senior', 'state', 'vice',
  'head', 'leader', 'delegate', 'agent', 'inspector', 'professor', 'doctor',
  ...ABBREVIATED_TITLES, ...NEWS_ROLES, ...PARTIES,
  ...Object.keys(HONORIFIC_GENDER),
]);
/** Role nouns that are not themselves names ("Foreign" is a title word only before one of these). */
export const ROLE_HEADS = new Set([
  'president', 'vice-president', 'minister', 'premier', 'secretary-general', 'under-secretary-general', 'secretary', 'ambassador',
  'envoy', 'representative', 'senator', 'governor', 'general', 'admiral', 'colonel', 'captain', 'commander', 'chancellor',
  'chairman', 'chairwoman', 'chairperson', 'chair', 'director-general', 'director', 'commissioner', 'judge', 'mayor',
  'spokesperson', 'spokesman', 'spokeswoman', 'coordinator', 'rapporteur', 'administrator', 'ceo', 'officer', 'chief',
  'head', 'leader', 'delegate', 'inspector', 'professor', 'king', 'queen', 'prince', 'princess', 'pope', 'bishop', 'imam',
  ...ABBREVIATED_TITLES, ...NEWS_ROLES, 'republican', 'democrat',
]);
const ROLE_GENDER: Record<string, Gender> = {
  spokesman: 'male', spokeswoman: 'female', chairman: 'male', chairwoman: 'female', king: 'male', queen: 'female',
  actor: 'male', actress: 'female', congressman: 'male', congresswoman: 'female', councilman: 'male', councilwoman: 'female',
};


/** Head nouns of organisations. */
export const ORG_HEADS = new Set([
  'council', 'union', 'nations', 'organization', 'organisation', 'association', 'committee', 'commission', 'ministry', 'department',
  'agency', 'office', 'bank', 'fund', 'programme', 'program', 'court', 'assembly', 'parliament', 'congress', 'senate', 'government',
  'administration', 'secretariat', 'institute', 'foundation', 'university', 'alliance', 'group', 'party', 'federation', 'league',
  'authority', 'board', 'corporation', 'company', 'inc', 'ltd', 'network', 'coalition', 'movement', 'army', 'police', 'service',
  'centre', 'center', 'unit', 'division', 'bureau', 'directorate', 'mission', 'force', 'forces', 'community', 'international', 'watch', 'cross', 'crescent', 'unicef', 'house',
  'who', 'unesco', 'unhcr', 'undp', 'wfp', 'fao', 'imf', 'nato', 'asean', 'un', 'eu', 'au', 'oecd', 'opec',
]);

/** Lower-case words allowed inside a capitalised name ("Association of South-East Asian Nations", "Ana de Souza"). */
export const CONNECTORS = new Set(['of', 'for', 'on', 'de', 'da', 'di', 'du', 'del', 'der', 'van', 'von', 'bin', 'ibn', 'al', 'el', 'la', 'le', 'y', 'dos', 'das']);

// ---------------------------------------------------------------------------
// compromise, memoised (it is the slow part)

const tagCache = new Map<string, { person: boolean; first: boolean; org: boolean; female: boolean; male: boolean; place: boolean; country: boolean; date: boolean; actor: boolean; demonym: boolean; adjective: boolean; noun: boolean }>();
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
      first: d.has('#FirstName') && !d.has('#LastName'),
      org: d.has('#Organization'),
      female: d.has('#FemaleName'),
      male: d.has('#MaleName'),
      place: d.has('#Place'),
      country: d.has('#Country'),
      date: d.has('#Date'),
      actor: d.has('#Actor'),
      demonym: d.has('#Demonym'),
      adjective: d.has('#Adjective'),
      noun: d.has('#Noun') && !d.has('#Pronoun') && !d.has('#Verb') && !d.has('#Date'),
    };
    if (tagCache.size > 5000) tagCache.clear();
    tagCache.set(phrase, r);
  }
  return r;
}

/** What {@link tagsOf} knows about a phrase. */
export type PhraseTags = ReturnType<typeof tagsOf>;

/** The phrases tagged so far and their tags (stored beside the index: src/index/analysis.ts). */
export function taggedPhrases(): [string, PhraseTags][] {
  return [...tagCache];
}

/** Tags worked out earlier for these phrases, remembered as if tagged here. */
export function rememberTags(entries: [string, PhraseTags][]): void {
  for (const [phrase, tags] of entries) if (tagCache.size < 5000) tagCache.set(phrase, tags);
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
  // "American Bobby Gordon", "South African Schalk Brits": a nationality before a name is not part of it.
  const nat = demonymPrefix(raw);
  if (nat) {
    const rest = splitName(raw.trim().split(/\s+/).slice(nat.length).join(' '));
    if (rest.name.length >= 2) return { ...rest, title: [...nat, ...rest.title], roles: [...rest.roles, nat.join(' ').toLowerCase()] };
  }
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
    // compromise knows more job nouns (#Actor: "Percussionist", "Comedian") than our list.
    // "Senior Transport Safety Investigator Neil Campbell": a job noun anywhere in a capitalised title, before two name words.
    // ("Human Rights Watch" is an organisation: no job before an organisation's head.)
    const job = (i === 0 || words.length - i - 1 >= 2) && words.length >= 3 && /^\p{Lu}\p{Ll}+$/u.test(w) && !tagsOf(w).person && tagsOf(k).actor && !ORG_HEADS.has(words[words.length - 1]!.toLowerCase());
    if (TITLE_WORDS.has(k) || TITLE_WORDS.has(w.toLowerCase()) || job) {
      const allTitleSoFar = words.slice(0, i).every((x) => TITLE_WORDS.has(x.toLowerCase().replace(/\.$/, '')) || isRoleModifier(x));
      if (allTitleSoFar) last = i;
    }
  });
  // "Foreign" alone is not a title: a title must contain an honorific or a role head.
  let title = words.slice(0, last + 1);
  if (!title.some((w, i) => isHonorific(w) || ROLE_HEADS.has(bareWord(w)) || ((i === 0 || i === title.length - 1) && tagsOf(bareWord(w)).actor))) title = [];
  let name = words.slice(title.length);
  if (title.length && name.length && !/^\p{Lu}/u.test(name[0]!)) name = []; // "High Commissioner for Refugees": a role
  // "Walter Jones of North Carolina": a person's name ends before "of" + a place.
  const of = name.indexOf('of');
  if (of >= 2 && tagsOf(name.slice(of + 1).join(' ')).place) name = name.slice(0, of);
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
const bareWord = (w: string) => w.toLowerCase().replace(/\.$/, '');
const isRoleModifier = (w: string) => /^\p{Lu}/u.test(w) && !ROLE_HEADS.has(bareWord(w));

const COMPASS = new Set(['North', 'South', 'East', 'West', 'New']);

/** The nationality words a phrase starts with ("South African", "American"), or null. */
function demonymPrefix(raw: string): string[] | null {
  const words = raw.trim().split(/\s+/);
  let n = 0;
  if (COMPASS.has(words[0] ?? '') && words[1] && tagsOf(words[1]).demonym) n = 2;
  else if (words[0] && /^\p{Lu}\p{Ll}+$/u.test(words[0]) && tagsOf(words[0]).demonym && !tagsOf(words[0]).person) n = 1;
  return n ? words.slice(0, n) : null;
}

/**
 * Is the phrase a nationality alone ("the South African", "the Spaniard", "New Yorker")? Such a phrase names
 * a person the text has introduced, never a new one.
 *
 * @example
 * isNationality('the South African'); // true
 */
export function isNationality(phrase: string): boolean {
  const rest = phrase.replace(/^(?:the|this|that|a|an)\s+/i, '').trim();
  // "the Frenchman", "the Dutchman", "a Scotswoman"
  if (/^(?:French|Dutch|Welsh|Irish|English|Scots|Manx|Cornish)(?:man|woman|men|women)$/u.test(rest)) return true;
  const pre = demonymPrefix(rest);
  return !!pre && pre.length === rest.split(/\s+/).length;
}

/** Gender guessed from a first name: compromise's name lists, else — for a word compromise knows only as a first
 * name, without a gender ("Mark", "Sue", "Jack") — the usual gender of that name in gender-detection-from-name's
 * English list (loaded on first use, once per process: ~0.1 s of CPU). */
export function firstNameGender(first: string | undefined): Gender {
  if (!first || first.length < 2) return null;
  const t = tagsOf(first);
  if (t.female && !t.male) return 'female';
  if (t.male && !t.female) return 'male';
  if (t.first && !t.female && !t.male) {
    const g = usualGender(first);
    return g === 'male' || g === 'female' ? g : null;
  }
  return null;
}

let nameList: Map<string, string> | undefined;
/** The English list alone (its other languages' lists cost three times the load). */
const usualGender = (name: string) => (nameList ??= createRequire(import.meta.url)('gender-detection-from-name/names/en.js') as Map<string, string>).get(name.toLowerCase());

/** Words that start a sentence or date it, never a speaker: "Yesterday", "Today", "Meanwhile". */
const TIME_WORDS = /^(?:Yesterday|Today|Tonight|Tomorrow|Now|Earlier|Later|Meanwhile|Last|This|Then|Recently|Currently|Previously|Afterwards|Overnight)$/u;

/**
 * Is a speaker's name a capitalised word that names no person: one letter ("A"), a time word ("Yesterday"), a
 * nationality alone ("Iraqi"), a capitalised adjective cut from a longer name ("United" of United Nations), or
 * "Government" ('hard': never a speaker; an adjective only when `text` uses it inside a longer name and hardly ever
 * alone); or a place alone ("Surrey", "Liverpool") ('soft': a club or county may
 * speak, but a person named nearby is likelier). Null for anything else (every name of two words or more).
 *
 * @example
 * nonPersonWord('Yesterday'); // 'hard'
 * nonPersonWord('Surrey');    // 'soft'
 * nonPersonWord('Hague');     // null
 * nonPersonWord('United', 'The United Nations said …'); // 'hard'
 */
export function nonPersonWord(name: string, text?: string): 'hard' | 'soft' | null {
  const w = name.trim();
  if (/\s/u.test(w) || !/^\p{Lu}/u.test(w)) return null;
  if (w.replace(/\.$/u, '').length === 1 || TIME_WORDS.test(w) || w === 'Government') return 'hard';
  const t = tagsOf(w);
  if (t.person || t.org || t.first) return null;
  // (an adjective that is also a first name — "Randy" — is a name)
  if (t.date || isNationality(w)) return 'hard';
  // A capitalised adjective only when the text uses it as the first word of a longer name ("United" of "United
  // Nations") and hardly ever alone: a story's "Fluffy" or "Red" is a name.
  if (t.adjective && !t.noun && !firstNameGender(w) && !usualGender(w) && text !== undefined) {
    const esc = w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const inName = new RegExp(`(?<![\\p{L}])${esc}\\s+\\p{Lu}`, 'u').test(text);
    const alone = (text.match(new RegExp(`(?<![\\p{L}])${esc}(?![\\p{L}])(?!\\s+\\p{Lu})`, 'gu')) ?? []).length;
    if (inName && alone <= 1) return 'hard';
  }
  return t.place && !t.country ? 'soft' : null;
}
