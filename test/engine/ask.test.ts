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
