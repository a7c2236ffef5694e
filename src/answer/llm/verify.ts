/**
 * Verification of LLM prose: every quotation in the model's text must be
 * verbatim in a retrieved passage, and every [¶n] citation must name a
 * paragraph that was retrieved. Matching is exact after normalising only
 * quote-mark style (“ ” " ‘ ’ ' « » …) and whitespace (plus: the case of the
 * first letter, and terminal punctuation inside the closing mark, which is
 * moved outside it); a match is mapped back to offsets in the document text,
 * and the quotation in the returned text is replaced by that exact slice, so
 * what the reader sees between the marks is byte-identical to the source.
 */
import type { Quote } from '../../types.js';
import { LEAD } from '../../present/lead.js';

/** A retrieved chunk handed to the LLM. `text === documentText(doc).slice(start, end)`. */
export interface LlmPassage {
  doc: string;
  paragraph: number;
  start: number;
  end: number;
  text: string;
}

export interface VerifyOptions {
  /**
   * What to do with a quotation that is not in the source: `'remove'` drops
   * the sentence that holds it (default); `'paraphrase'` drops the quotation
   * marks and prefixes "(paraphrase)".
   */
  unverified?: 'remove' | 'paraphrase';
}

export interface VerifiedText {
  /** The cleaned prose: verified quotations are exact document slices, bad ones gone, citations only to retrieved ¶. */
  text: string;
  /** The verified quotations, in order of appearance, without duplicates. */
  quotes: Quote[];
  /** The inner text of every quotation that was not found in the source. */
  removed: string[];
  /** ¶ numbers cited by the model that were not among the retrieved passages (each once). */
  droppedCitations: number[];
  /** Real quotations cited to the wrong (or no) paragraph; a citation to the right one was added after them. */
  miscited: { quote: string; cited: number[]; paragraph: number }[];
}

// ---------------------------------------------------------------------------
// Characters

const QUOTE_MARKS = new Set(['"', '“', '”', '„', '‟', '«', '»', '＂', "'", '‘', '’', '‚', '‛', '‹', '›']);
const CANON = '"';
const DOUBLE_OPENERS: Record<string, string[]> = {
  '“': ['”', '"'],
  '„': ['“', '”', '"'],
  '‟': ['”', '"'],
  '«': ['»'],
  '"': ['"', '”'],
  '＂': ['＂'],
};

const isWordChar = (c: string | undefined): boolean => !!c && /[\p{L}\p{N}]/u.test(c);
const isSpace = (c: string | undefined): boolean => !!c && /\s/.test(c);

/**
 * Normalise quote marks (all to one) and whitespace (runs to one space,
 * trimmed), keeping for each output character the index it came from.
 */
export function normaliseWithMap(s: string, from = 0, to = s.length): { norm: string; map: number[] } {
  let norm = '';
  const map: number[] = [];
  for (let i = from; i < to; i++) {
    const c = s[i];
    if (isSpace(c)) {
      if (norm.length && norm[norm.length - 1] !== ' ') {
        norm += ' ';
        map.push(i);
      }
      continue;
    }
    norm += QUOTE_MARKS.has(c) ? CANON : c;
    map.push(i);
  }
  if (norm.endsWith(' ')) {
    norm = norm.slice(0, -1);
    map.pop();
  }
  return { norm, map };
}

/** Normalise quote-mark style and whitespace only. */
export const normaliseQuote = (s: string): string => normaliseWithMap(s).norm;

// ---------------------------------------------------------------------------
// Finding quotations in the model's text

export interface QuoteSpan {
  /** Index of the opening mark. */
  open: number;
  innerStart: number;
  innerEnd: number;
  /** Index just after the closing mark (or the end of the line when unclosed). */
  close: number;
  closed: boolean;
  kind: 'double' | 'single';
}

function blockEnd(text: string, from: number): number {
  const nn = text.indexOf('\n\n', from);
  return nn < 0 ? text.length : nn;
}

function lineEnd(text: string, from: number): number {
  const n = text.indexOf('\n', from);
  return n < 0 ? text.length : n;
}

const wordCount = (s: string): number => s.split(/\s+/).filter((w) => isWordChar([...w].find((c) => isWordChar(c)))).length;

