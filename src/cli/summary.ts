/**
 * `npm run summary -- [--length short|medium|long] [--focus "topic"] [--json]`
 * prints a summary made of cited, verbatim sentences in document order.
 * JSON: { summary: [{ doc, paragraph, start, end, quote, speaker, title, page?, url? }], length, focus } (+ note when set);
 * `speaker` is who says the sentence's direct quotation, when the quotation index knows, else null.
 */
import { Command, Option } from 'commander';
import type { SummaryLength } from '../types.js';
import { catalog } from '../present/documents.js';
import { docFields } from '../present/json.js';
import { renderQuotesText } from '../present/terminal.js';
import { parseArgs, run, textOption, withEngine, type Cli } from './common.js';

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
  const raw = program.opts<{ length: SummaryLength; focus?: string; json?: boolean }>();
  const opts = { ...raw, focus: textOption(raw.focus, '--focus', 200) }; // as /summary's focus
  return withEngine({ quiet: !!opts.json }, async (engine) => {
    const s = await engine.summarize({ length: opts.length, focus: opts.focus ?? null });
    const cat = catalog(engine.documents());
    if (opts.json) {
      const out = {
        summary: s.summary.map((q) => ({ doc: q.doc, paragraph: q.paragraph, start: q.start, end: q.end, quote: q.quote, speaker: q.attribution?.speaker ?? null, ...docFields(q, cat) })),
        length: s.length,
        focus: s.focus,
        ...(s.note ? { note: s.note } : {}),
      };
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      return 0;
    }
    const head = `Summary (${s.length}${s.focus ? `, focus: ${s.focus}` : ''}), in the document's own words:`;
    process.stdout.write([s.note ?? head, ...(s.summary.length ? ['', renderQuotesText(s.summary, cat)] : [])].join('\n') + '\n');
    return 0;
  }, (c) => (cli = c));
}, () => cli?.logger);
