import { describe, expect, it } from 'vitest';
import { goldAnswer, recordGoldAnswer } from '../../src/eval/gold-history.js';
import type { Answer, Conversation, StoredDocument } from '../../src/types.js';

const TEXT = 'Anna lives in Paris. She has a red bicycle.\n\nHer brother Tom lives in Rome. Tom is tall.';
const doc = {
  id: 'd',
  text: TEXT,
  paragraphs: [
    { start: 0, end: 43, n: 1, kind: 'body' },
    { start: 45, end: 88, n: 2, kind: 'body' },
  ],
  sentences: [],
} as unknown as StoredDocument;
const engineAnswer: Answer = { question: 'Who is Tom?', lead: "The document doesn't say.", quotes: [], refused: true, reason: 'nothing-retrieved', mode: 'extractive', intent: 'question' };

describe('goldAnswer', () => {
  it('given an earlier turn whose evidence is a string in the document, when recorded, then it is quoted verbatim with its paragraph', () => {
    const a = goldAnswer({ question: 'Who is Tom?', answers: ['her brother'], evidence: ['Her brother Tom'] }, doc);
    expect(a.refused).toBe(false);
    expect(a.quotes).toEqual([{ doc: 'd', paragraph: 2, start: 45, end: 60, quote: 'Her brother Tom' }]);
    expect(TEXT.slice(a.quotes[0]!.start, a.quotes[0]!.end)).toBe(a.quotes[0]!.quote);
  });

  it('given an "unknown" turn or evidence not in the document, when recorded, then it is a refusal', () => {
    expect(goldAnswer({ question: 'Why?', answers: ['unknown'], evidence: [], unanswerable: true }, doc).refused).toBe(true);
    expect(goldAnswer({ question: 'Why?', answers: ['x'], evidence: ['not in the text'] }, doc).refused).toBe(true);
  });
});

describe('recordGoldAnswer', () => {
  it("given the engine refused an earlier turn, when the gold history is recorded, then the conversation holds the dataset's answer instead", () => {
    const conversation: Conversation = { id: 'c', turns: [{ question: 'Who is Tom?', standalone: 'Who is Tom?', answer: engineAnswer, at: 0 }] };
    recordGoldAnswer(conversation, { question: 'Who is Tom?', answers: ['her brother'], evidence: [{ start: 45, end: 60 }] }, doc);
    expect(conversation.turns[0]!.answer.refused).toBe(false);
    expect(conversation.turns[0]!.answer.quotes[0]!.quote).toBe('Her brother Tom');
    expect(conversation.turns[0]!.answer.intent).toBe('question');
  });
});
