#!/usr/bin/env node
/**
 * Runs a command from the compiled JavaScript in dist/ (`node src/launch.mjs start`).
 *
 * `npm install` builds dist/ (the `prepare` lifecycle); when src/ has changed
 * since (a `git pull`, an edit), the first start rebuilds it — under a lock,
 * so several processes starting at once build once. Plain JavaScript on
 * purpose: it must run before anything is compiled.
 *
 * The build is `tsc` (type errors stop it; it writes every module to dist/),
 * then esbuild bundles the commands where start-up time is the product
 * ({@link BUNDLED}) into one file each, over tsc's output for them: one file
 * instead of ~100 for the module loader to find, read and link. What a
 * command loads only on use (`import()`) goes into chunks of its own
 * (dist/cli/chunk-*.js, beside it: modules find files relative to their folder), so a package only those parts import is not loaded at
 * start. Packages in node_modules stay outside the bundle, loaded as before. Last, data is
 * compiled from packages (the lemmatizer's tables, dist/text/lemma-data.json), and an empty,
 * migrated state database is made for first starts to copy (dist/state-template/, src/state/template.ts).
 */
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { newestSource } from './build-sources.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const STAMP = path.join(DIST, '.built');
const LOCK = path.join(ROOT, 'dist.lock');
/** Commands bundled into one file (src/cli/<name>.ts → dist/cli/<name>.js). */
export const BUNDLED = ['ask'];

const fresh = () => existsSync(STAMP) && statSync(STAMP).mtimeMs >= newestSource(ROOT);

/** node:child_process (~15 ms to load) only when building: a start with dist/ fresh spawns no process. */
const spawnSync = (...args) => createRequire(import.meta.url)('node:child_process').spawnSync(...args);

/** A directory is an atomic lock; one left by a killed build is stale after two minutes. */
function withLock(fn) {
  const until = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 120_000) rmdirSync(LOCK);
      } catch {}
      if (Date.now() > until) throw new Error(`another build holds ${LOCK}; remove it if no build is running`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    return fn();
  } finally {
    try {
      rmdirSync(LOCK);
    } catch {}
  }
}

export function build({ quiet = false, template = false } = {}) {
  withLock(() => {
    if (fresh()) {
      // `npm install` / `npm run build` with dist/ up to date: the template still follows the installed PGlite.
      if (template) makeStateTemplate();
      return;
    }
    const started = Date.now();
    // The stamp's time is taken before compiling, so an edit made during the build makes the next start rebuild.
    const stampTime = new Date();
    if (!quiet) process.stderr.write('Compiling Verbatim (src/ → dist/)…\n');
    const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) {
      process.stderr.write('Error: the TypeScript build failed (above). Fix it, or run `npm run build` to see it again.\n');
      process.exit(1);
    }
    mkdirSync(DIST, { recursive: true });
    bundle();
    compileData();
    makeStateTemplate();
    writeFileSync(STAMP, `${stampTime.toISOString()}\n`);
    utimesSync(STAMP, stampTime, stampTime);
    if (!quiet) process.stderr.write(`Compiled in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
  });
}

/** esbuild, in a child process (its service stays out of this one); without it, tsc's output is used as it is. */
function bundle() {
  const script = `
    const esbuild = require('esbuild');
    esbuild.buildSync({
      entryPoints: ${JSON.stringify(BUNDLED.map((c) => path.join(ROOT, 'src', 'cli', `${c}.ts`)))},
      outdir: ${JSON.stringify(path.join(DIST, 'cli'))},
      bundle: true, splitting: true, chunkNames: '[name]-[hash]', platform: 'node', format: 'esm', target: 'node20',
      packages: 'external', sourcemap: 'linked', logLevel: 'error', allowOverwrite: true,
    });`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) {
    if (/Cannot find module 'esbuild'/.test(r.stderr)) return; // a --omit=dev install has neither esbuild nor tsc's checks: tsc's files stand
    process.stderr.write(r.stderr);
    process.stderr.write('Error: bundling the commands failed (above). Fix it, or run `npm run build` to see it again.\n');
    process.exit(1);
  }
}

/** Data compiled from packages at build time: the lemmatizer's tables (src/text/lemma-data.ts). */
function compileData() {
  const script = `import(${JSON.stringify(pathToFileURL(path.join(DIST, 'text', 'lemma-data.js')).href)}).then((m) => m.writeLemmaData(${JSON.stringify(path.join(DIST, 'text', 'lemma-data.json'))}))`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    process.stderr.write('Error: compiling the lemmatizer data failed (above).\n');
    process.exit(1);
  }
}

/**
 * The empty, migrated state database a first start copies instead of running Postgres's initdb, which peaks
 * near 0.9 GB (src/state/template.ts; remade only when PGlite or the migrations changed). In a child process,
 * so that memory is the child's. Optional: without it a first start runs initdb in a child, as before.
 */
function makeStateTemplate() {
  const script = `import(${JSON.stringify(pathToFileURL(path.join(DIST, 'state', 'template.js')).href)}).then((m) => m.makeTemplate(${JSON.stringify(path.join(DIST, 'state-template'))}))`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) process.stderr.write(`Warning: the state database's template was not made (a first start will create the database instead):\n${r.stderr.slice(-1000)}`);
}

/**
 * `ask` answers once and exits, so its time to the answer is the model's loading: start the model's
 * thread now, before the command's own modules load (~0.2 s), so the thread imports ONNX Runtime and
 * the tokenizer meanwhile; src/embed/model-thread.ts hands it the options once the configuration is
 * read. Unreferenced: a run that needs no model (help, bad input, EMBEDDING_MODEL=none) exits as before.
 */
function prestartModelThread(args) {
  const script = path.join(DIST, 'embed', 'model-thread-worker.js');
  if (args.includes('--help') || args.includes('-h') || process.env.EMBEDDING_MODEL === 'none' || !existsSync(script)) return undefined;
  const worker = new Worker(pathToFileURL(script));
  worker.unref();
  worker.on('error', () => undefined); // the real load reports its own failure
  globalThis[PRESTARTED] = worker;
  return worker;
}
const PRESTARTED = Symbol.for('verbatim.modelThread');

const [command, ...rest] = process.argv.slice(2);
if (command === '--build') {
  build({ quiet: rest.includes('--quiet'), template: true });
} else {
  if (!command || !/^[a-z-]+$/.test(command)) {
    process.stderr.write('usage: node src/launch.mjs <command> [args…]\n');
    process.exit(2);
  }
  // The thread starts before the "is dist/ fresh?" walk over src/ (it reads only dist/); a rebuild replaces it.
  const thread = command === 'ask' ? prestartModelThread(rest) : undefined;
  if (!fresh()) {
    if (thread) {
      delete globalThis[PRESTARTED];
      await thread.terminate();
    }
    build();
    if (command === 'ask') prestartModelThread(rest);
  }
  const entry = path.join(DIST, 'cli', `${command}.js`);
  if (!existsSync(entry)) {
    process.stderr.write(`Error: no such command: ${command}\n`);
    process.exit(2);
  }
  process.argv = [process.argv[0], entry, ...rest];
  await import(pathToFileURL(entry).href);
}
