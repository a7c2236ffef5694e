/**
 * `npm run feedback`: what users said with 👍/👎 on answers.
 * `--export [file]` writes the 👎 ones as `npm run eval` JSONL (stdout when no file).
 */
import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { parseArgs, run, setup, type Cli } from './common.js';

let cli: Cli | undefined;
await run(async () => {
  const program = new Command()
    .name('feedback')
    .description('Show feedback on answers; --export writes the thumbs-down ones as eval JSONL.')
    .option('--export [file]', 'write thumbs-down feedback as `npm run eval` JSONL (stdout when no file is given)')
    .option('--all', 'with --export: thumbs-up too');
  const parsed = parseArgs(program);
  if (parsed !== null) return parsed;
  const opts = program.opts<{ export?: string | true; all?: boolean }>();
  cli = setup({ quiet: true });
  const { config } = cli;
  const { openState, stateOptions } = await import('../state/index.js');
  const state = await openState(stateOptions(config));
  try {
    if (opts.export !== undefined) {
      const { exportFeedback } = await import('../state/feedback-export.js');
      const lines = exportFeedback(await state.feedback.list(opts.all ? {} : { rating: -1 }), { root: config.root });
      const text = lines.map((l) => `${l}\n`).join('');
      if (typeof opts.export === 'string') {
        await writeFile(opts.export, text);
        process.stderr.write(`Wrote ${lines.length} case${lines.length === 1 ? '' : 's'} to ${opts.export}. Fill in each scored turn's "answers"/"evidence" (or "unanswerable": true), then: npm run eval -- ${opts.export}\n`);
      } else process.stdout.write(text);
      return 0;
    }
    const all = await state.feedback.list();
    const down = all.filter((r) => r.rating < 0);
    process.stdout.write(`${all.length} vote${all.length === 1 ? '' : 's'}: ${all.length - down.length} 👍, ${down.length} 👎\n`);
    for (const r of down.slice(-20)) process.stdout.write(`👎 ${new Date(r.createdAt).toISOString()}  ${r.question}  → ${r.answer.refused ? 'refused' : r.answer.quotes.map((q) => `¶${q.paragraph}`).join(' ')}\n`);
    return 0;
  } finally {
    await state.close();
  }
}, () => cli?.logger);
