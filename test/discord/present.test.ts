/**
 * What a Discord reader sees, worded by src/present/: each place cited once,
 * documents by title (linked when from a URL), refusals like answers, user
 * text echoed without control or bidi characters, hints as markdown, used
 * More quotes buttons disabled.
 */
import { ButtonStyle, ComponentType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { EMPTY_QUESTION } from '../../src/discord/chat.js';
import { encodeCustomId } from '../../src/discord/custom-ids.js';
import { payloadProblems, renderAnswer, renderNotice, renderQuotes, withButtonDisabled, type Payload, type RenderContext } from '../../src/discord/format.js';
import { answerOf, ctx1, quoteOf, readQuotes, SAMPLE } from './helpers.js';

const labels = (p: Payload) => (p.components ?? []).flatMap((r) => r.components).map((c) => (c as { label?: string }).label ?? '');
/** Everything a reader can see in a message: title, description, footer, button labels. */
const visible = (ps: Payload[]) =>
  ps.flatMap((p) => [p.content ?? '', ...(p.embeds ?? []).flatMap((e) => [e.title ?? '', e.description ?? '', e.footer?.text ?? '']), ...labels(p)]).join('\n');

const q1 = quoteOf(SAMPLE, '“We need to ensure that multilateralism and joint action – rather than polarized initiatives – bridge our efforts,”', 1, {
  attribution: { speaker: 'Annan', cue: 'told', addressee: 'the heads of more than 20 regional organizations', setting: null },
});
const q2 = quoteOf(SAMPLE, 'He called for a “new level of clarity, practicality and seriousness” in their joint relations, telling the Council that it was essential to do more.', 2);

describe('citations, once', () => {
  it('given an answer with two quotes, when rendered, then each ¶ appears exactly once in everything the reader sees (lead, quote lines, buttons, title)', () => {
    const payloads = renderAnswer(answerOf([q1, q2], { lead: "What Annan said, in the document's words:" }), ctx1);
    const seen = visible(payloads);
    expect(seen.match(/¶1/g)).toHaveLength(1);
    expect(seen.match(/¶2/g)).toHaveLength(1);
    expect(labels(payloads[0])).toEqual(['Quote 1 in context', 'Quote 2 in context', 'More quotes']);
  });

  it('given one quote, when rendered, then its button says "Show in context"', () => {
    expect(labels(renderAnswer(answerOf([q2]), ctx1)[0])).toEqual(['Show in context', 'More quotes']);
  });

  it('given /quote paragraph (a title that names ¶2), when listed, then the quotes of ¶2 are not cited again', () => {
    const payloads = renderQuotes([q2], ctx1, { title: '¶2', empty: 'none', heading: { doc: q2.doc, paragraph: 2 } });
    expect(visible(payloads).match(/¶2/g)).toHaveLength(1);
    expect(readQuotes(payloads)[0].text).toBe(q2.quote);
  });
});

describe('documents by title', () => {
  const A = 'Hilary Duff is returning to television.';
  const B = 'The river crested at 31 feet on Sunday.';
  const ctx: RenderContext = {
    fp: 'abcdef01',
    docs: [
      { id: '/tmp/verbatim-x1/docs/hilary-duff.txt', path: '/tmp/verbatim-x1/docs/hilary-duff.txt', title: 'Hilary Duff returns' },
      { id: 'https://news.example.org/iowa-floods', path: 'https://news.example.org/iowa-floods', title: 'Iowa floods (AP)' },
    ],
  };
  const qa = { doc: ctx.docs[0].id, paragraph: 1, start: 0, end: A.length, quote: A };
  const qb = { doc: ctx.docs[1].id, paragraph: 3, start: 0, end: B.length, quote: B };

  it('given several documents, when an answer cites them, then each citation shows the title, linked to its URL source, never a stored path or "doc 2"', () => {
    const payloads = renderAnswer(answerOf([qa, qb]), ctx);
    for (const p of payloads) expect(payloadProblems(p)).toEqual([]);
    const d = payloads[0].embeds![0].description!;
    expect(d).toContain('-# (Hilary Duff returns, ¶1)');
    expect(d).toContain('-# ([Iowa floods (AP)](https://news.example.org/iowa-floods), ¶3)');
    expect(visible(payloads)).not.toMatch(/\/tmp\/|hilary-duff\.txt|doc \d/);
    expect(readQuotes(payloads).map((q) => q.text)).toEqual([A, B]);
  });
});

describe('refusals look like answers', () => {
  it('given a refusal and an answer, when rendered, then both are one embed titled with the question (the refusal in grey, without buttons)', () => {
    const [refusal] = renderAnswer(answerOf([], { refused: true, lead: "The document doesn't say." }), ctx1);
    const [ans] = renderAnswer(answerOf([q2]), ctx1);
    expect(refusal.content).toBeUndefined();
    expect(refusal.embeds![0].title).toBe(ans.embeds![0].title);
    expect(refusal.embeds![0].description).toBe("The document doesn't say.");
    expect(refusal.components).toBeUndefined();
  });
});

describe('user text echoed', () => {
  const nasty = 'What\u0000 did \u202eAnnan\u202c say\u0085 to the\u2066 Council?\u009b';
  it('given a question with NUL, C1 and bidi-override characters, when echoed as an answer’s or a refusal’s title and footer, then none of them is shown', () => {
    for (const payloads of [
      renderAnswer(answerOf([q2], { question: nasty }), ctx1, { standalone: `${nasty} again` }),
      renderAnswer(answerOf([], { question: nasty, refused: true, lead: 'No.' }), ctx1),
      renderQuotes([], ctx1, { title: `Passages about “${nasty}”`, empty: 'none' }),
    ]) {
      const e = payloads[0].embeds![0];
      const shown = `${e.title}\n${payloads.at(-1)!.embeds![0].footer?.text ?? ''}`;
      expect(shown).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(e.title).toContain('What did Annan say to the Council?');
    }
  });
});

describe('the bare-mention hint', () => {
  it('given a mention with no question, when the hint is rendered, then /help shows as code (markdown), not as escaped backticks', () => {
    const [p] = renderNotice(EMPTY_QUESTION, { markdown: true });
    expect(p.content).toContain('`/help`');
    expect(p.content).not.toContain('\\`');
  });
});

describe('withButtonDisabled', () => {
  const more = encodeCustomId({ kind: 'more', fp: 'abcdef01', shown: [] });
  const ctxId = encodeCustomId({ kind: 'context', fp: 'abcdef01', doc: 0, paragraph: 1, start: 0, end: 5 });
  const rows = [
    {
      type: ComponentType.ActionRow,
      components: [
        { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Show in context', custom_id: ctxId },
        { type: ComponentType.Button, style: ButtonStyle.Primary, label: 'More quotes', custom_id: more },
      ],
    },
  ];
  it('given a used More quotes button, when disabled, then it stays visible, cannot be clicked, and the other buttons are untouched', () => {
    const out = withButtonDisabled(rows, more);
    expect(out[0].components[1]).toMatchObject({ custom_id: more, disabled: true, label: 'More quotes' });
    expect(out[0].components[0]).toEqual(rows[0].components[0]);
  });
  it('given an exhausted More quotes button, when disabled with a label, then it reads "No more quotes"', () => {
    expect(withButtonDisabled(rows, more, 'No more quotes')[0].components[1]).toMatchObject({ disabled: true, label: 'No more quotes' });
  });
});

describe('attributing the quoted words', () => {
  it('given a reporter’s sentence with a few words of Annan’s, when rendered, then the line under it names those words, and the quote stays verbatim', () => {
    const words = 'new level of clarity, practicality and seriousness';
    const w = SAMPLE.indexOf(words);
    const q = { ...q2, attribution: { speaker: 'Kofi Annan', cue: 'called for', addressee: null, setting: null, words: { start: w, end: w + words.length } } };
    const [shown] = readQuotes(renderAnswer(answerOf([q]), ctx1));
    expect(shown.text).toBe(SAMPLE.slice(q.start, q.end));
    expect(shown.citation).toBe(`— Kofi Annan called for “${words}” (¶2)`);
  });
});

describe('thread names', () => {
  it('given a question with NUL, C1 and bidi-override characters, when a thread is named after it, then none of them is in the name', async () => {
    const { threadName } = await import('../../src/discord/chat.js');
    expect(threadName('What\u0000 did \u202eAnnan\u0085 say?')).toBe('What did Annan say?');
  });
});

describe('LLM answers', () => {
  it('given an LLM answer whose lead is the first sentence of its text, when rendered, then that sentence is shown once', () => {
    const text = `Annan stressed joint action. He said ${q1.quote} [¶1].`;
    const payloads = renderAnswer(answerOf([q1], { lead: 'Annan stressed joint action.', text, mode: 'llm' }), ctx1);
    expect(visible(payloads).match(/Annan stressed joint action\./g)).toHaveLength(1);
  });

  it('given an LLM answer that cites each quotation inline, when rendered, then each place is cited once in everything the reader sees (the list under the text carries it)', () => {
    const text = `Annan stressed joint action [¶1]. He said ${q1.quote} [¶1], and ${q2.quote} [¶2]`;
    const payloads = renderAnswer(answerOf([q1, q2], { lead: 'Annan stressed joint action.', text, mode: 'llm' }), ctx1);
    const seen = visible(payloads);
    expect(seen.match(/¶2/g)).toHaveLength(1);
    // ¶1: once for the paraphrase (the model's own words), once under the quotation — never after the quotation in the text.
    expect(seen.match(/¶1/g)).toHaveLength(2);
    expect(seen).not.toContain('[¶');
  });

  it('given an LLM summary text citing its quotations inline, when rendered, then each place is cited once', () => {
    const payloads = renderQuotes([q1, q2], ctx1, { title: 'Summary (short)', text: `In short: ${q1.quote} [¶1] ${q2.quote} [¶2]`, empty: 'none' });
    const seen = visible(payloads);
    expect(seen.match(/¶1/g)).toHaveLength(1);
    expect(seen.match(/¶2/g)).toHaveLength(1);
  });
});

describe('placeHeading (/quote paragraph:)', () => {
  it('given one document, then "¶2"; given a paged document among several, then its title and "p. 3 ¶2"', async () => {
    const { placeHeading } = await import('../../src/discord/format.js');
    expect(placeHeading(ctx1.docs[0].id, 2, ctx1)).toBe('¶2');
    const ctx: RenderContext = {
      fp: 'abcdef01',
      docs: [
        { id: 'a.txt', title: 'A' },
        { id: 'report.pdf', title: 'Annual report', paragraphs: [{ n: 2, start: 0, end: 1, kind: 'body', page: 3 }] },
      ],
    };
    expect(placeHeading('report.pdf', 2, ctx)).toBe('Annual report, p. 3 ¶2');
  });
});
