/**
 * The paragraphed CNN tuning stories flattened as the CNN/Daily Mail corpus flattens its copy (flat12, round 15,
 * attrib12; test/quotes/flatten-news.ts), labels kept: how much of the finder's accuracy on news leans on paragraphs.
 * The tune half is tuned on; the check half is run for its totals only.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findQuotations } from '../../src/quotes/index.js';
import { describeScore, loadLabelledStories, scoreSplit, type LabelledStory } from './labelled-news.js';
import { FLAT_CHECK_FIXTURE, FLAT_TUNE_FIXTURE, flattenStory, flattenText, sourceStories } from './flatten-news.js';
import { ROOT } from '../helpers/paths.js';

const src = sourceStories();
const tune = loadLabelledStories(FLAT_TUNE_FIXTURE);
const check = loadLabelledStories(FLAT_CHECK_FIXTURE);
const copy = (set: LabelledStory[], variant: 'flat' | 'flat-dm') => set.filter((s) => s.id.endsWith(`.${variant}`));
const score = (stories: LabelledStory[]) => scoreSplit(stories, findQuotations);

describe('the quotation finder on labelled CNN stories flattened as the CNN/Daily Mail corpus flattens them', () => {
  it('given the flattening, when a story with paragraphs is flattened, then its lines are stripped and joined with one space and a line without a final stop ends in " ."', () => {
    const { text, map } = flattenText('(CNN) -- Lying low. \n\nAnalysis: a do-over \n\n"I regret it," he said. \n');
    expect(text).toBe('(CNN) -- Lying low. Analysis: a do-over . "I regret it," he said.');
    expect(map[22]).toBe(text.indexOf('Analysis'));
  });

  it('given the fixtures, when read, then they are what flatten-news.ts makes of the source stories, every quote sits at its offsets and the halves share no story', () => {
    for (const [half, set] of [['tune', tune], ['held-out', check]] as const) {
      const want = src.filter((x) => x.half === half).flatMap((x) => [flattenStory(x.story, 'flat', half), flattenStory(x.story, 'flat-dm', half)]);
      expect(set).toEqual(JSON.parse(JSON.stringify(want)));
      for (const s of set) for (const q of s.quotations) expect(s.text.slice(q.start, q.end)).toBe(q.quote);
      expect(set.every((s) => !/\n/.test(s.text))).toBe(true);
    }
    const ids = (set: LabelledStory[]) => new Set(set.map((s) => s.id.replace(/\.flat(?:-dm)?$/, '')));
    expect([...ids(tune)].some((id) => ids(check).has(id))).toBe(false);
    expect(ids(tune).size + ids(check).size).toBe(38);
    expect(JSON.parse(readFileSync(path.join(ROOT, FLAT_TUNE_FIXTURE), 'utf8')).source).toMatch(/never a fresh|cnn-attribution\.json/);
  });

  // Before round 15 (quotes-v9 as merged, 603d172): tune half paragraphed 68/69, flattened 67/69 (double marks) and
  // 65/69 (single marks, detection recall 109/115); check half paragraphed 63/66, flattened 61/66 and 60/66 (recall 97/100).
  // After round 15: tune half 68/68/68 (recall 112/115 with single marks), check half 63/63/60 (recall 98/100).
  it('prints precision, recall and attribution on both halves, paragraphed and flattened, and the figures stay at their floors', () => {
    const rows: [string, ReturnType<typeof score>][] = [];
    for (const [half, set] of [['tune', tune], ['check', check]] as const) {
      const h = half === 'tune' ? 'tune' : 'held-out';
      rows.push([`flat12 ${half} half, paragraphed`, score(src.filter((x) => x.half === h).map((x) => x.story))]);
      rows.push([`flat12 ${half} half, flattened (CNN double marks)`, score(copy(set, 'flat'))]);
      rows.push([`flat12 ${half} half, flattened (Daily Mail single marks)`, score(copy(set, 'flat-dm'))]);
    }
    for (const [name, s] of rows) console.log(describeScore(name, s));
    const [, tFlat, tDm, , cFlat, cDm] = rows.map((r) => r[1]);
    expect([tFlat!.clear, cFlat!.clear]).toEqual([69, 66]);
    expect(tFlat!.attributedRight).toBeGreaterThanOrEqual(68);
    // With single marks the tune half was 66 right and 109 found before round 16 re-applied attrib12's possessive-looking
    // close ("'depends' on" closes when the next quotation opens first) for short quoted phrases only: 68 and 112.
    expect(tDm!.attributedRight).toBeGreaterThanOrEqual(68);
    expect(tDm!.matched).toBeGreaterThanOrEqual(112);
    expect(cFlat!.attributedRight).toBeGreaterThanOrEqual(63);
    expect(cDm!.attributedRight).toBeGreaterThanOrEqual(60);
    expect(cDm!.matched).toBeGreaterThanOrEqual(98);
    for (const s of [tFlat!, tDm!, cFlat!, cDm!]) expect(s.titlesWithSpeaker).toBe(0);
  });
});
