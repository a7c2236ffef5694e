/**
 * `npm run summary -- [--length short|medium|long] [--focus "topic"] [--json]`
 * prints a summary made of cited, verbatim sentences in document order.
 * JSON: { summary: [{ doc, paragraph, start, end, quote, speaker }], length, focus } (+ note when set);
 * `speaker` is who says the sentence's direct quotation, when the quotation index knows, else null.
 */
import { Command, Option } from 'commander';
import type { SummaryLength } from '../types.js';
import { attributionLine, citation } from '../answer/render.js';
import { parseArgs, run, withEngine, type Cli } from './common.js';

let cli: Cli | undefined;
await run(async () => {
  const program = new Command()
    .name('summary')
    .description('Summarise the indexed documents in their own words: cited sentences, in document order.')
    .addOption(new Option('--length <length>', 'about 3, 5 or 8 sentences').choices(['short', 'medium', 'long']).default('medium'))
    .option('--focus <topic>', 'only what the document says about this topic')
    .option('--json', 'print JSON');
  const parsed = parseArgs(program);
  if (parsed !== null) return parsed;
  const opts = program.opts<{ length: SummaryLength; focus?: string; json?: boolean }>();
  return withEngine({ quiet: !!opts.json }, async (engine) => {
    const s = await engine.summarize({ length: opts.length, focus: opts.focus ?? null });
    if (opts.json) {
      const out = {
        summary: s.summary.map(({ doc, paragraph, start, end, quote, attribution }) => ({ doc, paragraph, start, end, quote, speaker: attribution?.speaker ?? null })),
        length: s.length,
        focus: s.focus,
        ...(s.note ? { note: s.note } : {}),
      };
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      return 0;
    }
    const withDoc = new Set(s.summary.map((q) => q.doc)).size > 1;
    const head = `Summary (${s.length}${s.focus ? `, focus: ${s.focus}` : ''}), in the document's own words:`;
    const lines = s.summary.map((q, i) => {
      const who = attributionLine(q);
      return `${i + 1}. “${q.quote}” (${citation(q)}${withDoc ? `, ${q.doc}` : ''})${who ? `\n     ${who}` : ''}`;
    });
    process.stdout.write([s.note ?? head, ...lines].join('\n') + '\n');
    return 0;
  }, (c) => (cli = c));
}, () => cli?.logger);
