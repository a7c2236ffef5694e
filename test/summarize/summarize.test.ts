import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/ingest/document.js';
import { summarize, summaryLength, titleQuotations } from '../../src/summarize/summarize.js';
import { findQuotations } from '../../src/quotes/index.js';
import { candidates } from '../../src/summarize/candidates.js';
import type { StoredDocument, Summary } from '../../src/types.js';
import { hashEmbedder } from '../helpers/hash-embedder.js';
import { DEFAULT_DOC, DEFAULT_DOC_PATH, ROOT } from '../helpers/paths.js';

const doc = buildDocument({ id: DEFAULT_DOC, path: DEFAULT_DOC, text: readFileSync(DEFAULT_DOC_PATH, 'utf8') });
const quotations = findQuotations(doc);
const news = (name: string) => {
  const id = `test/fixtures/news/${name}.txt`;
  return buildDocument({ id, path: id, text: readFileSync(path.join(ROOT, id), 'utf8') });
};

/** The invariants every summary keeps. */
function expectWellFormed(s: Summary, docs: StoredDocument[]) {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const seen = new Set<string>();
  let last = { doc: -1, start: -1 };
  for (const q of s.summary) {
    const d = byId.get(q.doc)!;
    expect(d).toBeDefined();
    expect(d.text.slice(q.start, q.end)).toBe(q.quote); // verbatim
    const para = d.paragraphs.find((p) => p.start <= q.start && q.end <= p.end)!;
    expect(para.kind).toBe('body'); // never title or boilerplate
    expect(q.paragraph).toBe(para.n);
    expect(d.sentences.some((x) => x.start === q.start && x.end === q.end)).toBe(true); // whole sentences
    const key = q.quote.toLowerCase();
    expect(seen.has(key)).toBe(false); // no duplicates
    seen.add(key);
    const at = { doc: docs.indexOf(d), start: q.start };
    expect(at.doc > last.doc || (at.doc === last.doc && at.start > last.start)).toBe(true); // document order
    last = at;
  }
}

