/**
 * `npm run verify -- "text" [--json]` — "did they really say that?": is a
 * quote in the indexed documents word for word (exact), reworded (close: the
 * real words, cited, and what differs), or not there (not-found).
 * JSON: { claim, verdict, citations: [{ doc, paragraph, start, end, quote }], speaker, differences }.
 */
import { Command } from 'commander';
import { cleanClaim } from '../verify/claim.js';
import { renderVerificationText, verificationJson } from '../verify/render.js';
import { parseArgs, run, withEngine, type Cli } from './common.js';

let cli: Cli | undefined;
await run(async () => {
  const program = new Command()
    .name('verify')
    .description('Did they really say that? Check a quote against the indexed documents.')
    .argument('<text...>', 'the quote to check')
    .option('--json', 'print JSON');
  const parsed = parseArgs(program);
  if (parsed !== null) return parsed;
  const opts = program.opts<{ json?: boolean }>();
  const claim = program.args.join(' ');
  cleanClaim(claim); // a bad claim is told before the index is opened
  return withEngine({ quiet: !!opts.json }, async (engine) => {
    const v = await engine.verify(claim);
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(verificationJson(v), null, 2)}\n`);
      return 0;
    }
    const withDoc = new Set(v.citations.map((q) => q.doc)).size > 1 || engine.documents().length > 1;
    process.stdout.write(`${renderVerificationText(v, { withDoc })}\n`);
    return 0;
  }, (c) => (cli = c));
}, () => cli?.logger);
