import { describe, expect, it } from 'vitest';
import { findQuotations } from '../../src/quotes/index.js';
import { describeScore, loadLabelledStories, scoreSplit } from './labelled-news.js';

const stories = loadLabelledStories();
const dev = scoreSplit(stories.filter((s) => s.split === 'dev'), findQuotations);
const held = scoreSplit(stories.filter((s) => s.split === 'held-out'), findQuotations);

describe('the quotation finder on labelled CNN stories (Abg-CoQA)', () => {
  it('prints precision and recall of detection and attribution accuracy, dev and held-out', () => {
    console.log(describeScore('dev', dev));
    console.log(describeScore('held-out', held));
    // Only the development split's mistakes are ever printed: the held-out split is for measuring, not tuning.
    if (process.env.SHOW_DEV_MISSES) for (const m of dev.misses) console.log(JSON.stringify(m));
    expect(dev.labelled + held.labelled).toBeGreaterThanOrEqual(80);
  });
});