describe('summarize', () => {
  it.each(['short', 'medium', 'long'] as const)('given the default document, when summarised %s, then it has the length relative to the document, in cited verbatim body sentences in document order', async (length) => {
    const s = await summarize([doc], { length, quotations });
    expectWellFormed(s, [doc]);
    expect(s.summary).toHaveLength(summaryLength(length, candidates([doc], quotations).length));
    expect(s).toMatchObject({ length, focus: null });
    expect(s.note).toBeUndefined();
  });

  it('given the default document, when summarised short, then it is the lead and the quotation the title quotes, with its speaker, and no tagline or title', async () => {
    const s = await summarize([doc], { length: 'short', quotations });
    expect(s.summary).toHaveLength(3);
    expect(s.summary[0]!.paragraph).toBe(1);
    const p2 = s.summary.find((q) => q.paragraph === 2);
    expect(p2?.quote).toMatch(/^“We need to ensure that multilateralism and joint action – rather than polarized initiatives/);
    expect(p2?.attribution?.speaker).toBe('Kofi Annan');
    for (const q of s.summary) {
      expect(q.quote).not.toContain('Global perspective');
      expect(q.quote.startsWith('Annan stresses')).toBe(false);
    }
  });

  it('given the default document, when summarised medium and long, then medium holds two of Annan’s direct quotations and long all three (¶2, ¶3, ¶5), each with his name', async () => {
    const direct = async (length: 'medium' | 'long') => (await summarize([doc], { length, quotations })).summary.filter((q) => /^“/.test(q.quote));
    const medium = await direct('medium');
    expect(medium.map((q) => q.paragraph)).toEqual([2, 3]);
    const long = await direct('long');
    expect(long.map((q) => q.paragraph)).toEqual([2, 3, 5]);
    for (const q of [...medium, ...long]) expect(q.attribution?.speaker).toBe('Kofi Annan');
  });

  it('given a short news story, when summarised medium, then at most half of it is quotations and the lead sentences stay', async () => {
    const story = news('saddam-piro');
    const s = await summarize([story], { length: 'medium', quotations: findQuotations(story) });
    expect(s.summary.filter((q) => q.attribution).length).toBeLessThanOrEqual(Math.floor(s.summary.length / 2));
    expect(s.summary[0]!.paragraph).toBe(1);
  });

  it.each(['short', 'medium', 'long'] as const)('given any document, when summarised %s, then the summary is never the whole document', async (length) => {
    const s = await summarize([doc], { length, quotations });
    expect(s.summary.length).toBeLessThan(doc.paragraphs.filter((p) => p.kind === 'body').length);
    const tiny = buildDocument({ id: 's', path: 's', text: 'A short note\n\nThe committee met on Monday to review the budget.\n\nMembers agreed to publish the figures next week.' });
    const t = await summarize([tiny], { length });
    expectWellFormed(t, [tiny]);
    expect(t.summary.map((q) => q.quote)).toEqual(['The committee met on Monday to review the budget.']);
  });

  it('given a news story with a verbless photo caption and quotes whose he/she points elsewhere, when summarised at every length, then the caption is never chosen and every he/she has its person', async () => {
    const story = news('saddam-piro');
    const qs = findQuotations(story);
    for (const length of ['short', 'medium', 'long'] as const) {
      const s = await summarize([story], { length, quotations: qs });
      expectWellFormed(s, [story]);
      expect(s.summary.length).toBeGreaterThanOrEqual(3);
      const quotes = s.summary.map((q) => q.quote);
      expect(quotes.some((q) => q.startsWith('Iraqi leader Saddam Hussein in an unknown location'))).toBe(false);
      // In this story every orphan "He …" sentence means Saddam; Piro's words about him are never cut out alone.
      expect(quotes.some((q) => q.startsWith('He thought the United States would retaliate'))).toBe(false);
      expect(quotes.some((q) => q.startsWith('"He survived that one'))).toBe(false);
    }
  });

  it('given a text whose every sentence says "he" of someone named before it (one paragraph asked for alone), when summarised, then the summary is the continuous cut from its first sentence, not nothing', async () => {
    const text = 'His sentencing was delayed three weeks so he could get some dental work done, including his braces.\n\nHe is expected to serve his sentence in a city jail, his lawyer said on Monday.';
    const para = buildDocument({ id: 'p.txt', path: 'p.txt', text });
    for (const length of ['short', 'medium'] as const) {
      const s = await summarize([para], { length });
      expectWellFormed(s, [para]);
      expect(s.summary[0]?.quote).toMatch(/^His sentencing was delayed/);
    }
  });

  it('given a text that is all headline ("Analysis: Obama speech a do-over", a heading paragraph asked for alone), when summarised, then the summary is that heading, verbatim, not "no body text"', async () => {
    const text = 'Analysis: Obama speech a do-over \'no strategy\' comment';
    const heading = buildDocument({ id: 'h.txt', path: 'h.txt', text: `First paragraph of the story, with a verb in it.\n\n${text}` });
    const only = { ...heading, paragraphs: heading.paragraphs.filter((p) => p.n === 2), sentences: heading.sentences.filter((x) => x.paragraph === 2) };
    const s = await summarize([only], { length: 'short' });
    expectWellFormed(s, [only]);
    expect(s.summary.map((q) => q.quote)).toEqual([text]);
    expect(s.note).toBeUndefined();
  });

  it('given a focus the document never mentions, when summarised, then the summary is empty and a note says so', async () => {
    const s = await summarize([doc], { length: 'short', focus: 'climate change' });
    expect(s.summary).toEqual([]);
    expect(s.focus).toBe('climate change');
    expect(s.note).toBe('Nothing in the document is about "climate change".');
  });

  it('given a focus, when summarised, then only sentences about it are chosen', async () => {
    const s = await summarize([doc], { length: 'medium', focus: 'mediation and prevention' });
    expectWellFormed(s, [doc]);
    expect(s.summary.map((q) => q.paragraph)).toEqual([5]);
    const council = await summarize([doc], { length: 'long', focus: 'the Council' });
    expectWellFormed(council, [doc]);
    expect(council.summary.length).toBeGreaterThan(0);
    for (const q of council.summary) expect(q.quote).toMatch(/Council/);
  });

  it('given near-duplicate sentences, when summarised, then only one of them is chosen', async () => {
    const text = [
      'Budget talks',
      'The council approved the new water budget on Monday after a long debate.',
      'The council approved the new water budget on Monday after a very long debate.',
      'Farmers in the valley said the new rules would cut their costs.',
      'Opposition members warned that the budget ignored rural roads.',
      'The mayor will present the plan to residents in June.',
    ].join('\n\n');
    const d = buildDocument({ id: 'dup', path: 'dup', text });
    const s = await summarize([d], { length: 'short' });
    expectWellFormed(s, [d]);
    expect(s.summary).toHaveLength(3); // 5 candidates: 3, and never all
    expect(s.summary.filter((q) => q.quote.startsWith('The council approved'))).toHaveLength(1);
  });

  it('given several documents, when summarised, then items cite their own document and keep the documents’ order', async () => {
    const docs = [news('climate-talks'), news('hunger-report')];
    const s = await summarize(docs, { length: 'long' });
    expectWellFormed(s, docs);
    expect(new Set(s.summary.map((q) => q.doc))).toEqual(new Set(docs.map((d) => d.id)));
  });

  it('given an embedder, when summarised, then its vectors are used and every invariant still holds', async () => {
    const embedder = hashEmbedder();
    const s = await summarize([doc], { length: 'medium', embedder });
    expectWellFormed(s, [doc]);
    expect(s.summary).toHaveLength(5);
    expect(embedder.embedded).toBeGreaterThanOrEqual(8);
    const f = await summarize([doc], { length: 'short', focus: 'regional organizations', embedder });
    expectWellFormed(f, [doc]);
    for (const q of f.summary) expect(q.quote).toMatch(/regional/);
  });

  it('given a focus of stopwords only, or a document with no body, when summarised, then the summary is empty with a note', async () => {
    const s = await summarize([doc], { focus: 'the of and' });
    expect(s.summary).toEqual([]);
    expect(s.note).toMatch(/no words to look for/);
    const empty = await summarize([], {});
    expect(empty.summary).toEqual([]);
    expect(empty.note).toMatch(/no body text/);
  });
});