/**
 * Every quoted span: straight and curly double quotes, « », „ “, and
 * single quotes (‘…’ or '…') when they hold at least three words and open at
 * the start of a word (so apostrophes are not taken for quotations). An opening mark with no closing mark before the
 * end of its paragraph is an unclosed span running to the end of the line.
 */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const closers = DOUBLE_OPENERS[c];
    if (closers) {
      const limit = blockEnd(text, i + 1);
      let k = i + 1;
      while (k < limit && !closers.includes(text[k])) k++;
      if (k < limit) {
        spans.push({ open: i, innerStart: i + 1, innerEnd: k, close: k + 1, closed: true, kind: 'double' });
        i = k + 1;
      } else {
        const end = lineEnd(text, i + 1);
        spans.push({ open: i, innerStart: i + 1, innerEnd: end, close: end, closed: false, kind: 'double' });
        i = end;
      }
      continue;
    }
    if ((c === '‘' || c === "'") && !isWordChar(text[i - 1])) {
      const close = c === '‘' ? '’' : "'";
      const limit = blockEnd(text, i + 1);
      let k = i + 1;
      while (k < limit && !(text[k] === close && !isWordChar(text[k + 1]))) k++;
      if (k < limit && wordCount(text.slice(i + 1, k)) >= 3) {
        spans.push({ open: i, innerStart: i + 1, innerEnd: k, close: k + 1, closed: true, kind: 'single' });
        i = k + 1;
        continue;
      }
    }
    i++;
  }
  return spans.filter((s) => normaliseQuote(text.slice(s.innerStart, s.innerEnd)).length > 0 || !s.closed);
}

// ---------------------------------------------------------------------------
// Citations

export interface CitationGroup {
  start: number;
  end: number;
  nums: number[];
  bare: boolean;
}

const GROUP_RE = /[[(]\s*¶\s*\d+(?:\s*(?:[,;&]|and|[–—-])\s*(?:¶\s*)?\d+)*\s*[\])]/gy;
const GROUP_RE_G = new RegExp(GROUP_RE.source, 'g');
const BARE_RE = /¶\s*(\d+)/g;

function parseNums(group: string): number[] {
  const body = group.slice(1, -1);
  const out: number[] = [];
  const re = /(\d+)(?:\s*[–—-]\s*(?:¶\s*)?(\d+))?/g;
  for (const m of body.matchAll(re)) {
    const a = Number(m[1]);
    const b = m[2] !== undefined ? Number(m[2]) : a;
    if (b >= a && b - a <= 20) for (let n = a; n <= b; n++) out.push(n);
    else out.push(a, b);
  }
  return out;
}

const inSpans = (i: number, spans: QuoteSpan[]): boolean => spans.some((s) => i >= s.open && i < s.close);

/** Citation groups ([¶2], [¶2, ¶5], (¶3), [¶2–4]) and bare "¶n" outside quotations. */
export function findCitations(text: string, spans: QuoteSpan[]): CitationGroup[] {
  const groups: CitationGroup[] = [];
  for (const m of text.matchAll(GROUP_RE_G)) {
    const start = m.index!;
    if (inSpans(start, spans)) continue;
    groups.push({ start, end: start + m[0].length, nums: parseNums(m[0]), bare: false });
  }
  for (const m of text.matchAll(BARE_RE)) {
    const start = m.index!;
    if (inSpans(start, spans) || groups.some((g) => start >= g.start && start < g.end)) continue;
    groups.push({ start, end: start + m[0].length, nums: [Number(m[1])], bare: true });
  }
  return groups.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------
// Sentences (quotations are atomic; a citation after the full stop belongs to the sentence before)

const ABBREV = /(?:^|[^\p{L}.])(?:Mr|Mrs|Ms|Dr|Prof|St|Sr|Jr|No|vs|etc|e\.g|i\.e|U\.S|U\.N|[A-Z])$/u;
const OPENERS = new Set(['“', '"', '‘', '«', '„', '(', '¶', '*', '-', '•']);

/** Sentence ranges [start, end) of `text`, trimmed, never cutting through a quotation. */
export function splitSentences(text: string, spans: QuoteSpan[]): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  const push = (s: number, e: number) => {
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    if (e > s) out.push([s, e]);
  };
  /** After a terminator ending at `j` (closing marks skipped): the sentence end, or -1 if this is no boundary. */
  const boundaryAt = (j: number): number => {
    while (j < text.length && /[)\]’'”"»]/.test(text[j]) && !inSpans(j, spans)) j++;
    if (j < text.length && !isSpace(text[j])) return -1;
    let end = j;
    let k = j;
    while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
    // citations after the full stop belong to this sentence
    for (;;) {
      GROUP_RE.lastIndex = k;
      const m = GROUP_RE.exec(text);
      if (!m) break;
      end = k + m[0].length;
      k = end;
      while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
    }
    const next = text[k];
    return next === undefined || next === '\n' || /[\p{Lu}\p{N}]/u.test(next) || OPENERS.has(next) ? end : -1;
  };
  let si = 0;
  let i = 0;
  while (i < text.length) {
    while (si < spans.length && spans[si].close <= i) si++;
    const span = spans[si];
    if (span && i >= span.open && i < span.close) {
      // a quotation that ends a sentence ("… act now.” Then …)
      const end = span.closed && /[.!?…]\s*$/.test(text.slice(span.innerStart, span.innerEnd)) ? boundaryAt(span.close) : -1;
      if (end >= 0) {
        push(start, end);
        start = end;
        i = end;
      } else i = span.close;
      continue;
    }
    const c = text[i];
    if (c === '\n') {
      push(start, i);
      start = i + 1;
      i++;
      continue;
    }
    if (c === '.' || c === '!' || c === '?' || c === '…') {
      const abbrev = c === '.' && ABBREV.test(text.slice(Math.max(0, i - 6), i));
      const end = abbrev ? -1 : boundaryAt(i + 1);
      if (end >= 0) {
        push(start, end);
        start = end;
        i = end;
        continue;
      }
    }
    i++;
  }
  push(start, text.length);
  return out;
}

