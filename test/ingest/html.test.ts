import { describe, expect, it } from 'vitest';
import { extractHtml, measure } from '../../src/ingest/html.js';
import { nestedHtml } from '../chaos/gen.js';

describe('HTML extraction on hostile pages', () => {
  it('given a page nested 2,000 deep, when extracted, then its text comes out in seconds (not the minutes Readability takes)', async () => {
    const t0 = performance.now();
    const { text, title } = await extractHtml(nestedHtml(2000), 'deep.html');
    const ms = performance.now() - t0;
    expect(text).toContain('The council met in Geneva on Friday. Delegates agreed on the budget.');
    expect(title).toBe('Deep');
    expect(ms).toBeLessThan(5000);
  }, 60_000);

  it('given a tree, when measured, then depth and element count are exact without recursion', () => {
    let leaf: { children: unknown[] } = { children: [] };
    const root = leaf;
    for (let i = 0; i < 100_000; i++) {
      const next = { children: [] as unknown[] };
      leaf.children.push(next);
      leaf = next;
    }
    expect(measure(root as never)).toEqual({ depth: 100_001, elements: 100_001 });
  });
});
