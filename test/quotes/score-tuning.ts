/**
 * Print the quotation finder's figures on the TUNING sets only (never the blind fresh2/3/4 sets):
 *
 *   npx tsx test/quotes/score-tuning.ts            # one line per set; tune6 split into its tuning part and its held-out part
 *   npx tsx test/quotes/score-tuning.ts --misses   # also the mistakes, of the tuning parts only (never tune6's held-out part)
 */
import { findQuotations } from '../../src/quotes/index.js';
import { describeScore, FRESH_FIXTURE, loadLabelledStories, scoreSplit } from './labelled-news.js';
import { TUNE4_FIXTURE, TUNE5_FIXTURE, TUNE6_FIXTURE } from './train-attribution.js';

const base = loadLabelledStories();
const tune6 = loadLabelledStories(TUNE6_FIXTURE);
const sets: [string, ReturnType<typeof loadLabelledStories>, boolean][] = [
  ['dev', base.filter((s) => s.split === 'dev'), true],
  ['round-2', base.filter((s) => s.split === 'held-out'), true],
  ['round-3 fresh (tuned on)', loadLabelledStories(FRESH_FIXTURE), true],
  ['tune4', loadLabelledStories(TUNE4_FIXTURE), true],
  ['tune5 (CNN/DM)', loadLabelledStories(TUNE5_FIXTURE), true],
  ['tune6 tuning part (DM)', tune6.filter((s) => s.split !== 'held-out'), true],
  ['tune6 held-out part (DM)', tune6.filter((s) => s.split === 'held-out'), false],
];
for (const [name, stories, showMisses] of sets) {
  const score = scoreSplit(stories, findQuotations);
  console.log(describeScore(name, score));
  if (showMisses && process.argv.includes('--misses')) for (const m of score.misses) console.log("   ", JSON.stringify({ ...m, quote: m.quote.length > 110 ? m.quote.slice(0, 70) + " … " + m.quote.slice(-35) : m.quote }));
}
