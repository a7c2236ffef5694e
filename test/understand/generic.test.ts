import { describe, expect, it } from 'vitest';
import { withoutGenericNouns } from '../../src/understand/generic.js';
import { understand } from '../../src/understand/understand.js';
import type { Answer, Conversation } from '../../src/types.js';

describe('withoutGenericNouns', () => {
  it('given a follow-up asking for a name, a year or a cost, when cleaned, then only those words go', () => {
    expect(withoutGenericNouns('What was his name?')).toBe('What was his?');
    expect(withoutGenericNouns('What year did the tournament happen?')).toBe('What did the tournament happen?');
    expect(withoutGenericNouns('How much did the ticket cost?')).toBe('How much did the ticket?');
  });

  it('given a question with no such word, when cleaned, then it is unchanged', () => {
    expect(withoutGenericNouns('Where did Annan meet the regional organizations?')).toBe('Where did Annan meet the regional organizations?');
  });
});

describe('understand: generic nouns in follow-ups', () => {
  const answered: Conversation = {
    id: 'c',
    turns: [{ question: 'Who ran the race?', standalone: 'Who ran the race?', at: 0, answer: { question: 'Who ran the race?', lead: '', quotes: [{ doc: 'd', start: 0, end: 5, paragraph: 1, quote: 'x'.repeat(5) }], refused: false, mode: 'extractive', intent: 'question' } as Answer }],
  };

  it('given an answered turn, when "What was its name?" follows, then the name-word is not searched for (the conversation is)', () => {
    const u = understand('What was its name?', answered, []);
    expect(u.kind).toBe('followup');
    expect(u.scoringText).not.toMatch(/name/);
    expect(u.standalone).toBe('What was its name?');
  });

  it('given no conversation, when "What was the name of the ship?" is asked, then "name" stays a word to find', () => {
    expect(understand('What was the name of the ship?', undefined, []).scoringText).toMatch(/name/);
  });
});
