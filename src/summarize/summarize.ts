/**
 * Extractive summaries a reader would make with scissors: whole, cited,
 * verbatim sentences of the document, in its order.
 *
 * 1. Candidates ({@link candidates}): body sentences, no captions, page
 *    furniture, repeats or fragments.
 * 2. Score: centrality (TextRank and centroid similarity over TF-IDF or the
 *    embedder's vectors), position (news puts the point first; counted by
 *    paragraph leads, so ¶2's first sentence comes before ¶1's third) and
 *    similarity to the title, weighted as tuned on CNN/Daily Mail
 *    (`npm run eval:summary`).
 * 3. Roles first: the lead (the document's first sentence), the sentence the
 *    title points to (the title's words, e.g. the quotation a headline
 *    quotes), then the key quotation(s) with a speaker the quotation index
 *    knows; the rest by score with MMR against redundancy.
 * 4. No sentence whose he/she has no person: the person must be named in the
 *    summary sentence just before it (or that sentence is the one just before
 *    it in the document), or be the known speaker of its quotation.
 * 5. Length relative to the document ({@link summaryLength}), never all of it.
 *    Output in document order, each `{ doc, paragraph, start, end, quote }`
 *    with `quote === doc.text.slice(start, end)` and, for a sentence of
 *    direct speech, its attribution.
 */
import type { Embedder } from '../embed/types.js';
import { terms } from '../retrieve/terms.js';
import type { Quotation, Quote, StoredDocument, Summary, SummaryLength } from '../types.js';
import { candidates, wordCount, type Candidate } from './candidates.js';
import { cosine, embeddingSpace, scale, textRank, tfidfSpace, type Space } from './centrality.js';
import { summaryLength } from './length.js';
import { names } from './pronouns.js';
import { styleFree } from '../verify/normalize.js';

export { summaryLength } from './length.js';

export interface SummarizeOptions {
  length?: SummaryLength;
  /** Restrict to sentences about this topic. */
  focus?: string | null;
  /** Use these vectors for centrality; null/absent = TF-IDF. */
  embedder?: Embedder | null;
  /** The quotation index of these documents: who said what (for key quotations and "he said"). */
  quotations?: readonly Quotation[];
}

/** The weights of the score, tuned on the first 50 CNN/Daily Mail articles (`npm run eval:summary -- --split dev`). */
export const SUMMARY_WEIGHTS = {
  /** Centrality (TextRank + centroid, averaged). */
  centrality: 0.5,
  /** Position: 1 for the first sentence, decaying with {@link SUMMARY_WEIGHTS.decay}. */
  position: 1,
  /** Decay of the position score per step into the document (a candidate's `leadDistance`: one per paragraph before it, one per sentence before it in its own). */
  decay: 0.6,
  /** Similarity to the title. */
  title: 0.5,
  /** Bonus for a key quotation (direct speech with a known speaker). */
  quotation: 0.1,
  /** MMR: weight of the score against redundancy. */
  mmr: 0.7,
};

/**
 * Key quotations (with a known speaker) placed by role, per length. Short
 * summaries take one only by score or as the title's point: forcing one cost
 * 4 ROUGE-1 points on the dev half (39.0 → 34.6).
 */
export const SUMMARY_QUOTATIONS: Record<SummaryLength, number> = { short: 0, medium: 3, long: 4 };
/** A key quotation is direct speech: at least this share of its sentence's words (not a phrase quoted in reported speech)… */
const MIN_QUOTATION_SHARE = 0.4;
/** …and says something ("No, not initially" does not). */
const MIN_QUOTATION_WORDS = 8;
/** The title must share at least this much (cosine) with a sentence for it to be "the title's point". */
const MIN_TITLE_SIM = 0.15;
/** Above this similarity two sentences say the same thing: never both chosen. */
const NEAR_DUPLICATE = 0.9;
/** TextRank runs on at most this many candidates (the most central by centroid similarity). */
const MAX_GRAPH = 1500;

/**
 * Summarise documents as a list of cited sentences.
 *
 * @example
 * const s = await summarize([doc], { length: 'short', quotations: findQuotations(doc) });
 * s.summary.map((q) => `“${q.quote}” (¶${q.paragraph})`);
 * (await summarize([doc], { focus: 'climate change' })).note; // 'Nothing in the document is about "climate change".'
 */
