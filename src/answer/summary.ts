/**
 * Extractive summaries made of cited, verbatim sentences.
 *
 * 1. Candidates: the sentences of body paragraphs (never the title, a
 *    repeated title or a site tagline), exact repeats dropped.
 * 2. Vectors: the embedder's when one is given, else TF-IDF over stemmed
 *    terms (the same terms as lexical retrieval).
 * 3. Centrality: TextRank (PageRank over the cosine-similarity graph) and
 *    similarity to the centroid, each scaled to [0, 1], averaged.
 * 4. Focus (optional): only sentences that share a stemmed content term with
 *    the focus are eligible, ranked half by centrality, half by relevance.
 * 5. Selection: MMR — the best score minus redundancy with what is already
 *    chosen — so the summary covers different points; near-duplicates are
 *    never both chosen.
 * 6. Output in document order, each `{ doc, paragraph, start, end, quote }`
 *    with `quote === doc.text.slice(start, end)`.
 */
import type { Embedder } from '../embed/types.js';
import { terms } from '../retrieve/terms.js';
import type { Quote, StoredDocument, Summary, SummaryLength } from '../types.js';

/** Sentences per length: short ≈ 3, medium ≈ 5, long ≈ 8 (fewer when the document has fewer). */
export const SUMMARY_SENTENCES: Record<SummaryLength, number> = { short: 3, medium: 5, long: 8 };

export interface SummarizeOptions {
  length?: SummaryLength;
  /** Restrict to sentences about this topic. */
  focus?: string | null;
  /** Use these vectors for centrality; null/absent = TF-IDF. */
  embedder?: Embedder | null;
}

/** Weight of relevance against redundancy in MMR. */
const MMR_LAMBDA = 0.7;
/** Above this similarity two sentences say the same thing: never both chosen. */
const NEAR_DUPLICATE = 0.9;
/** Sentences shorter than this many words are not summary material ("He agreed."). */
const MIN_WORDS = 4;
/** TextRank runs on at most this many candidates (the most central by centroid similarity). */
const MAX_GRAPH = 1500;

interface Candidate {
  doc: StoredDocument;
  docIndex: number;
  paragraph: number;
  start: number;
  end: number;
  text: string;
  terms: string[];
}

type Sim = (i: number, j: number) => number;

/**
 * Summarise documents as a list of cited sentences.
 *
 * @example
 * const s = await summarize([doc], { length: 'short' });
 * s.summary.map((q) => `“${q.quote}” (¶${q.paragraph})`);
 * (await summarize([doc], { focus: 'climate change' })).note; // 'Nothing in the document is about "climate change".'
 */
export async function summarize(docs: StoredDocument[], opts: SummarizeOptions = {}): Promise<Summary> {
  const length = opts.length ?? 'medium';
  const focus = opts.focus?.trim() ? opts.focus.trim() : null;
  const result: Summary = { summary: [], length, focus };
  const where = docs.length > 1 ? 'the documents' : 'the document';

  let cands = candidates(docs);
  if (!cands.length) return { ...result, note: `There is no body text in ${where} to summarise.` };

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

  const space = vectors ? embeddingSpace(vectors) : tfidfSpace(cands);
  const sim = space.sim;
  const centroid = space.centroid();
  let idx = cands.map((_, i) => i);
  if (idx.length > MAX_GRAPH) idx = [...idx].sort((a, b) => centroid[b]! - centroid[a]!).slice(0, MAX_GRAPH);
  const rank = textRank(idx, sim);
  const c1 = scale(idx.map((i) => centroid[i]!));
  const c2 = scale(rank);
  let score = idx.map((_, k) => 0.5 * c1[k]! + 0.5 * c2[k]!);
  if (relevance) score = score.map((s, k) => 0.5 * s + 0.5 * relevance![idx[k]!]!);

  const want = Math.min(SUMMARY_SENTENCES[length], idx.length);
  const chosen: number[] = []; // positions in idx
  const pool = new Set(idx.map((_, k) => k));
  while (chosen.length < want && pool.size) {
    let best = -1;
    let bestValue = -Infinity;
    for (const k of pool) {
      const redundancy = chosen.length ? Math.max(...chosen.map((c) => sim(idx[k]!, idx[c]!))) : 0;
      if (redundancy >= NEAR_DUPLICATE) continue;
      const v = MMR_LAMBDA * score[k]! - (1 - MMR_LAMBDA) * redundancy;
      if (v > bestValue) {
        bestValue = v;
        best = k;
      }
    }
    if (best === -1) break;
    chosen.push(best);
    pool.delete(best);
  }

  result.summary = chosen
    .map((k) => cands[idx[k]!]!)
    .sort((a, b) => a.docIndex - b.docIndex || a.start - b.start)
    .map(
      (c): Quote => ({ doc: c.doc.id, paragraph: c.paragraph, start: c.start, end: c.end, quote: c.doc.text.slice(c.start, c.end) }),
    );
  return result;
}

