import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/ingest/document.js';
import { summarize, summaryLength } from '../../src/summarize/summarize.js';
import { candidates } from '../../src/summarize/candidates.js';
import { ROOT } from '../helpers/paths.js';

const load = (id: string) => buildDocument({ id, path: id, text: readFileSync(path.join(ROOT, id), 'utf8') });

describe('summarize: a document of several paragraphs is not summarised from one alone (round 17)', () => {
  it('given an encyclopedia entry whose long first paragraph holds every lead-weighted sentence (GM), when summarised short (as a summary request is), then the summary quotes at least two paragraphs, lead first', async () => {
    const doc = load('test/fixtures/coqa-cnn/q12-gm.txt');
    const s = await summarize([doc], { length: 'short' });
    expect(s.summary.length).toBeGreaterThanOrEqual(2);
    expect(new Set(s.summary.map((q) => q.paragraph)).size).toBeGreaterThanOrEqual(2);
    expect(s.summary[0]!.start).toBe(doc.sentences.find((x) => x.paragraph === 1)!.start);
    for (const q of s.summary) expect(doc.text.slice(q.start, q.end)).toBe(q.quote);
  });

  it('given a text of one paragraph, when summarised, then the summary comes from it at its full length (nothing else to give way to, so nothing is given up)', async () => {
    const id = 'one.txt';
    const doc = buildDocument({ id, path: id, text: 'The committee met on Monday to review the budget. Members agreed to publish the figures next week. The chair thanked the staff for their work. A vote is planned for June.' });
    const s = await summarize([doc], { length: 'medium' });
    expect(s.summary).toHaveLength(summaryLength('medium', candidates([doc]).length));
    expect(s.summary.length).toBeGreaterThanOrEqual(2);
    expect(s.summary.every((q) => q.paragraph === 1)).toBe(true);
  });
});
