import { describe, expect, it } from 'vitest';
import { findQuotations } from '../../src/quotes/index.js';
import { FRESH_FIXTURE, loadLabelledStories, scoreSplit, describeScore, sharesStory } from './labelled-news.js';
import { TUNE4_FIXTURE, TUNE5_FIXTURE, TUNE6_FIXTURE, TUNE8_FIXTURE, TUNE9_FIXTURE } from './train-attribution.js';

/**
 * The blind attribution sets, labelled by other engineers before Verbatim ever ran on them: figures printed, mistakes
 * never. Those who tune the quotation finder do not run this file (the lead does, at the end of a round); the tuning
 * sets' figures are in labelled-news.test.ts.
 */
const stories = loadLabelledStories();
const freshStories = loadLabelledStories(FRESH_FIXTURE);
const tuning = [...stories, ...freshStories, ...[TUNE4_FIXTURE, TUNE5_FIXTURE, TUNE6_FIXTURE, 'test/fixtures/quotes/cnn-attribution-tune7.json', TUNE8_FIXTURE, TUNE9_FIXTURE, 'test/fixtures/quotes/squad-attribution-tune10.json'].flatMap((f) => loadLabelledStories(f))];
const fresh2Stories = loadLabelledStories('test/fixtures/quotes/cnn-attribution-fresh2.json');
const fresh2 = scoreSplit(fresh2Stories, findQuotations);
const fresh3Stories = loadLabelledStories('test/fixtures/quotes/cnn-attribution-fresh3.json');
const fresh3 = scoreSplit(fresh3Stories, findQuotations);
// Round 5's blind set (label6, CNN/DM sample rows 60–99): figures printed, floors below.
const fresh4Stories = loadLabelledStories('test/fixtures/quotes/cnn-attribution-fresh4.json');
const fresh4 = scoreSplit(fresh4Stories, findQuotations);
// Round 6's blind set (label7, 29 Abg-CoQA RACE stories: exam passages, many retelling news; spaced quote marks).
const fresh5Stories = loadLabelledStories('test/fixtures/quotes/race-attribution-fresh5.json');
const fresh5 = scoreSplit(fresh5Stories, findQuotations);
// Round 7's blind set (label11, 17 Abg-CoQA MCTest children's stories and 10 Wikipedia articles: dialogue, quoted titles).
const fresh6Stories = loadLabelledStories('test/fixtures/quotes/coqa-attribution-fresh6.json');
const fresh6 = scoreSplit(fresh6Stories, findQuotations);
// Round 8's blind set (label13, 17 Abg-CoQA Wikipedia passages and 65 SQuAD v1.1 dev paragraphs: institutions and
// documents as speakers, legal fragments, many quoted terms).
const fresh7Stories = loadLabelledStories('test/fixtures/quotes/wiki-attribution-fresh7.json');
const fresh7 = scoreSplit(fresh7Stories, findQuotations);
// Round 9's blind set (label15, 37 Abg-CoQA RACE stories fresh5 did not use and 30 SQuAD dev paragraphs from articles
// nobody tuned on: spaced quote marks, dialogue, institutions and documents as speakers, many quoted terms).
const fresh8Stories = loadLabelledStories('test/fixtures/quotes/race-squad-attribution-fresh8.json');
const fresh8 = scoreSplit(fresh8Stories, findQuotations);

