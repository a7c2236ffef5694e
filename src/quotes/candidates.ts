/**
 * Speaker candidates of one quotation, with the features the learned ranker
 * (rank.ts) weighs: every name, pronoun (resolved) or speaker noun phrase
 * that is the subject of a speech verb in the quotation's sentence, the
 * sentence before or the sentence after; every person or organisation
 * mentioned there; the rules' own pick (build.ts) and the previous
 * quotation's speaker — and "nobody", for words in quotation marks that no
 * one in the text is said to have said.
 */
import type { Span } from '../types.js';
import { cueAt } from './cues.js';
import { skipBetweenBack, clauseSubject, subjectAcrossCommas, subjectEndingAt, subjectStartingAt, type Subject } from './grammar.js';
import type { QuoteSpan } from './marks.js';
import type { Mention } from './mentions.js';
import type { Tok } from './tokens.js';
import { tokenize } from './tokens.js';

/** Feature names, in vector order (the shipped weights are keyed by name). */
export const SPEAKER_FEATURES = [
  'rule', 'ruleFollow', 'speechPre', 'speechPost', 'speechNext', 'speechPrev', 'speechLoose', 'inverted', 'viaPronoun',
  'mentionHere', 'mentionNext', 'mentionPrev', 'clauseSubject', 'clauseSubjectPrev', 'previousSpeaker', 'previousSpeakerWhole',
  'namedInQuote', 'addressee', 'person', 'org', 'group', 'nominal', 'salience', 'distance',
  'none', 'noneRuleNone', 'noneTitleLike', 'noneNoSpeech', 'noneWhole',
] as const;
export type SpeakerFeature = (typeof SPEAKER_FEATURES)[number];

/** One candidate: a speaker's canonical name (null: nobody) and its features. */
export interface Candidate {
  speaker: string | null;
  features: Partial<Record<SpeakerFeature, number>>;
}

/** What the ranker may read of the document (supplied by the index builder). */
export interface CandidateContext {
  text: string;
  /** Mentions of named entities outside quotations, by start. */
  mentions: Mention[];
  /** Top-level quotations, mark to mark: masked out of the text the grammar reads. */
  quoted: Span[];
  /** Sentence starts (sentence-bounds.ts `sentenceStarts`). */
  starts: number[];
  /** A subject phrase to a speaker's canonical name (pronouns resolved), or null. */
  resolve: (s: Subject) => string | null;
  /** The kind of a canonical name in the alias table, if it is there. */
  kindOf: (canonical: string) => 'person' | 'org' | 'group' | undefined;
}

/** What the rules decided for one quotation. */
export interface RuleView {
  span: QuoteSpan;
  speaker: string | null;
  /** The speaker came from an attribution of the quotation's own (not a follow-on). */
  own: boolean;
  addressee: string | null;
  /** The speaker the rules gave the previous top-level quotation. */
  previous: string | null;
  titleLike: boolean;
}

const sentenceAt = (starts: number[], pos: number) => {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
};

