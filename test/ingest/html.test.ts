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

  it.each([
    ['a body without <html>', '<body><p>One sentence here.</p><p>Two here.</p></body>', 'One sentence here.\n\nTwo here.'],
    ['bare paragraphs', '<p>Bare fragment one.</p><p>Bare two.</p>', 'Bare fragment one.\n\nBare two.'],
    ['a doctype then paragraphs', '<!doctype html><p>A doctype fragment.</p>', 'A doctype fragment.'],
  ])('given a saved page that is %s, when extracted, then its text is read, not refused as empty', async (_, html, text) => {
    expect((await extractHtml(html, 'fragment.html')).text).toBe(text);
  });

  it('given a head and a body without <html>, when extracted, then the title comes from the head and the text from the body', async () => {
    expect(await extractHtml('<head><title>Minutes</title></head><body><p>The board met.</p></body>', 'minutes.html')).toEqual({ text: 'Minutes\n\nThe board met.', title: 'Minutes' });
  });
});