export async function summarize(docs: StoredDocument[], opts: SummarizeOptions = {}): Promise<Summary> {
  const length = opts.length ?? 'medium';
  const focus = opts.focus?.trim() ? opts.focus.trim() : null;
  const result: Summary = { summary: [], length, focus };
  const where = docs.length > 1 ? 'the documents' : 'the document';

  // A text that is all headline or caption (a heading paragraph asked for alone) is summarised by what it has.
  let cands = candidates(docs, opts.quotations);
  if (!cands.length) cands = candidates(docs, opts.quotations, { loose: true });
  if (!cands.length) return { ...result, note: `There is no body text in ${where} to summarise.` };
  const budget = summaryLength(length, cands.length);

  let relevance: number[] | null = null;
  if (focus) {
    const want = [...new Set(terms(focus))];
    if (!want.length) return { ...result, note: `"${focus}" has no words to look for; try a topic such as "regional cooperation".` };
    const scored = cands.map((c) => {
      const have = new Set(c.terms);
      return want.filter((t) => have.has(t)).length / want.length;
    });
    const keep = cands.map((_, i) => i).filter((i) => scored[i]! > 0);
    if (!keep.length) return { ...result, note: `Nothing in ${where} is about "${focus}".` };
    cands = keep.map((i) => cands[i]!);
    relevance = keep.map((i) => scored[i]!);
  }
  const vectors = opts.embedder ? await opts.embedder.embedPassages(cands.map((c) => c.text)) : null;
  if (focus && relevance && opts.embedder && vectors) {
    // Semantic relevance refines the order among the sentences that mention the topic.
    const q = await opts.embedder.embedQuery(focus);
    relevance = relevance.map((r, i) => 0.5 * r + 0.5 * Math.max(0, cosine(q, vectors[i]!)));
  }

  const tfidf = tfidfSpace(cands.map((c) => c.terms));
  const space: Space = vectors ? embeddingSpace(vectors) : tfidf;
  const sim = space.sim;
  const centroid = space.centroid();
  let idx = cands.map((_, i) => i);
  if (idx.length > MAX_GRAPH) idx = [...idx].sort((a, b) => centroid[b]! - centroid[a]!).slice(0, MAX_GRAPH);
  const rank = scale(textRank(idx, sim));
  const central = scale(idx.map((i) => centroid[i]!));
  const titleSim = titleSimilarity(docs, cands, tfidf);
  const W = SUMMARY_WEIGHTS;
  let score = idx.map((i, k) => W.centrality * 0.5 * (central[k]! + rank[k]!) + W.position * W.decay ** cands[i]!.leadDistance + W.title * titleSim[i]! + (isKeyQuotation(cands[i]!) ? W.quotation : 0));
  if (relevance) score = score.map((s, k) => 0.5 * s + 0.5 * relevance![idx[k]!]!);

  const chosen: number[] = []; // positions in idx
  const pool = new Set(idx.map((_, k) => k));
  const redundancy = (k: number) => (chosen.length ? Math.max(...chosen.map((c) => sim(idx[k]!, idx[c]!))) : 0);
  /**
   * Would candidate b read right after a (a = null: first of its document)?
   * Its he/she's person must be named in a, or a must be the sentence just
   * before it in the document (a continuous cut reads as the document does).
   */
  const readsAfter = (b: Candidate, a: Candidate | null) => {
    if (b.needs === null) return true;
    if (!a) return false;
    if (a.docIndex === b.docIndex && a.position === b.position - 1) return true;
    return !!b.needs && (names(a.text).some((n) => n.word === b.needs) || !!a.quotation?.speaker?.split(/\s+/).includes(b.needs));
  };
  /** The chosen sentences of k's document just before and just after it. */
  const neighbours = (k: number) => {
    const c = cands[idx[k]!]!;
    let before: Candidate | null = null;
    let after: Candidate | null = null;
    for (const j of chosen) {
      const o = cands[idx[j]!]!;
      if (o.docIndex !== c.docIndex) continue;
      if (o.start < c.start && (!before || o.start > before.start)) before = o;
      if (o.start > c.start && (!after || o.start < after.start)) after = o;
    }
    return { c, before, after };
  };
  /** Adding k keeps every he/she of the summary readable: k's own, and that of the chosen sentence it would precede. */
  const readable = (k: number) => {
    const { c, before, after } = neighbours(k);
    return readsAfter(c, before) && (!after || readsAfter(after, c));
  };
  const eligible = (k: number) => pool.has(k) && redundancy(k) < NEAR_DUPLICATE && readable(k);
  const take = (k: number | undefined) => {
    if (k === undefined || chosen.length >= budget || !eligible(k)) return;
    chosen.push(k);
    pool.delete(k);
  };
  const best = (ks: number[]) => ks.filter(eligible).sort((a, b) => score[b]! - score[a]!)[0];

  if (!focus) {
    // The lead of each document, then the point its title makes.
    for (let d = 0; d < docs.length; d++) take(idx.findIndex((i) => cands[i]!.docIndex === d && cands[i]!.position === 0));
    for (let d = 0; d < docs.length; d++) {
      const ks = idx.map((_, k) => k).filter((k) => cands[idx[k]!]!.docIndex === d && titleSim[idx[k]!]! >= MIN_TITLE_SIM);
      take(ks.sort((a, b) => titleSim[idx[b]!]! - titleSim[idx[a]!]!).find(eligible));
    }
  }
  // Key quotations with their speaker.
  const quoted = idx.map((_, k) => k).filter((k) => isKeyQuotation(cands[idx[k]!]!));
  const haveQuotes = () => chosen.filter((k) => isKeyQuotation(cands[idx[k]!]!)).length;
  // At most half the summary is quotations: the story around them is the rest.
  const quota = Math.min(SUMMARY_QUOTATIONS[length], Math.floor(budget / 2));
  while (haveQuotes() < quota && chosen.length < budget) {
    const k = best(quoted);
    if (k === undefined) break;
    take(k);
  }
  // The rest by score, against redundancy.
  while (chosen.length < budget) {
    let pick = -1;
    let value = -Infinity;
    for (const k of pool) {
      if (!eligible(k)) continue;
      const v = W.mmr * score[k]! - (1 - W.mmr) * redundancy(k);
      if (v > value) {
        value = v;
        pick = k;
      }
    }
    if (pick === -1) break;
    take(pick);
  }
  // A document of several paragraphs is not summarised from one alone (an encyclopedia entry's long first paragraph holds
  // every lead-weighted sentence): the last sentence taken gives way to the best readable one of another paragraph.
  if (!focus && docs.length === 1 && chosen.length >= 2) {
    const paragraphOf = (k: number) => cands[idx[k]!]!.paragraph;
    const only = paragraphOf(chosen[0]!);
    if (chosen.every((k) => paragraphOf(k) === only)) {
      const dropped = chosen.pop()!;
      pool.add(dropped);
      const other = best([...pool].filter((k) => paragraphOf(k) !== only));
      if (other !== undefined) take(other);
      else {
        pool.delete(dropped);
        chosen.push(dropped);
      }
    }
  }
  // Nothing opens readably (a paragraph or a one-paragraph text whose every sentence says "he"): the continuous cut
  // from its first sentence reads as the document does, so that is the summary rather than none.
  if (!chosen.length && idx.length) {
    const order = idx.map((_, k) => k).sort((a, b) => cands[idx[a]!]!.docIndex - cands[idx[b]!]!.docIndex || cands[idx[a]!]!.position - cands[idx[b]!]!.position);
    for (const k of order) {
      const prev = chosen.length ? cands[idx[chosen[chosen.length - 1]!]!]! : null;
      const c = cands[idx[k]!]!;
      if (chosen.length >= budget || (prev && (prev.docIndex !== c.docIndex || prev.position !== c.position - 1))) break;
      chosen.push(k);
    }
  }

  result.summary = chosen
    .map((k) => cands[idx[k]!]!)
    .sort((a, b) => a.docIndex - b.docIndex || a.start - b.start)
    .map(toQuote);
  return result;
}

