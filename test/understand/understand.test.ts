import { describe, expect, it } from 'vitest';
import { understand } from '../../src/understand/understand.js';
import type { Answer, Conversation, Turn } from '../../src/types.js';

const turn = (question: string): Turn => ({ question, standalone: question, answer: { question, lead: '', quotes: [], refused: false, mode: 'extractive', intent: 'question' } as Answer, at: 0 });
const conv = (...turns: Turn[]): Conversation => ({ id: 'c', turns });

describe('understand: ownTerms', () => {
  it('given "What was his name?" resolved to a person named before, when understood, then none of its terms are the asker\'s own', () => {
    const u = understand('What was his name?', conv(turn('Was Robert Smith sick?')), []);
    expect(u.standalone).toContain('Smith');
    expect(u.ownTerms).toBe(0);
  });

  it('given a follow-up with words of its own, when understood, then they count and the inserted name does not', () => {
    const u = understand('What team did he join in 2009?', conv(turn('Was Robert Smith sick?')), []);
    expect(u.ownTerms).toBe(3); // team, join, 2009
  });
});

describe('understand: a question after how it addresses the bot', () => {
  it('given "hey bot who was driving the bus", when understood, then "bot" is no word to score or search', () => {
    const u = understand('hey bot who was driving the bus', undefined, []);
    expect(u.intent.kind).toBe('question');
    expect(u.scoringText).toBe('who was driving the bus');
    expect(u.query).not.toMatch(/\bbot\b/);
  });
});

