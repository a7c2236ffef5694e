/**
 * The quotation index: every quotation in a document, who said it (a named
 * person or organisation, pronouns resolved), the cue ("told", "called
 * for", "according to"), to whom (when the text names an addressee) and
 * where (when it states a setting).
 *
 * Marks are found by character rules (./quote-marks.ts); names, aliases and
 * genders come from ./speakers.ts (our rules + the `compromise` library);
 * attribution is a small grammar of news reporting, written here:
 *
 *   “…,” he told the Council.             subject + cue after the quote
 *   “…,” said the minister.               cue + subject after the quote
 *   “…,” according to a press release.    "according to" + source
 *   Mr. Annan called for a “new level…”   subject + cue before a partial quote
 *   Annan stresses ‘…’ at meeting on …    headline style
 *
 * Every quotation's span is verbatim: `doc.text.slice(start, end) === quote`.
 * The span holds the quoted words without their quotation marks and without
 * the trailing comma that news style puts inside the closing mark; a
 * quotation that runs over a paragraph break is one span that includes the
 * break and the continuation paragraph's opening mark.
 */
import type { Quotation, Span, StoredDocument } from '../types.js';
import { terms } from '../retrieve/terms.js';
import { findQuoteSpans, type QuoteSpan } from './quote-marks.js';
import {
  bare,
  buildSpeakerTable,
  canonicalSpeaker,
  findMentions,
  isPluralNoun,
  isSpeakerNoun,
  lookupSpeaker,
  nounGender,
  splitName,
  tokenize,
  type EntityKind,
  type Gender,
  type Mention,
  type SpeakerTable,
  type Tok,
} from './speakers.js';

export { canonicalSpeaker, type SpeakerTable } from './speakers.js';

// ---------------------------------------------------------------------------
// The grammar's word lists

type CueClass = 'tell' | 'say' | 'according';

/** Verbs whose direct object is the addressee ("told the Council"). */
const TELL = ['told', 'tell', 'tells', 'telling', 'informed', 'informs', 'assured', 'assures', 'reminded', 'reminds', 'urged', 'urges', 'urging', 'warned', 'warns', 'warning', 'asked', 'asks', 'asking', 'briefed', 'briefs', 'briefing', 'addressed', 'addresses', 'addressing', 'promised', 'promises'];
/** Verbs that report speech ("said", "stressed"); an addressee follows "to". */
const SAY = [
  'said', 'says', 'say', 'saying', 'stressed', 'stresses', 'stressing', 'stress', 'added', 'adds', 'adding', 'noted', 'notes', 'noting',
  'explained', 'explains', 'explaining', 'insisted', 'insists', 'declared', 'declares', 'announced', 'announces', 'stated', 'argued',
  'argues', 'emphasized', 'emphasised', 'emphasizes', 'emphasises', 're-emphasized', 're-emphasised', 'underlined', 'underlines',
  'underscored', 'underscores', 'replied', 'replies', 'responded', 'responds', 'remarked', 'observed', 'observes', 'continued',
  'continues', 'concluded', 'concludes', 'acknowledged', 'acknowledges', 'admitted', 'admits', 'recalled', 'recalls', 'claimed',
  'claims', 'suggested', 'suggests', 'proposed', 'proposes', 'demanded', 'demands', 'affirmed', 'affirms', 'reiterated', 'reiterates',
  'wrote', 'writes', 'tweeted', 'cautioned', 'cautions', 'predicted', 'predicts', 'vowed', 'vows', 'pledged', 'pledges', 'described',
  'describes', 'describing', 'exclaimed', 'commented', 'comments', 'highlighted', 'highlights', 'agreed', 'agrees', 'complained',
  'complains', 'conceded', 'concedes', 'countered', 'counters', 'maintained', 'maintains', 'mused', 'recounted', 'recounts', 'quipped',
  'shouted', 'whispered', 'asserted', 'asserts', 'contended', 'contends', 'welcomed', 'welcomes', 'lamented', 'laments', 'appealed',
  'announced', 'reported', 'reports', 'confirmed', 'confirms', 'denied', 'denies', 'disclosed', 'revealed', 'reveals',
];
const CUE_SINGLE = new Map<string, CueClass>([...SAY.map((w) => [w, 'say'] as const), ...TELL.map((w) => [w, 'tell'] as const)]);
const CUE_MULTI: [string[], CueClass][] = [
  [['according', 'to'], 'according'],
  [['called', 'for'], 'say'], [['calls', 'for'], 'say'], [['calling', 'for'], 'say'], [['call', 'for'], 'say'],
  [['pointed', 'out'], 'say'], [['points', 'out'], 'say'], [['went', 'on'], 'say'], [['goes', 'on'], 'say'],
  [['quoted', 'as', 'saying'], 'say'], [['spoke', 'of'], 'say'], [['speaks', 'of'], 'say'], [['referred', 'to'], 'say'],
  [['put', 'it'], 'say'], [['summed', 'up'], 'say'], [['appealed', 'for'], 'say'], [['appealed', 'to'], 'say'],
];
/** Cue words that are also common nouns: only cues when a subject is right before them. */
const NOUN_LIKE_CUES = new Set(['notes', 'remarks', 'comments', 'claims', 'demands', 'states', 'reports', 'stress', 'say', 'tell', 'call', 'pledges', 'vows', 'briefing', 'warning']);

