/**
 * The quotation index builder: every quotation in a document, who said it (a
 * named person or organisation, pronouns resolved), the cue ("told", "called
 * for", "according to"), to whom and where.
 *
 * Every quotation's span is verbatim: `doc.text.slice(start, end) === quote`.
 * The span holds the quoted words without their quotation marks and without
 * the trailing comma that news style puts inside the closing mark; a
 * quotation that runs over a paragraph break is one span that includes the
 * break and the continuation paragraph's opening mark.
 */
import type { Quotation, Span, StoredDocument } from '../types.js';
import { cueAt } from './cues.js';
import { AGE, DOCUMENT_NOUNS, GENERIC_ORG, PRONOUNS, clauseSubject, isBareAttribution, parsePost, reportsSpeech, passiveAgent, parsePre, settingIn, subjectStartingAt, type Attr, type Pronoun, type Subject } from './grammar.js';
import { learnGenders } from './gender.js';
import { replyAfter, selfNamed, vocatives } from './dialogue.js';
import { looksLikeTitle } from './titles.js';
import { findQuoteSpans, type QuoteSpan } from './marks.js';
import { allWithWords, capQuotations } from './guards.js';
import { findMentions, speakingWords, type EntityKind, type Mention } from './mentions.js';
import { firstNameGender, isNationality, nonPersonWord, splitName, tagsOf, type Gender } from './names.js';
import { sentenceEndAfter, sentenceStartBefore, sentenceStarts } from './sentence-bounds.js';
import { isEpithetNoun, isPluralNoun, MEDIUM_NOUNS, nounGender, WRITTEN_NOUNS } from './speaker-nouns.js';
import { buildSpeakerTable, canonicalSpeaker, lookupSpeaker, type SpeakerTable } from './speakers.js';
import { SPEECH_VERBS } from '../text/speech-verbs.js';
import { tokenize } from './tokens.js';
import { lowerBound, speakerCandidates, speechInSentence, spokeNearby, type Candidate, type CandidateContext } from './candidates.js';
import { bestCandidate, SHIPPED_MODEL, titleProbability, type AttributionModel } from './rank.js';
import { titleFeatures, type TitleFeature } from './title-features.js';

/** The index of the sentence that holds position `p`, given the sentences' start offsets in order (−1 before the first). */
const sentenceIndexAt = (starts: readonly number[], p: number): number => lowerBound(starts, p + 1, (x) => x) - 1;

// ---------------------------------------------------------------------------
// Speakers and pronouns

interface Antecedent {
  pos: number;
  canonical: string;
  kind: EntityKind;
  gender: Gender;
  roles: string[];
  /** Mentioned as a possessor ("David Cameron's government"): a weaker antecedent for "he"/"she". */
  possessive?: boolean;
  /** The speaker of an attribution (“…,” Phillips said), not only a mention. */
  spoke?: boolean;
}

function compatible(pron: Pronoun, a: Antecedent): boolean {
  switch (pron) {
    case 'he':
      return a.kind === 'person' && a.gender !== 'female';
    case 'she':
      return a.kind === 'person' && a.gender !== 'male';
    case 'they':
      return a.kind === 'org' || a.kind === 'group';
    case 'it':
      return a.kind === 'org';
    default:
      return false; // "I"/"we" name the speaker of the enclosing quotation, not an antecedent
  }
}

function genderOf(table: SpeakerTable, canonical: string): Gender {
  return table.entries.find((e) => e.canonical === canonical)?.gender ?? null;
}

