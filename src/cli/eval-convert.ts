/**
 * `npm run eval:convert -- squad|abg-coqa <file>` — a public dataset's JSON
 * to our evaluation JSONL (docs/eval.md), on stdout.
 *
 * @example
 * npm run eval:convert -- squad ../shared/eval/squad-v1.1-dev/dev-v1.1.json > squad-dev.jsonl
 */
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { UserError } from '../errors.js';
import { CONVERTERS, type ConverterName } from '../eval/convert.js';
import { toJsonl } from '../eval/format.js';
import { run } from './common.js';

async function write(line: string): Promise<void> {
  if (!process.stdout.write(line)) await new Promise((resolve) => process.stdout.once('drain', resolve));
}

async function main(): Promise<void> {
  const program = new Command('eval:convert')
    .description('Convert SQuAD v1.1 or Abg-CoQA JSON to the evaluation JSONL format (stdout).')
    .argument('<format>', `one of: ${Object.keys(CONVERTERS).join(', ')}`)
    .argument('<file>', 'the dataset JSON file')
    .parse();
  const [format, file] = program.args as [string, string];
  if (!(format in CONVERTERS)) throw new UserError(`Unknown format "${format}"; use one of: ${Object.keys(CONVERTERS).join(', ')}.`);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new UserError(code ? `Cannot read ${file} (${code})` : `${file} is not valid JSON`, { cause });
  }
  const lines = CONVERTERS[format as ConverterName](raw);
  for (const line of lines) await write(toJsonl(line) + '\n');
}

await run(main);
