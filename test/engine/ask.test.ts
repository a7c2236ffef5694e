import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine/index.js';
import type { Engine } from '../../src/engine-api.js';
import { silentLogger } from '../../src/log.js';
import { sentenceContext } from '../../src/select/context.js';
import { DEFAULT_DOC, DEFAULT_DOC_PATH, ROOT } from '../helpers/paths.js';

const TEXT = readFileSync(DEFAULT_DOC_PATH, 'utf8');
let engine: Engine;
beforeAll(async () => {
  const config = loadConfig({ INDEX_DIR: '/nonexistent-never-written', EMBEDDING_MODEL: 'none' }, ROOT);
  engine = await createEngine({ config, logger: silentLogger(), embedder: null, documents: [{ id: DEFAULT_DOC, path: DEFAULT_DOC, text: TEXT }] });
});

describe('the question path through the engine', () => {
  it('given a misspelled name, when asked, then it is corrected toward the document\'s word and answered', async () => {
    const a = await engine.ask('What did Anan tell the Council?');
    expect(a.refused).toBe(false);
    expect(a.quotes.map((q) => q.paragraph)).toContain(5);
  });

  it('given "Summarize paragraph 3", when asked, then the summary quotes only ¶3', async () => {
    const a = await engine.ask('Summarize paragraph 3');
    expect(a.intent).toBe('summary');
    expect(a.quotes.length).toBeGreaterThan(0);
    expect(new Set(a.quotes.map((q) => q.paragraph))).toEqual(new Set([3]));
  });

  it('given a paragraph the document does not have, when quoted, then the refusal names the range', async () => {
    const a = await engine.ask('Quote paragraph 12');
    expect(a).toMatchObject({ refused: true, reason: 'no-such-paragraph' });
    expect(a.lead).toBe('There is no ¶12; the document has paragraphs ¶1–¶8.');
  });

  it('given a question in French, when asked, then one line says questions are understood in English', async () => {
    const a = await engine.ask("Qu'a dit Annan au Conseil de sécurité ?");
    expect(a.note).toMatch(/English/);
  });

  it('given a quote request by topic, when asked, then the request words are not searched for and the topic\'s passage is quoted', async () => {
    const a = await engine.ask('Quote the passage about division of labour');
    expect(a.intent).toBe('quote');
    expect(a.quotes[0]?.quote).toMatch(/division of labour/);
  });
});

describe('"he" and "she" inherit who they are', () => {
  it('given "he said in a closed-door meeting", then the sentence inherits Kofi Annan', () => {
    const doc = { ...engine.documents()[0]! }; // a fresh object: contexts are remembered per document object
    const start = TEXT.indexOf('“There is a better recognition');
    const s = doc.sentences.find((x) => x.start <= start && start < x.end)!;
    // Without the quotation index, the person named just before (¶1's "Secretary-General Kofi Annan") is used.
    expect(sentenceContext(doc, s.start, [])?.inherited ?? '').toMatch(/Annan/);
  });
});

describe('several paragraphs asked for by number (round 8)', () => {
  const single = async (n: number) => (await engine.ask(`Quote paragraph ${n}`)).quotes[0]!;

  it.each(['quote paragraph 3 and 4', 'quote paragraphs 3-4', 'quote ¶3 and ¶4', 'quote paragraphs 4, 3'])('given "%s", when asked, then ¶3 and ¶4 are each quoted whole, verbatim and cited, in order', async (q) => {
    const a = await engine.ask(q);
    expect(a).toMatchObject({ refused: false, intent: 'paragraph' });
    expect(a.quotes.map((x) => x.paragraph)).toEqual([3, 4]);
    for (const x of a.quotes) {
      expect(TEXT.slice(x.start, x.end)).toBe(x.quote);
      expect(x.quote).toBe((await single(x.paragraph!)).quote);
    }
    expect(a.lead).toBe('¶3 and ¶4, in full:');
  });

  it('given more paragraphs than the cap, when asked, then the first five are quoted and a note says so', async () => {
    const a = await engine.ask('quote paragraphs 1-8');
    expect(a.quotes.map((x) => x.paragraph)).toEqual([1, 2, 3, 4, 5]);
    expect(a.lead).toBe('¶1, ¶2, ¶3, ¶4 and ¶5, in full:');
    expect(a.note).toBe('You asked for 8 paragraphs; here are the first 5. Ask for ¶6 onwards to see the rest.');
  });

  it('given a list that runs past the end, when asked, then the ones that exist are quoted and the note names the missing one', async () => {
    const a = await engine.ask('quote paragraphs 7 to 9');
    expect(a.quotes.map((x) => x.paragraph)).toEqual([7, 8]);
    expect(a.note).toBe('There is no ¶9; the document has paragraphs ¶1–¶8.');
  });

  it('given a list wholly past the end, when asked, then it is refused naming the first missing paragraph and the range', async () => {
    const a = await engine.ask('quote paragraphs 11 and 12');
    expect(a).toMatchObject({ refused: true, reason: 'no-such-paragraph' });
    expect(a.lead).toBe('There is no ¶11; the document has paragraphs ¶1–¶8.');
  });
});

describe('a summary of several paragraphs (round 8)', () => {
  it('given "Summarize paragraphs 5 to 8", when asked, then the summary quotes from more than one of ¶5–¶8 and nothing else, verbatim', async () => {
    const a = await engine.ask('Summarize paragraphs 5 to 8');
    expect(a).toMatchObject({ intent: 'summary', refused: false });
    const ps = new Set(a.quotes.map((q) => q.paragraph!));
    expect([...ps].every((p) => p >= 5 && p <= 8)).toBe(true);
    expect(ps.size).toBeGreaterThan(1);
    for (const q of a.quotes) expect(TEXT.slice(q.start, q.end)).toBe(q.quote);
  });

  it('given "Summarize paragraphs 7 to 9", when asked, then ¶7–¶8 are summarised and the note names the missing ¶9', async () => {
    const a = await engine.ask('Summarize paragraphs 7 to 9');
    expect(a).toMatchObject({ intent: 'summary', refused: false });
    expect(a.quotes.every((q) => q.paragraph === 7 || q.paragraph === 8)).toBe(true);
    expect(a.note).toBe('There is no ¶9; the document has paragraphs ¶1–¶8.');
  });

  it('given "Summarize paragraphs 11 and 12", when asked, then it is refused naming ¶11 and the range', async () => {
    const a = await engine.ask('Summarize paragraphs 11 and 12');
    expect(a).toMatchObject({ refused: true, reason: 'no-such-paragraph' });
    expect(a.lead).toBe('There is no ¶11; the document has paragraphs ¶1–¶8.');
  });
});
