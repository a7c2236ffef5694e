/**
 * Rendering an {@link EvalReport}: the `--json` object and the summary table.
 */
import { SYSTEMS, type EvalReport, type SystemMetrics, type SystemName } from './run.js';

export interface JsonReport {
  dataset: string;
  n: number;
  k: number;
  systems: Record<SystemName, SystemMetrics | null>;
  /** Per `meta` group ("source=cnn", "ambiguity=ambiguous"…), same shape. */
  breakdown: Record<string, { n: number; systems: Record<SystemName, SystemMetrics | null> }>;
}

const round = (x: number | null, digits: number) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);
const roundMetrics = (m: SystemMetrics | null): SystemMetrics | null =>
  m && {
    evidenceRecallAtK: round(m.evidenceRecallAtK, 4),
    evidenceInAnswer: round(m.evidenceInAnswer, 4),
    f1: round(m.f1, 4),
    em: round(m.em, 4),
    refusalPrecision: round(m.refusalPrecision, 4),
    refusalRecall: round(m.refusalRecall, 4),
    refused: round(m.refused ?? null, 4),
    quoteValidity: round(m.quoteValidity, 4),
    p50Ms: round(m.p50Ms, 1),
    p95Ms: round(m.p95Ms, 1),
  };
const roundSystems = (s: Record<SystemName, SystemMetrics | null>) => Object.fromEntries(SYSTEMS.map((k) => [k, roundMetrics(s[k])])) as Record<SystemName, SystemMetrics | null>;

/**
 * The `--json` object: `{ dataset, n, k, systems: { bm25, vector, hybrid }, breakdown }`.
 *
 * @example
 * JSON.stringify(formatJsonReport('squad-dev', report));
 */
export function formatJsonReport(dataset: string, report: EvalReport): JsonReport {
  return {
    dataset,
    n: report.n,
    k: report.k,
    systems: roundSystems(report.systems),
    breakdown: Object.fromEntries(Object.entries(report.breakdown).map(([g, b]) => [g, { n: b.n, systems: roundSystems(b.systems) }])),
  };
}

const pct = (x: number | null) => (x === null ? '—' : (x * 100).toFixed(1));
const ms = (x: number | null) => (x === null ? '—' : x.toFixed(1));

function render(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]) => '| ' + r.map((x, c) => (c < 2 ? x.padEnd(widths[c]) : x.padStart(widths[c]))).join(' | ') + ' |';
  const sep = '|' + widths.map((w, c) => '-'.repeat(w + 1) + (c < 2 ? '-' : ':')).join('|') + '|';
  return [line(rows[0]), sep, ...rows.slice(1).map(line)].join('\n');
}

/**
 * The human summary: one row per (group, system), metrics in percent, latency in ms.
 *
 * @example
 * console.log(formatTable('squad-dev', report, { model: null, warnings: [] }));
 */
export function formatTable(dataset: string, report: EvalReport, info: { model: string | null; warnings: string[] }): string {
  const header = ['group', 'system', 'n', `R@${report.k}`, 'in-answer', 'F1', 'EM', 'refused', 'refusal P', 'refusal R', 'valid', 'p50 ms', 'p95 ms'];
  const rows: string[][] = [header];
  const add = (group: string, n: number, systems: Record<SystemName, SystemMetrics | null>) => {
    for (const s of SYSTEMS) {
      const m = systems[s];
      if (!m) {
        rows.push([group, s, String(n), ...Array(header.length - 3).fill('—')]);
        continue;
      }
      rows.push([group, s, String(n), pct(m.evidenceRecallAtK), pct(m.evidenceInAnswer), pct(m.f1), pct(m.em), pct(m.refused ?? null), pct(m.refusalPrecision), pct(m.refusalRecall), pct(m.quoteValidity), ms(m.p50Ms), ms(m.p95Ms)]);
    }
  };
  add('all', report.n, report.systems);
  for (const [g, b] of Object.entries(report.breakdown)) add(g, b.n, b.systems);
  const lines = [`${dataset}: ${report.n} scored turns, k = ${report.k}, model: ${info.model ?? 'none (lexical only)'}`, '', render(rows), ''];
  lines.push('Metrics in %; — = not applicable. R@k: a retrieved chunk overlaps the gold evidence. in-answer: a quotation overlaps the evidence or contains the gold answer.');
  lines.push('F1/EM: SQuAD-official, on the shortest quoted sentence (max over gold answers). refused: share of turns refused; refusal P/R: against gold "unanswerable"/"unknown". valid: quotations verbatim in the source.');
  const checked = SYSTEMS.reduce((a, s) => a + report.quotes[s].checked, 0);
  const invalid = SYSTEMS.reduce((a, s) => a + report.quotes[s].invalid, 0);
  lines.push(`Quote check: ${checked - invalid}/${checked} quotations verbatim across all asked turns${invalid ? ' — FAILED' : ''}.`);
  if (report.unresolvedEvidence) lines.push(`${report.unresolvedEvidence} scored turns had evidence text not found in the document (excluded from R@k).`);
  for (const w of info.warnings) lines.push(`Warning: ${w}`);
  return lines.join('\n');
}