// ---------------------------------------------------------------------------
// Matching against passages

interface Region {
  doc: string;
  paragraph: number;
  start: number;
  end: number;
}

/** Passages grouped per (doc, ¶), overlapping or touching ranges merged. */
function buildRegions(passages: LlmPassage[], documentText: (doc: string) => string): Region[] {
  const byKey = new Map<string, Region[]>();
  const order: string[] = [];
  for (const p of passages) {
    const key = `${p.paragraph}\u0000${p.doc}`;
    if (!byKey.has(key)) {
      byKey.set(key, []);
      order.push(key);
    }
    byKey.get(key)!.push({ doc: p.doc, paragraph: p.paragraph, start: p.start, end: p.end });
  }
  const out: Region[] = [];
  for (const key of order) {
    const rs = byKey.get(key)!.sort((a, b) => a.start - b.start);
    const text = documentText(rs[0].doc);
    let cur = { ...rs[0] };
    for (const r of rs.slice(1)) {
      if (r.start <= cur.end || /^\s*$/.test(text.slice(cur.end, r.start))) cur.end = Math.max(cur.end, r.end);
      else {
        out.push(cur);
        cur = { ...r };
      }
    }
    out.push(cur);
  }
  return out;
}

/** First occurrence of `needle` (normalised) in the region, on word boundaries, as document offsets. */
function findInRegion(docText: string, r: Region, needle: string, cache: Map<Region, { norm: string; map: number[] }>): { start: number; end: number } | null {
  let n = cache.get(r);
  if (!n) cache.set(r, (n = normaliseWithMap(docText, r.start, r.end)));
  const { norm, map } = n;
  const first = needle[0];
  const last = needle[needle.length - 1];
  for (let idx = norm.indexOf(needle); idx >= 0; idx = norm.indexOf(needle, idx + 1)) {
    const start = map[idx];
    const end = map[idx + needle.length - 1] + 1;
    if (isWordChar(first) && isWordChar(docText[start - 1])) continue;
    if (isWordChar(last) && isWordChar(docText[end])) continue;
    return { start, end };
  }
  return null;
}

// ---------------------------------------------------------------------------
// The verification

type Piece = { kind: 'prose' | 'quote'; text: string };
interface Edit {
  start: number;
  end: number;
  pieces: Piece[];
}

const prose = (text: string): Piece => ({ kind: 'prose', text });
const cite = (nums: number[]): string => `[${nums.map((n) => `¶${n}`).join(', ')}]`;

/**
 * Check the model's text against the retrieved passages.
 *
 * @example
 * const v = verifyLlmText('He called for "a truly effective division of labour" [¶3].', passages, (d) => docs[d]);
 * v.quotes[0].quote; // "a truly effective division of labour" — an exact document slice
 * v.removed;         // quotations not found in the source
 */
