/**
 * Summary quality against reference highlights (CNN/Daily Mail's format: a
 * CSV with `id`, `article`, `highlights`, one highlight per line), scored
 * with ROUGE-1/2/L beside the LEAD-3 baseline in the same run.
 *
 * Systems:
 * - `lead-3`: the first three sentences of the article as segmented (the
 *   field's baseline; on Daily Mail text that includes bylines).
 * - `lead-3 (clean)`: the first three sentences a summary may use (no
 *   bylines, captions or fragments): a stronger, fairer baseline.
 * - `verbatim <length>`: our summary, one sentence per line.
 *
 * The first half of the rows (`dev`) is for tuning; the second (`test`) is
 * reported and never tuned on.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { UserError } from '../errors.js';
import { buildDocument } from '../ingest/document.js';
import { findQuotations } from '../quotes/index.js';
import { candidates } from '../summarize/candidates.js';
import { summarize } from '../summarize/summarize.js';
import type { StoredDocument, SummaryLength } from '../types.js';
import { meanRouge, rouge, type RougeScores } from './rouge.js';

export interface Article {
  id: string;
  article: string;
  highlights: string;
}

export type Split = 'dev' | 'test' | 'all';

/** Read every `.csv` in a folder (or one CSV file) with `id`, `article`, `highlights` columns. */
export async function readArticles(where: string): Promise<Article[]> {
  let files: string[];
  try {
    files = where.endsWith('.csv') ? [where] : (await readdir(where)).filter((f) => f.endsWith('.csv')).sort().map((f) => path.join(where, f));
  } catch (cause) {
    throw new UserError(`Cannot read ${where} (${(cause as NodeJS.ErrnoException).code ?? 'error'})`, { cause });
  }
  if (!files.length) throw new UserError(`No .csv file in ${where}; expected columns id, article, highlights.`);
  const out: Article[] = [];
  for (const f of files) {
    let rows: Record<string, string>[];
    try {
      rows = parse(await readFile(f, 'utf8'), { columns: true, skip_empty_lines: true, relax_column_count: true });
    } catch (cause) {
      throw new UserError(`${f} is not a readable CSV: ${(cause as Error).message}`, { cause });
    }
    for (const [i, r] of rows.entries()) {
      if (typeof r.article !== 'string' || typeof r.highlights !== 'string') throw new UserError(`${f}: row ${i + 1} has no article/highlights column.`);
      out.push({ id: r.id || `${path.basename(f)}#${i + 1}`, article: r.article, highlights: r.highlights });
    }
  }
  return out;
}

/** The dev half (first) or the test half (second) of the rows. */
export function split<T>(rows: T[], which: Split): T[] {
  const half = Math.ceil(rows.length / 2);
  return which === 'dev' ? rows.slice(0, half) : which === 'test' ? rows.slice(half) : rows;
}

export interface SystemResult {
  system: string;
  scores: RougeScores;
  /** Mean words per summary. */
  words: number;
}

const wordsOf = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** The sentences of a document, one per line, as the ROUGE candidate. */
const asLines = (doc: StoredDocument, spans: { start: number; end: number }[]) => spans.map((s) => doc.text.slice(s.start, s.end).replace(/\s+/g, ' ').trim()).join('\n');

/** Score LEAD-3, clean LEAD-3 and our summaries of the given lengths on these articles. */
export async function evaluateSummaries(articles: Article[], lengths: SummaryLength[] = ['short']): Promise<SystemResult[]> {
  const runs = new Map<string, { scores: RougeScores[]; words: number[] }>();
  const add = (system: string, candidate: string, reference: string) => {
    const r = runs.get(system) ?? { scores: [], words: [] };
    r.scores.push(rouge(candidate, reference));
    r.words.push(wordsOf(candidate));
    runs.set(system, r);
  };
  for (const a of articles) {
    const doc = buildDocument({ id: a.id, path: a.id, text: a.article });
    const reference = a.highlights;
    add('lead-3', asLines(doc, doc.sentences.slice(0, 3)), reference);
    const quotations = findQuotations(doc);
    add('lead-3 (clean)', asLines(doc, candidates([doc], quotations).slice(0, 3)), reference);
    for (const length of lengths) {
      const s = await summarize([doc], { length, quotations });
      add(`verbatim ${length}`, asLines(doc, s.summary), reference);
    }
  }
  return [...runs].map(([system, r]) => ({ system, scores: meanRouge(r.scores), words: r.words.reduce((s, x) => s + x, 0) / (r.words.length || 1) }));
}

/** A markdown table of F1 (×100), recall in brackets. */
export function rougeTable(results: SystemResult[], title: string): string {
  const pct = (x: number) => (100 * x).toFixed(1);
  const lines = [`${title}`, '', '| system | ROUGE-1 F (R) | ROUGE-2 F (R) | ROUGE-L F (R) | words |', '|---|--:|--:|--:|--:|'];
  for (const r of results) {
    const { rouge1, rouge2, rougeL } = r.scores;
    lines.push(`| ${r.system} | ${pct(rouge1.f)} (${pct(rouge1.r)}) | ${pct(rouge2.f)} (${pct(rouge2.r)}) | ${pct(rougeL.f)} (${pct(rougeL.r)}) | ${r.words.toFixed(0)} |`);
  }
  return lines.join('\n');
}
