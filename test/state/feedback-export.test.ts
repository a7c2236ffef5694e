import { describe, expect, it } from 'vitest';
import { exportFeedback } from '../../src/state/feedback-export.js';
import type { FeedbackRecord } from '../../src/state/feedback.js';

const record = (over: Partial<FeedbackRecord>): FeedbackRecord => ({
  id: 3,
  messageId: 'msg-3',
  rating: -1,
  question: 'Who took the minutes?',
  answer: { question: 'Who took the minutes?', lead: 'I could not find that in the documents.', quotes: [], refused: true },
  conversation: [],
  documents: ['documents/a.txt'],
  createdAt: 0,
  ...over,
});

describe('exporting feedback as eval cases', () => {
  it('given a thumbs-down on a refusal, when exported, then meta says it quoted nothing and names the first document the bot answered from', () => {
    const [line] = exportFeedback([record({})], { root: '/srv/verbatim' });
    const c = JSON.parse(line!) as { document: { path: string }; meta: Record<string, string> };
    expect(c.document.path).toBe('/srv/verbatim/documents/a.txt');
    expect(c.meta).toMatchObject({ rating: 'down', bot: 'refused', quoted: 'nothing', message: 'msg-3' });
  });

  it('given a thumbs-down on an answer quoting two paragraphs, when exported, then meta lists the paragraphs it quoted, each once', () => {
    const quote = (paragraph: number) => ({ doc: 'documents/b.txt', paragraph, start: 0, end: 4, quote: 'word' });
    const answer = { question: 'q', lead: 'He said:', quotes: [quote(2), quote(5), quote(2)], refused: false };
    const c = JSON.parse(exportFeedback([record({ answer })], { root: '/srv/verbatim' })[0]!) as { document: { path: string }; meta: Record<string, string> };
    expect(c.document.path).toBe('/srv/verbatim/documents/b.txt');
    expect(c.meta).toMatchObject({ bot: 'answered', quoted: '¶2 ¶5' });
  });
});