export function verifyLlmText(
  text: string,
  passages: LlmPassage[],
  documentText: (doc: string) => string,
  options: VerifyOptions = {},
): VerifiedText {
  const mode = options.unverified ?? 'remove';
  const spans = findQuoteSpans(text);
  const citations = findCitations(text, spans);
  const sentences = splitSentences(text, spans);
  const allowed = new Set(passages.map((p) => p.paragraph));
  const regions = buildRegions(passages, documentText);
  const normCache = new Map<Region, { norm: string; map: number[] }>();

  const droppedCitations: number[] = [];
  for (const g of citations) for (const n of g.nums) if (!allowed.has(n) && !droppedCitations.includes(n)) droppedCitations.push(n);

  const sentenceOf = (i: number): [number, number] => sentences.find(([s, e]) => i >= s && i < e) ?? [i, i];

  const removedRanges: [number, number][] = [];
  const edits: Edit[] = [];
  const removed: string[] = [];
  const miscited: VerifiedText['miscited'] = [];
  const verified: { span: QuoteSpan; quote: Quote }[] = [];

  spans.forEach((span, idx) => {
    const inner = text.slice(span.innerStart, span.innerEnd);
    const [sStart, sEnd] = sentenceOf(span.open);
    // the citations that belong to this quotation: after it (up to the next quotation) in its sentence, else before it
    const next = spans[idx + 1];
    const prev = spans[idx - 1];
    const afterEnd = Math.min(Math.max(sEnd, span.close), next && next.open < sEnd ? next.open : Infinity);
    const beforeStart = Math.max(sStart, prev && prev.close > sStart ? prev.close : -Infinity);
    let own = citations.filter((g) => g.start >= span.close && g.end <= afterEnd);
    if (!own.length) own = citations.filter((g) => g.start >= beforeStart && g.end <= span.open);
    const cited = [...new Set(own.flatMap((g) => g.nums))].filter((n) => allowed.has(n));

    let match: { region: Region; start: number; end: number; moved: string } | null = null;
    if (span.closed) {
      const candidates: { needle: string; moved: string }[] = [{ needle: normaliseQuote(inner), moved: '' }];
      const punct = /[.,;:!?]+\s*$/.exec(inner);
      if (punct) candidates.push({ needle: normaliseQuote(inner.slice(0, punct.index)), moved: punct[0].trim() });
      // a quotation worked into a sentence often changes the case of its first letter ("we need" for "We need");
      // the text then shows the document's own letter
      for (const c of [...candidates]) {
        const f = c.needle[0];
        const flipped = f === f?.toUpperCase() ? f?.toLowerCase() : f?.toUpperCase();
        if (f && flipped !== f) candidates.push({ needle: flipped + c.needle.slice(1), moved: c.moved });
      }
      const ordered = cited.length
        ? [...regions.filter((r) => cited.includes(r.paragraph)), ...regions.filter((r) => !cited.includes(r.paragraph))]
        : regions;
      outer: for (const cand of candidates) {
        if (!cand.needle) continue;
        for (const r of ordered) {
          const hit = findInRegion(documentText(r.doc), r, cand.needle, normCache);
          if (hit) {
            match = { region: r, ...hit, moved: cand.moved };
            break outer;
          }
        }
      }
    }

    if (!match) {
      removed.push(inner.trim());
      if (mode === 'remove') {
        let end = Math.max(sEnd, span.close);
        while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
        removedRanges.push([Math.min(sStart, span.open), end]);
      } else {
        edits.push({ start: span.open, end: span.close, pieces: [prose(`(paraphrase) ${inner.trim()}`)] });
      }
      return;
    }

    const docText = documentText(match.region.doc);
    const exact = docText.slice(match.start, match.end);
    const quote: Quote = { doc: match.region.doc, paragraph: match.region.paragraph, start: match.start, end: match.end, quote: exact };
    verified.push({ span, quote });
    const closer = text.slice(span.innerEnd, span.close);
    let tail = closer;
    if (!cited.includes(quote.paragraph)) {
      miscited.push({ quote: exact, cited, paragraph: quote.paragraph });
      tail += ` ${cite([quote.paragraph])}`;
    }
    // punctuation the model put inside the closing mark (not in the source) goes outside it,
    // after any citations that directly follow the quotation
    let after = span.close;
    for (const g of own) {
      if (g.start < after || !/^[ \t]*$/.test(text.slice(after, g.start))) break;
      after = g.end;
    }
    if (match.moved && after > span.close) edits.push({ start: after, end: after, pieces: [prose(match.moved)] });
    else tail += match.moved;
    edits.push({ start: span.innerStart, end: span.close, pieces: [{ kind: 'quote', text: exact }, prose(tail)] });
  });

  // citations: keep only retrieved paragraphs
  for (const g of citations) {
    const keep = [...new Set(g.nums.filter((n) => allowed.has(n)))];
    if (keep.length === g.nums.length && !g.bare && text.slice(g.start, g.end) === cite(keep)) continue;
    if (g.bare) {
      if (keep.length) continue;
      edits.push({ start: g.start, end: g.end, pieces: [prose('the document')] });
    } else if (keep.length) {
      edits.push({ start: g.start, end: g.end, pieces: [prose(cite(keep))] });
    } else {
      let s = g.start;
      while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
      edits.push({ start: s, end: g.end, pieces: [] });
    }
  }

  // removals win over every edit they overlap
  const merged = mergeRanges(removedRanges);
  const overlapsRemoval = (s: number, e: number) => merged.some(([a, b]) => s < b && e > a);
  const all: Edit[] = [
    ...edits.filter((e) => !overlapsRemoval(e.start, e.end === e.start ? e.start + 1 : e.end)),
    ...merged.map(([start, end]) => ({ start, end, pieces: [] })),
  ].sort((a, b) => a.start - b.start || a.end - b.end);

  const pieces: Piece[] = [];
  let pos = 0;
  for (const e of all) {
    if (e.start < pos) continue; // defensive: never apply overlapping edits
    pieces.push(prose(text.slice(pos, e.start)), ...e.pieces);
    pos = e.end;
  }
  pieces.push(prose(text.slice(pos)));

  const quotes: Quote[] = [];
  for (const v of verified) {
    if (overlapsRemoval(v.span.open, v.span.close)) continue;
    const q = v.quote;
    if (documentText(q.doc).slice(q.start, q.end) !== q.quote) continue;
    if (!quotes.some((x) => x.doc === q.doc && x.start === q.start && x.end === q.end)) quotes.push(q);
  }

  return { text: tidy(pieces), quotes, removed, droppedCitations, miscited };
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([...r]);
  }
  return out;
}

