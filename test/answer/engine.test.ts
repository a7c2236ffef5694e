import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import type { Answer, Conversation } from '../../src/types.js';
import { DEFAULT_DOC, DEFAULT_DOC_PATH } from '../helpers/paths.js';
import { useLexicalEngine } from '../helpers/lexical-engine.js';

const TEXT = readFileSync(DEFAULT_DOC_PATH, 'utf8');
const lexical = useLexicalEngine();

/** The promise: every quote is byte-for-byte the source at its offsets. */
function expectVerbatim(a: Answer) {
  for (const q of a.quotes) {
    expect(q.doc).toBe(DEFAULT_DOC);
    expect(TEXT.slice(q.start, q.end)).toBe(q.quote);
  }
}
const paras = (a: Answer) => a.quotes.map((q) => q.paragraph);
const ask = async (q: string, c?: Conversation) => {
  const a = await lexical.engine.ask(q, c);
  expectVerbatim(a);
  return a;
};

describe('answers about the default document', () => {
  it.each([
    ['What did Annan tell the Council?', 5],
    ['What did Annan tell the heads of the regional organizations?', 2],
    ['Where did Annan say that we have to find a truly effective division of labour?', 3],
    ['How many regional and intergovernmental organizations did he address?', 2],
    ['When did the high-level meetings begin?', 7],
    ['Which High-Level Meeting between the UN and regional organizations was this?', 4],
    ['How many members does the body that discussed his recommendations have?', 6],
    ['What are the two principal challenges?', 7],
    ['What would make coordination more effective?', 8],
    ['Who said that we have to work together in a much more complicated world?', 3],
    ['What did Annan call for on Wednesday?', 4],
  ])('given "%s", when asked, then ¶%i is quoted verbatim', async (question, paragraph) => {
    const a = await ask(question);
    expect(a.refused).toBe(false);
    expect(paras(a)).toContain(paragraph);
  });

  it('given an attribution question, when answered, then the quotes carry who said them and to whom', async () => {
    const a = await ask('What did Annan tell the Council?');
    const five = a.quotes.find((q) => q.paragraph === 5)!;
    expect(five.attribution?.speaker).toMatch(/Annan/);
    expect(five.attribution?.addressee).toMatch(/Council/);
    expect(a.lead).toMatch(/Annan/);
    expect(a.lead).not.toMatch(/[“”"]/);
  });

  it.each(['What is the capital of France?', 'Who won the football World Cup in 2006?', 'How do I bake sourdough bread?', 'What did Obama tell Congress about healthcare?'])(
    'given the unanswerable "%s", when asked, then the bot says the document does not say, quoting nothing',
    async (question) => {
      const a = await ask(question);
      expect(a.refused).toBe(true);
      expect(a.quotes).toEqual([]);
      expect(a.lead).toMatch(/doesn't say/);
    },
  );
});

describe('conversation', () => {
  it('given a question about the Council, when followed by "And what did he tell the regional organizations?", "Where was that?" and "what else?", then each resolves from earlier turns without repeating quotes', async () => {
    const c: Conversation = { id: 't', turns: [] };
    const first = await ask('What did Annan tell the Council?', c);
    expect(paras(first)).toContain(5);
    const second = await ask('And what did he tell the regional organizations?', c);
    expect(c.turns[1]!.standalone).toMatch(/Annan/);
    expect(paras(second)[0]).toBe(2);
    const third = await ask('Where was that?', c);
    expect(paras(third)[0]).toBe(3);
    expect(third.quotes[0]!.quote).toContain('closed-door meeting at UN headquarters');
    const shown = c.turns.flatMap((t) => t.answer.quotes.map((q) => q.start));
    const more = await ask('what else?', c);
    for (const q of more.quotes) expect(shown).not.toContain(q.start);
    expect(c.turns).toHaveLength(4);
  });

  it('given "what else?" asked until exhausted, when nothing new is left, then the bot says so instead of repeating', async () => {
    const c: Conversation = { id: 'x', turns: [] };
    await ask('What did Annan tell the Council?', c);
    const seen = new Set<number>();
    let last: Answer | undefined;
    for (let i = 0; i < 6; i++) {
      last = await ask('what else?', c);
      for (const q of last.quotes) {
        expect(seen.has(q.start)).toBe(false);
        seen.add(q.start);
      }
      if (last.refused) break;
    }
    expect(last!.refused).toBe(true);
  });
});

describe('bad questions', () => {
  const bad: [string, RegExp][] = [
    ['', /Please ask a question/],
    ['   \t\n ', /Please ask a question/],
    ['\u200b\u200b\u202e', /Please ask a question/],
    ['x'.repeat(10_000), /10,000 characters/],
  ];
  it.each(bad.map(([q, m]) => [JSON.stringify(q).slice(0, 20), q, m] as const))('given %s…, when asked, then a one-line UserError explains', async (_label, q, msg) => {
    const e = await lexical.engine.ask(q).then(() => null, (err: unknown) => err);
    expect(e).toBeInstanceOf(UserError);
    expect((e as Error).message).toMatch(msg);
  });

  it('given control, zero-width and right-to-left characters around a real question, when asked, then they are ignored', async () => {
    const a = await ask('\u0007What did\u200b Annan\u200f tell the \u202eCouncil?\u0000');
    expect(a.question).toBe('What did Annan tell the Council?');
    expect(paras(a)).toContain(5);
  });

  it('given "@everyone" in a question, when asked, then it is just text', async () => {
    const a = await ask('@everyone what did Annan tell the Council?');
    expect(a.refused).toBe(false);
  });
});

describe('other engine entry points', () => {
  it('given a paragraph number, when passages are requested, then the whole paragraph is returned verbatim', async () => {
    const [q] = await lexical.engine.passages({ paragraph: 3 });
    expect(q!.quote).toMatch(/^“There is a better recognition/);
    expect(TEXT.slice(q!.start, q!.end)).toBe(q!.quote);
    await expect(lexical.engine.passages({ paragraph: 99 })).rejects.toThrow(/There is no ¶99; .* ¶1–¶8/);
  });

  it('given a topic, when passages are requested, then matching sentences come back verbatim', async () => {
    const quotes = await lexical.engine.passages({ about: 'capacity-building' });
    expect(quotes[0]!.paragraph).toBe(7);
    for (const q of quotes) expect(TEXT.slice(q.start, q.end)).toBe(q.quote);
  });

  it('given a paragraph, when viewed, then its neighbours are known for stepping', () => {
    const v = lexical.engine.paragraph(DEFAULT_DOC, 1)!;
    expect(v.prev).toBeNull();
    expect(v.next).toBe(2);
    expect(v.text).toBe(TEXT.slice(v.paragraph.start, v.paragraph.end));
    expect(lexical.engine.paragraph(DEFAULT_DOC, 8)!.next).toBeNull();
  });

  it('given the index, when about() is asked, then it reports the document and lexical-only mode', () => {
    const a = lexical.engine.about();
    expect(a.documents).toEqual([{ id: DEFAULT_DOC, title: expect.stringMatching(/^Annan stresses/), paragraphs: 8, chars: TEXT.length }]);
    expect(a.model).toBeNull();
    expect(a.chunks).toBe(8);
  });
});

describe('asking for a summary in chat', () => {
  it.each(['Summarize the article', 'What is this article about?', 'tl;dr', 'Give me an overview'])(
    'given "%s", when asked, then the answer is the short cited summary, verbatim, in document order, without boilerplate',
    async (question) => {
      const a = await ask(question);
      expect(a.refused).toBe(false);
      expect(a.quotes.length).toBeGreaterThanOrEqual(2);
      expect(a.quotes.length).toBeLessThanOrEqual(4);
      const ps = paras(a);
      expect([...ps].sort((x, y) => x - y)).toEqual(ps);
      expect(ps.every((p) => p >= 1)).toBe(true);
      expect(a.lead).not.toMatch(/[“”"]/);
    },
  );

  it('given a question that merely mentions a summary, when asked, then it is answered as a question', async () => {
    const a = await ask('What did the press release say about the challenges?');
    expect(a.lead).not.toMatch(/main points/);
    expect(paras(a)).toContain(7);
  });
});
