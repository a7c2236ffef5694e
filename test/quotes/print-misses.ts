/**
 * Print one TUNING set's figures and mistakes (never a blind set, never a held-out part):
 *
 *   npx tsx test/quotes/print-misses.ts test/fixtures/quotes/squad-attribution-tune10.json      # its tuning part
 *   npx tsx test/quotes/print-misses.ts <fixture> --quiet                                        # figures only
 *   npx tsx test/quotes/print-misses.ts <fixture> --held-out --quiet                             # held-out part: figures only, ever
 */
import { findQuotations } from '../../src/quotes/index.js';
import { describeScore, loadLabelledStories, scoreSplit } from './labelled-news.js';

const fixture = process.argv[2];
if (!fixture || /fresh\d/.test(fixture)) throw new Error('a tuning fixture, please (the blind fresh2+ sets are the lead\'s)');
const heldOut = process.argv.includes('--held-out');
const quiet = process.argv.includes('--quiet') || heldOut;
const stories = loadLabelledStories(fixture).filter((s) => (s.split === 'held-out') === heldOut || !['held-out', 'tune'].includes(s.split) && !heldOut);
const score = scoreSplit(stories, findQuotations);
console.log(describeScore(`${fixture}${heldOut ? ' (held-out part)' : ''}`, score));
if (!quiet) for (const m of score.misses) console.log('   ', JSON.stringify({ ...m, quote: m.quote.length > 110 ? m.quote.slice(0, 70) + ' … ' + m.quote.slice(-35) : m.quote }));
