/**
 * What a reader sees in the terminal (the chat, `npm run ask`, the JSON
 * `answer` field): quotes as blocks, never wrapped in marks of ours, each
 * place cited once, documents named by title.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/present/documents.js';
import { renderAnswerText, renderQuotesText } from '../../src/present/terminal.js';
import type { Answer, Quote } from '../../src/types.js';
import { DEFAULT_DOC, DEFAULT_DOC_PATH } from '../helpers/paths.js';

const TEXT = readFileSync(DEFAULT_DOC_PATH, 'utf8');
const TITLE = 'Annan stresses ‘multilateralism and joint action’ at meeting on UN-regional cooperation';
const one = catalog([{ id: DEFAULT_DOC, path: DEFAULT_DOC, title: TITLE }]);

function quoteOf(needle: string, paragraph: number, extra: Partial<Quote> = {}, doc = DEFAULT_DOC, text = TEXT): Quote {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`not in text: ${needle}`);
  return { doc, paragraph, start, end: start + needle.length, quote: text.slice(start, start + needle.length), ...extra };
}

const FIVE = quoteOf('“Much as we have strengthened our capacities over the years, it is essential that we do even more… the breadth of our involvement in mediation efforts, the growing awareness of the fragility of post-conflict situations, and the increased emphasis on prevention, have also been major features in our work,” he told the Council.', 5, {
  attribution: { speaker: 'Kofi Annan', cue: 'told', addressee: 'the Council', setting: null },
});
const FOUR = quoteOf('Today’s talks formed the seventh High-Level Meeting', 4);
const answer = (quotes: Quote[], extra: Partial<Answer> = {}): Answer => ({
  question: 'What did Annan tell the Council?',
  lead: "What Kofi Annan told the Council, in the document's words:",
  quotes,
  refused: false,
  ...extra,
});
/** The quoted lines of a rendering (after "> "), joined back: what the reader reads as the quote. */
const quotedText = (out: string) =>
  out
    .split('\n')
    .filter((l) => l.startsWith('  > '))
    .map((l) => l.slice(4));

describe('renderAnswerText', () => {
  it('given a sentence that already starts with a quotation mark, when rendered, then no mark of ours wraps it (no ““) and the quoted line is the source byte for byte', () => {
    const out = renderAnswerText(answer([FIVE]), one);
    expect(out).not.toContain('““');
    expect(out).not.toContain('.”” ');
    expect(quotedText(out)).toEqual([TEXT.slice(FIVE.start, FIVE.end)]);
  });

  it('given two quotes, when rendered, then each place is cited exactly once (not in the lead), under its quote with the speaker', () => {
    const out = renderAnswerText(answer([FIVE, FOUR]), one);
    expect(out.match(/¶5/g)).toHaveLength(1);
    expect(out.match(/¶4/g)).toHaveLength(1);
    expect(out.split('\n')[0]).not.toMatch(/¶/);
    expect(out).toContain('\n    — Kofi Annan, told the Council (¶5)');
    expect(out).toContain('\n    (¶4)');
  });

  it('given a refusal, when rendered, then only its sentence is printed', () => {
    expect(renderAnswerText(answer([], { refused: true, lead: "The document doesn't say." }), one)).toBe("The document doesn't say.");
  });

  it('given an LLM answer, when rendered, then its text comes first and the verified quotations follow, each cited once', () => {
    const out = renderAnswerText(answer([FIVE], { text: 'Annan asked for more.', mode: 'llm' }), one);
    expect(out.split('\n').slice(0, 3)).toEqual(['Annan asked for more.', '', 'Verified quotations:']);
    expect(out.match(/¶5/g)).toHaveLength(1);
  });

  it('given an LLM answer that cites its quotation inline and a paraphrase too, when rendered, then the quotation is cited once (under it in the list) and the paraphrase keeps its one citation', () => {
    const text = `Annan said ${FIVE.quote} [¶5] The meeting was the seventh of its kind [¶4].`;
    const out = renderAnswerText(answer([FIVE], { text, mode: 'llm' }), one);
    expect(out.match(/¶5/g)).toHaveLength(1);
    expect(out).toContain('\n    — Kofi Annan, told the Council (¶5)');
    expect(out.split('\n')[0]).toBe(`Annan said ${FIVE.quote} The meeting was the seventh of its kind (¶4).`);
  });
});

describe('documents in citations', () => {
  const A = 'Hilary Duff is returning to television.';
  const B = 'The river crested at 31 feet on Sunday.';
  const docs = catalog([
    { id: '/tmp/verbatim-x1/docs/hilary-duff.txt', path: '/tmp/verbatim-x1/docs/hilary-duff.txt', title: 'Hilary Duff returns' },
    { id: 'https://news.example.org/iowa-floods', path: 'https://news.example.org/iowa-floods', title: 'Iowa floods' },
    { id: '/tmp/verbatim-x1/docs/untitled-notes.md', path: '/tmp/verbatim-x1/docs/untitled-notes.md', title: '' },
  ]);

  it('given several documents, when citing, then each citation names the document by title (never its stored path or a number), and a URL document is listed with its source', () => {
    const qa = { doc: '/tmp/verbatim-x1/docs/hilary-duff.txt', paragraph: 1, start: 0, end: A.length, quote: A };
    const qb = { doc: 'https://news.example.org/iowa-floods', paragraph: 3, start: 0, end: B.length, quote: B };
    const out = renderAnswerText(answer([qa, qb]), docs);
    expect(out).toContain('(Hilary Duff returns, ¶1)');
    expect(out).toContain('(Iowa floods, ¶3)');
    expect(out).toContain('Source: Iowa floods — https://news.example.org/iowa-floods');
    expect(out).not.toMatch(/\/tmp\/|doc 1|hilary-duff\.txt/);
  });

  it('given a document without a title, when cited, then it is named by its file name, not its folder', () => {
    const q = { doc: '/tmp/verbatim-x1/docs/untitled-notes.md', paragraph: 2, start: 0, end: A.length, quote: A };
    expect(renderQuotesText([q], docs)).toContain('(untitled-notes, ¶2)');
  });

  it('given a paragraph on a known page (PDF), when cited, then the citation reads "p. 3 ¶2"', () => {
    const paged = catalog([{ id: 'report.pdf', path: 'report.pdf', title: 'Report', paragraphs: [{ n: 2, start: 0, end: A.length, kind: 'body', page: 3 }] }]);
    expect(renderQuotesText([{ doc: 'report.pdf', paragraph: 2, start: 0, end: A.length, quote: A }], paged)).toContain('(p. 3 ¶2)');
    // A page the quote itself carries wins.
    expect(renderQuotesText([{ doc: 'report.pdf', paragraph: 2, start: 0, end: A.length, quote: A, page: 4 }], paged)).toContain('(p. 4 ¶2)');
  });
});
