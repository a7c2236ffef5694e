/**
 * Miss counts by class on the TUNING sets only (never the blind sets), split into the fit part (the sets tuned on
 * in earlier rounds, tune10's tuning part, tune11, flat12's tune half, tune13) and the check part (tune6's held-out stories, tune7, the held-out
 * parts of tune8/9/10, check11 and check13: never read mistake by mistake):
 *
 *   npx tsx test/quotes/score-classes.ts             # one line per set and per part
 *   npx tsx test/quotes/score-classes.ts --misses    # also the fit part's mistakes (never the check part's)
 */
import { findQuotations } from '../../src/quotes/index.js';
import { FRESH_FIXTURE, loadLabelledStories, scoreSplit, type LabelledStory, type Score } from './labelled-news.js';
import { TUNE10_FIXTURE, TUNE11_FIXTURE, TUNE4_FIXTURE, TUNE5_FIXTURE, TUNE6_FIXTURE, TUNE8_FIXTURE, TUNE9_FIXTURE } from './train-attribution.js';
import { FLAT_CHECK_FIXTURE, FLAT_TUNE_FIXTURE } from './flatten-news.js';

export const TUNE7_FIXTURE = 'test/fixtures/quotes/cnn-attribution-tune7.json';
/** Round 14's Gutenberg passages (attrib11): tune11 is tuned on, check11 is run for totals only. */
export const CHECK11_FIXTURE = 'test/fixtures/quotes/cnn-attribution-check11.json';
/** Round 16's RACE/Gutenberg/MCTest/Wikipedia stories and news sample rows (attrib13): tune13 is tuned on, check13 is run for totals only. */
export const TUNE13_FIXTURE = 'test/fixtures/quotes/attribution-tune13.json';
export const CHECK13_FIXTURE = 'test/fixtures/quotes/attribution-check13.json';


/** Miss classes as the lead reports them: a wrong speaker is split into a wrong name and no name. */
export function missClasses(s: Score): Record<string, number> {
  const out: Record<string, number> = { 'speaker-wrong': 0, 'speaker-none': 0, 'missed-speech': 0, 'missed-title': 0, spurious: 0, addressee: 0, 'title-speaker': 0 };
  for (const m of s.misses) {
    const k = m.what === 'speaker' ? (m.got ? 'speaker-wrong' : 'speaker-none') : m.what === 'missed' ? (m.want ? 'missed-speech' : 'missed-title') : m.what;
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

export function tuningParts(): { fit: [string, LabelledStory[]][]; check: [string, LabelledStory[]][] } {
  const base = loadLabelledStories();
  const tune6 = loadLabelledStories(TUNE6_FIXTURE);
  const tune8 = loadLabelledStories(TUNE8_FIXTURE);
  const tune9 = loadLabelledStories(TUNE9_FIXTURE);
  const tune10 = loadLabelledStories(TUNE10_FIXTURE);
  return {
    fit: [
      ['dev', base.filter((s) => s.split === 'dev')],
      ['round-2', base.filter((s) => s.split === 'held-out')],
      ['fresh', loadLabelledStories(FRESH_FIXTURE)],
      ['tune4', loadLabelledStories(TUNE4_FIXTURE)],
      ['tune5', loadLabelledStories(TUNE5_FIXTURE)],
      ['tune6 tuning', tune6.filter((s) => s.split !== 'held-out')],
      ['tune8 tuning (Gutenberg)', tune8.filter((s) => s.split !== 'held-out')],
      ['tune9 tuning (Gutenberg)', tune9.filter((s) => s.split !== 'held-out')],
      ['tune10 tuning (SQuAD)', tune10.filter((s) => s.split !== 'held-out')],
      ['tune11 (Gutenberg)', loadLabelledStories(TUNE11_FIXTURE)],
      // round 15: dev/round-2/tune4 stories flattened as the CNN/Daily Mail corpus does (both copies of each story)
      ['flat12 tune half (flattened CNN)', loadLabelledStories(FLAT_TUNE_FIXTURE)],
      ['tune13 (RACE/Gutenberg/Wikipedia, news rows)', loadLabelledStories(TUNE13_FIXTURE)],
    ],
    check: [
      ['tune6 held-out', tune6.filter((s) => s.split === 'held-out')],
      ['tune7', loadLabelledStories(TUNE7_FIXTURE)],
      ['tune8 held-out (Gutenberg)', tune8.filter((s) => s.split === 'held-out')],
      ['tune9 held-out (Gutenberg)', tune9.filter((s) => s.split === 'held-out')],
      ['tune10 held-out (SQuAD)', tune10.filter((s) => s.split === 'held-out')],
      ['check11 (Gutenberg)', loadLabelledStories(CHECK11_FIXTURE)],
      ['flat12 check half (flattened CNN)', loadLabelledStories(FLAT_CHECK_FIXTURE)],
      ['check13 (RACE/Gutenberg/Wikipedia, news rows)', loadLabelledStories(CHECK13_FIXTURE)],
    ],
  };
}

if (process.argv[1] && /score-classes/.test(process.argv[1])) {
  const parts = tuningParts();
  for (const [part, sets] of Object.entries(parts)) {
    let right = 0;
    let clear = 0;
    const total: Record<string, number> = {};
    for (const [name, stories] of sets) {
      const s = scoreSplit(stories, findQuotations);
      right += s.attributedRight;
      clear += s.clear;
      const c = missClasses(s);
      for (const [k, v] of Object.entries(c)) total[k] = (total[k] ?? 0) + v;
      console.log(`${part} ${name}: detection P ${s.matched}/${s.found} R ${s.matched}/${s.labelled} exact ${s.exact}; attribution ${s.attributedRight}/${s.clear}; titles with a speaker ${s.titlesWithSpeaker}/${s.titles}; ${Object.entries(c).map(([k, v]) => `${k} ${v}`).join(', ')}`);
      if (part === 'fit' && process.argv.includes('--misses')) for (const m of s.misses) console.log('   ', JSON.stringify(m));
    }
    console.log(`== ${part} part: attribution ${right}/${clear} (${((100 * right) / clear).toFixed(1)}%); ${Object.entries(total).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
}
