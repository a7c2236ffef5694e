import { describe, expect, it } from 'vitest';
import { conversationPerson, lastAnswered, lastPlace, peopleIn } from '../../src/understand/conversation.js';
import type { Answer, Turn } from '../../src/types.js';

const quote = (text: string, paragraph = 1) => ({ doc: 'd', start: 0, end: text.length, paragraph, quote: text });
const turn = (question: string, answer: Partial<Answer> = {}): Turn => ({
  question,
  standalone: question,
  answer: { question, lead: '', quotes: [], refused: false, mode: 'extractive', intent: 'question', ...answer } as Answer,
  at: 0,
});

describe('lastAnswered', () => {
  it('given an answered turn followed by a refusal and a thanks, when asked for the last answered turn, then it is the answered one', () => {
    const answered = turn('Where was the meeting?', { quotes: [quote('It was held at UN headquarters.', 3)] });
    const turns = [answered, turn('Why?', { refused: true, reason: 'nothing-retrieved' }), turn('thanks', { intent: 'chat' })];
    expect(lastAnswered(turns)).toBe(answered);
  });

  it('given only refusals, when asked for the last answered turn, then there is none', () => {
    expect(lastAnswered([turn('Why?', { refused: true })])).toBeUndefined();
  });
});

describe('lastPlace', () => {
  it('given an answer and then a refused question whose best sentence was kept, when asked where the conversation was, then it is that unshown sentence', () => {
    const answered = turn('Where was the meeting?', { quotes: [quote('It was held at UN headquarters.', 3)] });
    const refused = { ...turn('Was it useful?', { refused: true, reason: 'low-confidence' }), unshown: { doc: 'd', start: 40, end: 60 } };
    expect(lastPlace([answered, refused, turn('thanks', { intent: 'chat' })])).toEqual({ doc: 'd', start: 40, end: 60 });
  });

  it('given a refusal that found nothing after an answer, when asked where the conversation was, then it is the answer', () => {
    const answered = turn('Where was the meeting?', { quotes: [quote('It was held at UN headquarters.', 3)] });
    expect(lastPlace([answered, turn('Why?', { refused: true, reason: 'nothing-retrieved' })])).toEqual({ doc: 'd', start: 0, end: 31 });
  });

  it('given only refusals that kept nothing, when asked where the conversation was, then it is nowhere', () => {
    expect(lastPlace([turn('Why?', { refused: true })])).toBeUndefined();
  });
});

describe('peopleIn', () => {
  it('given a full name and an honorific before a name compromise does not know, when read, then only the real name is found', () => {
    expect(peopleIn('Captain Caldigate said Robert Nitsch Eberhard left.')).toEqual(['Robert Nitsch Eberhard']);
  });

  it('given an adjective with a capital letter and no name, when read, then nobody is found', () => {
    expect(peopleIn('He was a Catholic priest who knew the accused.')).toEqual([]);
  });
});

describe('conversationPerson', () => {
  it('given a man named in the answer to the last question, when "he" is asked about, then it is him', () => {
    const turns = [turn('Who was kidnapped?', { quotes: [quote('Boko Haram kidnapped German citizen Robert Nitsch Eberhard in Nigeria.')] })];
    expect(conversationPerson(turns, 'he')).toBe('Robert Nitsch Eberhard');
  });

  it('given a woman named earlier and a man named later, when "she" is asked about, then the woman is chosen', () => {
    const turns = [turn('What did Mary buy?'), turn('Where did Paul go?')];
    expect(conversationPerson(turns, 'she')).toBe('Mary');
    expect(conversationPerson(turns, 'he')).toBe('Paul');
  });

  it('given two people named in different turns, when "he" is asked about, then the most recent one is chosen', () => {
    const turns = [turn('Where did Paul go?'), turn('What did John eat?')];
    expect(conversationPerson(turns, 'he')).toBe('John');
  });

  it('given a conversation that named nobody (or only in chit-chat), when "he" is asked about, then there is no one', () => {
    expect(conversationPerson([turn('Why?'), turn('thanks Paul', { intent: 'chat' })], 'he')).toBeNull();
  });
});