function candidates(docs: StoredDocument[]): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  docs.forEach((doc, docIndex) => {
    const body = new Set(doc.paragraphs.filter((p) => p.kind === 'body').map((p) => p.n));
    for (const s of doc.sentences) {
      if (s.paragraph <= 0 || !body.has(s.paragraph)) continue;
      const text = doc.text.slice(s.start, s.end);
      const key = text.toLowerCase().replace(/\s+/g, ' ').trim();
      if (seen.has(key)) continue;
      if (text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length < MIN_WORDS) continue;
      seen.add(key);
      out.push({ doc, docIndex, paragraph: s.paragraph, start: s.start, end: s.end, text, terms: terms(text) });
    }
  });
  return out;
}

/** Sentence vectors: pairwise cosine, and each sentence's cosine with the centroid. */
interface Space {
  sim: Sim;
  centroid(): number[];
}

/** L2-normalised TF-IDF vectors (sparse). */
function tfidfSpace(cands: Candidate[]): Space {
  const df = new Map<string, number>();
  for (const c of cands) for (const t of new Set(c.terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = cands.length;
  const vecs = cands.map((c) => {
    const tf = new Map<string, number>();
    for (const t of c.terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, f] of tf) {
      const w = (1 + Math.log(f)) * (Math.log((n + 1) / (df.get(t)! + 1)) + 1);
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    return v;
  });
  const sparseDot = (a: Map<string, number>, b: Map<string, number>) => {
    const [x, y] = a.size < b.size ? [a, b] : [b, a];
    let s = 0;
    for (const [t, w] of x) s += w * (y.get(t) ?? 0);
    return s;
  };
  return {
    sim: (i, j) => (i === j ? 1 : sparseDot(vecs[i]!, vecs[j]!)),
    centroid() {
      const c = new Map<string, number>();
      for (const v of vecs) for (const [t, w] of v) c.set(t, (c.get(t) ?? 0) + w);
      const norm = Math.sqrt([...c.values()].reduce((s, w) => s + w * w, 0)) || 1;
      return vecs.map((v) => sparseDot(v, c) / norm);
    },
  };
}

/** The embedder's vectors (re-normalised). */
function embeddingSpace(vs: Float32Array[]): Space {
  const unit = vs.map((v) => {
    const n = Math.sqrt(dense(v, v)) || 1;
    return v.map((x) => x / n);
  });
  return {
    sim: (i, j) => (i === j ? 1 : dense(unit[i]!, unit[j]!)),
    centroid() {
      const c = new Float32Array(unit[0]?.length ?? 0);
      for (const v of unit) for (let k = 0; k < v.length; k++) c[k]! += v[k]!;
      const norm = Math.sqrt(dense(c, c)) || 1;
      return unit.map((v) => dense(v, c) / norm);
    },
  };
}

const cosine = (a: Float32Array, b: Float32Array) => dense(a, b) / (Math.sqrt(dense(a, a) * dense(b, b)) || 1);

function dense(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
  return s;
}

/** PageRank over the similarity graph of the given candidates (weights = positive cosine). */
function textRank(idx: number[], sim: Sim, damping = 0.85, iterations = 40): number[] {
  const n = idx.length;
  if (n === 1) return [1];
  const w = Array.from({ length: n }, () => new Float32Array(n));
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++) {
      const v = Math.max(0, sim(idx[a]!, idx[b]!));
      w[a]![b] = v;
      w[b]![a] = v;
    }
  const out = w.map((row) => row.reduce((s, x) => s + x, 0));
  let r = new Array<number>(n).fill(1 / n);
  for (let it = 0; it < iterations; it++) {
    const next = new Array<number>(n).fill((1 - damping) / n);
    for (let a = 0; a < n; a++) {
      if (out[a] === 0) {
        for (let b = 0; b < n; b++) next[b]! += (damping * r[a]!) / n;
        continue;
      }
      for (let b = 0; b < n; b++) if (w[a]![b]) next[b]! += (damping * r[a]! * w[a]![b]!) / out[a]!;
    }
    r = next;
  }
  return r;
}

function scale(xs: number[]): number[] {
  const lo = xs.reduce((m, x) => Math.min(m, x), Infinity);
  const hi = xs.reduce((m, x) => Math.max(m, x), -Infinity);
  return xs.map((x) => (hi > lo ? (x - lo) / (hi - lo) : 1));
}