const PRONOUNS = new Map<string, 'he' | 'she' | 'they' | 'it'>([['he', 'he'], ['she', 'she'], ['they', 'they'], ['it', 'it']]);
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'this', 'that', 'these', 'those', 'one', 'another', 'some', 'several', 'many', 'two', 'three', 'four', 'both', 'other']);
/** Words allowed between a subject and its cue: "Mr. Annan today called for", "he has also said". */
const BETWEEN = new Set(['today', 'also', 'again', 'later', 'earlier', 'then', 'once', 'further', 'repeatedly', 'previously', 'recently', 'yesterday', 'tonight', 'now', 'separately', 'similarly', 'likewise', 'has', 'had', 'have', 'will', 'would', 'had', 'was', 'is', 'once', 'twice', 'reportedly', 'publicly', 'privately', 'openly', 'bluntly', 'firmly', 'strongly', 'simply', 'only', 'even', 'just', 'still', 'herself', 'himself', 'themselves', 'itself', 'flatly', 'quickly', 'angrily', 'calmly', 'emphatically']);
/** Words that end an addressee or a speaker noun phrase. */
const NP_CUT = new Set(['that', 'including', 'in', 'at', 'during', 'on', 'when', 'while', 'as', 'after', 'before', 'who', 'which', 'where', 'about', 'ahead', 'if', 'because', 'since', 'but', 'to', 'for', 'with', 'by', 'from', 'amid', 'over', 'via', 'whether', 'how', 'why', 'what', 'not', 'it', 'this', 'there', 'today', 'yesterday', 'earlier', 'later', 'last', 'this', 'through', 'under', 'against', 'upon', 'following', 'saying', 'adding', 'telling', 'noting']);
const PREPOSITIONS = new Set(['of', 'in', 'at', 'on', 'to', 'for', 'with', 'by', 'from', 'about', 'against', 'that', 'into', 'over', 'upon', 'as', 'be', 'have', 'do', 'get', 'make', 'take', 'give', 'go']);
/** Common nouns that stand for an organisation the text has named ("the agency"). */
const GENERIC_ORG = new Set(['agency', 'body', 'organization', 'organisation', 'programme', 'program', 'fund', 'group', 'bloc', 'alliance', 'institution', 'entity']);
const DOCUMENT_NOUNS = new Set(['statement', 'report', 'release', 'communiqué', 'communique', 'letter', 'survey', 'study', 'paper', 'document', 'resolution', 'declaration', 'website', 'post', 'memo', 'note', 'filing', 'ruling', 'analysis', 'review', 'assessment', 'bulletin', 'notice']);

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
interface Subject {
  kind: SubjectKind;
  text: string;
  start: number;
  end: number;
  /** Token indices [from, to). */
  from: number;
  to: number;
}
interface Attr {
  subject: Subject | null;
  cue: string | null;
  cueClass: CueClass | null;
  addressee: string | null;
  setting: string | null;
}

const isCap = (t: Tok | undefined) => !!t && t.word && /^\p{Lu}/u.test(t.text);
const adjacent = (text: string, a: Tok, b: Tok) => /^[ \u00a0]$/u.test(text.slice(a.end, b.start));

