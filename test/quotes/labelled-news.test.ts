import { describe, expect, it } from 'vitest';
import { findQuotations } from '../../src/quotes/index.js';
import { describeScore, FRESH_FIXTURE, loadLabelledStories, scoreSplit } from './labelled-news.js';

const stories = loadLabelledStories();
const dev = scoreSplit(stories.filter((s) => s.split === 'dev'), findQuotations);
const held = scoreSplit(stories.filter((s) => s.split === 'held-out'), findQuotations);
const freshStories = loadLabelledStories(FRESH_FIXTURE);
const fresh = scoreSplit(freshStories, findQuotations);

describe('the quotation finder on labelled CNN stories (Abg-CoQA)', () => {
  it('prints precision and recall of detection and attribution accuracy, dev and held-out', () => {
    console.log(describeScore('dev', dev));
    console.log(describeScore('held-out', held));
    console.log(describeScore('fresh held-out', fresh));
    // Only the development split's mistakes are ever printed: the held-out split is for measuring, not tuning.
    if (process.env.SHOW_DEV_MISSES) for (const m of dev.misses) console.log(JSON.stringify(m));
    expect(dev.labelled + held.labelled).toBeGreaterThanOrEqual(80);
    expect(new Set(stories.map((s) => s.id)).size).toBeGreaterThanOrEqual(14);
  });

  // Floors a little below what this version achieves (dev 94.7%, held-out 85.7%), so that a regression fails.
  it('given the development stories, when quotations are found and attributed, then the figures stay at their floors', () => {
    expect(dev.precision).toBeGreaterThanOrEqual(0.98);
    expect(dev.recall).toBeGreaterThanOrEqual(0.98);
    expect(dev.attribution).toBeGreaterThanOrEqual(0.92);
    expect(dev.titlesWithSpeaker).toBe(0);
  });

  it('given the held-out stories (never looked at while tuning), when quotations are found and attributed, then the figures stay at their floors', () => {
    expect(held.precision).toBeGreaterThanOrEqual(0.95);
    expect(held.recall).toBeGreaterThanOrEqual(0.95);
    expect(held.attribution).toBeGreaterThanOrEqual(0.83);
    expect(held.titlesWithSpeaker).toBe(0);
  });
});
