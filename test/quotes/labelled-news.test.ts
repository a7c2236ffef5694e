import { describe, expect, it } from 'vitest';
import { findQuotations } from '../../src/quotes/index.js';
import { describeScore, FRESH_FIXTURE, loadLabelledStories, scoreSplit } from './labelled-news.js';
import { TUNE4_FIXTURE, TUNE5_FIXTURE } from './train-attribution.js';

const stories = loadLabelledStories();
const dev = scoreSplit(stories.filter((s) => s.split === 'dev'), findQuotations);
const held = scoreSplit(stories.filter((s) => s.split === 'held-out'), findQuotations);
const freshStories = loadLabelledStories(FRESH_FIXTURE);
const fresh = scoreSplit(freshStories, findQuotations);
const tune4Stories = loadLabelledStories(TUNE4_FIXTURE);
const tune4 = scoreSplit(tune4Stories, findQuotations);
const tune5Stories = loadLabelledStories(TUNE5_FIXTURE);
const tune5 = scoreSplit(tune5Stories, findQuotations);
// Round 4's blind sets, labelled by "label" before Verbatim ever ran on them: never tuned on, mistakes never printed.
const fresh2Stories = loadLabelledStories('test/fixtures/quotes/cnn-attribution-fresh2.json');
const fresh2 = scoreSplit(fresh2Stories, findQuotations);
const fresh3Stories = loadLabelledStories('test/fixtures/quotes/cnn-attribution-fresh3.json');
const fresh3 = scoreSplit(fresh3Stories, findQuotations);

