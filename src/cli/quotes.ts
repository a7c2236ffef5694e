/**
 * `npm run quotes -- [--speaker X] [--to Y] [--about Z] [--json]` lists the
 * quotations of the indexed documents: who said what, to whom, where.
 * JSON: an array of { doc, paragraph, start, end, quote, speaker, cue,
 * addressee, setting, title, page?, url? } with quote === text.slice(start, end).
 */
import { Command } from 'commander';
import { catalog } from '../present/documents.js';
import { docFields } from '../present/json.js';
import { quotationToQuote } from '../present/quote.js';
import { renderQuotesText } from '../present/terminal.js';
import { quotationJson } from '../quotes/index.js';
import { parseArgs, run, textOption, withEngine, type Cli } from './common.js';

let cli: Cli | undefined;
await run(async () => {
  const program = new Command()
    .name('quotes')
    .description('List the quotations in the indexed documents: who said what, to whom.')
    .option('--speaker <name>', 'only quotations by this speaker (any form of the name: "Annan", "Mr. Annan")')
    .option('--to <addressee>', 'only quotations addressed to this person or body ("the Council")')
    .option('--about <topic>', 'only quotations about this topic, most relevant first')
    .option('--json', 'print a JSON array');
  const parsed = parseArgs(program);
  if (parsed !== null) return parsed;
  const raw = program.opts<{ speaker?: string; to?: string; about?: string; json?: boolean }>();
  // The limits of the same options of /quote.
  const opts = { ...raw, speaker: textOption(raw.speaker, '--speaker', 100), to: textOption(raw.to, '--to', 100), about: textOption(raw.about, '--about', 200) };
  return withEngine({ quiet: !!opts.json }, async (engine) => {
    const qs = await engine.quotations({ speaker: opts.speaker, to: opts.to, about: opts.about });
    const cat = catalog(engine.documents());
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(qs.map((q) => ({ ...quotationJson(q), ...docFields(q, cat) })), null, 2)}\n`);
      return 0;
    }
    if (!qs.length) {
      const asked = [opts.speaker && `by ${opts.speaker}`, opts.to && `to ${opts.to}`, opts.about && `about ${opts.about}`].filter(Boolean).join(' ');
      process.stdout.write(`No quotations${asked ? ` ${asked}` : ''} in the indexed documents.\n`);
      return 0;
    }
    process.stdout.write(`${renderQuotesText(qs.map(quotationToQuote), cat)}\n`);
    return 0;
  }, (c) => (cli = c));
}, () => cli?.logger);
