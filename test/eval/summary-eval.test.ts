import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateSummaries, readArticles, rougeTable, split } from '../../src/eval/summary-eval.js';
import { ROOT, tempDir } from '../helpers/paths.js';
import { writeFile } from 'node:fs/promises';

const FIXTURE = path.join(ROOT, 'test/eval/fixtures/cnn-dm-two.csv');

describe('summary evaluation', () => {
  it('given a CNN/Daily Mail CSV, when read, then each row has its article and its highlights, one per line', async () => {
    const rows = await readArticles(FIXTURE);
    expect(rows).toHaveLength(2);
    expect(rows[1]!.highlights.split('\n')).toHaveLength(3);
    expect(rows[1]!.article).toMatch(/^By \. Associated Press \. PUBLISHED:/);
  });

  it('given rows, when split, then dev is the first half and test the second, together all of them', () => {
    const xs = [1, 2, 3, 4, 5];
    expect(split(xs, 'dev')).toEqual([1, 2, 3]);
    expect(split(xs, 'test')).toEqual([4, 5]);
    expect(split(xs, 'all')).toEqual(xs);
  });

  it('given articles, when evaluated, then LEAD-3, clean LEAD-3 and our summary are scored in the same run, and the byline costs raw LEAD-3', async () => {
    const rows = await readArticles(FIXTURE);
    const results = await evaluateSummaries(rows, ['short']);
    expect(results.map((r) => r.system)).toEqual(['lead-3', 'lead-3 (clean)', 'verbatim short']);
    for (const r of results) for (const k of ['rouge1', 'rouge2', 'rougeL'] as const) expect(r.scores[k].f).toBeGreaterThan(0);
    const [lead, clean] = results;
    expect(clean!.scores.rouge1.f).toBeGreaterThan(lead!.scores.rouge1.f); // "By . Associated Press . PUBLISHED: …" is not summary text
    expect(rougeTable(results, 'fixture')).toMatch(/^\| verbatim short \| \d+\.\d \(\d+\.\d\) \|/m);
  });

  it('given a folder with no CSV or a CSV without the columns, when read, then a clear error', async () => {
    const tmp = await tempDir();
    try {
      await expect(readArticles(tmp.dir)).rejects.toThrow(/No \.csv file/);
      await writeFile(path.join(tmp.dir, 'x.csv'), 'id,text\n1,hello\n');
      await expect(readArticles(tmp.dir)).rejects.toThrow(/no article\/highlights column/);
    } finally {
      await tmp.cleanup();
    }
  });
});