describe('the quotation finder on labelled CNN stories (Abg-CoQA)', () => {
  it('prints precision and recall of detection and attribution accuracy, dev and held-out', () => {
    console.log(describeScore('dev', dev));
    console.log(describeScore('held-out', held));
    console.log(describeScore('fresh (round 3, tuned on in round 4)', fresh));
    console.log(describeScore('tune4 (round 4)', tune4));
    console.log(describeScore('tune5 (round 4, CNN/DM)', tune5));
    console.log(describeScore('fresh2 blind (round 4, Abg-CoQA CNN)', fresh2));
    console.log(describeScore('fresh3 blind (round 4, Daily Mail)', fresh3));
    // Only the development split's mistakes are ever printed: the held-out split is for measuring, not tuning.
    if (process.env.SHOW_DEV_MISSES) for (const m of dev.misses) console.log(JSON.stringify(m));
    expect(dev.labelled + held.labelled).toBeGreaterThanOrEqual(80);
    expect(new Set(stories.map((s) => s.id)).size).toBeGreaterThanOrEqual(14);
  });

  // Floors a little below what this version achieves, so that a regression fails. Round 3 (quotes-v3): dev 97.3%,
  // the round-2 held-out stories 97.1% (they were read while tuning in round 3, so they are tuning data now), the
  // fresh set 78.8%. Before round 3: 94.7%, 85.7%, 67.5%.
  it('given the development stories, when quotations are found and attributed, then the figures stay at their floors', () => {
    expect(dev.precision).toBeGreaterThanOrEqual(0.98);
    expect(dev.recall).toBeGreaterThanOrEqual(0.98);
    expect(dev.attribution).toBeGreaterThanOrEqual(0.96);
    expect(dev.titlesWithSpeaker).toBe(0);
  });

  it('given the round-2 held-out stories (tuned on since), when quotations are found and attributed, then the figures stay at their floors', () => {
    expect(held.precision).toBeGreaterThanOrEqual(0.95);
    expect(held.recall).toBeGreaterThanOrEqual(0.95);
    expect(held.attribution).toBeGreaterThanOrEqual(0.94);
    expect(held.titlesWithSpeaker).toBe(0);
  });

  // The round-3 fresh set (cnn-attribution-fresh.json) was labelled blind; in round 4 its mistakes were read and it
  // became tuning data (78.8% before round 4). Floors guard what is reached.
  it('given the round-3 fresh stories (tuned on in round 4), when quotations are found and attributed, then the figures stay at their floors', () => {
    expect(freshStories.length).toBeGreaterThanOrEqual(10);
    expect(fresh.labelled).toBeGreaterThanOrEqual(60);
    expect(new Set([...freshStories.map((s) => s.id)]).size).toBe(freshStories.length);
    expect(freshStories.some((s) => stories.some((o) => o.id === s.id || o.text.slice(0, 300) === s.text.slice(0, 300)))).toBe(false);
    expect(fresh.precision).toBeGreaterThanOrEqual(0.98);
    expect(fresh.recall).toBeGreaterThanOrEqual(0.98);
    expect(fresh.attribution).toBeGreaterThanOrEqual(0.96);
    expect(fresh.titlesWithSpeaker).toBeLessThanOrEqual(2);
  });

  // Round 4's own tuning sets, labelled before the finder ran on them (blind first, with the round-4 finder as it
  // stood then: tune4 88.0%; tune5's five CNN articles 58.8%, its three Daily Mail articles detection recall 21/26
  // and attribution 15/24; read and tuned on since).
  it('given the round-4 tuning stories (tune4: Abg-CoQA first half; tune5: CNN/DM), when quotations are found and attributed, then the figures stay at their floors', () => {
    const others = [...stories, ...freshStories];
    for (const set of [tune4Stories, tune5Stories]) {
      expect(set.some((s) => others.some((o) => o.id === s.id || o.text.slice(0, 300) === s.text.slice(0, 300)))).toBe(false);
    }
    expect(tune4.recall).toBeGreaterThanOrEqual(0.98);
    expect(tune4.attribution).toBeGreaterThanOrEqual(0.95);
    expect(tune4.titlesWithSpeaker).toBe(0);
    expect(tune5.recall).toBeGreaterThanOrEqual(0.92);
    expect(tune5.attribution).toBeGreaterThanOrEqual(0.85);
    expect(tune5.titlesWithSpeaker).toBe(0);
  });

  // The blind sets: figures printed, mistakes never (they are for measuring, not tuning). Round 4 measured each once:
  // see README.md (Quotations). Floors a little below what was measured, so that a regression fails.
  it('given the round-4 blind stories (fresh2: Abg-CoQA CNN; fresh3: Daily Mail), when quotations are found and attributed, then they share no story with the tuning sets and the figures stay at their floors', () => {
    const tuning = [...stories, ...freshStories, ...tune4Stories, ...tune5Stories];
    for (const set of [fresh2Stories, fresh3Stories]) {
      expect(new Set(set.map((s) => s.id)).size).toBe(set.length);
      expect(set.some((s) => tuning.some((o) => o.id === s.id || o.text.slice(0, 300) === s.text.slice(0, 300)))).toBe(false);
    }
    expect(fresh2Stories.length).toBeGreaterThanOrEqual(10);
    expect(fresh2.clear).toBeGreaterThanOrEqual(30);
    expect(fresh2.recall).toBeGreaterThanOrEqual(FRESH2_FLOOR.recall);
    expect(fresh2.attribution).toBeGreaterThanOrEqual(FRESH2_FLOOR.attribution);
    expect(fresh2.titlesWithSpeaker).toBeLessThanOrEqual(FRESH2_FLOOR.titlesWithSpeaker);
    expect(fresh3.clear).toBeGreaterThanOrEqual(100);
    expect(fresh3.recall).toBeGreaterThanOrEqual(FRESH3_FLOOR.recall);
    expect(fresh3.precision).toBeGreaterThanOrEqual(FRESH3_FLOOR.precision);
    expect(fresh3.attribution).toBeGreaterThanOrEqual(FRESH3_FLOOR.attribution);
    expect(fresh3.titlesWithSpeaker).toBeLessThanOrEqual(FRESH3_FLOOR.titlesWithSpeaker);
  });
});

// Measured once each at the end of round 4 (quotes-v4): fresh2 recall 100%, attribution 90.6% (29/32), titles 0/7;
// fresh3 recall 87.7%, precision 93.1%, attribution 52.5% (62/118), titles 0/25. (quotes-v3: fresh2 87.5%, fresh3 44.1%.)
const FRESH2_FLOOR = { recall: 0.98, attribution: 0.9, titlesWithSpeaker: 0 };
const FRESH3_FLOOR = { recall: 0.87, precision: 0.92, attribution: 0.52, titlesWithSpeaker: 0 };
