/**
 * The drop from paragraphed to flattened copy on the same labelled CNN stories (test/quotes/flatten-news.ts):
 *
 *   npx tsx test/quotes/score-flattened.ts             # one line per half and copy
 *   npx tsx test/quotes/score-flattened.ts --misses    # also the TUNE half's flattened mistakes (never the check half's)
 */
import { findQuotations } from '../../src/quotes/index.js';
import { describeScore, loadLabelledStories, scoreSplit } from './labelled-news.js';
import { FLAT_CHECK_FIXTURE, FLAT_TUNE_FIXTURE, sourceStories } from './flatten-news.js';

const src = sourceStories();
for (const [half, fixture] of [['tune', FLAT_TUNE_FIXTURE], ['held-out', FLAT_CHECK_FIXTURE]] as const) {
  const flat = loadLabelledStories(fixture);
  const parts = [
    ['paragraphed', src.filter((x) => x.half === half).map((x) => x.story)],
    ['flat (double marks)', flat.filter((s) => s.id.endsWith('.flat'))],
    ['flat-dm (single marks)', flat.filter((s) => s.id.endsWith('.flat-dm'))],
  ] as const;
  for (const [name, stories] of parts) {
    const sc = scoreSplit([...stories], findQuotations);
    console.log(describeScore(`${half === 'tune' ? 'tune half' : 'check half'} ${name}`, sc));
    if (half === 'tune' && name !== 'paragraphed' && process.argv.includes('--misses'))
      for (const m of sc.misses) console.log('   ', JSON.stringify({ ...m, quote: m.quote.length > 110 ? m.quote.slice(0, 70) + ' … ' + m.quote.slice(-35) : m.quote }));
  }
}