/** Tidy the prose between quotations (never the quotations themselves). */
function tidy(pieces: Piece[]): string {
  const joined: Piece[] = [];
  for (const p of pieces) {
    const last = joined[joined.length - 1];
    if (last && last.kind === 'prose' && p.kind === 'prose') last.text += p.text;
    else joined.push({ ...p });
  }
  for (const p of joined) {
    if (p.kind !== 'prose') continue;
    p.text = p.text
      .replace(/[ \t]{2,}/g, ' ')
      .replace(/[ \t]+([,.;:!?])/g, '$1')
      .replace(/\(\s*\)|\[\s*\]/g, '')
      .replace(/[ \t]+\n/g, '\n')
      .replace(/^[ \t]*(?:[-*•]|\d+[.)])[ \t]*$/gm, '')
      .replace(/\n{3,}/g, '\n\n');
  }
  if (joined.length && joined[0].kind === 'prose') joined[0].text = joined[0].text.replace(/^\s+/, '');
  const last = joined[joined.length - 1];
  if (last && last.kind === 'prose') last.text = last.text.replace(/\s+$/, '');
  return joined.map((p) => p.text).join('');
}

// ---------------------------------------------------------------------------
// Small helpers for building the Answer

/** Remove reasoning blocks (<think>…</think>) some local models emit; an unclosed one hides the rest. */
export function stripThinking(text: string): string {
  const closed = text.replace(/<think>[\s\S]*?<\/think>\s*/gi, '');
  const open = closed.search(/<think>/i);
  return open >= 0 ? closed.slice(0, open) : closed;
}

/**
 * A short lead line in the bot's own words: the first sentence of the
 * verified text when it holds no quotation (citations removed), else the
 * plain lead (no citations: each quotation carries its own).
 */
export function leadLine(text: string): string {
  const spans = findQuoteSpans(text);
  const [first] = splitSentences(text, spans);
  if (first) {
    const hasQuote = spans.some((s) => s.open < first[1] && s.close > first[0]);
    const sentence = text
      .slice(first[0], first[1])
      .replace(new RegExp(GROUP_RE.source, 'g'), '')
      .replace(/[ \t]+([,.;:!?])/g, '$1')
      .replace(/\s+/g, ' ')
      .trim();
    if (!hasQuote && sentence.length > 0 && sentence.length <= 240) return sentence;
  }
  return LEAD.llm;
}
