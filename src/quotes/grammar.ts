/**
 * The attribution grammar: a small grammar of news reporting, read on the
 * tokens around one quotation.
 *
 *   “…,” he told the Council.             subject + cue after the quote
 *   “…,” said the minister.               cue + subject after the quote
 *   “…,” according to a press release.    "according to" + source
 *   Mr. Annan called for a “new level…”   subject + cue before a partial quote
 *   Annan stresses ‘…’ at meeting on …    headline style
 */
import { CUE_SINGLE, NOUN_LIKE_CUES, cueAt, type CueClass } from './cues.js';
import { splitName, tagsOf } from './names.js';
import { isSpeakerNoun, WRITTEN_NOUNS } from './speaker-nouns.js';
import { bare, isCapital, type Tok } from './tokens.js';

export type Pronoun = 'he' | 'she' | 'they' | 'it' | 'i' | 'we';
/** Subject pronouns; "I"/"we" name the speaker of the quotation they stand in. */
export const PRONOUNS = new Map<string, Pronoun>([['he', 'he'], ['she', 'she'], ['they', 'they'], ['it', 'it'], ['i', 'i'], ['we', 'we']]);
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'one', 'another', 'some', 'several', 'many', 'two', 'three', 'four', 'both', 'other']);
/** Words allowed between a subject and its cue: "Mr. Annan today called for", "he has also said". */
export const BETWEEN = new Set(['today', 'also', 'again', 'later', 'earlier', 'then', 'once', 'further', 'repeatedly', 'previously', 'recently', 'yesterday', 'tonight', 'now', 'separately', 'similarly', 'likewise', 'has', 'had', 'have', 'will', 'would', 'had', 'was', 'is', 'once', 'twice', 'reportedly', 'publicly', 'privately', 'openly', 'bluntly', 'firmly', 'strongly', 'simply', 'only', 'even', 'just', 'still', 'herself', 'himself', 'themselves', 'itself', 'flatly', 'quickly', 'angrily', 'calmly', 'emphatically',
  // stories: "my father always says", "Mary softly said"
  'always', 'often', 'usually', 'sometimes', 'never', 'finally', 'suddenly', 'softly', 'quietly', 'loudly', 'happily', 'sadly', 'excitedly',
  'proudly', 'slowly', 'gently', 'politely', 'kindly', 'nervously', 'eagerly', 'shyly', 'sweetly']);
