/**
 * `npm run eval:summary -- <folder|file.csv> [--split dev|test|all] [--length short,medium]`
 * scores summaries with ROUGE-1/2/L against reference highlights, beside
 * LEAD-3 computed in the same run (see src/eval/summary-eval.ts).
 *
 * @example
 * npm run eval:summary -- ../shared/eval/cnn-dailymail-sample --split test
 */
import { Command, Option } from 'commander';
import { UserError } from '../errors.js';
import { evaluateSummaries, readArticles, rougeTable, split, type Split } from '../eval/summary-eval.js';
import type { SummaryLength } from '../types.js';
import { parseArgs, run } from './common.js';

await run(async () => {
  const program = new Command()
    .name('eval:summary')
    .description('ROUGE-1/2/L of summaries against reference highlights (CSV: id, article, highlights), beside LEAD-3.')
    .argument('<data>', 'a folder of .csv files or one .csv file')
    .addOption(new Option('--split <split>', 'dev = first half (tuning), test = second half (held out), all').choices(['dev', 'test', 'all']).default('all'))
    .option('--length <lengths>', 'summary lengths to score, comma-separated', 'short');
  const parsed = parseArgs(program);
  if (parsed !== null) return parsed;
  const opts = program.opts<{ split: Split; length: string }>();
  const lengths = opts.length.split(',').map((s) => s.trim());
  const bad = lengths.find((l) => !['short', 'medium', 'long'].includes(l));
  if (bad) throw new UserError(`Unknown length "${bad}"; use short, medium or long.`);
  const splits: Split[] = opts.split === 'all' ? ['dev', 'test', 'all'] : [opts.split];
  const articles = await readArticles(program.args[0]!);
  for (const which of splits) {
    const rows = split(articles, which);
    const results = await evaluateSummaries(rows, lengths as SummaryLength[]);
    process.stdout.write(`${rougeTable(results, `${which} (${rows.length} articles)`)}\n\n`);
  }
  return 0;
});
