/** What loading the WordNet table costs (once per process, on the first who-said question): `node --expose-gc --import tsx test/helpers/lexicon-cost.ts`. */
import { lemmatizer } from '../../src/text/lemmatizer.js';
import { loadLexicon } from '../../src/decide/lexicon.js';
lemmatizer.verb('went');
global.gc?.();
const a = process.memoryUsage();
const t0 = process.cpuUsage();
const w0 = performance.now();
loadLexicon();
const wall = performance.now() - w0;
const cpu = process.cpuUsage(t0);
global.gc?.();
const b = process.memoryUsage();
console.log(`lexicon load: wall ${wall.toFixed(0)} ms, cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms; heapUsed +${((b.heapUsed - a.heapUsed) / 1e6).toFixed(1)} MB, rss +${((b.rss - a.rss) / 1e6).toFixed(1)} MB`);
