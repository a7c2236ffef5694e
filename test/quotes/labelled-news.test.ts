import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findQuotations } from '../../src/quotes/index.js';
import { describeScore, FRESH_FIXTURE, loadLabelledStories, scoreSplit, sharesStory } from './labelled-news.js';
import { CHECK11_FIXTURE, CHECK13_FIXTURE, TUNE13_FIXTURE } from './score-classes.js';
import { TUNE11_FIXTURE, TUNE4_FIXTURE, TUNE5_FIXTURE, TUNE6_FIXTURE, TUNE8_FIXTURE, TUNE9_FIXTURE } from './train-attribution.js';
import { ROOT } from '../helpers/paths.js';

const TUNE10_FIXTURE = 'test/fixtures/quotes/squad-attribution-tune10.json';

const stories = loadLabelledStories();
const dev = scoreSplit(stories.filter((s) => s.split === 'dev'), findQuotations);
const held = scoreSplit(stories.filter((s) => s.split === 'held-out'), findQuotations);
const freshStories = loadLabelledStories(FRESH_FIXTURE);
const fresh = scoreSplit(freshStories, findQuotations);
const tune4Stories = loadLabelledStories(TUNE4_FIXTURE);
const tune4 = scoreSplit(tune4Stories, findQuotations);
const tune5Stories = loadLabelledStories(TUNE5_FIXTURE);
const tune5 = scoreSplit(tune5Stories, findQuotations);
const tune6Stories = loadLabelledStories(TUNE6_FIXTURE);
const tune6 = scoreSplit(tune6Stories.filter((s) => s.split !== 'held-out'), findQuotations);
const tune6Held = scoreSplit(tune6Stories.filter((s) => s.split === 'held-out'), findQuotations);
// The blind sets (fresh2, fresh3, fresh4) are scored in labelled-news-blind.test.ts, which the tuning engineers never run.