function cueAt(toks: Tok[], i: number): { len: number; cls: CueClass } | null {
  for (const [words, cls] of CUE_MULTI) {
    if (words.every((w, k) => toks[i + k]?.word && toks[i + k]!.lower === w)) return { len: words.length, cls };
  }
  const t = toks[i];
  if (!t?.word) return null;
  const cls = CUE_SINGLE.get(t.lower);
  return cls ? { len: 1, cls } : null;
}

/** The speaker phrase that ends at token j (inclusive), read backwards. */
function subjectEndingAt(text: string, toks: Tok[], j: number, floor: number): Subject | null {
  if (j < floor) return null;
  const t = toks[j]!;
  if (!t.word) return null;
  const pron = PRONOUNS.get(t.lower);
  if (pron) return { kind: 'pronoun', text: t.text, start: t.start, end: t.end, from: j, to: j + 1 };
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
    while (k < j && /^(?:The|Today|Yesterday|While|During|But|And|Meanwhile|However|Also|Later|Earlier|Then|So|Now|In|On|At|After|Before|When|As|Still|Yet|Last|Here|There)$/.test(toks[k]!.text)) k++;
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
  if (!isSpeakerNoun(head) && !(determined && /[^s]s$/.test(head))) return null;
  let k = j;
  while (k - 1 >= floor && j - k < 5) {
    const p = toks[k - 1]!;
    if (!p.word || CUE_SINGLE.has(p.lower) || NP_CUT.has(p.lower) || PREPOSITIONS.has(p.lower) || PRONOUNS.has(p.lower)) break;
    k--;
    if (DETERMINERS.has(p.lower)) break;
  }
  if (k < j && !DETERMINERS.has(toks[k]!.lower) && !/s$/.test(head)) {
    // A singular common noun needs a determiner: "minister said" without one is not a speaker phrase.
    const det = toks.slice(k, j).findIndex((x) => DETERMINERS.has(x.lower));
    if (det === -1) return null;
  }
  if (k === j && !/s$/.test(head) && !DETERMINERS.has(toks[k - 1]?.lower ?? '')) {
    if (!/(?:people|police|staff)$/.test(head)) return null;
  }
  return { kind: 'nominal', text: text.slice(toks[k]!.start, t.end), start: toks[k]!.start, end: t.end, from: k, to: j + 1 };
}