/** Direct speech with a known speaker, not a phrase quoted in reported speech. */
const isKeyQuotation = (c: Candidate) => {
  const n = wordCount(c.quotation?.quote ?? '');
  return !!c.quotation?.speaker && n >= MIN_QUOTATION_WORDS && n >= MIN_QUOTATION_SHARE * wordCount(c.text);
};

/** The document's real title (a title paragraph, or one the source gave), or null. */
function realTitle(doc: StoredDocument): string | null {
  const p = doc.paragraphs.find((x) => x.kind === 'title');
  if (p) return doc.text.slice(p.start, p.end).replace(/^#+\s*/, '');
  const base = doc.path.split(/[\\/]/).pop();
  return doc.title && doc.title !== base ? doc.title : null;
}

/** Quoted phrases of a title: Annan stresses ‘multilateralism and joint action’ at … → ['multilateralism and joint action']. */
export function titleQuotations(title: string): string[] {
  const out: string[] = [];
  for (const m of title.matchAll(/(?<![\p{L}])[‘“"']([^‘’“”"]{3,}?)[’”"'](?![\p{L}])/gu)) out.push(m[1]!.trim());
  return out;
}

/** Case, quotation marks, dash style and whitespace aside. */
const squash = (s: string) => styleFree(s).toLowerCase().replace(/["']/g, '');

/**
 * Each candidate's similarity to its own document's title (0 without one):
 * 1 for a sentence holding a phrase the title quotes, else the TF-IDF cosine.
 */
function titleSimilarity(docs: StoredDocument[], cands: Candidate[], space: Space): number[] {
  const out = new Array<number>(cands.length).fill(0);
  docs.forEach((doc, d) => {
    const title = realTitle(doc);
    if (!title || !space.against) return;
    const s = space.against(title);
    const phrases = titleQuotations(title).map(squash);
    cands.forEach((c, i) => {
      if (c.docIndex !== d) return;
      const text = squash(c.text);
      out[i] = phrases.some((p) => text.includes(p)) ? 1 : s[i]!;
    });
  });
  return out;
}

function toQuote(c: Candidate): Quote {
  const q: Quote = { doc: c.doc.id, paragraph: c.paragraph, start: c.start, end: c.end, quote: c.doc.text.slice(c.start, c.end) };
  if (c.quotation?.speaker && isKeyQuotation(c)) {
    const { speaker, cue, addressee, setting } = c.quotation;
    q.attribution = { speaker, cue, addressee, setting };
  }
  return q;
}