describe('the quotation finder on labelled CNN stories (Abg-CoQA)', () => {
  it('prints precision and recall of detection and attribution accuracy, dev and held-out', () => {
    console.log(describeScore('dev', dev));
    console.log(describeScore('held-out', held));
    console.log(describeScore('fresh (round 3, tuned on in round 4)', fresh));
    console.log(describeScore('tune4 (round 4)', tune4));
    console.log(describeScore('tune5 (round 4, CNN/DM)', tune5));
    console.log(describeScore('tune6 tuning part (round 5, CNN/DM flattened)', tune6));
    console.log(describeScore("tune6 held-out part (round 5, attrib2's own, never tuned on)", tune6Held));
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
    expect(sharesStory(freshStories, stories)).toBe(false);
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
      expect(sharesStory(set, others)).toBe(false);
    }
    expect(tune4.recall).toBeGreaterThanOrEqual(0.98);
    expect(tune4.attribution).toBeGreaterThanOrEqual(0.95);
    expect(tune4.titlesWithSpeaker).toBe(0);
    expect(tune5.recall).toBeGreaterThanOrEqual(0.92);
    expect(tune5.attribution).toBeGreaterThanOrEqual(0.85);
    expect(tune5.titlesWithSpeaker).toBe(0);
  });

  // Round 5's tuning set, labelled by attrib2 before the finder ran on it (rows 25–59 of the CNN/DM sample, flattened).
  // Blind first: rows 26–58 of the first batch 56.5% (tuning part) / 67.9% (held-out part); now 94.2% / 78.3%.
  it('given the round-5 tuning stories (tune6: flattened CNN/Daily Mail), when quotations are found and attributed, then they share no story with the other sets and the figures stay at their floors', () => {
    const others = [...stories, ...freshStories, ...tune4Stories, ...tune5Stories];
    expect(sharesStory(tune6Stories, others)).toBe(false);
    expect(new Set(tune6Stories.map((s) => s.id)).size).toBe(tune6Stories.length);
    expect(tune6.clear + tune6Held.clear).toBeGreaterThanOrEqual(150);
    expect(tune6.recall).toBeGreaterThanOrEqual(0.97);
    expect(tune6.attribution).toBeGreaterThanOrEqual(0.92);
    expect(tune6.titlesWithSpeaker).toBe(0);
    expect(tune6Held.recall).toBeGreaterThanOrEqual(0.97);
    expect(tune6Held.attribution).toBeGreaterThanOrEqual(0.76);
    expect(tune6Held.titlesWithSpeaker).toBe(0);
  });

  // Round 8's Gutenberg fiction (Abg-CoQA val), labelled by attrib5 before the finder ran on it; each with a held-out
  // part never read mistake by mistake. Before round 8 (quotes-v7): tune8 52/94 and 26/51, tune9 26/46 and 11/24.
  it('given the round-8 Gutenberg stories (tune8, tune9), when quotations are found and attributed, then they share no story with the other sets and the figures stay at their floors', () => {
    const tune8 = loadLabelledStories(TUNE8_FIXTURE);
    const tune9 = loadLabelledStories(TUNE9_FIXTURE);
    expect(sharesStory(tune8, [...stories, ...freshStories, ...tune4Stories, ...tune5Stories, ...tune6Stories, ...tune9])).toBe(false);
    const parts = [tune8, tune9].flatMap((set) => [set.filter((s) => s.split !== 'held-out'), set.filter((s) => s.split === 'held-out')]).map((p) => scoreSplit(p, findQuotations));
    for (const [name, sc] of ['tune8 tuning', 'tune8 held-out', 'tune9 tuning', 'tune9 held-out'].map((n, k) => [n, parts[k]!] as const)) console.log(describeScore(name, sc));
    const [t8, h8, t9, h9] = parts as [ReturnType<typeof scoreSplit>, ReturnType<typeof scoreSplit>, ReturnType<typeof scoreSplit>, ReturnType<typeof scoreSplit>];
    expect(t8.clear + h8.clear).toBeGreaterThanOrEqual(140);
    for (const sc of parts) {
      expect(sc.recall).toBeGreaterThanOrEqual(0.99);
      expect(sc.precision).toBe(1);
      expect(sc.titlesWithSpeaker).toBe(0);
    }
    expect(t8.attribution).toBeGreaterThanOrEqual(0.9);
    expect(h8.attribution).toBeGreaterThanOrEqual(0.82);
    expect(t9.attribution).toBeGreaterThanOrEqual(0.87);
    expect(h9.attribution).toBeGreaterThanOrEqual(0.5);
  });

  // Round 9's SQuAD v1.1 dev paragraphs (attrib6), labelled before the finder ran on them: organisations, a newspaper, a
  // thesis and historians as speakers, and many quoted terms. Every third paragraph held out (never read mistake by
  // mistake). Before round 9 (quotes-v8): tuning part 3/6, titles/terms with a speaker 2/42 (after the two span fixes).
  it('given the round-9 SQuAD paragraphs (tune10), when quotations are found and attributed, then they share no story with the other sets and the figures stay at their floors', () => {
    const tune10 = loadLabelledStories(TUNE10_FIXTURE);
    expect(sharesStory(tune10, [...stories, ...freshStories, ...tune4Stories, ...tune5Stories, ...tune6Stories, ...loadLabelledStories(TUNE8_FIXTURE), ...loadLabelledStories(TUNE9_FIXTURE)])).toBe(false);
    const t10 = scoreSplit(tune10.filter((s) => s.split !== 'held-out'), findQuotations);
    const h10 = scoreSplit(tune10.filter((s) => s.split === 'held-out'), findQuotations);
    console.log(describeScore('tune10 tuning', t10));
    console.log(describeScore('tune10 held-out', h10));
    expect(t10.clear + h10.clear).toBe(10);
    for (const sc of [t10, h10]) expect(sc.recall).toBe(1);
    expect(t10.precision).toBe(1);
    expect(t10.attribution).toBeGreaterThanOrEqual(5 / 6);
    expect(t10.titlesWithSpeaker).toBeLessThanOrEqual(1);
    // held-out part, measured once at the end of round 9: 3/4 before and after, detection precision 17/19, titles 0/13
    expect(h10.attribution).toBeGreaterThanOrEqual(0.75);
    expect(h10.precision).toBeGreaterThanOrEqual(0.89);
    expect(h10.titlesWithSpeaker).toBe(0);
  });

  // Round 14 (attrib11): 14 Abg-CoQA val Gutenberg passages no other set holds (every Abg-CoQA val CNN story is in a set
  // already), labelled before the finder ran on them and split by passage: tune11 is tuned on, check11 is run for its
  // totals only. Both at quotes-v9 as labelled: tune11 71/92, check11 61/77, no quotation missed, no title given a speaker.
  it('given the round-14 Gutenberg passages (tune11, check11), when quotations are found and attributed, then they share no story with any other set and the figures stay at their floors', () => {
    const [t11, c11] = scoredPair('11', TUNE11_FIXTURE, CHECK11_FIXTURE);
    expect([t11.clear, c11.clear]).toEqual([92, 77]);
    for (const sc of [t11, c11]) {
      expect(sc.recall).toBe(1);
      expect(sc.titlesWithSpeaker).toBe(0);
    }
    expect(c11.precision).toBe(1);
    expect(t11.attributedRight).toBeGreaterThanOrEqual(78);
    expect(c11.attributedRight).toBeGreaterThanOrEqual(61);
  });

  it('given the round-16 stories (tune13, check13: RACE, Gutenberg, MCTest, Wikipedia and news sample rows), when quotations are found and attributed, then they share no story with any other set and the figures stay at their floors', () => {
    const [t13, c13] = scoredPair('13', TUNE13_FIXTURE, CHECK13_FIXTURE);
    expect([t13.clear, c13.clear, t13.titles, c13.titles]).toEqual([41, 11, 5, 5]);
    // Labelled before the finder ran: tune13 30/41 as labelled (32 with Mrs. Jerry's surname in also), check13 10/11.
    expect(t13.attributedRight).toBeGreaterThanOrEqual(35);
    expect(t13.titlesWithSpeaker).toBeLessThanOrEqual(1);
    expect(t13.matched).toBeGreaterThanOrEqual(45);
    expect(c13.attributedRight).toBeGreaterThanOrEqual(10);
    expect(c13.titlesWithSpeaker).toBe(0);
    expect(c13.recall).toBe(1);
  });
});