describe('the quotation finder on the blind sets', () => {
  it('prints the blind sets\' figures', () => {
    console.log(describeScore('fresh2 blind (round 4, Abg-CoQA CNN)', fresh2));
    console.log(describeScore('fresh3 blind (round 4, Daily Mail)', fresh3));
    console.log(describeScore('fresh4 blind (round 5, CNN/DM rows 60–99)', fresh4));
    console.log(describeScore('fresh5 blind (round 6, Abg-CoQA RACE)', fresh5));
    console.log(describeScore('fresh6 blind (round 7, Abg-CoQA MCTest + Wikipedia)', fresh6));
    console.log(describeScore('fresh7 blind (round 8, Abg-CoQA Wikipedia + SQuAD dev)', fresh7));
    console.log(describeScore('fresh8 blind (round 9, Abg-CoQA RACE + SQuAD dev)', fresh8));
  });

  it.each([
    { name: 'round-9 blind stories (fresh8: Abg-CoQA RACE + SQuAD dev)', set: () => ({ stories: fresh8Stories, score: fresh8, floor: FRESH8_FLOOR, clear: 100 }) },
    { name: 'round-8 blind stories (fresh7: Abg-CoQA Wikipedia + SQuAD dev)', set: () => ({ stories: fresh7Stories, score: fresh7, floor: FRESH7_FLOOR, clear: 130 }) },
    { name: 'round-7 blind stories (fresh6: Abg-CoQA MCTest + Wikipedia)', set: () => ({ stories: fresh6Stories, score: fresh6, floor: FRESH6_FLOOR, clear: 120 }) },
    { name: 'round-6 blind stories (fresh5: Abg-CoQA RACE)', set: () => ({ stories: fresh5Stories, score: fresh5, floor: FRESH5_FLOOR, clear: 140 }) },
    { name: 'round-5 blind stories (fresh4: CNN/DM rows 60–99)', set: () => ({ stories: fresh4Stories, score: fresh4, floor: FRESH4_FLOOR, clear: 250 }) },
  ])('given the $name, when quotations are found and attributed, then they share no story with the tuning sets and the figures stay at their floors', ({ set }) => {
    const { stories: blind, score, floor, clear } = set();
    expect(new Set(blind.map((s) => s.id)).size).toBe(blind.length);
    expect(sharesStory(blind, tuning)).toBe(false);
    expect(score.clear).toBeGreaterThanOrEqual(clear);
    expect(score.recall).toBeGreaterThanOrEqual(floor.recall);
    expect(score.precision).toBeGreaterThanOrEqual(floor.precision);
    expect(score.attribution).toBeGreaterThanOrEqual(floor.attribution);
    expect(score.titlesWithSpeaker).toBeLessThanOrEqual(floor.titlesWithSpeaker);
  });

  // The blind sets: figures printed, mistakes never (they are for measuring, not tuning). Round 4 measured each once:
  // see README.md (Quotations). Floors a little below what was measured, so that a regression fails.
  it('given the round-4 blind stories (fresh2: Abg-CoQA CNN; fresh3: Daily Mail), when quotations are found and attributed, then they share no story with the tuning sets and the figures stay at their floors', () => {
    for (const set of [fresh2Stories, fresh3Stories]) {
      expect(new Set(set.map((s) => s.id)).size).toBe(set.length);
      expect(sharesStory(set, tuning)).toBe(false);
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
// Round 5 (quotes-v5), by the lead once after the merge: fresh2 93.8% (30/32), titles 0/7; fresh3 recall 94.2%, precision
// 90.1%, attribution 64.4% (76/118), titles 1/25; fresh4 (new; quotes-v4 before: 56.7%, 144/254, titles 3/56) recall
// 95.6%, precision 93.9%, attribution 67.7% (172/254), titles 3/56. Titles with a speaker are floors as measured, not the
// target (none).
const FRESH2_FLOOR = { recall: 0.98, attribution: 0.93, titlesWithSpeaker: 0 };
const FRESH3_FLOOR = { recall: 0.93, precision: 0.89, attribution: 0.66, titlesWithSpeaker: 1 };
// Round 15 (attrib12 as merged: a bare quotation after a sentence reporting someone's speech is theirs; a "that" clause
// after a quotation is no attribution), the lead's run: fresh4 175 -> 176/254 (floor .68 -> .69, which 175 fails); the
// other sets unchanged.
// Round 16 (attrib13, quotes-v14), the lead's run: fresh4 176/254 unchanged, detection recall 324 -> 328/339, titles given a
// speaker 3 -> 4/56 (its ceiling raised to that figure: attrib12's possessive close, now guarded, finds 7 more
// quotations over the sets — missed 71 -> 64 — and one more speaker; without it 610/898 and titles 34); fresh6 90 -> 91/121
// (floor .74 -> .75, which 90 fails), fresh8 48 -> 49/100 (floor .48 -> .49, which 48 fails): 609 -> 611/898.
const FRESH4_FLOOR = { recall: 0.95, precision: 0.93, attribution: 0.69, titlesWithSpeaker: 4 };
// Round 6 (quotes-v5; attrib3's quotes-v6 was not merged): fresh5 recall 87.0%, precision 95.1%, attribution 70.9%
// (100/141), titles 4/26 — the same before and after the round.
const FRESH5_FLOOR = { recall: 0.86, precision: 0.94, attribution: 0.77, titlesWithSpeaker: 4 };
// Round 7 (label11's fresh6, new): quotes-v5 on main before the round: recall 100%, precision 100%, attribution 71.9%
// (87/121), titles 3/74; after (quotes-v7): attribution 73.6% (89/121), titles 3/74.
const FRESH6_FLOOR = { recall: 0.99, precision: 0.99, attribution: 0.75, titlesWithSpeaker: 4 };
// Round 8 (label13's fresh7, new): quotes-v7 on main before the round (1f1de37): recall 100%, precision 100%, attribution
// 55.3% (73/132), titles/terms given a speaker 21/125, addressees 6/8; after attrib5 (quotes-v8): 56.8% (75/132), titles
// 21/125. Round 8's other sets, before → after attrib5: fresh2 93.8 → 93.8%, fresh3 65.3 → 64.4% (77 → 76/118), fresh4
// 67.7 → 67.7%, fresh5 70.9 → 78.0% (100 → 110/141), fresh6 73.6 → 75.2% (89 → 91/121); detection unchanged everywhere.
const FRESH7_FLOOR = { recall: 0.99, precision: 0.99, attribution: 0.58, titlesWithSpeaker: 21 };
// Round 9 (label15's fresh8, new): quotes-v8 on main before the round (e88aefb): recall 86.2%, precision 98.7%,
// attribution 48.0% (48/100), titles/terms given a speaker 3/70, addressees 3/7.
// After attrib6 (quotes-v9), the lead's run once after the merge: fresh8 48.0% (48/100), titles 3 -> 1/70; fresh2 93.8%
// (30/32); fresh3 64.4 -> 66.9% (76 -> 79/118); fresh4 67.7 -> 68.9% (172 -> 175/254); fresh5 78.0 -> 77.3% (110 -> 109/141);
// fresh6 75.2 -> 74.4% (91 -> 90/121), titles 3 -> 4/74 (its floors lowered to those figures: the merge was taken for
// its net gain, +6 quotations over the eight sets); fresh7 56.8 -> 58.3% (75 -> 77/132).
const FRESH8_FLOOR = { recall: 0.86, precision: 0.98, attribution: 0.49, titlesWithSpeaker: 1 };
