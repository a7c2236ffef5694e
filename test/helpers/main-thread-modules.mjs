/**
 * `node --import ./test/helpers/main-thread-modules.mjs …`: prints one line,
 * `MAIN-THREAD-MODULE <url>`, to stderr for every Verbatim module (under
 * dist/ or src/) that the MAIN thread loads — worker threads, which get the
 * same --import through execArgv, register nothing. Tests use it to check
 * what the bot's main thread keeps out of memory.
 */
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

const hook = `export async function load(url, context, next) {
  if (/\\/(dist|src)\\//.test(url) && !url.includes('/node_modules/')) process.stderr.write('MAIN-THREAD-MODULE ' + url + '\\n');
  return next(url, context);
}`;
if (isMainThread) register(`data:text/javascript,${encodeURIComponent(hook)}`);
