/**
 * Run by test/engine/idle-gc.test.ts in its own process, with `npm start`'s small young generation
 * (`--max-semi-space-size`), so it fills every few answers: questions spaced as a bot receives them,
 * and the garbage collections that start inside an answer. Prints one JSON line.
 * argv: 'idle' (the engine as shipped) | 'off' (no idle-time collection: `idleWork: false`, warm-up not awaited).
 */
import { readFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import { loadConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine/index.js';
import { silentLogger } from '../../src/log.js';
import { DEFAULT_DOC_PATH, ROOT } from '../helpers/paths.js';

const mode = process.argv[2] === 'off' ? 'off' : 'idle';
const config = loadConfig({ INDEX_DIR: '/nonexistent-never-written', EMBEDDING_MODEL: 'none', LOG_LEVEL: 'silent' }, ROOT);
const text = readFileSync(DEFAULT_DOC_PATH, 'utf8');
const engine = await createEngine({ config, logger: silentLogger(), embedder: null, documents: [{ id: 'd', path: 'd', text }], idleWork: mode === 'idle' });
await engine.ask('Who spoke?');
await engine.settled?.();
const gcs: number[] = [];
const obs = new PerformanceObserver((l) => l.getEntries().forEach((e) => gcs.push(e.startTime)));
obs.observe({ entryTypes: ['gc'] });
const questions = ['What did Annan tell the Council?', 'Which organizations attended the meeting?', 'When did the high-level meetings begin?', 'What did Annan say about capacities?', 'How tall is Mount Everest?'];
const windows: [number, number][] = [];
const answers: string[] = [];
for (let round = 0; round < 8; round++) {
  for (const q of questions) {
    await new Promise((r) => setTimeout(r, 40));
    const t = performance.now();
    // Each question new to the engine, as a bot's are (a repeated text hits memos).
    const a = await engine.ask(`${q}${' '.repeat(round)}`);
    windows.push([t, performance.now()]);
    if (round === 0) answers.push(JSON.stringify({ ...a, latencyMs: 0 }));
  }
}
await new Promise((r) => setTimeout(r, 100));
obs.disconnect();
await engine.close();
const inside = gcs.filter((g) => windows.some(([a, b]) => g >= a && g < b)).length;
process.stdout.write(`${JSON.stringify({ answers: windows.length, gcs: gcs.length, inside, firstRound: answers })}\n`);