/**
 * A tuning/check pair labelled in one round: neither shares a story with the other or with any other set, the tuning
 * part is scored item by item, the check part printed as totals only.
 */
function scoredPair(round: string, tuneFixture: string, checkFixture: string) {
  const tune = loadLabelledStories(tuneFixture);
  const check = loadLabelledStories(checkFixture);
  // (the other sets' texts are compared, never scored: the blind ones among them are the lead's)
  const own = new RegExp(`(?:tune|check)${round}\\.json$`);
  const others = readdirSync(path.join(ROOT, 'test/fixtures/quotes')).filter((f) => f.endsWith('.json') && !own.test(f)).flatMap((f) => loadLabelledStories(`test/fixtures/quotes/${f}`));
  expect(sharesStory(tune, others)).toBe(false);
  expect(sharesStory(check, others)).toBe(false);
  expect(sharesStory(tune, check)).toBe(false);
  const t = scoreSplit(tune, findQuotations);
  const c = scoreSplit(check, findQuotations);
  console.log(describeScore(`tune${round}`, t));
  console.log(`check${round} (totals only): attribution ${c.attributedRight}/${c.clear}, recall ${c.matched}/${c.labelled}, titles with a speaker ${c.titlesWithSpeaker}/${c.titles}`);
  return [t, c] as const;
}