/** First-person words: "I", "my", "we" … */
const FIRST_PERSON = /\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|me|my|we|we're|we’re|our|us)\b/u;
/** Names to rule out: a set, or anything that answers whether it holds a name. */
type Names = Pick<ReadonlySet<string>, 'has'>;
const NOBODY: Names = new Set();
/** Paragraphs of bare quoted words that make a text a dialogue (see `inDialogue`). */
const DIALOGUE_TURNS = 3;
/** Cues of a speaker who goes on speaking (“…,” he added): not a new turn of dialogue. */
const GOES_ON = /^(?:add|adds|added|continued|continues|went on|goes on|repeated|repeats|resumed)$/i;
/** "his sister", "Tom's mother", "the little girl": a relative or a child the narration mentions. */
const RELATIVE = /\b(?:(?:his|her|their|[Tt]he|\p{Lu}\p{Ll}+['’]s)\s+(?:(?:little|old|young|elder|older|younger|big|baby|twin)\s+)?)(mother|father|sister|brother|son|daughter|wife|husband|mum|mom|dad|grandmother|grandfather|aunt|uncle|boy|girl)\b/gu;
/** A photo caption in flattened copy: "Joy: They celebrated … ." (a label and a colon, or a final " ."). */
const CAPTION_LIKE = /^[\p{Lu}][^.:]{0,40}:\s|\s\.$/u;

// ---------------------------------------------------------------------------
// The index

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
export function analyzeQuotations(doc: StoredDocument, model: AttributionModel | null = SHIPPED_MODEL): QuotationAnalysis {
  return analyze(doc, model).analysis;
}

/** What the learned layer saw of one top-level quotation: its candidates and title features (for training). */
export interface AttributionTrace {
  start: number;
  end: number;
  rule: string | null;
  candidates: Candidate[];
  title: Record<TitleFeature, number>;
}

/**
 * Every top-level quotation's speaker candidates and title features, as the learned layer sees them (the rules'
 * picks among the features): the training data of `npm run train:attribution`.
 */
export function attributionTraces(doc: StoredDocument): AttributionTrace[] {
  return analyze(doc, null).traces;
}

function analyze(doc: StoredDocument, model: AttributionModel | null): { analysis: QuotationAnalysis; traces: AttributionTrace[] } {
  const { text } = doc;
  const worded = allWithWords(text, findQuoteSpans(text, doc.paragraphs));
  const spans = capQuotations(worded);
  const counted = doc.paragraphs.filter((p) => p.kind !== 'boilerplate');
  const topLevel = spans.filter((s) => s.depth === 0);
  // (is there a quotation opening in a stretch, or a top-level quotation around a place: binary searches over the
  // opening marks, not a scan of every quotation per question)
  const opens = spans.map((x) => x.open).sort((a, b) => a - b);
  const opensWithin = (from: number, to: number) => {
    const k = lowerBound(opens, from, (x) => x);
    return k < opens.length && opens[k]! < to;
  };
  const topEndOrdered = topLevel.every((x, k) => k === 0 || topLevel[k - 1]!.end <= x.end);
  const topStartOrdered = topLevel.every((x, k) => k === 0 || topLevel[k - 1]!.start <= x.start);
  const topByOpen = [...topLevel].sort((a, b) => a.open - b.open);
  const topReach: number[] = [];
  for (const q of topByOpen) topReach.push(Math.max(topReach[topReach.length - 1] ?? -Infinity, q.close ?? q.end));
  const inTopLevel = (at: number) => {
    const k = lowerBound(topByOpen, at + 1, (q) => q.open);
    return k > 0 && at < topReach[k - 1]!;
  };
  const exclude: Span[] = topLevel.map((s) => ({ start: s.open, end: (s.close ?? s.end) + 1 }));
  const mentions = findMentions(text, counted, exclude);
  const table = buildSpeakerTable(doc.id, mentions);
  learnGenders(text, counted, exclude, mentions, table);

  const antecedents: Antecedent[] = mentions.map((m) => ({
    pos: m.start,
    canonical: m.canonical,
    kind: m.kind,
    gender: m.kind === 'person' ? genderOf(table, m.canonical) : null,
    roles: m.roles,
    possessive: /^[’']s?(?![\p{L}\p{N}])/u.test(text.slice(m.end, m.end + 3)),
    // "…, Phillips said." — reported speech makes its subject the latest speaker too.
    spoke: SPEECH_VERBS.has(/^\s+(?:(?:also|then|later|has|had|have)\s+)?([\p{Ll}-]+)/u.exec(text.slice(m.end, m.end + 30))?.[1] ?? ''),
  }));
  antecedents.sort((a, b) => a.pos - b.pos);
  const mentionAt = new Map<number, Mention>(mentions.map((m) => [m.start, m]));
  /** The nearest antecedent before `pos` that passes `ok`. */
  const nearest = (pos: number, ok: (a: Antecedent) => boolean, floor = 0) => {
    for (let k = lowerBound(antecedents, pos, (a) => a.pos) - 1; k >= 0 && antecedents[k]!.pos >= floor; k--) if (ok(antecedents[k]!)) return antecedents[k];
    return undefined;
  };
  /** The first antecedent in [from, to) that passes `ok`. */
  const firstIn = (from: number, to: number, ok: (a: Antecedent) => boolean) => {
    for (let k = lowerBound(antecedents, from, (a) => a.pos); k < antecedents.length && antecedents[k]!.pos < to; k++) if (ok(antecedents[k]!)) return antecedents[k];
    return undefined;
  };
  const addAntecedent = (a: Antecedent) => antecedents.splice(lowerBound(antecedents, a.pos, (x) => x.pos), 0, a);

  /** A named speaker: the mention it is (positional surname resolution), else the alias table. */
  const resolveName = (subj: Subject): Antecedent => {
    const inside = mentions[lowerBound(mentions, subj.start, (x) => x.start)];
    const m = mentionAt.get(subj.start) ?? (inside && inside.end <= subj.end ? inside : undefined);
    let canonical = m?.canonical ?? canonicalSpeaker(subj.text, table);
    const kind = m?.kind ?? lookupSpeaker(table, subj.text)?.kind ?? 'person';
    // "Mrs Smith added" after "John Smith and his wife Mary": an honorific of the other gender is not John Smith.
    const said = splitName(subj.text).gender;
    const known = genderOf(table, canonical);
    if (said && known && said !== known) canonical = subj.text;
    return { pos: subj.start, canonical, kind, gender: said ?? known, roles: [] };
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
    const canonical = subj.text.replace(/^(?:The|A|An|My|Your|His|Her|Their|Our)\b/, (w) => w.toLowerCase()).replace(/^\p{Lu}(?=\p{Ll}+$)/u, (c) => c.toLowerCase());
    const kind: EntityKind = isPluralNoun(head) ? 'group' : DOCUMENT_NOUNS.has(head) || /^\p{Lu}/u.test(head) ? 'org' : 'person';
    return { ...base, canonical, kind, gender: nounGender(head) };
  };

  /**
   * The person the text is about at `pos` (salience in the manner of Lappin & Leass): each earlier mention of a
   * person in the last few sentences weighs by recency, double when it is its sentence's subject or speaker, half
   * when a possessor; a person's mentions add up. "The 30-year-old told …" names the most salient person.
   */
  let starts: number[] | null = null;
  const salientPerson = (pos: number, ok: (a: Antecedent) => boolean = (a) => a.kind === 'person'): Antecedent | undefined => {
    starts ??= sentenceStarts(text);
    const sentenceAt = (p: number) => sentenceIndexAt(starts!, p);
    const here = sentenceAt(pos);
    const score = new Map<string, { a: Antecedent; w: number }>();
    for (let k = lowerBound(antecedents, pos, (a) => a.pos) - 1; k >= 0; k--) {
      const a = antecedents[k]!;
      const dist = here - sentenceAt(a.pos);
      if (dist > 6) break;
      if (!ok(a)) continue;
      const lead = text.slice(starts[sentenceAt(a.pos)]!, a.pos);
      const subject = /^\W*(?:\S+\s+){0,2}$/u.test(lead) || a.spoke;
      const w = (100 / 1.5 ** dist) * (subject ? 2 : 1) * (a.possessive ? 0.5 : 1);
      const cur = score.get(a.canonical);
      score.set(a.canonical, { a: cur?.a ?? a, w: (cur?.w ?? 0) + w });
    }
    let best: { a: Antecedent; w: number } | undefined;
    for (const x of score.values()) if (!best || x.w > best.w) best = x;
    return best?.a;
  };

  /** "the 31-year-old", "the South African", "the 2011 Wimbledon champion": a description of someone introduced. */
  const isEpithet = (subj: Subject) => {
    const phrase = text.slice(subj.start, subj.end); // with its determiner ("the South African")
    const m = /^(?:the|this)\s+(.+)$/iu.exec(phrase);
    if (!m) return false;
    const rest = m[1]!;
    const head = rest.split(/\s+/).pop()!.toLowerCase();
    // "the actress", "the former footballer" (up to two words before the noun, none a capital: "the Labour MP" names a party's member).
    const described = isEpithetNoun(head) && rest.split(/\s+/).length <= 3 && !/\p{Lu}/u.test(rest);
    return AGE.test(head) || isNationality(phrase) || (/\d|-time\b/u.test(rest) && !isPluralNoun(head)) || described;
  };

  /** Names mentioned inside a quotation's own words (outside the quotes nested in it), memoised. */
  const insideMentions = new Map<QuoteSpan, Mention[]>();
  // (the quotations of each depth, as they come; when in order of their opening mark, a quotation's nested ones are
  // found by binary search, not by a scan of every quotation)
  const atDepth = new Map<number, QuoteSpan[]>();
  for (const x of spans) {
    const list = atDepth.get(x.depth);
    if (list) list.push(x);
    else atDepth.set(x.depth, [x]);
  }
  const openOrdered = new Set([...atDepth].filter(([, xs]) => xs.every((x, k) => k === 0 || xs[k - 1]!.open <= x.open)).map(([d]) => d));
  const nestedIn = (q: QuoteSpan): QuoteSpan[] => {
    const xs = atDepth.get(q.depth + 1) ?? [];
    if (!openOrdered.has(q.depth + 1)) return xs.filter((x) => x.open >= q.start && x.open < q.end);
    const out: QuoteSpan[] = [];
    for (let k = lowerBound(xs, q.start, (x) => x.open); k < xs.length && xs[k]!.open < q.end; k++) out.push(xs[k]!);
    return out;
  };
  const mentionsInside = (q: QuoteSpan): Mention[] => {
    let ms = insideMentions.get(q);
    if (!ms) {
      const nested = nestedIn(q).map((x) => ({ start: x.open, end: (x.close ?? x.end) + 1 }));
      insideMentions.set(q, (ms = findMentions(text, [{ start: q.start, end: q.end }], nested)));
    }
    return ms;
  };

  /**
   * "Tom Jones and his sister lived by the sea. “Look!” she cried.": a "he"/"she" no named person fits is the latest
   * family member or child of that gender the narration mentions (his sister, Tom's mother, the little girl) in the
   * pronoun's sentence or the two before it, as written.
   */
  const relativeBefore = (pos: number, pron: Pronoun): string | undefined => {
    if (pron !== 'he' && pron !== 'she') return undefined;
    starts ??= sentenceStarts(text);
    const here = sentenceIndexAt(starts, pos);
    const from = starts[Math.max(0, here - 2)] ?? 0;
    let found: string | undefined;
    for (const m of text.slice(from, pos).matchAll(RELATIVE)) {
      const at = from + m.index!;
      if (inTopLevel(at)) continue;
      if (nounGender(m[1]!) === (pron === 'he' ? 'male' : 'female')) found = m[0]!.replace(/^T/u, 't');
    }
    return found;
  };

  /**
   * “Why, it's Nora Sharey!” he exclaimed. ¶ “Well, …,” she said: a "he"/"she" the narration names no one for is the
   * latest person of that gender named in the dialogue before it (the last 3,000 characters).
   */
  const namedInDialogue = (pos: number, pron: Pronoun): string | undefined => {
    if (pron !== 'he' && pron !== 'she') return undefined;
    const want: Gender = pron === 'he' ? 'male' : 'female';
    const named = (q: QuoteSpan) => mentionsInside(q).filter((m) => m.kind === 'person' && (genderOf(table, m.canonical) ?? firstNameGender(splitName(m.text).name[0])) === want);
    // (top-level quotations in order of their ends: from the last one ending by `pos`, not from the end of the file)
    const list = topEndOrdered ? topLevel : spans;
    for (let k = topEndOrdered ? lowerBound(topLevel, pos + 1, (x) => x.end) - 1 : spans.length - 1; k >= 0; k--) {
      const q = list[k]!;
      if (q.depth !== 0 || q.end > pos) continue;
      if (q.end < pos - 3000) break;
      const ms = named(q);
      if (ms.length) return canonicalSpeaker(ms[ms.length - 1]!.canonical, table);
    }
    // “Well, you see what I look like,” she remarked. … “What a city this is, Martha!”: else the first one named after it,
    // spoken to by name (someone the words only mention may be elsewhere).
    // (top-level quotations in order of their starts: from the first one starting at `pos`)
    const after = topStartOrdered ? topLevel : spans;
    for (let k = topStartOrdered ? lowerBound(topLevel, pos, (x) => x.start) : 0; k < after.length; k++) {
      const q = after[k]!;
      if (q.depth !== 0 || q.start < pos) continue;
      if (q.start > pos + 3000) break;
      const to = addressed(q).filter((n) => (genderOf(table, n) ?? firstNameGender(splitName(n).name[0])) === want);
      if (to.length) return to[0]!;
    }
    return undefined;
  };

  const resolveSubject = (subj: Subject, enclosing: string | null, depth = 0, inside: QuoteSpan | null = null, not: Names = NOBODY): { speaker: string | null; antecedent: Antecedent | null } => {
    if (subj.kind !== 'pronoun' && isEpithet(subj)) {
      const role = text.slice(subj.start, subj.end).toLowerCase().replace(/^(?:the|this)\s+/, '');
      // A description with a gender ("the actress") names a person of that gender.
      const gender = nounGender(role);
      const holder = nearest(subj.start, (a) => a.roles.includes(role)) ?? salientPerson(subj.start, (a) => a.kind === 'person' && (!gender || a.gender !== (gender === 'male' ? 'female' : 'male')));
      if (holder) return { speaker: holder.canonical, antecedent: { ...holder, pos: subj.start, roles: [], possessive: false } };
    }
    if (subj.kind === 'pronoun') {
      const pron = PRONOUNS.get(subj.text.toLowerCase())!;
      if (pron === 'i' || pron === 'we') return { speaker: enclosing, antecedent: null };
      // Dialogue told inside a quotation ("Garry Marshall called me … He said, ‘No …’"): the teller's own words name the "he".
      if (inside) {
        const told = mentionsInside(inside).filter((m) => m.end <= subj.start && compatible(pron, { pos: m.start, canonical: m.canonical, kind: m.kind, gender: m.kind === 'person' ? genderOf(table, m.canonical) : null, roles: [] }));
        const m = told[told.length - 1];
        if (m) return { speaker: m.canonical, antecedent: null };
      }
      // “Mr. Askern says you'll soon be all right, Tulliver,” he said: the people the words name are not the "he".
      const ok = (x: Antecedent) => compatible(pron, x) && !x.possessive && !not.has(x.canonical);
      // Someone compatible earlier in the pronoun's own sentence: the nearest ("Harper told CNN that she …").
      const here = sentenceStartBefore(text, Math.max(0, subj.start - 2000), subj.start);
      const inSentence = nearest(subj.start, (x) => ok(x) && x.pos >= here);
      // Else the last speaker named in the previous sentence (“…,” Phillips said. ¶ “…,” she said), else its subject ("Klugman … starred as Dr. R. Quincy. ¶ He told …" → Klugman),
      // then the nearest; a possessor ("in David Cameron's government") only as a last resort.
      const before = here > 0 ? sentenceStartBefore(text, Math.max(0, here - 2000), here - 1) : here;
      const lastSpeaker = inSentence ? undefined : nearest(here, (x) => ok(x) && !!x.spoke && x.pos >= before);
      // "He has now targeted No. 1 Rory McIlroy. ¶ “…,” he said.": the same pronoun as the previous sentence's subject is its person.
      // ("Koswell went flat. When he got up his nose was bleeding. ¶ “I'll fix you!” he roared.": after an opening conjunction too.)
      const same = new RegExp(`^\\W*(?:(?:when|as|then|and|but|so|while|after|before|once|now|suddenly)\\s+)?(${subj.text})\\b`, 'iu').exec(text.slice(before, here));
      if (!inSentence && !lastSpeaker && same && depth < 3) {
        const at = before + same[0].length - same[1]!.length;
        const r = resolveSubject({ ...subj, start: at, end: at + same[1]!.length }, enclosing, depth + 1, null, not);
        if (r.speaker) return r;
      }
      const subjectBefore = inSentence || lastSpeaker ? undefined : firstIn(before, here, (x) => ok(x) && /^\W*(?:\S+\s+){0,2}\S*$/u.test(text.slice(before, x.pos)));
      // "Ferrand smiled. “It's nothing,” said he": a lone name no word list knows, which the text has speaking elsewhere
      // (“…,” stammered Ferrand), opening the sentence before in the pronoun's paragraph, is its "he"/"she".
      if (!inSentence && !lastSpeaker && !subjectBefore && (pron === 'he' || pron === 'she') && before >= doc.paragraphs[paraOf(subj.start)]!.start) {
        const m = /^\s*(\p{Lu}\p{Ll}+)\s+\p{Ll}/u.exec(text.slice(before, here));
        const beat = m?.[1];
        // (not a name the mentions already hold: "Sony" is an organisation that fits no "he")
        if (beat && !mentionAt.has(before + m[0].indexOf(beat)) && !lookupSpeaker(table, beat) && speakingWords(text).has(beat) && !/[“”"]/u.test(text.slice(before, here))) {
          const who = canonicalSpeaker(beat, table);
          if (!not.has(who)) return { speaker: who, antecedent: null };
        }
      }
      const a = inSentence ?? lastSpeaker ?? subjectBefore ?? salientPerson(subj.start, ok) ?? nearest(subj.start, ok) ?? nearest(subj.start, (x) => compatible(pron, x) && !not.has(x.canonical));
      return { speaker: a?.canonical ?? relativeBefore(subj.start, pron) ?? namedInDialogue(subj.start, pron) ?? null, antecedent: null };
    }
    if (subj.kind === 'nominal' && depth < 3) {
      const issuer = issuerOf(subj);
      if (issuer) {
        const r = resolveSubject(issuer, enclosing, depth + 1, inside, not);
        if (r.speaker) return r;
      }
    }
    const a = subj.kind === 'name' ? resolveName(subj) : resolveNominal(subj);
    return { speaker: a.canonical, antecedent: a };
  };

  /**
   * The one behind a written medium: "The club's statement read" → the club, "their website slogan" → they, "a
   * statement from the FA" → the FA, and "the statement said" / "another message read" → the person or organisation
   * the sentence or the one before has speaking or as its subject ("Chelsea released a statement."). Documents
   * ("the report", "the letter") only by the first two: a report is a speaker in its own right.
   */
  const issuerOf = (subj: Subject): Subject | null => {
    const phrase = text.slice(subj.start, subj.end);
    const head = (phrase.split(/\s+/).pop() ?? '').toLowerCase();
    if (!WRITTEN_NOUNS.has(head)) return null;
    const poss = /^(?:(?:the|a|an)\s+)?(\S+(?:\s+\S+){0,3}?)['’]s?\s+\S+/iu.exec(phrase);
    if (poss) {
      const start = subj.start;
      const end = subj.start + poss[0].length - (poss[0].length - poss[0].search(/['’]s?\s+\S+$/u));
      const t = text.slice(start, end);
      return { kind: /^(?:the|a|an)\s/iu.test(t) ? 'nominal' : 'name', text: t, start, end, from: -1, to: -1 };
    }
    const det = /^(his|her|their|its)\s/iu.exec(phrase);
    if (det) {
      const pron = { his: 'he', her: 'she', their: 'they', its: 'it' }[det[1]!.toLowerCase() as 'his']!;
      return { kind: 'pronoun', text: pron, start: subj.start, end: subj.start + det[1]!.length, from: -1, to: -1 };
    }
    const from = /^\s+(?:(?:issued|released|posted|sent|signed|published|written|put out)\s+)?(?:from|by|on behalf of)\s+/u.exec(text.slice(subj.end, subj.end + 40));
    if (from) {
      const at = subj.end + from[0].length;
      const toks = tokenize(text, at, Math.min(text.length, at + 120));
      const s = subjectStartingAt(text, toks, 0);
      if (s && s.kind !== 'pronoun') return s;
    }
    if (!MEDIUM_NOUNS.has(head)) return null;
    starts ??= sentenceStarts(text);
    const here = sentenceIndexAt(starts, subj.start);
    const floor = starts[Math.max(0, here - 1)] ?? 0;
    const sentenceOf = (p: number) => starts![sentenceIndexAt(starts!, p)] ?? 0;
    const issuer = nearest(subj.start, (a) => (a.kind === 'person' || a.kind === 'org') && !a.possessive && (!!a.spoke || /^\W*(?:\S+\s+){0,2}$/u.test(text.slice(sentenceOf(a.pos), a.pos))), floor);
    if (!issuer || issuer.pos < floor) return null;
    return { kind: 'name', text: issuer.canonical, start: issuer.pos, end: issuer.pos + issuer.canonical.length, from: -1, to: -1 };
  };

  type Found = { span: QuoteSpan; attr: Attr | null; speaker: string | null };
  const found: Found[] = [];
  const foundBySpan = new Map<QuoteSpan, Found>();
  // Lookups over what is found so far, kept as it grows (a scan of every quotation per quotation was quadratic on a
  // file of thousands): each one's place in `found`, the place of the last top-level non-title one at or before
  // each place, the top-level ones by the paragraph they end in, and the paragraphs top-level ones stand in.
  const foundAt = new Map<Found, number>();
  const lastTopAt: number[] = [];
  const topEndingIn = new Map<number, Found[]>();
  const topParagraphs = new Set<number>();
  const pushFound = (f: Found) => {
    const k = found.push(f) - 1;
    if (!foundAt.has(f)) foundAt.set(f, k);
    const top = f.span.depth === 0;
    lastTopAt.push(top && !titleLike[spanIndexOf(f.span)] ? k : (lastTopAt[k - 1] ?? -1));
    if (!top) return;
    const pi = f.span.paragraphs[f.span.paragraphs.length - 1]!;
    const list = topEndingIn.get(pi);
    if (list) list.push(f);
    else topEndingIn.set(pi, [f]);
    for (const p of f.span.paragraphs) topParagraphs.add(p);
  };
  const lastAtDepth = new Map<number, Found>();
  const paraOf = (pos: number) => Math.max(0, lowerBound(doc.paragraphs, pos + 1, (p) => p.start) - 1);
  // Quotes sharing a parent (top level: null), in order: the neighbours a quote's sentence is bounded by.
  const groups = new Map<number | null, number[]>();
  const posInGroup: number[] = [];
  // A quotation that a speech verb and a colon introduce (Mr. Osei said: “…”) is speech, whatever its capitals
  // ("See also: ‘…’" is not).
  const introducedBySpeech = (open: number) => {
    const toks = tokenize(text, Math.max(0, open - 60), open);
    return toks[toks.length - 1]?.text === ':' && toks.slice(-5, -1).some((_, k, xs) => cueAt(xs, k) !== null);
  };
  const spanIndex = new Map<QuoteSpan, number>();
  spans.forEach((x, k) => spanIndex.has(x) || spanIndex.set(x, k));
  const spanIndexOf = (q: QuoteSpan) => spanIndex.get(q) ?? -1;
  const titleLike = spans.map((s) => looksLikeTitle(text.slice(s.start, s.end)) && !introducedBySpeech(s.open));
  spans.forEach((s, i) => {
    let g = groups.get(s.parent);
    if (!g) groups.set(s.parent, (g = []));
    posInGroup[i] = g.length;
    g.push(i);
  });
  // (in each group, the nearest place at or before / at or after each place that is no title: a run of thousands of
  // titles is skipped in one step, not walked per quotation)
  const untitledBefore = new Map<number | null, number[]>();
  const untitledAfter = new Map<number | null, number[]>();
  for (const [parent, g] of groups) {
    const before: number[] = [];
    g.forEach((i, k) => before.push(titleLike[i] ? (before[k - 1] ?? -1) : k));
    const after: number[] = new Array<number>(g.length);
    for (let k = g.length - 1; k >= 0; k--) after[k] = titleLike[g[k]!] ? (after[k + 1] ?? g.length) : k;
    untitledBefore.set(parent, before);
    untitledAfter.set(parent, after);
  }

  /** The last sentence of the paragraph before paragraph `pi`, when it is "Subject cue …" with no quotation in it. */
  const leadIn = (pi: number): Attr | null => {
    const p = doc.paragraphs[pi - 1];
    if (!p || p.kind !== 'body') return null;
    const from = sentenceStartBefore(text, p.start, p.end - 1);
    if (/[“”"‘]/u.test(text.slice(from, p.end))) return null;
    const toks = tokenize(text, from, p.end);
    const a = parsePre(text, toks);
    return a?.subject && a.subject.from === 0 && a.cueClass !== 'according' ? a : null;
  };

  /**
   * The person a narrative sentence ending at `pos` (inside the same paragraph, no quotation in it, not a photo
   * caption) is about: its subject, a name or "he"/"she" at its start.
   */
  /**
   * Do the words speak of this person in the third person ("I called him straight away" of a man, "she was brave" of a
   * woman)? Then the person is their topic, not their speaker.
   */
  const spokenOf = (person: string, words: string): boolean => {
    const g = genderOf(table, person) ?? firstNameGender(splitName(person).name[0]);
    if (g === 'male') return /\b(?:he|him|his|himself)\b/iu.test(words);
    if (g === 'female') return /\b(?:she|her|hers|herself)\b/iu.test(words);
    return false;
  };
  const narratorBefore = (pos: number, lo: number): string | null => {
    if (pos - 2 <= lo) return null;
    const from = sentenceStartBefore(text, lo, pos - 2);
    const sentence = text.slice(from, pos).trim();
    if (opensWithin(from, pos) || CAPTION_LIKE.test(sentence)) return null;
    const toks = tokenize(text, from, pos);
    const subj = clauseSubject(text, toks, toks.length);
    const verb = subj ? toks[subj.to] : undefined;
    if (!subj || subj.from > 1 || !verb?.word || !/^\p{Ll}/u.test(verb.text)) return null;
    if (subj.kind === 'pronoun' && !/^(?:he|she)$/i.test(subj.text)) return null;
    // A name the text knows (not "Gang activity was rampant"), in a sentence that reports no speech ("…, he says.").
    if (subj.kind === 'name' && !lookupSpeaker(table, subj.text)) return null;
    if (toks.some((t) => t.word && SPEECH_VERBS.has(t.lower))) return null;
    const r = resolveSubject(subj, null);
    const kind = r.antecedent?.kind ?? (r.speaker ? table.entries.find((e) => e.canonical === r.speaker)?.kind : undefined);
    return r.speaker && (kind === 'person' || (subj.kind === 'pronoun' && !kind)) ? r.speaker : null;
  };
  /**
   * The speaker of the sentence right before `pos` (from `lo` on, no quotation in it, not a caption) when it opens
   * with its subject and a speech cue and `fits` accepts the rest.
   */
  const attributionBefore = (pos: number, lo: number, fits: (toks: ReturnType<typeof tokenize>, a: Attr) => boolean): string | null => {
    if (pos - 2 <= lo) return null;
    const from = sentenceStartBefore(text, lo, pos - 2);
    if (opensWithin(from, pos) || CAPTION_LIKE.test(text.slice(from, pos).trim())) return null;
    const toks = tokenize(text, from, pos);
    const a = parsePre(text, toks);
    if (!a?.subject || a.cueClass === 'according' || a.subject.from !== 0 || !fits(toks, a)) return null;
    return resolveSubject(a.subject, null).speaker;
  };
  /** A sentence that is nothing but an attribution ("Mayor Ann Lee agreed.", "He added:"). */
  const saidBefore = (pos: number, lo: number) => attributionBefore(pos, lo, (toks, a) => isBareAttribution(toks, a) && !toks.slice(a.restFrom).some((t) => t.word));
  /** A sentence that reports what someone said ("He told Larry King in 2001 that …"): a lead-in the quotation after it goes on. */
  const leadInBefore = (pos: number, lo: number) => attributionBefore(pos, lo, reportsSpeech);
  let narrator: string | null = null;
  /** Is the quotation one paragraph's only words but a short attribution (a turn of dialogue: “Hi!” said Sam.)? */
  const isTurn = (q: QuoteSpan, maxWords: number): boolean => {
    if (q.paragraphs.length !== 1) return false;
    const p = doc.paragraphs[q.paragraphs[0]!]!;
    const outside = text.slice(p.start, q.open) + ' ' + text.slice(q.close !== null ? q.close + 1 : q.end, p.end);
    return !/[\p{L}\p{N}]/u.test(text.slice(p.start, q.open)) && !/[“”"]/u.test(outside) && (outside.match(/[\p{L}\p{N}]+/gu) ?? []).length <= maxWords;
  };
  /**
   * The speaker of a bare turn of dialogue in its own paragraph when the two turns before it, in the two paragraphs
   * before it, were two different people's: the one before the last (turns alternate). Null otherwise.
   */
  const turnTaker = (q: QuoteSpan, last: Found): string | null => {
    if (q.depth !== 0 || !isTurn(q, 0)) return null;
    const k = foundAt.get(last) ?? -1;
    const upto = k >= 0 ? k - 1 : found.length - 2; // (as found.slice(0, k) read them)
    const b = upto >= 0 ? lastTopAt[upto]! : -1;
    const before = b >= 0 ? found[b] : undefined;
    const pi = q.paragraphs[0]!;
    if (!before?.speaker || before.speaker === last.speaker || last.span.paragraphs[0] !== pi - 1 || before.span.paragraphs[0] !== pi - 2) return null;
    return isTurn(last.span, 6) && isTurn(before.span, 6) ? before.speaker : null;
  };
  /** Does the quotation stand in a photo caption or subheading without a speech verb ("'Object of interest' found .")? */
  const inCaption = (span: QuoteSpan, from: number, after: number): boolean => {
    if (/[.!?…]$/u.test(text.slice(span.start, span.end))) return false; // a quotation that ends its sentence heads nothing
    const end = sentenceEndAfter(text, after, doc.paragraphs[span.paragraphs[span.paragraphs.length - 1]!]!.end);
    return /\s\.$/u.test(text.slice(from, end + 1).trimEnd()) && !tokenize(text, from, end).some((t) => t.word && SPEECH_VERBS.has(t.lower));
  };

  /** The canonical names a quotation's words address by name. */
  // (“True, but I've got another reason”, “Come, …”: one capitalised word that the text also writes in lower case, or an
  // adjective, and that names no one it knows, is an ordinary word opening the words, not someone spoken to)
  const commonWords = new Map<string, boolean>();
  const ordinaryWord = (v: string): boolean => {
    if (!/^[\p{L}'’-]+$/u.test(v) || lookupSpeaker(table, v) || firstNameGender(v)) return false;
    let r = commonWords.get(v);
    if (r === undefined) commonWords.set(v, (r = new RegExp(`(?<![\\p{L}'’-])${v.toLowerCase()}(?![\\p{L}'’-])`, 'u').test(text) || tagsOf(v.toLowerCase()).adjective));
    return r;
  };
  const addressed = (q: QuoteSpan): string[] => vocatives(text.slice(q.start, q.end)).filter((v) => !ordinaryWord(v)).map((v) => canonicalSpeaker(v, table));
  // (the top-level quotations, when in order of start as they come: the ones from a place on, by binary search)
  const tops = spans.filter((x) => x.depth === 0);
  const topByStart = tops.every((x, k) => k === 0 || tops[k - 1]!.start <= x.start) ? tops : null;
  /** The people a quotation's words name or address (none of them is its "he"/"she"). */
  const namesIn = (x: QuoteSpan) => [...mentionsInside(x).filter((m) => m.kind === 'person').map((m) => canonicalSpeaker(m.canonical, table)), ...addressed(x)];
  // (with the top-level quotations in order: where each name is named, read up to the furthest quotation asked about
  // so far, so that whether a run of quotations names someone is a binary search, not a walk over the paragraph's
  // thousands of quotations per quotation)
  const namedAt = new Map<string, number[]>();
  let namedUpTo = 0;
  const namedWithin = (q: QuoteSpan): Names => {
    // (and the words it goes on with in its paragraph: “…,” he said, “… I've just been to ask Mr. Stelling.”)
    const pe = doc.paragraphs[q.paragraphs[q.paragraphs.length - 1]!]!.end;
    if (!topByStart) return new Set(spans.filter((x) => x.depth === 0 && x.start >= q.start && x.start < pe).flatMap(namesIn));
    const from = lowerBound(topByStart, q.start, (x) => x.start);
    const to = lowerBound(topByStart, pe, (x) => x.start);
    for (; namedUpTo < to; namedUpTo++) {
      for (const n of namesIn(topByStart[namedUpTo]!)) {
        const at = namedAt.get(n);
        if (!at) namedAt.set(n, [namedUpTo]);
        else if (at[at.length - 1] !== namedUpTo) at.push(namedUpTo);
      }
    }
    return {
      has: (n: string) => {
        const at = namedAt.get(n);
        if (!at) return false;
        const k = lowerBound(at, from, (x) => x);
        return k < at.length && at[k]! < to;
      },
    };
  };
  /** Does the quotation open its paragraph (no words before it there)? */
  const opensParagraph = (q: QuoteSpan) => !/[\p{L}\p{N}]/u.test(text.slice(doc.paragraphs[q.paragraphs[0]!]!.start, q.open));
  /**
   * Is the text a dialogue (fiction, a story), not news? At least {@link DIALOGUE_TURNS} paragraphs are nothing but
   * quoted words. News copy seldom has one: there a bare quotation after a quotation goes on with its speaker.
   */
  const inDialogue = spans.filter((q) => q.depth === 0 && isTurn(q, 0)).length >= DIALOGUE_TURNS;
  // In a dialogue, words that make a paragraph by themselves and end their sentence (“Certainly, Lady Cantrip.”) are a
  // turn of speech, however many capitals they have.
  if (inDialogue) spans.forEach((q, i) => {
    if (titleLike[i] && q.depth === 0 && isTurn(q, 0) && /[.!?]$/u.test(text.slice(q.start, q.end))) titleLike[i] = false;
  });
  /**
   * Does the quotation end its paragraph but for a short attribution (“…?” Lady Cantrip said.)? In a dialogue, a
   * narrated paragraph that ends so hands the dialogue to the next paragraph's turn as one that opens with the words
   * does (turns then alternate).
   */
  const endsParagraph = (q: QuoteSpan) => {
    if (q.close === null) return false;
    const rest = text.slice(q.close + 1, doc.paragraphs[q.paragraphs[q.paragraphs.length - 1]!]!.end);
    return !/[“”"]/u.test(rest) && (rest.match(/[\p{L}\p{N}]+/gu) ?? []).length <= 4;
  };
  /** The turn of dialogue in paragraph `pi`: its speech quotations' one speaker, and whom they address. */
  // (a one-word answer with its own attribution, “No,” he answered, is a turn too, though its words read as a title)
  const quotesIn = (pi: number) => (topEndingIn.get(pi) ?? []).filter((x) => (!titleLike[spanIndexOf(x.span)] || (!!x.speaker && !!x.attr?.subject)));
  const turnIn = (pi: number): { speaker: string; addressed: string[]; opens: boolean; ends: boolean } | null => {
    const all = quotesIn(pi);
    const here = all.filter((x) => x.speaker);
    if (!here.length || new Set(here.map((x) => x.speaker)).size !== 1) return null;
    // Spoken to by name in the words (“…, Sam”), or by the attribution (“Answer him!” whispered Tom to Larry).
    const to = here.flatMap((x) => [...addressed(x.span), ...(x.attr?.addressee && lookupSpeaker(table, x.attr.addressee)?.kind === 'person' ? [canonicalSpeaker(x.attr.addressee, table)] : [])]);
    return { speaker: here[0]!.speaker!, addressed: to, opens: opensParagraph(all[0]!.span), ends: endsParagraph(all[all.length - 1]!.span) };
  };
  /** A paragraph of narration: body text ending a sentence, with no quotation mark in it. */
  const isNarration = (k: number): boolean => {
    const p = doc.paragraphs[k];
    if (!p || p.kind !== 'body') return false;
    const t = text.slice(p.start, p.end);
    return !/[“”"‘’']/u.test(t.replace(/(?<=\p{L})['’](?=\p{L})/gu, '')) && /[.!?]\s*$/u.test(t);
  };
  /** The people paragraph `k` names (canonical), pronouns aside. */
  const personsIn = (k: number): string[] => {
    const p = doc.paragraphs[k]!;
    return mentions.filter((m) => m.start >= p.start && m.end <= p.end && m.kind === 'person').map((m) => canonicalSpeaker(m.canonical, table));
  };
  /**
   * The speaker of a quotation without a named attribution of its own when it is a turn of dialogue: a paragraph
   * that opens with it, right after a paragraph of someone's turn. The person that turn addressed by name answers;
   * else, after two turns by two people in the two paragraphs before, the one before the last (turns alternate);
   * a reply ("was the reply") is never the last speaker's. The rules' speaker is kept (undefined) otherwise, unless
   * the words address that person by name (nobody is their own vocative).
   */
  const dialogueTurn = (q: QuoteSpan, speaker: string | null, isReply: boolean): string | null | undefined => {
    const pi = q.paragraphs[0]!;
    const own = addressed(q);
    // “So am I. My name is Stanley Browne.”: a speaker who names themselves (someone the text knows, or a first name).
    const self = selfNamed(text.slice(q.start, q.end));
    if (self && (lookupSpeaker(table, self)?.kind === 'person' || firstNameGender(splitName(self).name[0]))) return canonicalSpeaker(self, table);
    // “Tom, we are in a fix.” ¶ “So it would seem, Sam.”: a bare turn nobody was found for is by the one the reply to
    // it addresses.
    const unsaid = opensParagraph(q) ? quotesIn(pi - 1) : [];
    if (own.length && unsaid.length && opensParagraph(unsaid[0]!.span) && unsaid.every((x) => !x.speaker && !x.attr?.subject)) {
      const by = own[own.length - 1]!;
      for (const x of unsaid) if (!addressed(x.span).includes(by)) [x.speaker, x.attr] = [by, { subject: null, cue: null, cueClass: null, addressee: null, setting: null }];
    }
    /** The last person a turn by `by` called by name, other than `by` and those these words call: who replies to it. */
    const calledBy = (names: string[], by: string) => names.filter((n) => n !== by && !own.includes(n)).at(-1);
    // “But which way, Charlie? He may go back again.” “It is hardly likely …”: words right after words that
    // addressed someone by name, with nothing between (a lost paragraph break), are that person's reply.
    const prior = found[found.length - 1];
    if (prior && prior.span.depth === 0 && prior.span.close !== null && prior.speaker && /^\s+$/u.test(text.slice(prior.span.close + 1, q.open))) {
      const called = calledBy(addressed(prior.span), prior.speaker);
      if (called) return called;
    }
    const last = opensParagraph(q) && !topParagraphs.has(pi) ? turnIn(pi - 1) : null;
    if (last) {
      const called = calledBy(last.addressed, last.speaker);
      if (called) return called;
      // (“I'm going to the cliffs, Williams,” said Young. ¶ Williams was busy at the forge. ¶ “No,” he answered. ¶ “…”:
      // narration between the two turns, about the one who speaks next and naming no one else, does not break the alternation.)
      let bk = pi - 2;
      const between: number[] = [];
      while (last.opens && bk > pi - 5 && bk >= 0 && isNarration(bk)) between.push(bk--);
      let before = last.opens ? turnIn(bk) : null;
      if (before && between.length && !between.every((k) => personsIn(k).includes(last.speaker) && personsIn(k).every((n) => n === before!.speaker || n === last.speaker))) before = null;
      if (before && (before.opens || (before.ends && inDialogue)) && before.speaker !== last.speaker && !own.includes(before.speaker) && (isReply || speaker === last.speaker || !speaker)) return before.speaker;
      if (isReply) return null;
    }
    if (speaker && own.includes(speaker)) return last && last.speaker !== speaker ? last.speaker : null;
    return undefined;
  };

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
    // A title before it in the sentence ("wrote about the ‘Great Pestilence’ in 1893 and suggested that “…”") does not
    // cut the attribution off (as after it, below).
    const prevAt = at > 0 && !titleLike[qi] ? untitledBefore.get(span.parent)![at - 1]! : at - 1;
    const prevSpan = prevAt >= 0 ? spans[group[prevAt]!]! : undefined;
    // A title inside the attribution ("she told Billboard's “Pop Shop” podcast") does not end it.
    const nextAt = at + 1 < group.length ? untitledAfter.get(span.parent)![at + 1]! : at + 1;
    const nextSpan = nextAt < group.length ? spans[group[nextAt]!]! : undefined;
    const prevSib = prevSpan && prevSpan.close !== null && prevSpan.close < span.open && prevSpan.close >= lo ? prevSpan : undefined;
    const nextSib = nextSpan && nextSpan.open > (span.close ?? span.end) && nextSpan.open < hi ? nextSpan : undefined;
    const preFloor = Math.max(lo, prevSib ? prevSib.close! + 1 : lo);
    const preFrom = sentenceStartBefore(text, preFloor, span.open);
    const after = span.close !== null ? span.close + 1 : span.end;
    const postCeil = Math.min(hi, nextSib ? nextSib.open : hi);
    const postTo = after < postCeil ? sentenceEndAfter(text, after, postCeil) : after;

    const preToks = tokenize(text, preFrom, span.open);
    const postToks = tokenize(text, after, postTo);
    // A quote that ends its sentence ("… done.” The talks …") has no attribution after it, unless the next
    // sentence is only one (“… invade?” Correspondent Scott Pelley asked.).
    const endsSentence = /[.!?]["”’']*$/u.test(text.slice(span.start, span.end)) && /^\s+\p{Lu}/u.test(text.slice(after, after + 3)) && !cueAt(postToks, 0);
    const parent0 = parent ? foundBySpan.get(parent) : undefined;
    let attr: Attr | null;
    if (titleLike[qi]) {
      // A title keeps only an attribution of its own, right after it (“No,” he said); never one before it.
      // Only a quote that opens its sentence has one ("“No,” he said"): in "the series “Walking Dead,” said he …" the verb is the sentence's.
      const opensSentence = !preToks.some((t) => t.word);
      // "“Testing” is what James Cox tweeted": the words are the object of the attribution after them.
      const own = opensSentence && (/^ ?[,!?]/.test(text.slice(span.end, span.end + 2)) || /[!?]$/.test(text.slice(span.start, span.end)) || /^\s+(?:is|was) (?:what|how)\b/u.test(text.slice(after, after + 12)));
      attr = own && !endsSentence ? parsePost(text, postToks) : null;
      if (attr?.cueClass === 'according') attr = null; // "“All about Eve,” according to the Academy database": a source, not a speaker
    } else {
      const post = parsePost(text, postToks);
      // “…?” He said, “…”: an attribution that ends in a comma before the next quotation introduces that one.
      const introducesNext = !!nextSib && postTo === postCeil && /[,:]\s*$/u.test(text.slice(after, postTo));
      const trailing = post && !introducesNext && isBareAttribution(postToks, post) ? post : null;
      attr = (endsSentence ? trailing : post) ?? parsePre(text, preToks) ?? passiveAgent(text, preToks, postToks);
    }
    // “I will,” was Wilbur Poole's answer: the name before a reply noun is the speaker; “…,” was the reply: someone
    // the dialogue decides (below).
    const reply = !titleLike[qi] && !parent && !attr?.subject ? replyAfter(text.slice(after, Math.max(postTo, Math.min(text.length, after + 120)))) : null;
    if (reply) {
      const at = text.indexOf(reply, after);
      attr = { subject: { kind: 'name', text: reply, start: at, end: at + reply.length, from: -1, to: -1 }, cue: 'reply', cueClass: 'say', addressee: null, setting: null };
    }
    if (attr && !attr.setting) attr.setting = settingIn(text, preFrom, span.open) ?? (endsSentence ? null : settingIn(text, after, postTo));

    let speaker: string | null = null;
    if (attr?.subject) {
      const named = !parent && attr.subject.kind === 'pronoun' ? namedWithin(span) : NOBODY;
      const r = resolveSubject(attr.subject, parent0?.speaker ?? null, 0, parent && parent.family !== span.family && attr.subject.start >= parent.start && attr.subject.end <= parent.end ? parent : null, named);
      speaker = r.speaker;
      if (r.antecedent) addAntecedent({ ...r.antecedent, spoke: true });
    } else if (!titleLike[qi]) {
      // No attribution of its own: the quote it continues (same sentence, or a follow-on quote by the last speaker),
      // or — nested — the quote it sits in.
      const prev = prevSib && !titleLike[group[at - 1]!] ? foundBySpan.get(prevSib) : lastAtDepth.get(span.depth);
      const sameSentence = prev && prevSib === prev.span && preFrom === preFloor && preFloor > lo;
      const wholeSentence = !preToks.some((t) => t.word);
      // “…,” Williams' deputy said: a quote whose comma hands over to an attribution we could not read is not a follow-on.
      const handsOver = /^ ?,/.test(text.slice(span.end, span.end + 2)) && postToks.some((t) => t.word);
      const recent =
        prev && prev.span.depth === span.depth && prev.speaker && wholeSentence && !handsOver && paraOf(prev.span.end) >= span.paragraphs[0]! - 1 && !inCaption(span, preFrom, after);
      if (parent) {
        const p = foundBySpan.get(parent);
        if (p) {
          speaker = p.speaker;
          attr = p.attr ? { ...p.attr } : null;
        }
      } else if (sameSentence && prev) {
        speaker = prev.speaker;
        attr = prev.attr ? { ...prev.attr } : null;
      } else if (!parent && wholeSentence && (narrator = saidBefore(preFrom, lo))) {
        // "Mayor Ann Lee agreed. “The town is calm.”": after a sentence that is only an attribution, the words are its subject's.
        speaker = narrator;
        attr = { subject: null, cue: null, cueClass: null, addressee: null, setting: null };
      } else if ((narrator = !parent && wholeSentence && FIRST_PERSON.test(text.slice(span.start, span.end)) ? narratorBefore(preFrom, lo) : null) && narrator !== prev?.speaker && !spokenOf(narrator, text.slice(span.start, span.end))) {
        // "Peñaflorida hopes to expand the pushcart … . "I always tell my volunteers …"": words in the first person
        // right after a sentence about someone are that person's, not the last speaker's.
        speaker = narrator;
        attr = { subject: null, cue: null, cueClass: null, addressee: null, setting: null };
      } else if (!parent && wholeSentence && (narrator = leadInBefore(preFrom, lo)) && narrator !== prev?.speaker) {
        // "Smith told CNN that the deal was off. “We are done.”": after a sentence reporting someone's speech, the words are theirs.
        speaker = narrator;
        attr = { subject: null, cue: null, cueClass: null, addressee: null, setting: null };
      } else if (recent && prev && (speaker = turnTaker(span, prev))) {
        // Dialogue: a paragraph of bare quoted words after two turns by two people ("Hi!" said Sam. ¶ "Do you want to play?") is the other person's turn.
        attr = { subject: null, cue: null, cueClass: null, addressee: null, setting: null };
      } else if (recent && prev) {
        speaker = prev.speaker;
        attr = { subject: null, cue: null, cueClass: null, addressee: null, setting: null };
      } else if (wholeSentence && span.open === firstPara.start) {
        // A quotation paragraph after a lead-in sentence: "He told Larry King in 2001 that …" ¶ "“So when …”".
        const lead = leadIn(span.paragraphs[0]!);
        if (lead?.subject) {
          speaker = resolveSubject(lead.subject, null).speaker;
          attr = speaker ? { subject: null, cue: null, cueClass: null, addressee: null, setting: null } : null;
        } else if (/\b(?:I|I'm|I’m|I've|I’ve|my|me|we|our)\b/u.test(text.slice(span.start, span.end))) {
          // "Klinsmann … expressed his delight at his appointment." ¶ "“I'm excited …”": words in the first person after a
          // paragraph whose last sentence is about a person are that person's.
          const p = doc.paragraphs[span.paragraphs[0]! - 1];
          // (a sentence, not a headline: "Bradley sacked as United States national coach" ends in no full stop)
          if (p?.kind === 'body' && !/[“”"]/u.test(text.slice(p.start, p.end)) && /[.!?]\s*$/u.test(text.slice(p.start, p.end))) {
            const from = sentenceStartBefore(text, p.start, p.end - 1);
            const subject = firstIn(from, p.end, (a) => a.kind === 'person' && !a.possessive && /^\W*(?:\S+\s+){0,2}$/u.test(text.slice(from, a.pos)));
            if (subject && !spokenOf(subject.canonical, text.slice(span.start, span.end))) {
              speaker = subject.canonical;
              attr = { subject: null, cue: null, cueClass: null, addressee: null, setting: null };
            }
          }
        }
      }
    }
    if (!parent && !titleLike[qi] && !(attr?.subject && attr.subject.kind !== 'pronoun') && !GOES_ON.test(attr?.cue ?? '')) {
      // Dialogue: a bare turn (or one a he/she tags: “Anything wrong, Dobri?” I inquired. ¶ “God knows!” he replied.)
      // replies to the one spoken to by name, or alternates; nobody is their own vocative. Not one who goes on (“…,”
      // he added), nor a he/she of the other gender.
      const turn = dialogueTurn(span, speaker, reply === '');
      const pron = attr?.subject?.kind === 'pronoun' ? PRONOUNS.get(attr.subject.text.toLowerCase()) : undefined;
      const misfit = !!turn && (pron === 'he' || pron === 'she') && (genderOf(table, turn) ?? firstNameGender(splitName(turn).name[0])) === (pron === 'he' ? 'female' : 'male');
      if (turn !== undefined && !misfit) {
        speaker = turn;
        attr = speaker ? (attr ?? { subject: null, cue: null, cueClass: null, addressee: null, setting: null }) : null;
      }
    }
    const f = { span, attr, speaker };
    pushFound(f);
    foundBySpan.set(span, f);
    // A one-word greeting with its own attribution (“Hello,” said Anna) is speech the next quotation may follow on.
    if (!titleLike[qi] || (speaker && attr?.subject)) lastAtDepth.set(span.depth, f);
  }

  // The learned layer: rank each top-level quotation's speaker candidates (the rules' pick is one feature among
  // others) and give titles and scare-quoted terms no speaker.
  starts ??= sentenceStarts(text);
  const ctx: CandidateContext = {
    text,
    mentions,
    // (past the cap, the quotations left out still bound and mask the regions the candidates read)
    quoted: spans === worded ? exclude : worded.filter((s) => s.depth === 0).map((s) => ({ start: s.open, end: (s.close ?? s.end) + 1 })),
    starts,
    resolve: (subj) => resolveSubject(subj, null).speaker,
    kindOf: (name) => table.entries.find((e) => e.canonical === name)?.kind,
  };
  /** “…,” she said: no candidate of the other gender (nor an organisation) may be the "she" (the "nobody" candidate stays). */
  const agreeing = (subj: Subject | null | undefined, cands: Candidate[]): Candidate[] => {
    const pron = subj?.kind === 'pronoun' ? PRONOUNS.get(subj.text.toLowerCase()) : undefined;
    if (pron !== 'he' && pron !== 'she') return cands;
    const kept = cands.filter((c) => {
      if (!c.speaker) return true;
      const e = table.entries.find((x) => x.canonical === c.speaker);
      return !e || compatible(pron, { pos: 0, canonical: e.canonical, kind: e.kind, gender: e.gender, roles: [] });
    });
    return kept.length ? kept : cands;
  };
  const traces: AttributionTrace[] = [];
  let previous: string | null = null;
  for (let qi = 0; qi < found.length; qi++) {
    const f = found[qi]!;
    const { span } = f;
    if (span.depth !== 0) continue;
    const isTitle = titleLike[spanIndex.get(span)!]!;
    // Fallback mode ranks only the quotations the rules leave without a speaker; the others need only the title cues.
    const fills = !model || !model.fallbackOnly || (!f.speaker && !isTitle);
    const view = { span, speaker: f.speaker, own: !!f.attr?.subject, addressee: f.attr?.addressee ?? null, previous, titleLike: isTitle };
    const candidates = fills ? speakerCandidates(ctx, view) : [];
    const after = span.close !== null ? span.close + 1 : span.end;
    const from = sentenceStartBefore(text, doc.paragraphs[span.paragraphs[0]!]!.start, span.open);
    const speech = fills ? !candidates[candidates.length - 1]!.features.noneNoSpeech : speechInSentence(ctx, span);
    const handsOver = /^ ?,/.test(text.slice(span.end, span.end + 2)) && /^\s*\p{L}/u.test(text.slice(after, after + 3));
    const title = titleFeatures(text.slice(span.start, span.end), text.slice(from, span.open), !!f.attr?.subject, speech, handsOver);
    if (fills) {
      // "Nobody" weighs the title cues too: one ranker decides between the people and no one.
      const none = candidates[candidates.length - 1]!.features as Record<string, number>;
      for (const [k, v] of Object.entries(title)) if (k !== 'bias' && v) none[`none_${k}`] = v;
    }
    if (!model) traces.push({ start: span.start, end: span.end, rule: f.speaker, candidates, title });
    else {
      let best = titleProbability(model, title) >= model.titleThreshold ? null : !fills ? f.speaker : bestCandidate(model, agreeing(f.attr?.subject, candidates)).speaker;
      // A filled-in speaker must be one the text says spoke (the subject of a speech verb nearby, or the previous
      // quotation's speaker), not merely someone mentioned.
      if (fills && model.fallbackOnly && best && !spokeNearby(candidates.find((c) => c.speaker === best)!)) best = null;
      // A subheading or photo caption (a sentence ending " .", no speech verb in it: "'Object of interest' found .")
      // quotes no one the text names there.
      if (fills && best && inCaption(span, from, after)) best = null;
      // "the usage of the term “social classes”", "the name “Model C”": a term named, not words said — unless someone
      // used it ("he used the phrase “…”").
      const named = /\b(?:the|this|that)\s+(?:term|phrase|expression|name|label|nickname|motto|hashtag|word)\s*$/iu.exec(text.slice(Math.max(from, span.open - 60), span.open));
      if (best && named && !/\b(?:use[sd]?|using|uttered|coined|repeated|invok(?:ed|ing)|cho(?:se|osing))\s+$/iu.test(text.slice(Math.max(from, span.open - 90), span.open - named[0].length))) best = null;
      // "Jones was asked: ‘Would you do it again?’": the one asked is not the one asking.
      // (read only when it can matter: the sentence before a quotation can be a whole hostile file)
      const asked = fills && best ? /\b(?:was|were)\s+(?:asked|told|questioned|quizzed|pressed)(?:\s+by\b[^:]*)?\s*[:,]?\s*$/u.exec(text.slice(from, span.open)) : null;
      if (asked && nearest(from + asked.index, () => true, from)?.canonical === best) best = null;
      if (best !== f.speaker) {
        f.speaker = best;
        if (f.attr) f.attr = { ...f.attr, cue: best ? f.attr.cue : null, addressee: best ? f.attr.addressee : null };
      }
    }
    if (f.speaker && !isTitle) previous = f.speaker;
  }

  // A speaker that names no person — "Yesterday", "A", "Iraqi", "United" cut from United Nations, "Government" — is the
  // person the text has speaking nearby (a speech verb's subject in the quotation's sentence or the two before), else
  // nobody; a place alone ("Surrey", "Liverpool") gives way to such a person only.
  starts ??= sentenceStarts(text);
  // (memoised per name: the adjective test reads the whole text once per name, not once per quotation)
  const nonPersonMemo = new Map<string, ReturnType<typeof nonPersonWord>>();
  const nonPerson = (name: string) => {
    if (!nonPersonMemo.has(name)) nonPersonMemo.set(name, nonPersonWord(name, text));
    return nonPersonMemo.get(name)!;
  };
  for (const f of found) {
    // ("Mrs. White": a surname that is also an adjective, with a gender from its honorific, is a person.)
    const kind = f.speaker && !genderOf(table, f.speaker) ? nonPerson(f.speaker) : null;
    if (!kind) continue;
    const here = sentenceIndexAt(starts, f.span.open);
    const floor = starts[Math.max(0, here - 2)] ?? 0;
    const after = f.span.close !== null ? f.span.close + 1 : f.span.end;
    const end = starts[here + 1] ?? text.length;
    const person = (a: Antecedent) => a.kind === 'person' && !a.possessive && !nonPerson(a.canonical);
    const alt =
      firstIn(after, Math.max(after, end), (a) => person(a) && !!a.spoke) ??
      nearest(f.span.open, (a) => person(a) && !!a.spoke, floor) ??
      (kind === 'hard' ? nearest(f.span.open, person, floor) : undefined);
    if (alt) f.speaker = alt.canonical;
    else if (kind === 'hard') {
      f.speaker = null;
      if (f.attr) f.attr = { ...f.attr, cue: null, addressee: null };
    }
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
  return { analysis: { quotations, speakers: table }, traces };
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
