/**
 * Attribute the quoted words, not the narrator's sentence around them: under
 * ¶4 ("… at which Mr. Annan called for a “new level of clarity, practicality
 * and seriousness” in their joint relations.") the line names Annan's six
 * words, not the reporter's 50.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attributionOf, spokenPart } from '../../src/present/attribution.js';
import { catalog } from '../../src/present/documents.js';
import { renderAnswerText } from '../../src/present/terminal.js';
import type { Quote } from '../../src/types.js';
import { DEFAULT_DOC, DEFAULT_DOC_PATH, ROOT } from '../helpers/paths.js';
import { useLexicalEngine } from '../helpers/lexical-engine.js';

const TEXT = readFileSync(DEFAULT_DOC_PATH, 'utf8');
const WORDS = 'new level of clarity, practicality and seriousness';

function sentence(needle: string, paragraph: number): Quote {
  const start = TEXT.indexOf(needle);
  return { doc: DEFAULT_DOC, paragraph, start, end: start + needle.length, quote: needle };
}

describe('attributionOf', () => {
  const s4 = sentence(
    'Today’s talks formed the seventh High-Level Meeting between the UN and regional organizations to focus on closer cooperation and strategic partnerships and they also picked up on the Council’s discussions on Wednesday, at which Mr. Annan called for a “new level of clarity, practicality and seriousness” in their joint relations.',
    4,
  );
  const w = TEXT.indexOf(WORDS);
  const a = { speaker: 'Kofi Annan', cue: 'called for', addressee: null, setting: null, words: { start: w, end: w + WORDS.length } };

  it('given a reporter’s sentence of which the speaker said a few words, when attributed, then the line names those words, a verbatim slice of the quote', () => {
    const v = attributionOf({ ...s4, attribution: a })!;
    expect(v.words).toBe(WORDS);
    expect(TEXT.slice(w, w + WORDS.length)).toBe(v.words);
    expect(v.who).toBe(`Kofi Annan called for “${WORDS}”`);
  });

  it('given a sentence that is mostly the speaker’s words, when attributed, then the attribution covers the sentence', () => {
    const s5 = sentence('“Much as we have strengthened our capacities over the years, it is essential that we do even more', 5);
    const inner = s5.start + 1;
    expect(attributionOf({ ...s5, attribution: { speaker: 'Kofi Annan', cue: 'told', addressee: 'the Council', setting: null, words: { start: inner, end: s5.end } } })).toEqual({
      who: 'Kofi Annan, told the Council',
    });
  });

  it('given words that reach outside the quote, when attributed, then only the part inside the quote is named', () => {
    const part = sentence('at which Mr. Annan called for a “new level of clarity', 4);
    expect(spokenPart({ ...part, attribution: { ...a, words: { start: w, end: w + WORDS.length } } })).toBe('new level of clarity');
  });

  it('given no speaker, when attributed, then nothing is said', () => {
    expect(attributionOf(s4)).toBeNull();
  });
});

describe('through the engine (/ask, the chat, npm run ask)', () => {
  const lexical = useLexicalEngine();

  it('given "What did Annan tell the Council?", when answered, then ¶4’s line attributes Annan’s words, not the narrator’s sentence, and ¶5’s attributes the whole quote', async () => {
    const a = await lexical.engine.ask('What did Annan tell the Council?');
    const four = a.quotes.find((q) => q.paragraph === 4);
    const five = a.quotes.find((q) => q.paragraph === 5)!;
    expect(four, 'the engine quotes ¶4 for this question').toBeDefined();
    expect(attributionOf(four!)).toMatchObject({ words: WORDS });
    expect(attributionOf(five)).toEqual({ who: 'Kofi Annan, told the Council' });
    const out = renderAnswerText(a, catalog(lexical.engine.documents()));
    expect(out).toContain(`— Kofi Annan called for “${WORDS}”`);
    expect(out).not.toMatch(/— Kofi Annan, called for[^“]*\(¶4\)/);
    for (const q of a.quotes) expect(TEXT.slice(q.start, q.end)).toBe(q.quote);
  });

  it('given the README’s sample answer, when the same question is answered (lexical retrieval), then the terminal prints exactly that sample', async () => {
    const readme = readFileSync(`${ROOT}/README.md`, 'utf8');
    const sample = /What an answer looks like:\n\n```\n([\s\S]*?)\n```/.exec(readme)?.[1];
    expect(sample).toBeDefined();
    const a = await lexical.engine.ask('What did Annan tell the Council?');
    expect(renderAnswerText(a, catalog(lexical.engine.documents()))).toBe(sample);
  });

  it('given the same question, when answered, then the lead names the speaker and no paragraph (the quotes cite themselves)', async () => {
    const a = await lexical.engine.ask('What did Annan tell the Council?');
    expect(a.lead).toBe("What Kofi Annan told the Council, in the document's words:");
  });
});