describe('the title’s point', () => {
  const text = [
    '# Budget for roads and schools is ‘a fairer deal’, mayor says',
    'The mayor presented the city budget to the council on Tuesday, with new spending on roads and schools.',
    'The council will vote on the budget for roads and schools next month.',
    'Spending on roads rises by a tenth, and spending on schools by a fifth, in the new budget.',
    'Opposition members said the budget for roads and schools was too small.',
    'The mayor says the budget for roads and schools is balanced, and the mayor says it twice.',
    '“After years of waiting for the river crossings, the harbour walls, the ferry timetable, the tram depot and the library roof, it is a fairer deal for the hamlets at last,” Mayor Ana Ruiz told the hearing.',
    'The budget for roads and schools also covers repairs to the old town hall.',
  ].join('\n\n');
  const d = buildDocument({ id: 'bridge.md', path: 'bridge.md', text });

  it('given a title that quotes a phrase, when summarised short, then the sentence holding that phrase is in the summary with its speaker', async () => {
    const s = await summarize([d], { length: 'short', quotations: findQuotations(d) });
    expectWellFormed(s, [d]);
    expect(s.summary[0]!.paragraph).toBe(1);
    const point = s.summary.find((q) => q.quote.includes('a fairer deal'));
    expect(point!.attribution?.speaker).toMatch(/Ruiz/);
    // The title alone places it: without the quotation index it is still chosen.
    const bare = await summarize([d], { length: 'short' });
    expect(bare.summary.map((q) => q.paragraph)).toContain(6);
  });

  it('given the title’s quoted phrases, then titleQuotations finds them and not apostrophes', () => {
    expect(titleQuotations('Annan stresses ‘multilateralism and joint action’ at meeting on UN-regional cooperation')).toEqual(['multilateralism and joint action']);
    expect(titleQuotations('Obama\'s "hope and change" tour returns to Ohio\'s towns')).toEqual(['hope and change']);
    expect(titleQuotations("Annan's plan for the world's regions")).toEqual([]);
  });
});

describe('summarize: a text of long paragraphs (round 15)', () => {
  // A story whose first paragraph runs on: each paragraph's lead opens what it says, so the short summary reaches past
  // ¶1 instead of taking its first three sentences.
  const text = [
    'Nora and her grandfather walked to the lake on Sunday. They carried a basket of bread for the ducks. The path was muddy after the rain. Nora slipped once but did not fall. Her grandfather laughed and held her hand. They reached the water before noon.',
    'At the lake they found a small boat tied to the dock. Nobody seemed to own it, so they waited for an hour. A fisherman finally came and offered them a ride.',
    'They rowed across the lake and watched the herons fishing. Nora counted eleven of them along the far shore. On the way home she said it was the best Sunday of the summer.',
  ].join('\n\n');
  const story = buildDocument({ id: 'lake.txt', path: 'lake.txt', text });

  it('given a story whose first paragraph has six sentences, when summarised short, then the summary quotes more than the first paragraph', async () => {
    const s = await summarize([story], { length: 'short' });
    expect(new Set(s.summary.map((q) => q.paragraph)).size).toBeGreaterThanOrEqual(2);
    for (const q of s.summary) expect(text.slice(q.start, q.end)).toBe(q.quote);
  });

  it('given a story, when its candidates are read, then a paragraph lead is as far in as the paragraphs before it', () => {
    const c = candidates([story]);
    const leads = c.filter((x, i) => i === 0 || c[i - 1]!.paragraph !== x.paragraph).map((x) => x.leadDistance);
    expect(leads).toEqual([0, 1, 2]);
    expect(c.find((x) => x.paragraph === 1 && x.position === 2)!.leadDistance).toBe(2);
  });
});
