import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCustomId } from '../../src/discord/custom-ids.js';
import {
  escapeMarkdown,
  LONE_SURROGATE,
  payloadProblems,
  questionFromMessage,
  renderAnswer,
  renderNotice,
  renderParagraph,
  renderPartial,
  renderQuotes,
  renderSummary,
  REFUSAL_COLOR,
  splitQuote,
  unescapeMarkdown,
  withButtonDisabled,
  type Payload,
} from '../../src/discord/format.js';
import { LIMITS } from '../../src/discord/limits.js';
import { threadName } from '../../src/discord/chat.js';
import { documentChoices } from '../../src/discord/commands/document-option.js';
import type { ParagraphView } from '../../src/engine-api.js';
import { allText, answerOf, ctx1, DOC_ID, longDocument, quoteOf, readQuotes, SAMPLE } from './helpers.js';

const expectValid = (payloads: Payload[]) => {
  expect(payloads.length).toBeGreaterThan(0);
  for (const p of payloads) expect(payloadProblems(p)).toEqual([]);
};

describe('escapeMarkdown', () => {
  it('given document text with markdown, mentions and @everyone, when escaped, then a reader sees the source exactly', () => {
    const src = 'A *b* _c_ `d` ~~e~~ ||f|| <@123> <#456> <t:1:R> @everyone @here [x](http://y) \\ back';
    const esc = escapeMarkdown(src);
    expect(unescapeMarkdown(esc)).toBe(src);
    // Nothing active is left: every special character is preceded by a backslash.
    expect(esc).not.toMatch(/(?<!\\)[*_`~|<[]/);
    expect(esc).not.toMatch(/(?<!\\)@everyone|(?<!\\)@here/);
    expect(esc).toContain('\\<@123>');
  });

  it('given line-start constructs (> quote, # heading, - list, 1. list), when escaped, then none stays active', () => {
    const src = '> not a quote\n# not a heading\n- not a list\n-# not subtext\n12. not numbered';
    const esc = escapeMarkdown(src);
    for (const line of esc.split('\n')) expect(line).toMatch(/^(\\[>#-]|\d+\\\.)/);
    expect(unescapeMarkdown(esc)).toBe(src);
  });

  it('given any string, when escaped then unescaped, then it is unchanged', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => unescapeMarkdown(escapeMarkdown(s)) === s));
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (s) => unescapeMarkdown(escapeMarkdown(s)) === s));
  });
});

describe('renderAnswer', () => {
  const q1 = quoteOf(SAMPLE, '“We need to ensure that multilateralism and joint action – rather than polarized initiatives – bridge our efforts,”', 1, {
    attribution: { speaker: 'Annan', cue: 'told', addressee: 'the heads of more than 20 regional organizations', setting: null },
  });
  const q2 = quoteOf(SAMPLE, 'He called for a “new level of clarity, practicality and seriousness” in their joint relations', 2);

  it('given an answer with two quotes, when rendered, then it shows the question, the lead, each quote verbatim with its ¶ citation and attribution', () => {
    const payloads = renderAnswer(answerOf([q1, q2]), ctx1);
    expectValid(payloads);
    expect(payloads).toHaveLength(1);
    const embed = payloads[0].embeds![0];
    expect(embed.title).toBe('What did Annan say?');
    expect(embed.description!.startsWith('The document says:')).toBe(true);
    const quotes = readQuotes(payloads);
    expect(quotes.map((q) => q.text)).toEqual([q1.quote, q2.quote]);
    expect(quotes[0].citation).toBe('— Annan, told the heads of more than 20 regional organizations (¶1)');
    expect(quotes[1].citation).toBe('(¶2)');
    for (const q of quotes) expect(SAMPLE.includes(q.text)).toBe(true);
  });

  it('given an answer, when rendered, then it carries allowedMentions parse [] and Show context / More quotes buttons that decode to the quotes', () => {
    const [p] = renderAnswer(answerOf([q1, q2]), ctx1);
    expect(p.allowedMentions).toEqual({ parse: [] });
    const buttons = p.components!.flatMap((r) => r.components) as { custom_id: string; label: string }[];
    // The buttons do not cite the paragraphs again: the line under each quote does.
    expect(buttons.map((b) => b.label)).toEqual(['Quote 1 in context', 'Quote 2 in context', 'More quotes']);
    expect(decodeCustomId(buttons[0].custom_id)).toEqual({ kind: 'context', fp: ctx1.fp, doc: 0, paragraph: 1, start: q1.start, end: q1.end });
    expect(decodeCustomId(buttons[2].custom_id)).toEqual({
      kind: 'more',
      fp: ctx1.fp,
      shown: [
        { doc: 0, start: q1.start, end: q1.end },
        { doc: 0, start: q2.start, end: q2.end },
      ],
    });
  });

  it('given a quote from the title (¶0), when rendered, then it is cited "(title)" and gets no Show context button', () => {
    const q = quoteOf(SAMPLE, 'Annan urges *joint* action', 0);
    const [p] = renderAnswer(answerOf([q, q2]), ctx1);
    expect(readQuotes([p]).map((x) => x.citation)).toEqual(['(title)', '(¶2)']);
    expect(p.components!.flatMap((r) => r.components).map((b) => (b as { label: string }).label)).toEqual(['Quote 2 in context', 'More quotes']);
  });

  it('given a refusal, when rendered, then it is an embed like an answer (the question as title, its lead escaped, not the diagnostic reason), with no buttons', () => {
    const payloads = renderAnswer(answerOf([], { refused: true, lead: 'The document does not say who won the *match*.', reason: 'nothing-retrieved' }), ctx1);
    expectValid(payloads);
    expect(payloads).toEqual([
      { embeds: [{ color: REFUSAL_COLOR, title: 'What did Annan say?', description: 'The document does not say who won the \\*match\\*.' }], allowedMentions: { parse: [] } },
    ]);
  });

  it('given document text with markdown, a mention and @everyone, when quoted, then the reader sees the source characters and nobody is pinged', () => {
    const q = quoteOf(SAMPLE, 'A note for @everyone: the file_name_v2 uses `code`, costs 5*3 and <@123> was cc’d; > not a quote.', 3);
    const payloads = renderAnswer(answerOf([q]), ctx1);
    expectValid(payloads);
    expect(readQuotes(payloads)[0].text).toBe(q.quote);
    const desc = payloads[0].embeds![0].description!;
    expect(desc).toContain('\\@everyone');
    expect(desc).toContain('\\<@123>');
    expect(desc).not.toMatch(/(?<!\\)`/);
  });

  it('given a follow-up whose standalone question differs, when rendered, then the footer says how it was understood and More quotes can recover it', () => {
    const payloads = renderAnswer(answerOf([q2]), ctx1, { question: 'And what did he say?', standalone: 'And what did Annan say?' });
    const embed = payloads[0].embeds![0];
    expect(embed.title).toBe('And what did he say?');
    expect(embed.footer?.text).toBe('Understood as: And what did Annan say?');
    expect(questionFromMessage({ embeds: [embed] })).toBe('And what did Annan say?');
  });

  it('given a question with markdown characters, when rendered in one message, then the title is escaped and the question recovers exactly', () => {
    const question = 'What does *joint* action mean for <@123>?';
    const payloads = renderAnswer(answerOf([q2], { question }), ctx1);
    expect(payloads[0].embeds![0].footer).toBeUndefined();
    expect(questionFromMessage({ embeds: payloads[0].embeds })).toBe(question);
  });

  it('given a question longer than a title, when rendered, then the title is cut with … and the footer keeps the whole question', () => {
    const question = `Why ${'really '.repeat(60)}did they meet?`;
    const payloads = renderAnswer(answerOf([q2], { question }), ctx1);
    expectValid(payloads);
    expect(payloads[0].embeds![0].title!.length).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(payloads[0].embeds![0].title!.endsWith('…')).toBe(true);
    expect(questionFromMessage({ embeds: payloads[0].embeds })).toBe(question);
  });

  it('given More quotes already shown before, when rendered again, then the More button keeps excluding them', () => {
    const [p] = renderAnswer(answerOf([q2]), ctx1, { excluded: [{ doc: 0, start: q1.start, end: q1.end }] });
    const more = p.components!.flatMap((r) => r.components).find((b) => (b as { label: string }).label === 'More quotes') as { custom_id: string };
    const action = decodeCustomId(more.custom_id);
    expect(action?.kind === 'more' && action.shown).toEqual([
      { doc: 0, start: q2.start, end: q2.end },
      { doc: 0, start: q1.start, end: q1.end },
    ]);
  });

  it('given an answer of about 6,000 characters, when rendered, then it splits into several valid messages, each quote whole, the question recoverable from the last', () => {
    const text = longDocument(12, 6);
    const paragraphs = text.split('\n\n');
    let offset = 0;
    const quotes = paragraphs.map((p, i) => {
      const q = { doc: DOC_ID, paragraph: i + 1, start: offset, end: offset + p.length, quote: p };
      offset += p.length + 2;
      return q;
    });
    const answer = answerOf(quotes.slice(0, 10));
    expect(answer.quotes.reduce((n, q) => n + q.quote.length, 0)).toBeGreaterThan(6000);
    const payloads = renderAnswer(answer, ctx1);
    expectValid(payloads);
    expect(payloads.length).toBeGreaterThan(1);
    const shown = readQuotes(payloads);
    expect(shown.map((q) => q.text)).toEqual(answer.quotes.map((q) => q.quote)); // none cut, none lost, in order
    for (const q of answer.quotes) expect(text.slice(q.start, q.end)).toBe(q.quote);
    expect(questionFromMessage({ embeds: payloads.at(-1)!.embeds })).toBe(answer.question);
    // Context buttons: one per quote over all messages; More quotes only on the last one.
    const ids = payloads.flatMap((p) => (p.components ?? []).flatMap((r) => r.components.map((c) => (c as { custom_id: string }).custom_id)));
    expect(ids.filter((id) => id.startsWith('v1:c:'))).toHaveLength(10);
    expect((payloads.at(-1)!.components ?? []).flatMap((r) => r.components).some((c) => (c as { label: string }).label === 'More quotes')).toBe(true);
    expect(payloads.slice(0, -1).every((p) => !(p.components ?? []).flatMap((r) => r.components).some((c) => (c as { label: string }).label === 'More quotes'))).toBe(true);
  });

  it('given a single quotation longer than a message, when rendered, then it is split at its own sentence boundaries into verbatim, cited pieces marked cont.', () => {
    const text = longDocument(1, 80); // one ~9,000-character paragraph
    const q = { doc: DOC_ID, paragraph: 1, start: 0, end: text.length, quote: text };
    const payloads = renderAnswer(answerOf([q]), ctx1);
    expectValid(payloads);
    expect(payloads.length).toBeGreaterThanOrEqual(3);
    const pieces = readQuotes(payloads);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces[0].citation).toBe('(¶1)');
    for (const p of pieces.slice(1)) expect(p.citation).toBe('(¶1, cont.)');
    for (const p of pieces) {
      expect(text.includes(p.text)).toBe(true);
      expect(p.text).toMatch(/^Sentence \d+ .*\.$/s); // starts and ends at a sentence boundary
    }
    expect(pieces.map((p) => p.text).join(' ')).toBe(text);
  });

  it('given LLM text whose quotation spans two sentences, when the text must be split, then the quotation is not cut', () => {
    const doc = longDocument(1, 4);
    const inner = doc.slice(0, doc.indexOf('Sentence 3')).trim(); // sentences 1–2
    const filler = 'This is my own explanatory sentence about the meeting. '.repeat(90);
    const answer = answerOf([{ doc: DOC_ID, paragraph: 1, start: 0, end: inner.length, quote: inner }], {
      text: `${filler}As the document puts it: "${inner}" ${filler}`,
    });
    const payloads = renderAnswer(answer, ctx1);
    expectValid(payloads);
    expect(payloads.length).toBeGreaterThan(1);
    const descriptions = payloads.map((p) => unescapeMarkdown(p.embeds![0].description ?? ''));
    // The quotations are also listed after the text, so look at the text's own words around the quotation.
    const framed = descriptions.filter((d) => d.includes('As the document puts it'));
    expect(framed).toHaveLength(1);
    expect(framed[0]).toContain(`As the document puts it: "${inner}"`);
  });

  it('given LLM text whose quotation spans three sentences, wherever the message limit falls, when the text is split, then the quotation is not cut', () => {
    const doc = longDocument(1, 6);
    const inner = doc.slice(0, doc.indexOf('Sentence 4')).trim(); // sentences 1–3
    let split = 0;
    for (let n = 60; n <= 80; n++) {
      const filler = 'This is my own explanatory sentence about the meeting. '.repeat(n);
      const answer = answerOf([{ doc: DOC_ID, paragraph: 1, start: 0, end: inner.length, quote: inner }], { text: `${filler}As the document puts it: "${inner}" ${filler}` });
      const payloads = renderAnswer(answer, ctx1);
      expectValid(payloads);
      if (payloads.length > 1) split++;
      const framed = payloads.map((p) => unescapeMarkdown(p.embeds![0].description ?? '')).filter((d) => d.includes('As the document puts it'));
      expect(framed.length === 1 && framed[0]!.includes(`As the document puts it: "${inner}"`), `filler of ${n} sentences`).toBe(true);
      const told = payloads.map((p) => unescapeMarkdown(p.embeds![0].description ?? '')).join(' ').split('my own explanatory sentence').length - 1;
      expect(told, `filler of ${n} sentences: each said once`).toBe(2 * n);
    }
    expect(split).toBe(21);
  });

  it('given random verified quotes over a random document, when rendered, then every payload honours every limit and every quote is shown verbatim', () => {
    const words = fc.constantFrom('alpha', 'beta*', '_gamma_', '`delta`', '<@1>', '@everyone', 'omega.', 'Zeta!', 'eta?', '> theta', '# iota', '||kappa||', '~~lambda~~');
    fc.assert(
      fc.property(
        fc.array(fc.array(words, { minLength: 1, maxLength: 400 }), { minLength: 1, maxLength: 12 }),
        fc.string({ maxLength: 300 }),
        (paras, question) => {
          const texts = paras.map((w) => w.join(' '));
          const text = texts.join('\n\n');
          let off = 0;
          const quotes = texts.map((t, i) => {
            const q = { doc: DOC_ID, paragraph: i + 1, start: off, end: off + t.length, quote: t };
            off += t.length + 2;
            return q;
          });
          const payloads = renderAnswer(answerOf(quotes, { question: question || 'q' }), ctx1);
          for (const p of payloads) if (payloadProblems(p).length) return false;
          const shown = readQuotes(payloads);
          // Every piece is a verbatim slice of the text; pieces of a quote reassemble it (modulo the whitespace at the cuts).
          if (!shown.every((s) => text.includes(s.text))) return false;
          const squash = (s: string) => s.replace(/\s+/g, '');
          return squash(shown.map((s) => s.text).join('')) === squash(quotes.map((q) => q.quote).join(''));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('splitQuote', () => {
  it('given a quote too long for the budget, when split, then every piece is document.slice(start, end) and they cover it in order', () => {
    const text = longDocument(1, 30);
    const q = { doc: DOC_ID, paragraph: 4, start: 0, end: text.length, quote: text };
    const pieces = splitQuote(q, 500, ctx1);
    expect(pieces.length).toBeGreaterThan(3);
    let last = 0;
    for (const p of pieces) {
      expect(text.slice(p.start, p.end)).toBe(p.quote);
      expect(p.start).toBeGreaterThanOrEqual(last);
      last = p.end;
    }
    expect(pieces[0].start).toBe(0);
    expect(pieces.at(-1)!.end).toBe(text.length);
  });

  it('given a single sentence longer than the budget, when split, then it falls back to word boundaries, still verbatim', () => {
    const text = `${'word '.repeat(400).trim()}.`;
    const pieces = splitQuote({ doc: DOC_ID, paragraph: 1, start: 0, end: text.length, quote: text }, 300, ctx1);
    expect(pieces.length).toBeGreaterThan(5);
    for (const p of pieces) {
      expect(text.slice(p.start, p.end)).toBe(p.quote);
      expect(p.quote).toMatch(/^word/);
    }
  });
});

describe('renderQuotes / renderSummary / renderNotice / renderPartial', () => {
  it('given quotations with attribution, when listed, then each reads "quote — speaker, cue addressee (¶n)"', () => {
    const q = quoteOf(SAMPLE, 'He called for a “new level of clarity, practicality and seriousness”', 2, {
      attribution: { speaker: 'Mr. Annan', cue: 'called for', addressee: null, setting: null },
    });
    const payloads = renderQuotes([q], ctx1, { title: 'Quotations by Annan', empty: 'none' });
    expectValid(payloads);
    expect(readQuotes(payloads)[0]).toEqual({ text: q.quote, citation: '— Mr. Annan, called for (¶2)' });
  });

  it('given no quotations, when listed, then the empty text is said plainly, in the same kind of embed as a refusal', () => {
    expect(renderQuotes([], ctx1, { title: 't', empty: 'I found no quotation by Bob.' })).toEqual([
      { embeds: [{ color: REFUSAL_COLOR, title: 't', description: 'I found no quotation by Bob.' }], allowedMentions: { parse: [] } },
    ]);
  });

  it('given a summary, when rendered, then its title names length and focus and each sentence is a cited quote', () => {
    const q = quoteOf(SAMPLE, 'He called for a “new level of clarity, practicality and seriousness” in their joint relations', 2);
    const payloads = renderSummary({ summary: [q], length: 'short', focus: 'clarity' }, ctx1);
    expect(payloads[0].embeds![0].title).toBe('Summary (short) — clarity');
    expect(readQuotes(payloads)).toEqual([{ text: q.quote, citation: '(¶2)' }]);
  });

  it('given an LLM summary text quoting the document, when rendered, then the text comes first and the quotations follow, each verbatim', () => {
    const q = quoteOf(SAMPLE, 'He called for a “new level of clarity, practicality and seriousness” in their joint relations', 2);
    const text = `In short, the notes stress partnership: ${q.quote}.`;
    const payloads = renderSummary({ summary: [q], length: 'medium', focus: null, text }, ctx1);
    expectValid(payloads);
    const d = payloads[0].embeds![0].description!;
    expect(unescapeMarkdown(d.split('\n\n')[0])).toBe(text);
    expect(readQuotes(payloads)).toEqual([{ text: q.quote, citation: '(¶2)' }]);
  });

  it('given an answer with a note for the user, when rendered, then the note is shown in italics after the lead', () => {
    const q = quoteOf(SAMPLE, 'He called for a “new level of clarity, practicality and seriousness” in their joint relations', 2);
    const [p] = renderAnswer(answerOf([q], { note: 'The LLM was unavailable; this is the extractive answer.' }), ctx1);
    expect(p.embeds![0].description!.split('\n\n').slice(0, 2)).toEqual(['The document says:', '*The LLM was unavailable; this is the extractive answer.*']);
  });

  it('given a 5,000-character notice, when rendered, then it is split into ≤ 2000-character contents at sentence ends', () => {
    const text = 'This is a sentence of the refusal. '.repeat(150).trim();
    const payloads = renderNotice(text);
    expectValid(payloads);
    expect(payloads.length).toBe(3);
    for (const p of payloads) expect(p.content!.endsWith('.')).toBe(true);
  });

  it('given a long partial LLM text, when rendered, then it fits one message', () => {
    const p = renderPartial('x*'.repeat(3000));
    expect(payloadProblems(p)).toEqual([]);
  });
});

describe('renderParagraph', () => {
  const view = (text: string, prev: number | null, next: number | null): ParagraphView => ({
    doc: DOC_ID,
    title: 'Sample',
    paragraph: { n: 2, kind: 'body', start: 100, end: 100 + text.length },
    text,
    prev,
    next,
  });

  it('given a paragraph and a quote inside it, when shown, then the quote is bold and ◀ ▶ step to the neighbours', () => {
    const text = 'Before the quote. The *quoted* part. After it.';
    const s = 100 + text.indexOf('The *quoted* part.');
    const p = renderParagraph(view(text, 1, 3), 0, { start: s, end: s + 'The *quoted* part.'.length }, ctx1);
    expect(payloadProblems(p)).toEqual([]);
    expect(p.embeds![0].title).toBe('Sample — ¶2');
    expect(p.embeds![0].description).toBe('Before the quote. **The \\*quoted\\* part.** After it.');
    const [prev, next] = p.components![0].components as { custom_id: string; disabled: boolean; label: string }[];
    expect(decodeCustomId(prev.custom_id)).toEqual({ kind: 'page', fp: ctx1.fp, doc: 0, paragraph: 1, start: s, end: s + 18 });
    expect(decodeCustomId(next.custom_id)).toMatchObject({ kind: 'page', paragraph: 3 });
    expect([prev.label, next.label]).toEqual(['◀ ¶1', '¶3 ▶']);
  });

  it('given the first paragraph, when shown, then ◀ is disabled', () => {
    const p = renderParagraph(view('Only text.', null, 3), 0, null, ctx1);
    const [prev] = p.components![0].components as { disabled: boolean; custom_id: string }[];
    expect(prev.disabled).toBe(true);
    expect(decodeCustomId(prev.custom_id)).toEqual({ kind: 'noop', slot: 'prev' });
    expect(p.embeds![0].description).toBe('Only text.');
  });

  it('given a paragraph longer than an embed, when shown, then a window around the bold quote fits', () => {
    const text = `${'Lead-in sentence here. '.repeat(300)}THE QUOTE ITSELF. ${'Trailing sentence here. '.repeat(300)}`;
    const s = 100 + text.indexOf('THE QUOTE ITSELF.');
    const p = renderParagraph(view(text, 1, 3), 0, { start: s, end: s + 17 }, ctx1);
    expect(payloadProblems(p)).toEqual([]);
    const d = p.embeds![0].description!;
    expect(d).toContain('**THE QUOTE ITSELF.**');
    expect(d.startsWith('… ')).toBe(true);
    expect(d.endsWith(' …')).toBe(true);
  });
});

describe('payloadProblems', () => {
  it('given payloads breaking each limit, when checked, then each problem is named', () => {
    expect(payloadProblems({ content: 'x'.repeat(2001), allowedMentions: { parse: [] } })).toEqual(['content 2001 > 2000']);
    expect(payloadProblems({ content: 'x', allowedMentions: { parse: ['everyone'] } as unknown as { parse: [] } })).toEqual(['allowedMentions.parse must be []']);
    expect(payloadProblems({ embeds: [{ title: 't'.repeat(257) }], allowedMentions: { parse: [] } })).toEqual(['title 257 > 256']);
    expect(payloadProblems({ embeds: [{ description: 'd'.repeat(4096) }, { description: 'd'.repeat(4096) }], allowedMentions: { parse: [] } })).toEqual([
      'embed total 8192 > 6000',
    ]);
    expect(
      payloadProblems({ embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v'.repeat(1025) })) }], allowedMentions: { parse: [] } }),
    ).toContain('26 fields > 25');
  });

  it('given every rendered payload in this file, when the text is read, then the @everyone from the document is always escaped', () => {
    const q = quoteOf(SAMPLE, 'A note for @everyone', 3);
    expect(allText(renderAnswer(answerOf([q]), ctx1))).not.toMatch(/(?<!\\)@everyone/);
  });
});

describe('limits at their edges', () => {
  it('given exactly 5 action rows, when checked, then no problem; a 6th row is named', () => {
    const row = { type: 1, components: [] };
    expect(payloadProblems({ content: 'x', components: Array.from({ length: 5 }, () => row), allowedMentions: { parse: [] } } as unknown as Payload)).toEqual([]);
    expect(payloadProblems({ content: 'x', components: Array.from({ length: 6 }, () => row), allowedMentions: { parse: [] } } as unknown as Payload)).toEqual([
      '6 action rows > 5',
    ]);
  });

  it('given a button label longer than Discord allows, when the button is relabelled, then the label uses all 80 characters, the last one "…"', () => {
    const answer = renderAnswer(answerOf([quoteOf(SAMPLE, 'joint action', 1)]), ctx1);
    const rowsOf = answer[answer.length - 1].components ?? [];
    const more = rowsOf.flatMap((r) => r.components).find((c) => 'label' in c && c.label === 'More quotes') as { custom_id: string };
    const relabelled = withButtonDisabled(rowsOf, more.custom_id, 'x'.repeat(100));
    const label = (relabelled.flatMap((r) => r.components).find((c) => 'custom_id' in c && c.custom_id === more.custom_id) as { label: string }).label;
    expect(label).toBe(`${'x'.repeat(LIMITS.buttonLabel - 1)}…`);
  });
});

describe('splitting prose around a quotation', () => {
  it('given a quotation that crosses the second sentence boundary of a long text, when split into messages, then the quotation stays whole in one message', () => {
    const filler = (word: string, n: number) => `${Array.from({ length: n }, () => word).join(' ')}.`;
    const said = 'We must act together. Now is the time';
    const doc = `Intro. ${said}, he said.`;
    const q = quoteOf(doc, said, 1);
    // Sentences: alpha…, beta…, He said “We must act together., Now is the time” gamma…: the quotation starts in the
    // third sentence and ends in the fourth; all four do not fit one message, the first three would.
    const s1 = filler('alpha', 300); // ~1800
    const s2 = `${filler('beta', 250)} He said “${said.split('. ')[0]}.`; // ~1300 + the quotation's first sentence
    const s3 = ` ${said.split('. ')[1]}” ${filler('gamma', 270)}`; // ~1600
    const text = `${s1} ${s2}${s3}`;
    expect(text).toContain(said);
    const payloads = renderQuotes([q], ctx1, { title: 'Quotations', text, empty: 'none' });
    const descriptions = payloads.flatMap((p) => (p.embeds ?? []).map((e) => unescapeMarkdown(e.description ?? '')));
    expect(descriptions.filter((d) => d.includes('alpha')).length).toBeGreaterThan(0);
    expect(descriptions.some((d) => d.includes('gamma') && d.includes('alpha'))).toBe(false); // it had to be split
    const prose = descriptions.find((d) => d.includes('He said'))!;
    expect(prose).toContain(`“${said}”`);
  });
});

describe('splitting where nothing fits', () => {
  // In a child process: a split that never ends would freeze the test runner itself (it is synchronous).
  it('given a budget too small for even one character, when a quotation of two emoji is split, then splitting still ends, one code unit per piece, nothing lost', () => {
    const script = `import { splitQuote } from ${JSON.stringify(new URL('../../src/discord/format.ts', import.meta.url).href)};
const q = { doc: 'd', paragraph: 1, start: 0, end: 4, quote: '\\u{1F600}\\u{1F600}' };
process.stdout.write(JSON.stringify(splitQuote(q, 1, { fp: 'abcdef01', docs: [{ id: 'd', title: 'D' }] }).map((p) => [p.start, p.end])));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 20_000, encoding: 'utf8' });
    expect(r.signal).toBeNull(); // not killed by the timeout
    expect(JSON.parse(r.stdout)).toEqual([[0, 1], [1, 2], [2, 3], [3, 4]]);
  }, 30_000);
});

describe('cutting emoji at a limit', () => {
  // Each filler puts the limit on a different half of an emoji; a lone half is invalid UTF-16, which Discord refuses.
  const fillers = ['😀', 'a😀', 'ab😀'];
  const lone = (payloads: Payload[]) => payloads.flatMap((p) => payloadProblems(p)).filter((x) => x.includes('surrogate'));

  it('given a check of payloads, when a string holds half an emoji, then it is a problem', () => {
    expect(payloadProblems({ content: 'ok \uD83D', allowedMentions: { parse: [] } })).toContain('a lone surrogate (half an emoji)');
    expect(payloadProblems({ content: 'ok 😀', allowedMentions: { parse: [] } })).toEqual([]);
  });

  it('given emoji-only questions, quotes, paragraphs and streamed text longer than the limits, when rendered, then no message, title or thread name ends in half an emoji', () => {
    for (const f of fillers) {
      const long = f.repeat(3000);
      const text = `Intro.\n\n${long}`;
      const q = quoteOf(text, long, 1);
      expect(lone(renderAnswer(answerOf([q], { question: f.repeat(500) }), { ...ctx1, docs: [{ id: DOC_ID, title: long }] }, { question: f.repeat(500) }))).toEqual([]);
      expect(lone([renderPartial(long)])).toEqual([]);
      expect(lone(renderNotice(long))).toEqual([]);
      expect(lone([renderParagraph({ doc: DOC_ID, title: long, paragraph: { n: 1, kind: 'body', start: 8, end: 8 + long.length }, text: long, prev: null, next: null }, 0, null, ctx1)])).toEqual([]);
      expect(LONE_SURROGATE.test(threadName(long))).toBe(false);
      expect(documentChoices([{ id: 'x', title: long }], '').some((c) => LONE_SURROGATE.test(c.name))).toBe(false);
    }
  });
});
