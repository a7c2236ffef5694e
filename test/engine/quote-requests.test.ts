/**
 * Quote requests end to end (round 8): a topic in other words than the document's, someone's words, a paragraph
 * by its place — through the whole engine over tuning-side stories, every quote verbatim.
 */
import { describe, expect, it } from 'vitest';
import { runPhrasings, type Phrasing } from '../helpers/phrasings.js';

const ask = async (p: Phrasing) => (await runPhrasings([p]))[0]!;

describe('quote requests through the engine', () => {
  it('given "quote his lawyer" on a story that says "attorney", when asked, then the attorney\'s quotation is quoted, verbatim', { timeout: 60_000 }, async () => {
    const r = await ask({ doc: 'lil-wayne', q: 'quote his lawyer', expect: 'quote:7' });
    expect(r.problem).toBeNull();
  });

  it('given a quote request about something the story never mentions in any words, when asked, then it is refused', { timeout: 60_000 }, async () => {
    expect((await ask({ doc: 'lil-wayne', q: 'quote the part about his tattoos', expect: 'refuse' })).problem).toBeNull();
    expect((await ask({ doc: 'ex-madam', q: 'quote the part about her trial verdict', expect: 'refuse' })).problem).toBeNull();
  });

  it('given "quote Froome", when asked, then only Froome\'s quotations are quoted, in the order the story has them', { timeout: 60_000 }, async () => {
    const r = await ask({ doc: 'froome-ventoux', q: 'quote Froome', expect: 'quote:7' });
    expect(r.problem).toBeNull();
    expect(r.answer.quotes.every((q) => q.attribution?.speaker === 'Chris Froome')).toBe(true);
    const starts = r.answer.quotes.map((q) => q.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('given "quote the second-to-last paragraph", when asked, then the paragraph before the last is quoted whole', { timeout: 60_000 }, async () => {
    expect((await ask({ doc: 'hardwick', q: 'quote the second-to-last paragraph', expect: 'para:10' })).problem).toBeNull();
  });

  it('given "paragraph 9 to the last" (round 10), when asked, then every paragraph from ¶9 to the last is quoted whole, in order', { timeout: 60_000 }, async () => {
    expect((await ask({ doc: 'hardwick', q: 'paragraph 9 to the last', expect: 'para:9+10+11' })).problem).toBeNull();
  });

  it('given "summarise paragraphs 9 to the end" (round 10, lead), when asked, then the summary quotes only ¶9 to the last, not ¶9 alone', { timeout: 60_000 }, async () => {
    const r = await ask({ doc: 'hardwick', q: 'summarise paragraphs 9 to the end', expect: 'sum' });
    expect(r.answer.intent).toBe('summary');
    const paras = r.answer.quotes.map((q) => q.paragraph);
    expect(paras.length).toBeGreaterThan(0);
    expect(paras.every((n) => n >= 9 && n <= 11)).toBe(true);
    expect(paras.some((n) => n > 9)).toBe(true);
  });
  it('given "quote what olesen said after losing" where the story only tells of Olesen, never quotes or reports him (round 11), when asked, then it is refused', { timeout: 60_000 }, async () => {
    expect((await ask({ doc: 'tune-grace-dunhill', q: 'quote what olesen said after losing', expect: 'refuse' })).problem).toBeNull();
  });

  it('given "give me venus\'s exact words after the match" where only Serena is quoted, about Venus (round 11), when asked, then it is refused', { timeout: 60_000 }, async () => {
    expect((await ask({ doc: 'tune-serena-venus', q: "give me venus's exact words after the match", expect: 'refuse' })).problem).toBeNull();
  });

  it('given "quote the part about jeb\'s brother george" over a story that names Jeb but never George (round 11), when asked, then it is refused', { timeout: 60_000 }, async () => {
    expect((await ask({ doc: 'tune-jeb-bush', q: "quote the part about jeb's brother george", expect: 'refuse' })).problem).toBeNull();
  });
});