/** The speaker phrase starting at token i (inverted attribution: "said the minister"). */
function subjectStartingAt(text: string, toks: Tok[], i: number): Subject | null {
  const t = toks[i];
  if (!t?.word) return null;
  const pron = PRONOUNS.get(t.lower);
  if (pron) return { kind: 'pronoun', text: t.text, start: t.start, end: t.end, from: i, to: i + 1 };
  let j = i;
  if (isCap(t)) {
    while (j + 1 < toks.length) {
      const n = toks[j + 1]!;
      if (isCap(toks[j]) && toks[j]!.possessive) break;
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
  while (end >= i && !isSpeakerNoun(bare(toks[end]!).toLowerCase()) && !isCap(toks[end])) end--;
  if (end < i) return null;
  const phrase = text.slice(toks[i]!.start, toks[end]!.end);
  const capitalHead = isCap(toks[end]);
  return { kind: capitalHead ? (splitName(phrase).name.length ? 'name' : 'role') : 'nominal', text: phrase, start: toks[i]!.start, end: toks[end]!.end, from: i, to: end + 1 };
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
  while (end < toks.length && end - k < 16) {
    const t = toks[end]!;
    if (!t.word) break;
    if (end > k && (NP_CUT.has(t.lower) || CUE_SINGLE.has(t.lower))) break;
    end++;
  }
  // Trailing conjunctions.
  while (end > k && /^(?:and|or|but)$/.test(toks[end - 1]!.lower)) end--;
  if (end === k) return null;
  return text.slice(toks[k]!.start, toks[end - 1]!.end);
}

function settingIn(text: string, start: number, end: number): string | null {
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
function parsePost(text: string, toks: Tok[]): Attr | null {
  let i = 0;
  while (i < toks.length && !toks[i]!.word && /^[,—–\-]$/.test(toks[i]!.text)) i++;
  if (i >= toks.length) return null;
  const lead = cueAt(toks, i);
  if (lead) {
    const subj = subjectStartingAt(text, toks, i + lead.len);
    if (!subj) return null;
    const cue = text.slice(toks[i]!.start, toks[i + lead.len - 1]!.end);
    const rest = skipAppositive(toks, subj.to);
    return finish(text, toks, subj, cue, lead.cls, rest);
  }
  // Subject first: find the cue within the next few words.
  for (let c = i + 1; c < Math.min(toks.length, i + 14); c++) {
    const t = toks[c]!;
    if (!t.word && /^[.;:!?“”"‘]$/.test(t.text)) break;
    const cue = cueAt(toks, c);
    if (!cue || cue.cls === 'according') continue;
    let j = c - 1;
    while (j > i && toks[j]!.word && BETWEEN.has(toks[j]!.lower)) j--;
    let subj = subjectEndingAt(text, toks, j, i);
    if (!subj && toks[j]?.text === ',') {
      // "Maria Lopez, the foreign minister, said"
      const open = toks.slice(i, j).findIndex((x) => x.text === ',');
      if (open > 0) subj = subjectEndingAt(text, toks, i + open - 1, i);
    }
    if (!subj || subj.from !== i) {
      if (NOUN_LIKE_CUES.has(t.lower)) continue;
      return null;
    }
    const cueText = text.slice(t.start, toks[c + cue.len - 1]!.end);
    return finish(text, toks, subj, cueText, cue.cls, c + cue.len);
  }
  return null;
}

/** Attribution before an opening mark: “Mr. Annan called for a “…”, Ms. Lopez said: “…”, According to X, “…”. */
function parsePre(text: string, toks: Tok[]): Attr | null {
  for (let c = toks.length - 1; c >= 0; c--) {
    const cue = cueAt(toks, c);
    if (!cue) continue;
    if (cue.cls === 'according') {
      const subj = subjectStartingAt(text, toks, c + 2);
      if (!subj) continue;
      const a = finish(text, toks, subj, text.slice(toks[c]!.start, toks[c + 1]!.end), 'according', subj.to);
      return a;
    }
    let j = c - 1;
    while (j >= 0 && toks[j]!.word && BETWEEN.has(toks[j]!.lower)) j--;
    let subj = subjectEndingAt(text, toks, j, 0);
    if (!subj && toks[j]?.text === ',') {
      for (let k = j - 1; k >= Math.max(0, j - 14); k--) {
        if (toks[k]!.text === ',') {
          subj = subjectEndingAt(text, toks, k - 1, 0);
          break;
        }
      }
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
    if (subj && subj.kind !== 'nominal' && subj.to < toks.length - 1) {
      const cue = text.slice(toks[subj.to]!.start, toks[toks.length - 2]!.end);
      return { subject: subj, cue, cueClass: 'say', addressee: null, setting: null };
    }
  }
  return null;
}

function finish(text: string, toks: Tok[], subject: Subject, cue: string, cls: CueClass, restFrom: number): Attr {
  const addressee = addresseeAfter(text, toks, restFrom, cls);
  const restStart = toks[restFrom]?.start ?? toks[toks.length - 1]?.end ?? 0;
  const restEnd = toks[toks.length - 1]?.end ?? restStart;
  return { subject, cue, cueClass: cls, addressee, setting: settingIn(text, restStart, restEnd) };
}

// ---------------------------------------------------------------------------
// Regions around a quotation

const SENTENCE_END = /[.!?…]["”’)]*\s+(?=["“‘(\p{Lu}\p{N}])/gu;
const ABBREV_BEFORE_DOT = /(?:^|[\s(])(?:Mr|Mrs|Ms|Mx|Dr|Prof|St|Sr|Jr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Rev|Hon|No|vs|Inc|Corp|Ltd|Co|[A-Z])\.$/;

/** Start of the sentence (outside quotes) that contains `pos`, not before `floor`. */
function sentenceStartBefore(text: string, floor: number, pos: number): number {
  // One character past `pos` so that "said. “" sees the opening mark that starts the next sentence.
  const region = text.slice(floor, pos + 1);
  let start = floor;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(region); m; m = SENTENCE_END.exec(region)) {
    if (m.index + m[0].length > pos - floor) break;
    const dotAt = m.index + 1;
    if (ABBREV_BEFORE_DOT.test(region.slice(Math.max(0, m.index - 6), dotAt))) continue;
    start = floor + m.index + m[0].length;
  }
  return start;
}

/** End of the sentence that starts at `pos`, not after `ceil`. */
function sentenceEndAfter(text: string, pos: number, ceil: number): number {
  const region = text.slice(pos, ceil);
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(region); m; m = SENTENCE_END.exec(region)) {
    const dotAt = m.index + 1;
    if (ABBREV_BEFORE_DOT.test(region.slice(Math.max(0, m.index - 6), dotAt))) continue;
    return pos + dotAt;
  }
  return ceil;
}

// ---------------------------------------------------------------------------
// Speakers and pronouns

interface Antecedent {
  pos: number;
  canonical: string;
  kind: EntityKind;
  gender: Gender;
  roles: string[];
}

function compatible(pron: 'he' | 'she' | 'they' | 'it', a: Antecedent): boolean {
  switch (pron) {
    case 'he':
      return a.kind === 'person' && a.gender !== 'female';
    case 'she':
      return a.kind === 'person' && a.gender !== 'male';
    case 'they':
      return a.kind === 'org' || a.kind === 'group';
    case 'it':
      return a.kind === 'org';
  }
}

function genderOf(table: SpeakerTable, canonical: string): Gender {
  return table.entries.find((e) => e.canonical === canonical)?.gender ?? null;
}

// ---------------------------------------------------------------------------
// The index

/** First index whose key is ≥ `value` in an array sorted by key. */
function lowerBound<T>(xs: T[], value: number, key: (x: T) => number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(xs[mid]!) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Quotations of one document, with the alias table used to name their speakers. */
export interface QuotationAnalysis {
  quotations: Quotation[];
  speakers: SpeakerTable;
}

/**
 * Find every quotation in a document, with its speaker, cue, addressee and
 * setting (null where the text doesn't say). Quotations in boilerplate
 * paragraphs (a repeated title) are skipped; the title's own quotation counts
 * (paragraph 0).
 *
 * @example
 * const { quotations, speakers } = analyzeQuotations(doc);
 * canonicalSpeaker('Mr. Annan', speakers); // 'Kofi Annan'
 */
export function analyzeQuotations(doc: StoredDocument): QuotationAnalysis {
  const { text } = doc;
  const spans = findQuoteSpans(text, doc.paragraphs);
  const counted = doc.paragraphs.filter((p) => p.kind !== 'boilerplate');
  const topLevel = spans.filter((s) => s.depth === 0);
  const exclude: Span[] = topLevel.map((s) => ({ start: s.open, end: (s.close ?? s.end) + 1 }));
  const mentions = findMentions(text, counted, exclude);
  const table = buildSpeakerTable(doc.id, mentions);

  const antecedents: Antecedent[] = mentions.map((m) => ({
    pos: m.start,
    canonical: m.canonical,
    kind: m.kind,
    gender: m.kind === 'person' ? genderOf(table, m.canonical) : null,
    roles: m.roles,
  }));
  antecedents.sort((a, b) => a.pos - b.pos);
  const mentionAt = new Map<number, Mention>(mentions.map((m) => [m.start, m]));
  /** The nearest antecedent before `pos` that passes `ok`. */
  const nearest = (pos: number, ok: (a: Antecedent) => boolean) => {
    for (let k = lowerBound(antecedents, pos, (a) => a.pos) - 1; k >= 0; k--) if (ok(antecedents[k]!)) return antecedents[k];
    return undefined;
  };
  const addAntecedent = (a: Antecedent) => antecedents.splice(lowerBound(antecedents, a.pos, (x) => x.pos), 0, a);

  /** A named speaker: the mention it is (positional surname resolution), else the alias table. */
  const resolveName = (subj: Subject): Antecedent => {
    const inside = mentions[lowerBound(mentions, subj.start, (x) => x.start)];
    const m = mentionAt.get(subj.start) ?? (inside && inside.end <= subj.end ? inside : undefined);
    const canonical = m?.canonical ?? canonicalSpeaker(subj.text, table);
    const kind = m?.kind ?? lookupSpeaker(table, subj.text)?.kind ?? 'person';
    return { pos: subj.start, canonical, kind, gender: genderOf(table, canonical) ?? splitName(subj.text).gender, roles: [] };
  };

  /** A role or a common noun: the latest holder of that role, the organisation "the agency" stands for, the table, or as written. */
  const resolveNominal = (subj: Subject): Antecedent => {
    const role = subj.text.toLowerCase().replace(/^(?:the|a|an)\s+/, '');
    const head = role.split(/\s+/).pop()!;
    const base = { pos: subj.start, roles: [] };
    const holder = nearest(subj.start, (a) => a.roles.includes(role)) ?? nearest(subj.start, (a) => a.roles.includes(head));
    if (holder) return { ...base, canonical: holder.canonical, kind: holder.kind, gender: holder.gender };
    const entry = lookupSpeaker(table, subj.text);
    if (entry && (subj.kind === 'role' || entry.kind === 'org')) return { ...base, canonical: entry.canonical, kind: entry.kind, gender: entry.gender };
    const org = GENERIC_ORG.has(head) ? nearest(subj.start, (a) => a.kind === 'org') : undefined;
    if (org) return { ...base, canonical: org.canonical, kind: 'org', gender: null };
    const canonical = subj.text.replace(/^(?:The|A|An)\b/, (w) => w.toLowerCase()).replace(/^\p{Lu}(?=\p{Ll}+$)/u, (c) => c.toLowerCase());
    const kind: EntityKind = isPluralNoun(head) ? 'group' : DOCUMENT_NOUNS.has(head) || /^\p{Lu}/u.test(head) ? 'org' : 'person';
    return { ...base, canonical, kind, gender: nounGender(head) };
  };

  const resolveSubject = (subj: Subject): { speaker: string | null; antecedent: Antecedent | null } => {
    if (subj.kind === 'pronoun') {
      const pron = PRONOUNS.get(subj.text.toLowerCase())!;
      return { speaker: nearest(subj.start, (a) => compatible(pron, a))?.canonical ?? null, antecedent: null };
    }
    const a = subj.kind === 'name' ? resolveName(subj) : resolveNominal(subj);
    return { speaker: a.canonical, antecedent: a };
  };

  type Found = { span: QuoteSpan; attr: Attr | null; speaker: string | null };
  const found: Found[] = [];
  const foundBySpan = new Map<QuoteSpan, Found>();
  const lastAtDepth = new Map<number, Found>();
  const paraOf = (pos: number) => Math.max(0, lowerBound(doc.paragraphs, pos + 1, (p) => p.start) - 1);
  // Quotes sharing a parent (top level: null), in order: the neighbours a quote's sentence is bounded by.
  const groups = new Map<number | null, number[]>();
  const posInGroup: number[] = [];
  spans.forEach((s, i) => {
    let g = groups.get(s.parent);
    if (!g) groups.set(s.parent, (g = []));
    posInGroup[i] = g.length;
    g.push(i);
  });

  for (let qi = 0; qi < spans.length; qi++) {
    const span = spans[qi]!;
    const firstPara = doc.paragraphs[span.paragraphs[0]!]!;
    if (firstPara.kind === 'boilerplate') continue;
    const lastPara = doc.paragraphs[span.paragraphs[span.paragraphs.length - 1]!]!;
    const parent = span.parent !== null ? spans[span.parent]! : null;
    // Bounds: the paragraph (top level) or the enclosing quote's words (nested).
    const lo = parent ? parent.start : firstPara.start;
    const hi = parent ? parent.end : lastPara.end;
    const group = groups.get(span.parent)!;
    const at = posInGroup[qi]!;
    const prevSpan = at > 0 ? spans[group[at - 1]!]! : undefined;
    const nextSpan = at + 1 < group.length ? spans[group[at + 1]!]! : undefined;
    const prevSib = prevSpan && prevSpan.close !== null && prevSpan.close < span.open && prevSpan.close >= lo ? prevSpan : undefined;
    const nextSib = nextSpan && nextSpan.open > (span.close ?? span.end) && nextSpan.open < hi ? nextSpan : undefined;
    const preFloor = Math.max(lo, prevSib ? prevSib.close! + 1 : lo);
    const preFrom = sentenceStartBefore(text, preFloor, span.open);
    const after = span.close !== null ? span.close + 1 : span.end;
    const postCeil = Math.min(hi, nextSib ? nextSib.open : hi);
    const postTo = after < postCeil ? sentenceEndAfter(text, after, postCeil) : after;

    const preToks = tokenize(text, preFrom, span.open);
    const postToks = tokenize(text, after, postTo);
    // A quote that ends its sentence ("… done.” The talks …") has no attribution after it.
    const endsSentence = /[.!?]$/.test(text.slice(span.start, span.end)) && /^\s+\p{Lu}/u.test(text.slice(after, after + 3)) && !cueAt(postToks, 0);
    let attr = (endsSentence ? null : parsePost(text, postToks)) ?? parsePre(text, preToks);
    if (attr && !attr.setting) attr.setting = settingIn(text, preFrom, span.open) ?? (endsSentence ? null : settingIn(text, after, postTo));

    let speaker: string | null = null;
    if (attr?.subject) {
      const r = resolveSubject(attr.subject);
      speaker = r.speaker;
      if (r.antecedent) addAntecedent(r.antecedent);
    } else {
      // No attribution of its own: the quote it continues (same sentence, or a follow-on quote by the last speaker),
      // or — nested — the quote it sits in.
      const prev = prevSib ? foundBySpan.get(prevSib) : lastAtDepth.get(span.depth);
      const sameSentence = prev && prevSib === prev.span && preFrom === preFloor && preFloor > lo;
      const wholeSentence = !preToks.some((t) => t.word);
      const recent =
        prev && prev.span.depth === span.depth && prev.speaker && wholeSentence && paraOf(prev.span.end) >= span.paragraphs[0]! - 1;
      if (parent) {
        const p = foundBySpan.get(parent);
        if (p) {
          speaker = p.speaker;
          attr = p.attr ? { ...p.attr } : null;
        }
      } else if (sameSentence && prev) {
        speaker = prev.speaker;
        attr = prev.attr ? { ...prev.attr } : null;
      } else if (recent && prev) {
        speaker = prev.speaker;
        attr = { subject: null, cue: null, cueClass: null, addressee: null, setting: null };
      }
    }
    const f = { span, attr, speaker };
    found.push(f);
    foundBySpan.set(span, f);
    lastAtDepth.set(span.depth, f);
  }

  const quotations: Quotation[] = found.map(({ span, attr, speaker }) => ({
    doc: doc.id,
    paragraph: doc.paragraphs[span.paragraphs[0]!]!.n,
    start: span.start,
    end: span.end,
    quote: text.slice(span.start, span.end),
    speaker,
    cue: attr?.cue ?? null,
    addressee: attr?.addressee ?? null,
    setting: attr?.setting ?? null,
  }));
  return { quotations, speakers: table };
}

/**
 * Every quotation in a document (see {@link analyzeQuotations}).
 *
 * @example
 * const qs = findQuotations(doc);
 * qs.every((q) => doc.text.slice(q.start, q.end) === q.quote); // true
 * qs.find((q) => q.cue === 'told')?.addressee; // 'the Council'
 */
export function findQuotations(doc: StoredDocument): Quotation[] {
  return analyzeQuotations(doc).quotations;
}

/**
 * The document's alias table (to pass to {@link filterQuotations}).
 *
 * @example
 * filterQuotations(qs, { speaker: 'the Secretary-General' }, { aliases: speakerTable(doc) });
 */
export function speakerTable(doc: StoredDocument): SpeakerTable {
  return analyzeQuotations(doc).speakers;
}

// ---------------------------------------------------------------------------
// Filtering

export interface QuotationFilterOptions {
  /** Alias tables of the quotations' documents: let "the Secretary-General" find Kofi Annan. */
  aliases?: SpeakerTable | SpeakerTable[];
  /** The documents, for "about": a quotation's paragraph counts as weaker evidence than its words. */
  docs?: StoredDocument[];
}

const NAME_NOISE = new Set(['mr', 'mrs', 'ms', 'dr', 'secretari', 'gener', 'secretary-gener', 'presid', 'minist', 'un', 'u.n']);
const nameTerms = (s: string) => terms(s.replace(/[’']s\b/gu, ''));

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Loose name match: equal canonical forms, or one's terms contained in the other's. */
function namesMatch(query: string, value: string | null, table: SpeakerTable | undefined): boolean {
  if (!value) return false;
  const q = canonicalSpeaker(query, table).toLowerCase();
  const v = value.toLowerCase();
  if (q === v) return true;
  // Through the alias table: the value names the same entity by any of its aliases ("the Council’s discussions").
  const entry = table ? lookupSpeaker(table, query) : undefined;
  if (entry) {
    const lv = v.replace(/[’']s\b/gu, '');
    if (entry.aliases.some((a) => new RegExp(`(?<![\\p{L}\\p{N}-])${escapeRe(a)}(?![\\p{L}\\p{N}-])`, 'u').test(lv))) return true;
  }
  const qt = nameTerms(query);
  const vt = nameTerms(value);
  const qCore = qt.filter((t) => !NAME_NOISE.has(t));
  const qUse = qCore.length ? qCore : qt;
  if (!qUse.length || !vt.length) return false;
  const vs = new Set(vt);
  const qs = new Set(qUse);
  return qUse.every((t) => vs.has(t)) || vt.every((t) => qs.has(t)) || nameTerms(canonicalSpeaker(query, table)).every((t) => vs.has(t));
}

/**
 * Quotations matching a speaker, an addressee and/or a topic.
 *
 * - `speaker`: through the document's aliases and loosely ("Annan", "Mr. Annan",
 *   "Secretary-General Kofi Annan" all find "Kofi Annan").
 * - `to`: the addressee, loosely ("the Council" ~ "Security Council",
 *   "regional organizations" ~ "the heads of more than 20 regional and other
 *   intergovernmental organizations"); a quotation whose setting names it
 *   (said *at* the Council's discussions) matches too.
 * - `about`: lexical relevance (stemmed terms) of the quoted words, then of
 *   their paragraph; results are ranked by it, best first. An `about` made
 *   only of stopwords matches nothing.
 *
 * Without `about`, results keep document order.
 *
 * @example
 * filterQuotations(findQuotations(doc), { speaker: 'Annan', to: 'the Council' }).map((q) => q.paragraph); // [5]
 */
export function filterQuotations(
  qs: Quotation[],
  f: { speaker?: string; to?: string; about?: string },
  opts: QuotationFilterOptions = {},
): Quotation[] {
  const tables = opts.aliases ? (Array.isArray(opts.aliases) ? opts.aliases : [opts.aliases]) : [];
  const tableFor = (doc: string) => tables.find((t) => t.doc === doc) ?? (tables.length === 1 ? tables[0] : undefined);
  const speaker = f.speaker?.trim();
  const to = f.to?.trim();
  let out = qs.filter((q) => {
    if (speaker && !namesMatch(speaker, q.speaker, tableFor(q.doc))) return false;
    if (to && !namesMatch(to, q.addressee, tableFor(q.doc)) && !namesMatch(to, q.setting, tableFor(q.doc))) return false;
    return true;
  });
  const about = f.about?.trim();
  if (about) {
    const want = [...new Set(terms(about))];
    if (!want.length) return []; // only stopwords: nothing is "about" that
    const paraText = (q: Quotation) => {
      const d = opts.docs?.find((x) => x.id === q.doc);
      const p = d?.paragraphs.find((x) => x.start <= q.start && q.start < x.end);
      return d && p ? d.text.slice(p.start, p.end) : '';
    };
    const scored = out.map((q, i) => {
      const inQuote = new Set(terms(q.quote));
      const inContext = new Set([...terms(paraText(q)), ...terms(q.addressee ?? ''), ...terms(q.setting ?? '')]);
      let score = 0;
      let quoted = 0;
      let context = 0;
      for (const t of want) {
        if (inQuote.has(t)) {
          score += 1;
          quoted++;
        } else if (inContext.has(t)) {
          score += 0.5;
          context++;
        }
      }
      const relevant = quoted > 0 || context >= Math.ceil(want.length / 2);
      return { q, i, score: score / want.length, relevant };
    });
    out = scored
      .filter((s) => s.relevant)
      .sort((a, b) => b.score - a.score || a.i - b.i)
      .map((s) => s.q);
  }
  return out;
}

/**
 * The JSON shape of `npm run quotes -- --json` items (field order fixed).
 *
 * @example
 * JSON.stringify(qs.map(quotationJson));
 */
export function quotationJson(q: Quotation) {
  const { doc, paragraph, start, end, quote, speaker, cue, addressee, setting } = q;
  return { doc, paragraph, start, end, quote, speaker, cue, addressee, setting };
}
