import { describe, expect, it } from 'vitest';
import { answerType, typeNoun, typeNounKind } from '../../src/understand/answer-type.js';

describe('answerType', () => {
  it.each([
    ['Which organizations took part in the meeting?', 'organization'],
    ['When did the high-level meetings start?', 'date'],
    ['What year did the talks begin?', 'date'],
    ['How many members does the Council have?', 'number'],
    ['Where did Annan meet the regional organizations?', 'place'],
    ['Who did Annan speak to today?', 'agent'],
    ['Which meeting was this, counting from the first?', 'ordinal'],
    ['Which team won Super Bowl 50?', 'organization'],
    ['In which city was he born?', 'place'],
    ['Which president signed the treaty?', 'person'],
  ])('given "%s", then the answer is a %s', (q, type) => {
    expect(answerType(q)).toBe(type);
  });

  it.each(['Why was the sentencing delayed?', 'What did Annan call for?', 'Describe the challenges'])('given "%s", then no particular type is asked for', (q) => {
    expect(answerType(q)).toBeNull();
  });
});

describe('answerType reads the question\'s own wh-word', () => {
  it('given "Who was the leader when the Franks entered the valley?", then it asks who, not when', () => {
    expect(answerType('Who was the leader when the Franks entered the valley?')).toBe('agent');
  });
  it('given "What did he host?", then the verb after the auxiliary is not a type noun', () => {
    expect(answerType('What did he host?')).toBeNull();
  });
});

describe('answerType: a person\'s name', () => {
  it('given "What\'s his name?" or "What was their first name?", then a person (agent) is asked for', () => {
    expect(answerType("What's his name?")).toBe('agent');
    expect(answerType('What was their first name?')).toBe('agent');
    expect(answerType('What is the name of the river?')).not.toBe('agent');
  });
});

describe('typeNoun', () => {
  it('given a "which/what N" question, then N is the word naming the kind of answer; other questions have none', () => {
    expect(typeNoun('Which city is Carnegie Mellon in?')).toBe('city');
    expect(typeNoun('what year was goonj set up')).toBe('year');
    expect(typeNounKind('whats the name of chris hardwicks podcast')).toEqual({ word: 'name', kind: 'name' });
    expect(typeNounKind('Which network aired it?')).toEqual({ word: 'network', kind: 'organization' });
    expect(typeNoun('what did he host?')).toBeNull();
    expect(typeNoun('Who founded it?')).toBeNull();
    expect(typeNoun('When did the year begin?')).toBeNull();
  });
});