/** First index whose key is ≥ `value` in an array sorted by key. */
export function lowerBound<T>(xs: readonly T[], value: number, key: (x: T) => number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(xs[mid]!) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Per-document indexes of the context, built once. */
const indexes = new WeakMap<
  CandidateContext,
  { byName: Map<string, Mention[]>; maxEnd: Map<string, number[]>; mentions: Mention[]; quoted: Span[]; regions: Map<string, { toks: Tok[]; subjects: SpeechSubject[] }> }
>();
function indexOf(ctx: CandidateContext) {
  let ix = indexes.get(ctx);
  if (!ix) {
    // (each name's mentions by start, with the running maximum of their ends: a candidate's salience and distance by
    // binary search, not a walk over every mention of the name per quotation)
    const mentions = [...ctx.mentions].sort((a, b) => a.start - b.start);
    const byName = new Map<string, Mention[]>();
    for (const m of mentions) {
      const list = byName.get(m.canonical);
      if (list) list.push(m);
      else byName.set(m.canonical, [m]);
    }
    const maxEnd = new Map<string, number[]>();
    for (const [name, list] of byName) {
      const acc: number[] = [];
      for (const m of list) acc.push(Math.max(acc[acc.length - 1] ?? -Infinity, m.end));
      maxEnd.set(name, acc);
    }
    ix = { byName, maxEnd, mentions, quoted: [...ctx.quoted].sort((a, b) => a.start - b.start), regions: new Map() };
    indexes.set(ctx, ix);
  }
  return ix;
}

/**
 * Performance guard: the part of the quotation's own sentence the candidates read stops at the {@link NEAR_QUOTES}th
 * other quotation on each side (real sentences hold a few; a file of nothing but quotation marks is one "sentence" of
 * thousands, and reading all of it for each of them made ingest quadratic).
 */
const NEAR_QUOTES = 8;

/** Tokens of text[from, to) with every quotation in it replaced by one mark token. */
function maskedTokens(ctx: CandidateContext, from: number, to: number): Tok[] {
  const out: Tok[] = [];
  const { quoted } = indexOf(ctx);
  for (const t of tokenize(ctx.text, from, to)) {
    const k = lowerBound(quoted, t.start + 1, (s) => s.start) - 1;
    const q = k >= 0 && t.start < quoted[k]!.end ? quoted[k] : undefined;
    if (!q) out.push(t);
    else if (out[out.length - 1]?.start !== q.start) out.push({ text: '"', lower: '"', start: q.start, end: q.end, word: false, possessive: false });
  }
  return out;
}

/** Skip words between a subject and its cue, and ", however," / ", too,". */
function beforeCue(toks: Tok[], c: number): number {
  let j = c - 1;
  for (;;) {
    j = skipBetweenBack(toks, j);
    if (toks[j]?.text === ',' && /^(?:however|meanwhile|though|too|also|instead|in turn|though)$/.test(toks[j - 1]?.lower ?? '') && toks[j - 2]?.text === ',') j -= 3;
    else return j;
  }
}

export interface SpeechSubject {
  subject: Subject;
  /** Subject after its cue ("said the minister"). */
  inverted: boolean;
  /** Found only by the loose reading (a noun phrase a few words before the cue). */
  loose: boolean;
}

/** Every subject of a speech cue in the tokens (strict readings first, then loose noun phrases before a cue). */
export function speechSubjects(text: string, toks: Tok[]): SpeechSubject[] {
  const out: SpeechSubject[] = [];
  for (let c = 0; c < toks.length; c++) {
    const cue = cueAt(toks, c);
    // A capitalised cue word is part of a name ("United States"), not a verb.
    if (!cue || /^\p{Lu}/u.test(toks[c]!.text)) continue;
    // "Jones was asked: ‘…’", "he was told": in the passive, the subject is spoken to, not speaking.
    if (cue.len === 1 && /^(?:was|were|been|being|is|are|be)$/.test(toks[c - 1]?.lower ?? '') && /(?:ed|told|said)$/.test(toks[c]!.lower)) continue;
    if (cue.cls === 'according') {
      const s = subjectStartingAt(text, toks, c + 2);
      if (s) out.push({ subject: s, inverted: true, loose: false });
      continue;
    }
    const j = beforeCue(toks, c);
    let s = subjectEndingAt(text, toks, j, 0);
    if (!s && toks[j]?.text === ',') s = subjectAcrossCommas(text, toks, j, 0);
    if (s) out.push({ subject: s, inverted: false, loose: false });
    else {
      // "a source close to the Bo family for decades says": a speaker noun phrase up to ten words before the cue.
      for (let h = j; h >= 0 && j - h < 10 && toks[h]!.word; h--) {
        const l = subjectEndingAt(text, toks, h, 0);
        if (l && l.kind !== 'pronoun') out.push({ subject: l, inverted: false, loose: true });
      }
    }
    const prev = toks[c - 1];
    if (!prev || !prev.word) {
      const inv = subjectStartingAt(text, toks, c + cue.len);
      if (inv) out.push({ subject: inv, inverted: true, loose: false });
    }
  }
  return out;
}

/** The parts of the text around a quotation: its sentence before and after it, the sentence before, the sentence after. */
function regionsOf(ctx: CandidateContext, span: QuoteSpan) {
  const { text, starts } = ctx;
  const open = span.open;
  const after = span.close !== null ? span.close + 1 : span.end;
  const sOpen = sentenceAt(starts, open);
  const sClose = sentenceAt(starts, Math.max(open, after - 1));
  const endOf = (s: number) => starts[s + 1] ?? text.length;
  const { quoted } = indexOf(ctx);
  const before = lowerBound(quoted, open, (q) => q.start) - NEAR_QUOTES;
  const beyond = lowerBound(quoted, after, (q) => q.start) + NEAR_QUOTES - 1;
  return {
    pre: [Math.max(starts[sOpen]!, before >= 0 ? Math.min(open, quoted[before]!.start) : 0), open],
    post: [after, Math.max(after, Math.min(endOf(sClose), beyond < quoted.length ? quoted[beyond]!.end : Infinity))],
    prev: sOpen > 0 ? [starts[sOpen - 1]!, starts[sOpen]!] : [0, 0],
    next: [Math.max(after, endOf(sClose)), endOf(Math.max(sClose + 1, sentenceAt(starts, Math.max(after, endOf(sClose)))))],
  } as const;
}

/** Does a speech verb with a subject stand in the quotation's own sentence (outside quotations)? */
export function speechInSentence(ctx: CandidateContext, span: QuoteSpan): boolean {
  const { pre, post } = regionsOf(ctx, span);
  return [pre, post].some(([from, to]) => to > from && readRegion(ctx, from, to).subjects.length > 0);
}

const readRegion = (ctx: CandidateContext, from: number, to: number) => {
  const toks = maskedTokens(ctx, from, to);
  return { toks, subjects: speechSubjects(ctx.text, toks) };
};
/** {@link readRegion}, remembered per document. */
function regionReading(ctx: CandidateContext, from: number, to: number) {
  const memo = indexOf(ctx).regions;
  const key = `${from}:${to}`;
  let r = memo.get(key);
  if (!r) memo.set(key, (r = readRegion(ctx, from, to)));
  return r;
}

/** The candidates of one quotation (the "nobody" candidate last). */
export function speakerCandidates(ctx: CandidateContext, r: RuleView): Candidate[] {
  const { text, starts } = ctx;
  const open = r.span.open;
  const after = r.span.close !== null ? r.span.close + 1 : r.span.end;
  const sOpen = sentenceAt(starts, open);
  const sClose = sentenceAt(starts, Math.max(open, after - 1));
  const endOf = (s: number) => starts[s + 1] ?? text.length;
  const regions = regionsOf(ctx, r.span);
  const byName = new Map<string, Candidate>();
  const get = (name: string) => {
    let c = byName.get(name);
    if (!c) byName.set(name, (c = { speaker: name, features: {} }));
    return c;
  };
  const set = (name: string | null, f: SpeakerFeature, v = 1) => {
    if (!name) return;
    const c = get(name);
    c.features[f] = Math.max(c.features[f] ?? 0, v);
  };
  let anySpeech = false;
  for (const [where, [from, to]] of Object.entries(regions) as [keyof typeof regions, readonly [number, number]][]) {
    if (to <= from) continue;
    // (the sentences before and after are the same for every quotation of a sentence: read once)
    const { toks, subjects } = where === 'prev' || where === 'next' ? regionReading(ctx, from, to) : readRegion(ctx, from, to);
    for (const s of subjects) {
      const name = ctx.resolve(s.subject);
      if (!name) continue;
      anySpeech ||= where === 'pre' || where === 'post';
      if (s.loose) set(name, 'speechLoose');
      else set(name, where === 'pre' ? 'speechPre' : where === 'post' ? 'speechPost' : where === 'next' ? 'speechNext' : 'speechPrev');
      if (s.inverted) set(name, 'inverted');
      if (s.subject.kind === 'pronoun') set(name, 'viaPronoun');
    }
    const cs = clauseSubject(text, toks, toks.length);
    if (cs && (where === 'pre' || where === 'prev')) set(ctx.resolve(cs), where === 'pre' ? 'clauseSubject' : 'clauseSubjectPrev');
    const ms = indexOf(ctx).mentions;
    for (let k = lowerBound(ms, from, (m) => m.start); k < ms.length && ms[k]!.start < to; k++) {
      set(ms[k]!.canonical, where === 'next' ? 'mentionNext' : where === 'prev' ? 'mentionPrev' : 'mentionHere');
    }
  }
  if (r.speaker) set(r.speaker, r.own ? 'rule' : 'ruleFollow');
  if (r.previous) set(r.previous, 'previousSpeaker');
  const quote = text.slice(r.span.start, r.span.end);
  const whole = !/[\p{L}\p{N}]/u.test(text.slice(regions.pre[0], open)) && !/[\p{L}\p{N}]/u.test(text.slice(after, regions.post[1]));
  for (const c of byName.values()) {
    const name = c.speaker!;
    if (whole && c.features.previousSpeaker) c.features.previousSpeakerWhole = 1;
    const last = name.split(/\s+/).pop()!;
    if (last.length > 2 && new RegExp(`(?<![\\p{L}])${last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(quote)) c.features.namedInQuote = 1;
    if (r.addressee && r.addressee.toLowerCase().includes(name.toLowerCase())) c.features.addressee = 1;
    const kind = ctx.kindOf(name);
    c.features[kind ?? 'nominal'] = 1;
    const ms = indexOf(ctx).byName.get(name) ?? [];
    const n = lowerBound(ms, open, (m) => m.start);
    let d = n > 0 ? open - indexOf(ctx).maxEnd.get(name)![n - 1]! : Infinity;
    if (n < ms.length) d = Math.min(d, ms[n]!.start - after);
    c.features.salience = Math.log1p(n) / 3;
    c.features.distance = Number.isFinite(d) ? Math.min(1, Math.log1p(Math.max(0, d)) / 8) : 1;
  }
  const none: Candidate = { speaker: null, features: { none: 1, noneRuleNone: r.speaker ? 0 : 1, noneTitleLike: r.titleLike ? 1 : 0, noneNoSpeech: anySpeech ? 0 : 1, noneWhole: whole ? 1 : 0 } };
  return [...byName.values(), none];
}

/** Does the text say this candidate spoke near the quotation (a speech verb's subject, or the previous speaker)? */
export const spokeNearby = (c: Candidate) =>
  !!(c.features.speechPre || c.features.speechPost || c.features.speechPrev || c.features.speechNext || c.features.speechLoose || c.features.previousSpeaker);
