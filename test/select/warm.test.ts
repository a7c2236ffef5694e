import { describe, expect, it } from 'vitest';
import { WARM_QUESTIONS, WARM_ROUNDS, warmQuestionPath, warmQuestions, warmSentences } from '../../src/select/warm.js';
import type { StoredDocument } from '../../src/types.js';

const text = 'Kofi Annan spoke today. He told the Council to act. Talks began in 1994.';
const doc = {
  id: 'd',
  text,
  sentences: [
    { start: 0, end: 23, paragraph: 1 },
    { start: 24, end: 51, paragraph: 1 },
    { start: 52, end: 72, paragraph: 1 },
  ],
  paragraphs: [{ n: 1, start: 0, end: 72, kind: 'body' }],
} as unknown as StoredDocument;
const index = { documents: [doc], quotations: [] };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('warmSentences: sentence analyses done ahead in idle time', () => {
  it('given an idle engine, when warmed, then every sentence is analysed and settled resolves', async () => {
    const w = warmSentences(index, { busy: () => false, ready: () => true });
    await w.settled();
    expect(w.done()).toBe(3);
  });

  it('given a question in flight, when the warmer looks, then it waits, and goes on once the question is answered', async () => {
    let busy = true;
    const w = warmSentences(index, { busy: () => busy, ready: () => true });
    await sleep(60);
    expect(w.done()).toBe(0);
    busy = false;
    await w.settled();
    expect(w.done()).toBe(3);
  });

  it('given compromise not loaded yet (a lean start), when the warmer looks, then it does nothing; stop settles it', async () => {
    const w = warmSentences(index, { busy: () => false, ready: () => false });
    await sleep(30);
    expect(w.done()).toBe(0);
    w.stop();
    await w.settled();
    expect(w.done()).toBe(0);
  });

  it('given a cap, when warmed, then no more sentences than the cap are analysed', async () => {
    const w = warmSentences(index, { busy: () => false, ready: () => true, max: 2 });
    await w.settled();
    expect(w.done()).toBe(2);
  });
});

describe('warmQuestions / warmQuestionPath: the warm-up asks new questions, as users do', () => {
  const docIndex = {
    documents: [{ ...doc, text: 'Kofi Annan praised regional partnerships. Delegates discussed coordination, mediation and peacekeeping budgets.' }],
    quotations: [{ speaker: 'Kofi Annan' }, { speaker: 'Kofi Annan' }, { speaker: 'A delegate' }],
  } as unknown as Parameters<typeof warmQuestions>[0];

  it('given an index, then every question is new (distinct, none of the fixed ones), names its most quoted speaker, and asks about its words and, every sixth, a word it does not hold', () => {
    const qs = warmQuestions(docIndex, 24);
    expect(qs).toHaveLength(24);
    expect(new Set(qs).size).toBe(24);
    expect(qs.filter((q) => WARM_QUESTIONS.includes(q))).toEqual([]);
    expect(qs[0]).toBe('What did Kofi Annan say about annan?');
    expect(qs.filter((q) => q.includes('{'))).toEqual([]);
    const words = new Set(docIndex.documents[0]!.text.toLowerCase().match(/\p{L}{5,}/gu));
    const topics = qs.map((q, i) => ({ i, inDoc: [...words].some((w) => q.includes(w)) }));
    expect(topics.filter((t) => !t.inDoc).map((t) => t.i)).toEqual([5, 11, 17, 23]);
    expect(warmQuestions(docIndex, 24)).toEqual(qs);
  });

  it('given no quotations and no words, then the questions still come (the author, words from elsewhere)', () => {
    const qs = warmQuestions({ documents: [{ ...doc, text: 'A b c.' }], quotations: [] } as unknown as Parameters<typeof warmQuestions>[0], 8);
    expect(qs[0]).toBe('What did the author say about music?');
    expect(qs).toHaveLength(8);
  });

  it('given more questions, when warming, then the fixed ones are asked WARM_ROUNDS times, then each new one once; a question in flight stops it', async () => {
    const asked: string[] = [];
    await warmQuestionPath(async (q) => void asked.push(q), () => false, ['new one', 'new two']);
    expect(asked).toEqual([...Array.from({ length: WARM_ROUNDS }, () => WARM_QUESTIONS).flat(), 'new one', 'new two']);
    const some: string[] = [];
    await warmQuestionPath(async (q) => void some.push(q), () => some.length >= 3, ['new one']);
    expect(some).toHaveLength(3);
  });
});
