/**
 * The passage nearest to a claim that is not in the document word for word:
 * runs of one to three sentences are aligned with the claim word by word
 * (jsdiff's `diffArrays`, case-insensitive, style-free), and the aligned part
 * — from the first to the last shared word, widened by the claim's unmatched
 * words at either end — is scored by 2·common / (claim words + passage words).
 */
import { diffArrays } from 'diff';
import type { Span, StoredDocument } from '../types.js';
import { styleFree } from './normalize.js';

interface Token extends Span {
  key: string;
}

export interface Nearest extends Span {
  doc: StoredDocument;
  paragraph: number;
  /** 2·common / (claim words + passage words), in [0, 1]. */
  similarity: number;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
/** Longest run of sentences a claim is compared with. */
const MAX_SENTENCES = 3;
/** Runs aligned in full per claim: the ones sharing the most words with it. */
const SHORTLIST = 40;

export function tokens(text: string, offset = 0): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ key: styleFree(m[0]).toLowerCase(), start: offset + m.index, end: offset + m.index + m[0].length }));
}

const cache = new WeakMap<StoredDocument, Token[][]>();
/** Each sentence's tokens (document offsets). */
function sentenceTokens(doc: StoredDocument): Token[][] {
  let t = cache.get(doc);
  if (!t) cache.set(doc, (t = doc.sentences.map((s) => tokens(doc.text.slice(s.start, s.end), s.start))));
  return t;
}

/**
 * @example
 * nearestPassage([doc], 'We need to make sure that multilateralism and joint action');
 * // { doc, paragraph: 2, start: 1, end: 60, similarity: 0.84 }
 */
export function nearestPassage(docs: StoredDocument[], claim: string): Nearest | null {
  const want = tokens(claim).map((t) => t.key);
  if (!want.length) return null;
  const wantSet = new Set(want);
  // Runs of consecutive sentences within a paragraph-respecting document, shortlisted by shared words.
  const runs: { doc: StoredDocument; first: number; toks: Token[]; shared: number }[] = [];
  for (const doc of docs) {
    const st = sentenceTokens(doc);
    for (let i = 0; i < st.length; i++) {
      let toks: Token[] = [];
      for (let k = 0; k < MAX_SENTENCES && i + k < st.length; k++) {
        toks = toks.concat(st[i + k]!);
        const shared = new Set(toks.map((t) => t.key).filter((x) => wantSet.has(x))).size;
        if (shared) runs.push({ doc, first: i, toks, shared });
        if (toks.length > 2 * want.length + 20) break;
      }
    }
  }
  runs.sort((a, b) => b.shared - a.shared);
  let best: Nearest | null = null;
  for (const run of runs.slice(0, SHORTLIST)) {
    const m = align(run.toks, want);
    if (!m) continue;
    const passage = m.last - m.first + 1;
    const similarity = (2 * m.common) / (want.length + passage);
    if (!best || similarity > best.similarity) {
      const paragraph = run.doc.sentences[run.first]!.paragraph;
      best = { doc: run.doc, paragraph, start: run.toks[m.first]!.start, end: run.toks[m.last]!.end, similarity };
    }
  }
  return best;
}

/** Align claim words with a run's words: the common count and the run's aligned index range (widened for unmatched claim words at the edges). */
function align(run: Token[], want: string[]): { common: number; first: number; last: number } | null {
  const parts = diffArrays(
    run.map((t) => t.key),
    want,
  );
  let i = 0; // index in run
  let j = 0; // index in claim
  let common = 0;
  let first = -1;
  let last = -1;
  let firstClaim = -1;
  let lastClaim = -1;
  for (const p of parts) {
    const n = p.count ?? p.value.length;
    if (p.added) j += n;
    else if (p.removed) i += n;
    else {
      if (first < 0) {
        first = i;
        firstClaim = j;
      }
      last = i + n - 1;
      lastClaim = j + n - 1;
      common += n;
      i += n;
      j += n;
    }
  }
  if (!common) return null;
  // The claim's words before the first and after the last shared word stand for the run's words there (a changed first or last word).
  first = Math.max(0, first - firstClaim);
  last = Math.min(run.length - 1, last + (want.length - 1 - lastClaim));
  return { common, first, last };
}
