// The quotation finder's ingest-time cost: `npx tsx test/quotes/time-finder.ts` (copy it into another checkout to compare).
// Time the quotation finder over the 25-story fresh set: N passes, median per pass (ms), CPU user+sys.
import { findQuotations } from '../../src/quotes/index.js';
import { FRESH_FIXTURE, loadLabelledStories, storyDocument } from './labelled-news.js';
const docs = loadLabelledStories(FRESH_FIXTURE).map(storyDocument);
for (const d of docs) findQuotations(d); // warm (compromise lexicon, JIT)
const times: number[] = [];
const c0 = process.cpuUsage();
for (let k = 0; k < 9; k++) {
  const t = performance.now();
  for (const d of docs) findQuotations(d);
  times.push(performance.now() - t);
}
const cpu = process.cpuUsage(c0);
times.sort((a, b) => a - b);
console.log(`${docs.length} stories: median ${times[4]!.toFixed(0)} ms per pass (min ${times[0]!.toFixed(0)}), CPU ${((cpu.user + cpu.system) / 1000 / 9).toFixed(0)} ms per pass`);
