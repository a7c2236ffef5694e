import { describe, expect, it } from 'vitest';
import { typeNear } from '../../src/select/answer-evidence.js';
import { candidatesOfType } from '../../src/select/entities.js';
import { questionTerms, sentenceFeatures } from '../../src/select/features.js';
import type { TermStats } from '../../src/select/idf.js';
import { terms } from '../../src/retrieve/terms.js';
import { answerType } from '../../src/understand/answer-type.js';

const asked = (q: string) => new Set(terms(q));
const stats: TermStats = { idf: () => 2, maxIdf: 3, known: () => true, unseen: () => 3 };
const s = (text: string) => ({ text, near: '', paragraphTerms: new Set<string>(), rank: 1 });

describe('typeNear: an answer of the asked-for type beside the question\'s words', () => {
  it('given "how many members" and "the 15-member body", then the count stands beside the asked word', () => {
    expect(typeNear(asked('How many members does the Council have?'), 'number', 'During the meeting, the 15-member body also discussed the report.')).toBe(1);
  });

  it('given a year far from every question word, then it is not evidence beside them', () => {
    const q = asked('When were new members admitted?');
    expect(typeNear(q, 'date', 'In 1994, after long, slow and very difficult talks with several partners, the body admitted new members.')).toBe(0);
    expect(typeNear(q, 'date', 'The body admitted new members in 1994, after long and difficult talks.')).toBe(1);
  });

  it('given an entity holding one of the question\'s own words ("Kofi Annan" for "who did Annan speak to?"), then it is not the answer', () => {
    expect(typeNear(asked('Who did Annan speak to?'), 'agent', 'The talks were long, and Secretary-General Kofi Annan spoke at length.')).toBe(0);
    expect(typeNear(asked('Who did Annan speak to?'), 'agent', 'Annan spoke to the African Union.')).toBe(1);
  });

  it('given a sentence features are computed for, then typeNear is set only with a type hit beside the question\'s words', () => {
    const q = questionTerms('How many members does the Council have?', stats, 'number');
    expect(sentenceFeatures(q, s('The Council has 15 members.'), stats).typeNear).toBe(1);
    expect(sentenceFeatures(q, s('The Council met today to discuss the members of regional bodies.'), stats).typeNear).toBe(0);
  });
});

describe('the "name" answer type: a title or a proper name', () => {
  it.each([
    ['whats the name of his newest album', 'name'],
    ['Which play was The Odd Couple based on?', 'name'],
    ["What is Lil Wayne's real name?", 'name'],
    ['What is the album called?', 'name'],
    ["What's his name?", 'agent'],
  ])('given "%s", then the answer is a %s', (q, type) => {
    expect(answerType(q)).toBe(type);
  });

  it('given a short title in quotation marks, then it is a name; a quoted sentence of speech is not', () => {
    expect(candidatesOfType('His latest album, "Rebirth," was released last month.', 'name')).toContain('Rebirth');
    expect(candidatesOfType('“My dad was my favorite podcast guest.”', 'name')).toEqual([]);
  });

  it('given "what is the name of his album" and a sentence naming the album, then the title stands beside "album"', () => {
    expect(typeNear(asked('whats the name of his newest album'), 'name', 'His latest album, "Rebirth," was released last month.')).toBe(1);
  });
});