const TIME_NOUNS = /^(?:night|week|month|year|weekend|morning|evening|afternoon|day|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
/**
 * The token before a cue once the words that may stand between a subject and its cue are skipped, read backwards from
 * j: "Mr. Annan today called for", "he has also said", and time phrases — "The Foreign Secretary last night described",
 * "the club on Monday said", "Smith earlier this week told".
 */
export function skipBetweenBack(toks: Tok[], j: number, floor = 0): number {
  for (;;) {
    if (j >= floor && toks[j]!.word && BETWEEN.has(toks[j]!.lower)) j--;
    else if (j - 1 >= floor && toks[j]!.word && TIME_NOUNS.test(toks[j]!.lower) && /^(?:last|this|on|that|next|at|the)$/.test(toks[j - 1]!.lower)) {
      j -= 2;
      if (toks[j + 1]!.lower === 'the' && toks[j]?.lower === 'at') j--;
      if (j >= floor && /^(?:earlier|later|early|late)$/.test(toks[j]!.lower)) j--;
    } else return j;
  }
}

/** Words that end an addressee or a speaker noun phrase. */
const NP_CUT = new Set(['that', 'including', 'in', 'at', 'during', 'on', 'when', 'while', 'as', 'after', 'before', 'who', 'which', 'where', 'about', 'ahead', 'if', 'because', 'since', 'but', 'to', 'for', 'with', 'by', 'from', 'amid', 'over', 'via', 'whether', 'how', 'why', 'what', 'not', 'it', 'this', 'there', 'today', 'yesterday', 'earlier', 'later', 'last', 'this', 'afterward', 'afterwards', 'tonight', 'recently', 'then', 'instead', 'through', 'under', 'against', 'upon', 'following', 'saying', 'adding', 'telling', 'noting', 'late', 'early', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const DAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const PREPOSITIONS = new Set(['of', 'in', 'at', 'on', 'to', 'for', 'with', 'by', 'from', 'about', 'against', 'that', 'into', 'over', 'upon', 'as', 'be', 'have', 'do', 'get', 'make', 'take', 'give', 'go']);
/** "the 31-year-old": news copy names a person by age. */
export const AGE = /^\d{1,3}-year-old$/;
/** Common nouns that stand for an organisation the text has named ("the agency"). */
export const GENERIC_ORG = new Set(['agency', 'division', 'bureau', 'department', 'ministry', 'body', 'organization', 'organisation', 'programme', 'program', 'fund', 'group', 'bloc', 'alliance', 'institution', 'entity']);
export const DOCUMENT_NOUNS = new Set(['biography', 'database', 'brief', 'indictment', 'complaint', 'lawsuit', 'affidavit', 'statement', 'report', 'release', 'communiqué', 'communique', 'letter', 'survey', 'study', 'paper', 'document', 'resolution', 'declaration', 'website', 'post', 'memo', 'note', 'filing', 'ruling', 'analysis', 'review', 'assessment', 'bulletin', 'notice']);

/** Where something was said: "in a closed-door meeting at UN headquarters", "at a news conference". */
const SETTING_RE = new RegExp(
  String.raw`(?<![\p{L}\-])(?:in|at|during|on the sidelines of|on the margins of|on the eve of|ahead of|addressing|before|while addressing|speaking at|speaking to|speaking in|speaking during)\s+` +
    String.raw`(?:(?:a|an|the|his|her|its|their|this|that|last|next|an?other)\s+)?(?:[\p{L}\p{N}’'\-]+\s+){0,5}?` +
    String.raw`(?:meetings?|session|conference|summit|briefing|interview|debate|speech|address|statement|hearing|forum|talks|headquarters|ceremony|event|visit|rally|letter|broadcast|discussions?|dialogue|gathering|assembly|panel|workshop|seminar|lecture|podcast|op-ed|article|blog|message|video|remarks|appearance|luncheon|dinner|reception|retreat|consultations|town hall|press release|news release|communiqué|tweet|post|parliament|congress|senate|court|council)` +
    String.raw`(?![\p{L}\-])(?:\s+(?:at|in|of|on|with|between|for|to|before)\s+[\p{L}\p{N}’'\-]+(?:\s+[\p{L}\p{N}’'\-]+){0,5})?`,
  'giu',
);

// ---------------------------------------------------------------------------
// Attribution

type SubjectKind = 'pronoun' | 'name' | 'role' | 'nominal';
export interface Subject {
  kind: SubjectKind;
  text: string;
  start: number;
  end: number;
  /** Token indices [from, to). */
  from: number;
  to: number;
}
export interface Attr {
  subject: Subject | null;
  /** Token index right after the cue (parsePost/parsePre tokens); -1 when unknown. */
  restFrom?: number;
  cue: string | null;
  cueClass: CueClass | null;
  addressee: string | null;
  setting: string | null;
}

const isCap = isCapital;
const adjacent = (text: string, a: Tok, b: Tok) => /^[ \u00a0]$/u.test(text.slice(a.end, b.start));

/** The speaker phrase that ends at token j (inclusive), read backwards. */
export function subjectEndingAt(text: string, toks: Tok[], j: number, floor: number): Subject | null {
  if (j < floor) return null;
  const t = toks[j]!;
  if (!t.word) return null;
  const pron = PRONOUNS.get(t.lower);
  if (pron) return { kind: 'pronoun', text: t.text, start: t.start, end: t.end, from: j, to: j + 1 };
  // A social-media handle: "@legallyblondekf wrote:"
  const at = toks[j - 1];
  if (j - 1 >= floor && at?.text === '@' && at.end === t.start) return { kind: 'name', text: `@${t.text}`, start: at.start, end: t.end, from: j - 1, to: j + 1 };
  const sentenceInitialNoun =
    isCap(t) && (j === floor || /^[.!?:;]$/.test(toks[j - 1]!.text)) && isSpeakerNoun(t.lower) && !/^(?:President|Minister|Secretary-General)$/.test(t.text);
  if (isCap(t) && !t.possessive && !sentenceInitialNoun) {
    let k = j;
    while (k - 1 >= floor) {
      const p = toks[k - 1]!;
      if (isCap(p) && !p.possessive && adjacent(text, p, toks[k]!)) k--;
      else if (p.word && /^(?:of|for|on|de|da|di|du|del|der|van|von|bin|ibn|al|el|la|le)$/.test(p.text) && isCap(toks[k - 2]) && adjacent(text, p, toks[k]!)) k--;
      else break;
    }
    // Drop sentence-initial ordinary words ("Today Mr. Annan", "While Ms. Lopez").
    while (k < j && /^(?:The|Today|Yesterday|While|During|But|And|Meanwhile|However|Also|Later|Earlier|Then|So|Now|In|On|At|After|Before|When|As|Still|Yet|Last|Here|There|Watch|See|Read|Click|Vote|Check|Take)$/.test(toks[k]!.text)) k++;
    // "the Security Council", "the UN Secretary-General"
    let from = k;
    if (from - 1 >= floor && /^(?:the)$/i.test(toks[from - 1]!.text)) from--;
    const phrase = text.slice(toks[from]!.start, t.end);
    const nameOnly = text.slice(toks[k]!.start, t.end);
    const parts = splitName(nameOnly);
    const kind: SubjectKind = parts.name.length ? 'name' : 'role';
    return { kind, text: kind === 'name' && from < k ? nameOnly : phrase, start: toks[from]!.start, end: t.end, from, to: j + 1 };
  }
  // A common-noun phrase: "the minister", "a press release", "delegates", "the 15-member body".
  const head = bare(t).toLowerCase();
  const determined = DETERMINERS.has(toks[j - 1]?.lower ?? '') && j - 1 >= floor;
  // "the donors told us": a plural common noun with a determiner can speak too.
  // "the couple said", "the family told": any noun with its determiner right before the cue is its subject.
  // "one angry shareholder said": up to two plain words between the determiner and the noun.
  const detNear = determined || [2, 3].some((d) => j - d >= floor && DETERMINERS.has(toks[j - d]!.lower) && toks.slice(j - d + 1, j).every((x) => x.word && /^\p{Ll}/u.test(x.text) && !NP_CUT.has(x.lower) && !PREPOSITIONS.has(x.lower) && !CUE_SINGLE.has(x.lower)));
  // ("the club on Monday said": a time phrase may stand between.)
  const cueNext = [1, 2, 3, 4, 5].some((d) => j + d < toks.length && CUE_SINGLE.has(toks[j + d]!.lower) && (d === 1 || skipBetweenBack(toks, j + d - 1, j + 1) === j));
  const nounSubject = detNear && j === toks.length - 1 ? false : detNear && cueNext && tagsOf(`the ${head}`).noun;
  // "another message read": something written, with its determiner, reads.
  const written = (determined || (j - 1 >= floor && !!toks[j - 1]?.possessive)) && WRITTEN_NOUNS.has(head);
  // "The Daily Mail newspaper reported", "Cobham-Edmonds thesis states": a name before a common noun that is no speaker
  // noun, right before its cue, is the speaker ("the Apple store said" → Apple).
  if (!isSpeakerNoun(head) && cueNext && /^\p{Ll}+$/u.test(t.text) && j - 1 >= floor && isCap(toks[j - 1]) && !DETERMINERS.has(toks[j - 1]!.lower) && !toks[j - 1]!.possessive && adjacent(text, toks[j - 1]!, t) && tagsOf(`the ${head}`).noun) {
    const named = subjectEndingAt(text, toks, j - 1, floor);
    if (named && named.kind === 'name' && !DETERMINERS.has(named.text.toLowerCase())) return { ...named, to: j + 1 };
  }
  if (!isSpeakerNoun(head) && !(determined && /[^s]s$/.test(head)) && !(determined && AGE.test(head)) && !nounSubject && !written) return null;
  let k = j;
  while (k - 1 >= floor && j - k < 6) {
    const p = toks[k - 1]!;
    // "a Department for Transport spokesman": a connector inside a capitalised name.
    const inName = /^(?:of|for)$/.test(p.lower) && isCap(toks[k]) && isCap(toks[k - 2]) && k - 2 >= floor;
    // "… citing previous scientific research which": a participle ends the noun phrase.
    const participle = /^\p{Ll}[\p{Ll}-]{2,}ing$/u.test(p.text);
    if (!inName && (!p.word || CUE_SINGLE.has(p.lower) || NP_CUT.has(p.lower) || PREPOSITIONS.has(p.lower) || PRONOUNS.has(p.lower) || participle)) break;
    k--;
    if (DETERMINERS.has(p.lower)) break;
  }
  const afterParticiple = /^\p{Ll}[\p{Ll}-]{2,}ing$/u.test(toks[k - 1]?.text ?? '') && k - 1 >= floor;
  if (k < j && !DETERMINERS.has(toks[k]!.lower) && !/s$/.test(head) && !afterParticiple) {
    // A singular common noun needs a determiner: "minister said" without one is not a speaker phrase.
    // ("Tesco's sales director": a possessor is the noun phrase's determiner.)
    const det = toks.slice(k, j).findIndex((x) => DETERMINERS.has(x.lower) || (x.possessive && isCap(x)));
    if (det === -1) return null;
  }
  if (k === j && !/s$/.test(head) && !DETERMINERS.has(toks[k - 1]?.lower ?? '')) {
    if (!/(?:people|police|staff)$/.test(head)) return null;
  }
  return { kind: 'nominal', text: text.slice(toks[k]!.start, t.end), start: toks[k]!.start, end: t.end, from: k, to: j + 1 };
}

/** The speaker phrase starting at token i (inverted attribution: "said the minister"). */
export function subjectStartingAt(text: string, toks: Tok[], i: number): Subject | null {
  const t = toks[i];
  if (!t?.word) return null;
  const pron = PRONOUNS.get(t.lower);
  if (pron) return { kind: 'pronoun', text: t.text, start: t.start, end: t.end, from: i, to: i + 1 };
  let j = i;
  if (isCap(t) && t.possessive) {
    // "Hirsch's lawyer Robert Offer", "Sheriff's Office spokesman Jeff Williams": the possessor's [office] role Name is the Name.
    for (let k = i + 1; k < toks.length && k - i <= 6; k++) {
      const x = toks[k]!;
      // "Smith's husband, Carl"
      if (x.text === ',' && k > i + 1 && !isCap(toks[k - 1]) && isSpeakerNoun(bare(toks[k - 1]!).toLowerCase()) && isCap(toks[k + 1])) {
        const inner = subjectStartingAt(text, toks, k + 1);
        if (inner?.kind === 'name') return inner;
        break;
      }
      if (!x.word || NP_CUT.has(x.lower) || CUE_SINGLE.has(x.lower)) break;
      if (isCap(x) && !isCap(toks[k - 1]) && isSpeakerNoun(bare(toks[k - 1]!).toLowerCase())) {
        const inner = subjectStartingAt(text, toks, k);
        if (inner && inner.kind !== 'pronoun') return inner;
        break;
      }
    }
  }
  if (isCap(t) && !DETERMINERS.has(t.lower)) {
    while (j + 1 < toks.length) {
      const n = toks[j + 1]!;
      if (isCap(toks[j]) && toks[j]!.possessive) {
        // "said Franklin County Sheriff's Office spokesman Jeff Williams": the possessor's [office] [role] Name is the Name.
        const inner = j > i ? subjectStartingAt(text, toks, j) : null;
        if (inner && inner.kind === 'name' && inner.from > j) return { ...inner, from: i };
        // "said Orange County Sheriff's Department Capt. Angelo Nieves": an office and a title, then the name.
        const after = subjectStartingAt(text, toks, j + 1);
        const parts = after?.kind === 'name' ? splitName(after.text) : null;
        if (after && parts && parts.title.length && parts.name.length >= 2) return { ...after, text: parts.name.join(' '), from: i };
        break;
      }
      if (isCap(n) && adjacent(text, toks[j]!, n)) j++;
      else if (n.word && /^(?:of|for|de|da|di|du|del|van|von|bin|ibn|al|el|la|le)$/.test(n.text) && isCap(toks[j + 2]) && adjacent(text, toks[j]!, n)) j++;
      else break;
    }
    const phrase = text.slice(t.start, toks[j]!.end);
    return { kind: splitName(phrase).name.length ? 'name' : 'role', text: phrase, start: t.start, end: toks[j]!.end, from: i, to: j + 1 };
  }
  // the / a … noun
  while (j < toks.length && j - i < 7) {
    const n = toks[j]!;
    if (!n.word || (j > i && (NP_CUT.has(n.lower) || CUE_SINGLE.has(n.lower)))) break;
    j++;
  }
  if (j === i) return null;
  // Trim back to the last speaker noun ("a press release on the meeting" stops at "on").
  let end = j - 1;
  while (end >= i && !isSpeakerNoun(bare(toks[end]!).toLowerCase()) && !isCap(toks[end]) && !AGE.test(toks[end]!.lower)) end--;
  if (end < i) return null;
  const phrase = text.slice(toks[i]!.start, toks[end]!.end);
  const capitalHead = isCap(toks[end]);
  return { kind: capitalHead ? (splitName(phrase).name.length ? 'name' : 'role') : 'nominal', text: phrase, start: toks[i]!.start, end: toks[end]!.end, from: i, to: end + 1 };
}

/**
 * The named subject of a cue that follows a comma, read segment by segment
 * from the cue back: "Wayne's attorney, Stacey Richman, said" (the name in the
 * appositive), "Maria Lopez, the foreign minister, said", "Jim Sitton, father
 * of 6-year-old Makayla, who was killed, told" (the name that opens the
 * clause, not the one inside the appositive). A segment counts only when it is
 * a name from its first word; null when none is.
 */
export function subjectAcrossCommas(text: string, toks: Tok[], comma: number, floor: number): Subject | null {
  const commas = [comma];
  let k = comma - 1;
  for (; k >= floor && comma - k <= 40; k--) {
    const t = toks[k]!;
    if (t.text === ',') commas.push(k);
    else if (!t.word && !/^[-–.’'()]$/u.test(t.text)) break;
  }
  const floorOf = (n: number) => (n + 1 < commas.length ? commas[n + 1]! + 1 : k + 1);
  // "Mr McLuckie, a former property developer who lives near Avignon, France, with his French wife, Betty, 43, …,
  // said": the name that opens the clause, when an appositive (a/the …, who …, an age) follows it.
  const first = commas.length - 1;
  if (first > 0) {
    const s = subjectEndingAt(text, toks, commas[first]! - 1, floorOf(first));
    const next = toks[commas[first]! + 1];
    if (s && s.kind === 'name' && s.from === floorOf(first) && next && /^(?:a|an|the|who|whose|\d+)$/u.test(next.lower)) return s;
  }
  for (let n = 0; n < commas.length; n++) {
    const from = floorOf(n);
    const s = subjectEndingAt(text, toks, commas[n]! - 1, from);
    if (s && s.kind === 'name' && s.from === from) return s;
  }
  return null;
}

const POSTMODIFIER = new Set(['of', 'for', 'from', 'in', 'at', 'with', 'close', 'near', 'familiar', 'inside', 'within', 'into']);

/**
 * The head of a speaker noun phrase that a prepositional phrase continues up to token j: "a source close to the
 * Bo family for decades [says]", "a statement in the state-run Xinhua news agency [declared]". The phrase must
 * open its clause (start of the tokens, or after a conjunction or comma) and hold no verb or punctuation.
 */
export function headBeforeModifier(text: string, toks: Tok[], j: number, floor: number): Subject | null {
  for (let p = j; p > floor && j - p < 12; p--) {
    const t = toks[p]!;
    if (!t.word || CUE_SINGLE.has(t.lower) || PRONOUNS.has(t.lower) || /^(?:that|who|which|and|but)$/.test(t.lower)) return null;
    if (!POSTMODIFIER.has(t.lower)) continue;
    const head = subjectEndingAt(text, toks, p - 1, floor);
    if (!head || head.kind === 'pronoun' || head.kind === 'name') continue;
    const before = toks[head.from - 1];
    if (head.from === floor || !before || before.text === ',' || /^(?:but|and|yet|so|while|however)$/.test(before.lower)) return head;
  }
  return null;
}

/**
 * The noun phrase that opens its clause and a relative clause without commas describes, before the cue at token
 * j + 1: "The couple who married in summer of 2011 [told]", "A man who saw the crash [said]".
 */
function relativeHead(text: string, toks: Tok[], j: number): Subject | null {
  for (let w = j; w > 0 && j - w < 12; w--) {
    const t = toks[w]!;
    if (!t.word || CUE_SINGLE.has(t.lower)) return null;
    if (t.lower !== 'who' && t.lower !== 'that') continue;
    const head = subjectEndingAt(text, toks, w - 1, 0);
    const before = head ? toks[head.from - 1] : undefined;
    return head && head.kind !== 'pronoun' && (head.from === 0 || before?.text === ',' || /^(?:but|and)$/.test(before?.lower ?? '')) ? head : null;
  }
  return null;
}

/** Up to four plain words before a name that end in a job ("Lions head coach", "sporting director"). */
function jobBefore(toks: Tok[], from: number, name: number): boolean {
  if (name - from > 4) return false;
  const words = toks.slice(from, name);
  return words.every((x) => x.word && !PRONOUNS.has(x.lower) && !CUE_SINGLE.has(x.lower) && !NP_CUT.has(x.lower)) && isSpeakerNoun(bare(words[words.length - 1]!).toLowerCase());
}

/** Skip an appositive (", the foreign minister,") after token index i; returns the index after it. */
function skipAppositive(toks: Tok[], i: number): number {
  if (toks[i]?.text !== ',') return i;
  for (let k = i + 1; k < Math.min(toks.length, i + 12); k++) {
    if (toks[k]!.text === ',') return k + 1;
    if (!toks[k]!.word) return i;
  }
  return i;
}

/** The addressee after a cue: the object of "told", or "to …" after "said". */
function addresseeAfter(text: string, toks: Tok[], i: number, cls: CueClass): string | null {
  let k = i;
  while (k < toks.length && toks[k]!.word && BETWEEN.has(toks[k]!.lower)) k++;
  if (cls === 'say') {
    if (toks[k]?.lower !== 'to') return null;
    k++;
  } else if (cls !== 'tell') return null;
  const first = toks[k];
  if (!first?.word || PREPOSITIONS.has(first.lower) || NP_CUT.has(first.lower) || CUE_SINGLE.has(first.lower)) return null;
  let end = k;
  let inTitle = false;
  while (end < toks.length && end - k < 16) {
    const t = toks[end]!;
    // A title in quotation marks inside the addressee: told Billboard's “Pop Shop” podcast.
    if (!t.word && /^[“”"]$/.test(t.text) && (inTitle || isCap(toks[end + 1]))) {
      inTitle = !inTitle;
      end++;
      continue;
    }
    if (!t.word) break;
    // "told the Sunday People", "the Sunday Times": a day's name inside a capitalised name does not cut it.
    const inName = isCap(t) && DAYS.has(t.lower) && isCap(toks[end + 1]) && adjacent(text, t, toks[end + 1]!);
    if (end > k && !inTitle && !inName && (NP_CUT.has(t.lower) || CUE_SINGLE.has(t.lower))) break;
    // "told CNN of his vote": "of" after a name, before a lower-case word, starts what was told, not who.
    if (end > k && t.lower === 'of' && isCap(toks[end - 1]) && toks[end + 1]?.word && !isCap(toks[end + 1])) break;
    end++;
  }
  if (inTitle) return null;
  // Trailing conjunctions.
  while (end > k && /^(?:and|or|but)$/.test(toks[end - 1]!.lower)) end--;
  if (end === k) return null;
  return text.slice(toks[k]!.start, toks[end - 1]!.end);
}

export function settingIn(text: string, start: number, end: number): string | null {
  if (end <= start) return null;
  const region = text.slice(start, end);
  SETTING_RE.lastIndex = 0;
  const m = SETTING_RE.exec(region);
  if (!m) return null;
  let s = m[0].replace(/\s+$/u, '').replace(/^(?:speaking|while)\s+(?=(?:at|in|to|during|addressing)\b)/iu, '');
  // Do not run into a new clause.
  s = s.replace(/\s+(?:that|including|and|but|who|which|where|when|while)\b.*$/u, '');
  return s || null;
}

/** "the Council’s discussions on Wednesday, at which Mr. Annan called for …": the setting is the phrase before ", at which". */
function relativeSetting(text: string, toks: Tok[], subjectFrom: number, floor: number): string | null {
  let k = subjectFrom - 1;
  if (k < floor || !/^(?:which|where|whom)$/.test(toks[k]!.lower)) return null;
  if (toks[k]!.lower !== 'where') {
    k--;
    if (k < floor || !/^(?:at|in|during|on)$/.test(toks[k]!.lower)) return null;
  }
  k--;
  if (k < floor || toks[k]!.text !== ',') return null;
  const comma = k;
  for (let d = comma - 1; d >= Math.max(floor, comma - 12); d--) {
    const t = toks[d]!;
    if (!t.word) return null;
    if (/^(?:the|a|an|this|that|its|their|his|her)$/i.test(t.text)) return text.slice(t.start, toks[comma - 1]!.end);
  }
  return null;
}

/** Attribution after a closing mark: “…,” he told the Council / said the minister / according to a press release. */
export function parsePost(text: string, toks: Tok[]): Attr | null {
  let i = 0;
  while (i < toks.length && !toks[i]!.word && /^[,—–\-]$/.test(toks[i]!.text)) i++;
  // "“Testing” is what James Cox tweeted": the quotation is the object of the attribution after "is what".
  if (/^(?:is|was|were|are)$/.test(toks[i]?.lower ?? '') && /^(?:what|how)$/.test(toks[i + 1]?.lower ?? '')) i += 2;
  if (i >= toks.length) return null;
  const lead = cueAt(toks, i, true);
  // "…,” referring to X / adding that …: a participle is never an inverted attribution.
  if (lead && lead.cls !== 'according' && /ing$/.test(toks[i]!.lower)) return null;
  if (lead) {
    let subj = subjectStartingAt(text, toks, i + lead.len);
    if (!subj) return null;
    // "said the prosecutor's spokeswoman, Lisa Park": the name in the appositive.
    if (subj.kind !== 'name' && subj.kind !== 'pronoun' && toks[subj.to]?.text === ',') {
      const named = subjectStartingAt(text, toks, subj.to + 1);
      const ends = toks[named?.to ?? -1];
      if (named?.kind === 'name' && (!ends || !ends.word)) subj = { ...named, from: subj.from };
    }
    const cue = text.slice(toks[i]!.start, toks[i + lead.len - 1]!.end);
    const rest = skipAppositive(toks, subj.to);
    return finish(text, toks, subj, cue, lead.cls, rest);
  }
  // Subject first: find the cue within the next few words (more when an appositive sits between).
  for (let c = i + 1; c < Math.min(toks.length, i + 24); c++) {
    const t = toks[c]!;
    if (!t.word && /^[.;:!?“”"‘]$/.test(t.text)) break;
    const cue = cueAt(toks, c, c - i <= 3);
    if (!cue || cue.cls === 'according') continue;
    // "The man is described as white": in the passive, the subject did not say it.
    if (cue.len === 1 && PASSIVE_AUX.has(toks[c - 1]?.lower ?? '') && /(?:ed|told|said)$/.test(t.lower)) continue;
    const j = skipBetweenBack(toks, c - 1, i + 1);
    let subj = subjectEndingAt(text, toks, j, i);
    // "“…,” a statement in the state-run Xinhua news agency declared": the head before its modifier.
    if (!subj || subj.from !== i) subj = headBeforeModifier(text, toks, j, i) ?? subj;
    let apposed = false;
    if (!subj && toks[j]?.text === ',') {
      // "Wayne's attorney, Stacey Richman, said": the name in the appositive.
      subj = subjectAcrossCommas(text, toks, j, i);
      apposed = !!subj;
      // "Maria Lopez, the foreign minister, said"; "Alfredo Mormontoy, director of … for Peru's Ministry of Culture, tells CNN"
      const open = toks.slice(i, j).findIndex((x) => x.text === ',');
      if (!subj && open > 0) subj = subjectEndingAt(text, toks, i + open - 1, i);
    }
    // "Lions head coach Warren Gatland said": a job in lower case (and its team) before the name.
    if (subj && subj.kind === 'name' && subj.from > i && jobBefore(toks, i, subj.from)) subj = { ...subj, from: i };
    // "the former Navy SEAL said": a description in capitals is a role, not a name.
    else if (subj && subj.from > i && toks[i]!.lower === 'the' && subj.from - i <= 3 && toks.slice(i + 1, subj.from).every((x) => x.word && !isCap(x) && !CUE_SINGLE.has(x.lower) && !NP_CUT.has(x.lower))) {
      subj = { ...subj, kind: 'role', text: text.slice(toks[i]!.start, subj.end), start: toks[i]!.start, from: i };
    }
    const cueText = text.slice(t.start, toks[c + cue.len - 1]!.end);
    // "Reid's Deputy Communications Director said": the possessor belongs to the subject.
    if (subj && subj.from === i + 1 && toks[i]!.possessive && isCap(toks[i])) {
      subj = { ...subj, kind: subj.kind === 'name' ? 'name' : 'role', text: text.slice(toks[i]!.start, subj.end), start: toks[i]!.start, from: i };
    }
    // "“…” when he was exercising, his office said Friday in a statement.": a sentence-final attribution after a clause.
    if (subj && subj.from > i && toks[subj.from - 1]?.text === ',') {
      const a = finish(text, toks, subj, cueText, cue.cls, c + cue.len);
      if (isBareAttribution(toks, a, true)) return a;
    }
    if (!subj || (subj.from !== i && !apposed)) {
      if (NOUN_LIKE_CUES.has(t.lower) || c - i > 12) continue;
      return trailingAccording(text, toks, i);
    }
    return finish(text, toks, subj, cueText, cue.cls, c + cue.len);
  }
  return trailingAccording(text, toks, i) ?? pullQuoteCredit(text, toks, i);
}

/**
 * A pull quote's credit in Daily Mail copy: the quotation, then only the speaker's name (and a role) before the
 * caption's " .": "'… before it is too late' Sadiq Khan, Shadow Justice Minister ."
 */
function pullQuoteCredit(text: string, toks: Tok[], i: number): Attr | null {
  if (i !== 0 || !isCap(toks[0])) return null;
  // A pull quote stops without a full stop ("… too late' Sadiq Khan"); "… with it." Disillusioned . is a subheading.
  if (/[.!?,…]['’"”]\s*$/u.test(text.slice(Math.max(0, toks[0]!.start - 4), toks[0]!.start))) return null;
  const subj = subjectStartingAt(text, toks, 0);
  if (subj?.kind !== 'name' || subj.to - subj.from < 2) return null;
  let k = subj.to;
  if (toks[k]?.text === ',') for (k++; k < toks.length && k - subj.to < 8 && toks[k]!.word && isCap(toks[k]); k++);
  const dot = toks[k];
  return dot?.text === '.' && /\s$/u.test(text.slice(dot.start - 1, dot.start)) ? { subject: subj, cue: null, cueClass: null, addressee: null, setting: null, restFrom: k } : null;
}

/** "Some “redness” was seen around her neck, according to authorities." — a source at the end of the quote's sentence. */
function trailingAccording(text: string, toks: Tok[], from: number): Attr | null {
  for (let c = from; c + 1 < toks.length; c++) {
    if (!toks[c]!.word && /^[.;!?“”"‘]$/.test(toks[c]!.text)) return null;
    if (toks[c]!.lower === 'according' && toks[c + 1]!.lower === 'to' && toks[c - 1]?.text === ',') {
      const subj = subjectStartingAt(text, toks, c + 2);
      return subj ? finish(text, toks, subj, text.slice(toks[c]!.start, toks[c + 1]!.end), 'according', subj.to) : null;
    }
  }
  return null;
}

/** Words that may follow a cue when the attribution stands after a quotation that ended its sentence. */
const TRAILER_START = new Set(['to', 'in', 'at', 'on', 'during', 'after', 'before', 'from', 'of', 'about', 'with', 'when', 'while', 'as', 'last', 'this', 'on', 'today', 'yesterday', 'tonight', 'later', 'earlier', 'recently', 'then', 'again', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/**
 * After a quotation that ends its own sentence (“… invade?” Correspondent
 * Scott Pelley asked.), a following sentence is its attribution only when it
 * is nothing but subject + cue (+ addressee, time or place): "He said the
 * talks would resume." is a new sentence, not an attribution.
 */
export function isBareAttribution(toks: Tok[], attr: Attr, anywhere = false): boolean {
  if (!attr.subject || (!anywhere && attr.subject.from > 1) || attr.restFrom === undefined || attr.cueClass === 'according') return false;
  const rest: Tok[] = [];
  for (let k = attr.restFrom; k < toks.length && !/^[.!?;:“”"]$/.test(toks[k]!.text); k++) rest.push(toks[k]!);
  const words = rest.filter((t) => t.word);
  if (!words.length) return true;
  if (words.length > 10) return false;
  // "Reid's office later announced Friday that Reid had been discharged.": a clause reported with "that" is the
  // sentence's own news (flattened copy runs the next paragraph on after a quotation), not a quotation's attribution.
  if (hasThatClause(words)) return false;
  // “Hi, Tim!” Mary said happily.: manner adverbs too.
  if (words.every((w) => /^\p{Ll}{3,}ly$/u.test(w.text)) && words.length <= 2) return true;
  // “Well?” Tom queried, not catching her implication.: one participle phrase after a comma, to the sentence's end
  // (no further comma: in “… said, citing a report, the bridge was unsafe” a clause follows).
  if (rest[0]!.text === ',' && !rest.slice(1).some((t) => t.text === ',') && PARTICIPLE_OPENING.test(words.slice(0, 2).map((w) => w.lower).join(' '))) return true;
  return TRAILER_START.has(words[0]!.lower) || (attr.cueClass === 'tell' && !!attr.addressee && rest[0]!.word);
}

/** "looking at her", "not catching her implication", "still smiling": a participle phrase trailing an attribution. */
const PARTICIPLE_OPENING = /^(?:(?:not|still|almost|only|half|just) )?(?!\p{Ll}*thing\b)\p{Ll}{2,}ing\b/u;

/** A complementiser "that" among the words (not after a preposition: "in that", "of that"), opening a reported clause. */
const hasThatClause = (words: readonly Tok[]): boolean => words.some((w, k) => w.lower === 'that' && !PREPOSITIONS.has(words[k - 1]?.lower ?? 'of'));

/**
 * Does an attribution's sentence report what was said ("Smith told CNN on Monday that the deal was off", "Smith said
 * the deal was off"), rather than only name an act ("Mayor Ann Lee agreed with the plan on Monday")? A complementiser
 * "that" in its rest, or a rest of three words or more that opens with neither a preposition nor a time word.
 */
export function reportsSpeech(toks: Tok[], attr: Attr): boolean {
  if (!attr.subject || attr.restFrom === undefined || attr.cueClass === 'according') return false;
  const words: Tok[] = [];
  for (let k = attr.restFrom; k < toks.length && !/^[.!?;:“”"]$/.test(toks[k]!.text); k++) if (toks[k]!.word) words.push(toks[k]!);
  if (hasThatClause(words.slice(0, 8))) return true;
  return words.length >= 3 && !PREPOSITIONS.has(words[0]!.lower) && !TRAILER_START.has(words[0]!.lower);
}

/** Words that start a sentence without being its subject ("The incident happened after Hirsch …"). */
const NOT_SUBJECT = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'in', 'on', 'at', 'after', 'before', 'when', 'while', 'but', 'and', 'or', 'so', 'as', 'if', 'since', 'during', 'despite', 'although', 'though', 'meanwhile', 'however', 'also', 'then', 'now', 'still', 'yet', 'today', 'yesterday', 'later', 'earlier']);

/** The subject of the clause before token `end`: the first name or pronoun that is not a preposition's object. */
export function clauseSubject(text: string, toks: Tok[], end: number): Subject | null {
  // "The 35-page report focuses on …, saying": a speaking noun phrase that opens the clause.
  if (/^(?:the|a|an)$/.test(toks[0]?.lower ?? '')) {
    const np = subjectStartingAt(text, toks, 0);
    if (np?.kind === 'nominal' && np.to <= Math.min(end, 5) && isSpeakerNoun(bare(toks[np.to - 1]!).toLowerCase())) return np;
  }
  for (let k = 0; k < end; k++) {
    const t = toks[k]!;
    if (!t.word || NOT_SUBJECT.has(t.lower)) continue;
    const prev = toks[k - 1];
    if (prev?.word && PREPOSITIONS.has(prev.lower)) continue;
    if (PRONOUNS.has(t.lower) && t.lower !== 'it') return { kind: 'pronoun', text: t.text, start: t.start, end: t.end, from: k, to: k + 1 };
    if (isCap(t) && !t.possessive) {
      const s = subjectStartingAt(text, toks, k);
      // "School head Wendy Bower": a capitalised word, a job in lower case, then the name.
      const job = s && toks[s.to]?.word && !isCap(toks[s.to]) && isSpeakerNoun(toks[s.to]!.lower) && isCap(toks[s.to + 1]) ? subjectStartingAt(text, toks, s.to + 1) : null;
      if (job && job.kind === 'name' && job.to <= end) return job;
      if (s && s.kind === 'name' && s.to <= end) return s;
    }
  }
  return null;
}

const PASSIVE_AUX = new Set(['was', 'were', 'been', 'be', 'is', 'are', 'being']);

/** Verbs that name what was said right before the quotation: what one official called a “Herculean effort”. */
const NAMING = new Set(['called', 'calling', 'calls', 'dubbed', 'dubbing', 'termed', 'labeled', 'labelled', 'branded', 'branding']);

/** Attribution before an opening mark: “Mr. Annan called for a “…”, Ms. Lopez said: “…”, According to X, “…”. */
export function parsePre(text: string, toks: Tok[]): Attr | null {
  for (let c = toks.length - 1; c >= 0; c--) {
    // "what one official called a “Herculean effort”"; "a spokeswoman called the use of jets a “significant escalation”".
    const object = toks.slice(c + 1);
    const naming =
      NAMING.has(toks[c]!.lower) && object.every((t) => t.word) && (object.length <= 3 || (object.length <= 14 && /^(?:a|an)$/.test(object[object.length - 1]!.lower)));
    const cue = cueAt(toks, c) ?? (naming ? { len: 1, cls: 'say' as const } : null);
    if (!cue) continue;
    // "she was branded a “slut”", "he was told “…”": in the passive, the subject is not who said it.
    if (cue.len === 1 && PASSIVE_AUX.has(toks[c - 1]?.lower ?? '') && /(?:ed|told|said)$/.test(toks[c]!.lower)) continue;
    if (cue.cls === 'according') {
      const subj = subjectStartingAt(text, toks, c + 2);
      if (!subj) continue;
      const a = finish(text, toks, subj, text.slice(toks[c]!.start, toks[c + 1]!.end), 'according', subj.to);
      return a;
    }
    let j = skipBetweenBack(toks, c - 1);
    // "The government - which was outraged by the film - also claimed": the subject before a parenthesis in dashes.
    if (/^[-–—]$/u.test(toks[j]?.text ?? '')) {
      for (let k = j - 1; k > 0 && j - k < 30; k--) {
        if (/^[-–—]$/u.test(toks[k]!.text)) {
          j = k - 1;
          break;
        }
      }
    }
    // "the U.S. Anti-Doping agency (USADA) accused": the acronym in parentheses names the subject.
    let subj = toks[j]?.text === ')' && toks[j - 2]?.text === '(' && /^\p{Lu}{2,}$/u.test(toks[j - 1]?.text ?? '')
      ? { kind: 'name' as const, text: toks[j - 1]!.text, start: toks[j - 1]!.start, end: toks[j - 1]!.end, from: j - 1, to: j }
      : subjectEndingAt(text, toks, j, 0);
    // "A source at Cambridgeshire jail Whitemoor told", "A source close to the singer said": the speaker noun a
    // prepositional phrase continues, not the name or noun inside that phrase.
    if (subj && subj.kind !== 'pronoun' && subj.from > 0) {
      const head = headBeforeModifier(text, toks, j, 0);
      if (head?.kind === 'nominal' && head.from < subj.from) subj = head;
    }
    if (!subj && toks[j]?.text === ',') subj = subjectAcrossCommas(text, toks, j, 0);
    // "The couple who married in summer of 2011 told": the noun phrase a relative clause describes.
    if (!subj) subj = relativeHead(text, toks, j);
    // "Prime Minister Omer Beriziky, who told him “…”", "research which had concluded: ‘…’": a relative pronoun stands
    // for the speaker before it.
    // "The judge (who said “…”)": the same before a parenthesis.
    if (!subj && (toks[j]?.lower === 'who' || toks[j]?.lower === 'which')) subj = subjectEndingAt(text, toks, /^[,(]$/.test(toks[j - 1]?.text ?? '') ? j - 2 : j - 1, 0);
    // "Gadhafi mourned Ben Ali's ouster and warned …": a second verb shares its clause's subject.
    if (!subj && /^(?:and|but)$/.test(toks[j]?.lower ?? '')) subj = clauseSubject(text, toks, j);
    // "a source close to the Bo family for decades says": the head of a noun phrase a preposition continues.
    if (!subj) subj = headBeforeModifier(text, toks, j, 0);
    if (!subj && toks[j]?.text === ',') {
      for (let k = j - 1; k >= Math.max(0, j - 14); k--) {
        if (toks[k]!.text === ',') {
          subj = subjectEndingAt(text, toks, k - 1, 0);
          break;
        }
      }
      // "Burley backpedaled …, posting: “…”", "Hirsch confronted Bernfeld, calling her a “…”": a participle takes
      // its clause's subject, not the object before the comma.
      if (!subj && /ing$/.test(toks[c]!.lower)) subj = clauseSubject(text, toks, j);
      // "Massachusetts Democrat James McGovern, said he's …": a stray comma between a name and its verb.
      const named = subj ? null : subjectEndingAt(text, toks, j - 1, 0);
      if (!subj && named && named.kind === 'name') subj = named;
    }
    if (!subj) continue;
    const attr = finish(text, toks, subj, text.slice(toks[c]!.start, toks[c + cue.len - 1]!.end), cue.cls, c + cue.len);
    attr.setting = relativeSetting(text, toks, subj.from, 0) ?? attr.setting;
    return attr;
  }
  // "Ms. Lopez put it bluntly: “…”" — a named subject and a colon, no cue word we know.
  const last = toks[toks.length - 1];
  if (last?.text === ':' && toks.length <= 10) {
    const subj = subjectStartingAt(text, toks, 0);
    // "Jones was asked by the presenter: ‘…’": the one asking is the agent; "Jones was asked:" names no speaker.
    const passive = subj ? toks.slice(subj.to, subj.to + 3).findIndex((t, k, xs) => PASSIVE_AUX.has(t.lower) && /^(?:asked|told|questioned|quizzed|pressed|challenged)$/.test(xs[k + 1]?.lower ?? '')) : -1;
    if (subj && passive >= 0) {
      const by = toks.findIndex((t, k) => k > subj.to + passive && t.lower === 'by');
      const agent = by > 0 ? subjectStartingAt(text, toks, by + 1) : null;
      return agent && agent.kind !== 'pronoun' ? { subject: agent, cue: toks[subj.to + passive + 1]!.text, cueClass: 'say', addressee: subj.text, setting: null } : null;
    }
    if (subj && subj.kind !== 'nominal' && subj.to < toks.length - 1) {
      const cue = text.slice(toks[subj.to]!.start, toks[toks.length - 2]!.end);
      return { subject: subj, cue, cueClass: 'say', addressee: null, setting: null };
    }
  }
  return null;
}

/** Verbs that describe what something was called, in the passive: "was described as ‘…’ by X". */
const PASSIVE_NAMING = /^(?:described|called|dubbed|termed|labell?ed|branded|hailed|condemned|critici[sz]ed|praised|slammed|denounced|characteri[sz]ed|referred|quoted|mocked|derided|decried|lauded|blasted)$/;

/**
 * "The attack was described as ‘barbaric’ by Foreign Secretary William Hague": a passive naming verb before the
 * quotation and its agent after it ("by X") — X said it.
 */
export function passiveAgent(text: string, pre: Tok[], post: Tok[]): Attr | null {
  let v = pre.length - 1;
  // the object words between the verb and the quotation: "as", "to as", "a", "an", "the", up to three plain words
  while (v >= 0 && pre.length - 1 - v < 5 && pre[v]!.word && !PASSIVE_NAMING.test(pre[v]!.lower)) v--;
  if (v < 1 || !PASSIVE_NAMING.test(pre[v]!.lower)) return null;
  let a = v - 1;
  if (pre[a]?.word && /ly$/.test(pre[a]!.lower)) a--;
  if (!PASSIVE_AUX.has(pre[a]?.lower ?? '')) return null;
  let i = 0;
  while (i < post.length && !post[i]!.word && /^[,]$/.test(post[i]!.text)) i++;
  if (post[i]?.lower !== 'by') return null;
  const subj = subjectStartingAt(text, post, i + 1);
  if (!subj || subj.kind === 'pronoun') return null;
  return { subject: subj, cue: pre[v]!.text, cueClass: 'say', addressee: null, setting: null };
}

function finish(text: string, toks: Tok[], subject: Subject, cue: string, cls: CueClass, restFrom: number): Attr {
  const addressee = addresseeAfter(text, toks, restFrom, cls);
  const restStart = toks[restFrom]?.start ?? toks[toks.length - 1]?.end ?? 0;
  const restEnd = toks[toks.length - 1]?.end ?? restStart;
  return { subject, cue, cueClass: cls, addressee, setting: settingIn(text, restStart, restEnd), restFrom };
}
