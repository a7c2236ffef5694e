import { describe, expect, it } from 'vitest';
import { classify } from '../../src/understand/intent.js';

describe('classify: what kind of request a message is', () => {
  it.each([
    ['Quote paragraph 3', { kind: 'paragraph', n: 3 }],
    ['quote ¶5', { kind: 'paragraph', n: 5 }],
    ['Show me the second paragraph', { kind: 'paragraph', n: 2 }],
    ['What does paragraph 8 say?', { kind: 'paragraph', n: 8 }],
    ['Can you paste paragraph 6 for me?', { kind: 'paragraph', n: 6 }],
    ['Give me the last paragraph', { kind: 'paragraph', n: -1 }],
  ])('given "%s", when classified, then it asks for a paragraph by number', (q, want) => {
    expect(classify(q)).toEqual(want);
  });

  it.each([
    ['Quote the passage about division of labour', 'division of labour'],
    ['Cite the part on capacity-building', 'capacity-building'],
    ['Give me the exact words about the fragility of post-conflict situations', 'the fragility of post-conflict situations'],
    ['Can you quote the sentence mentioning ASEAN?', 'ASEAN'],
    ['Show me the paragraph where Annan talks about polarized initiatives', 'polarized initiatives'],
  ])('given "%s", when classified, then it is a quote request whose topic excludes the request words', (q, topic) => {
    expect(classify(q)).toEqual({ kind: 'quote', topic });
  });

  it('given a quote request naming whose words, when classified, then the speaker stays in the topic', () => {
    expect(classify("Give me Annan's exact words on multilateralism")).toEqual({ kind: 'quote', topic: 'Annan multilateralism' });
  });

  it.each(['Give me the gist', "What's the main point?", 'Key takeaways', 'What is this about?', 'tl;dr', 'Can you sum up the article for me?', 'Briefly, what happened?', 'Give me a quick recap', 'In a nutshell, what does the article say?'])(
    'given "%s", when classified, then it is a summary request of the whole document',
    (q) => {
      expect(classify(q)).toEqual({ kind: 'summary' });
    },
  );

  it('given "Summarize paragraph 3", when classified, then it is a summary of that paragraph, not of the document', () => {
    expect(classify('Summarize paragraph 3')).toEqual({ kind: 'summary', paragraph: 3 });
  });

  it('given a summary about a topic, when classified, then the topic is its focus', () => {
    expect(classify('Give me a summary of the challenges')).toEqual({ kind: 'summary', focus: 'the challenges' });
  });

  it.each(['What did the press release say about the challenges?', 'When did the high-level meetings start?', 'What show does Chris Hardwick host?', 'Who said NATO should be disbanded?'])(
    'given the question "%s", when classified, then it is a question',
    (q) => {
      expect(classify(q)).toEqual({ kind: 'question' });
    },
  );

  it.each([
    ['thanks, that helps!', 'thanks'],
    ['ok', 'ack'],
    ['lol', 'ack'],
    ['hello!', 'greeting'],
    ['👍', 'ack'],
  ])('given "%s", when classified, then it is chit-chat (%s)', (q, tone) => {
    expect(classify(q)).toEqual({ kind: 'chat', tone });
  });
});
