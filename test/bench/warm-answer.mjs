/**
 * The warm engine's answer, for `npm run bench:process` to hold every cold
 * `ask` to: the compiled engine opened in-process the ordinary way (model
 * loaded in this thread, nothing read from the stored analysis), asked
 * another question first, then the bench's question. Prints
 * {"citations": [{doc, start, end}]} on stdout. Env as the bench's runs.
 *
 * @example
 * node test/bench/warm-answer.mjs "What did Annan tell the Council?"
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { loadConfig } = await import(path.join(ROOT, 'dist/config.js'));
const { createEngine } = await import(path.join(ROOT, 'dist/engine.js'));
const { createLogger } = await import(path.join(ROOT, 'dist/log.js'));
const config = loadConfig(process.env, ROOT);
const engine = await createEngine({ config, logger: createLogger({ level: 'warn' }) });
try {
  await engine.ask('Who attended the meeting?');
  const a = await engine.ask(process.argv[2]);
  process.stdout.write(`${JSON.stringify({ citations: a.quotes.map((q) => ({ doc: q.doc, start: q.start, end: q.end })) })}\n`);
} finally {
  await engine.close();
}
