import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/ingest/document.js';
import { candidates } from '../../src/summarize/candidates.js';
import { summarize } from '../../src/summarize/summarize.js';

/** README (Summaries): it never takes a photo caption ("(pictured)", "seen here") or page furniture ("By . Daily Mail Reporter . PUBLISHED: …"). */
const CAPTION = 'Mayor Ellen Ward (pictured) opened the new library branch on Monday morning with the council.';
const SEEN_HERE = 'Councillor Tom Reyes, seen here in 2019, voted for the library budget every year.';
const FURNITURE = 'By . Daily Mail Reporter . PUBLISHED: . 14:11 EST, 25 October 2013 .';
const text = [
  'New library opens in Riverside',
  `${FURNITURE} The new Riverside library branch opened on Monday after three years of building work.`,
  `${CAPTION} The branch holds forty thousand books and a children's reading room.`,
  `The council paid for the library branch from its building budget. ${SEEN_HERE}`,
  'Visitors queued outside the library branch before the doors opened. Staff said the reading room was full by noon.',
  'The council plans two more library branches in the next five years. Both will open on Mondays as well.',
].join('\n\n');
const doc = buildDocument({ id: 'lib.txt', path: 'lib.txt', text });

describe('summary candidates never include captions or page furniture', () => {
  it('given a story with a (pictured) caption, a "seen here" caption and a by-line with PUBLISHED inside body paragraphs, when candidates are read, then none of the three is one', () => {
    const texts = candidates([doc]).map((c) => c.text);
    expect(texts).toContain('The new Riverside library branch opened on Monday after three years of building work.');
    for (const s of [CAPTION, SEEN_HERE]) expect(texts).not.toContain(s);
    expect(texts.some((t) => t.includes('PUBLISHED'))).toBe(false);
  });

  it.each(['short', 'medium', 'long'] as const)('given that story, when summarised %s, then no caption or furniture is quoted', async (length) => {
    const s = await summarize([doc], { length });
    expect(s.summary.length).toBeGreaterThan(0);
    for (const q of s.summary) {
      expect(q.quote).not.toMatch(/pictured|seen here|PUBLISHED/);
      expect(doc.text.slice(q.start, q.end)).toBe(q.quote);
    }
  });
});
