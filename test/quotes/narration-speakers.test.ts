/**
 * Speakers the narration gives without an attribution of the quotation's own: a sentence that is only an
 * attribution ("Mayor Ann Lee agreed."), a family member or child the narration mentions ("his sister"), a family
 * noun that gives a name its gender ("Ms Lee's husband, Chris"), and a speaker before a parenthesis.
 */
import { describe, expect, it } from 'vitest';
import { familyGender } from '../../src/quotes/gender.js';
import { who } from './who.js';


describe('speakers from the narration', () => {
  it('given a sentence that is only an attribution ("X agreed."), when a quotation follows it, then X said it, not the previous speaker', () => {
    expect(who('Police chief John Smith said the area was safe. "We have no reason to worry," Smith said.', 'Mayor Ann Lee agreed. "The town is calm tonight."')).toEqual([
      ['We have no reason to worry', 'John Smith'],
      ['The town is calm tonight.', 'Ann Lee'],
    ]);
  });

  it('given a narrative sentence that is more than an attribution, when a quotation follows it, then the previous speaker keeps it', () => {
    expect(who('"We have no reason to worry," said John Smith.', 'Mayor Ann Lee agreed with the plan on Monday after a long meeting in the town hall. "The town is calm tonight."')).toEqual([
      ['We have no reason to worry', 'John Smith'],
      ['The town is calm tonight.', 'John Smith'],
    ]);
  });

  it('given "she"/"he" and only a man/woman named, when the narration mentions a relative of that gender, then that relative as written', () => {
    expect(who('Tom Jones and his sister lived by the sea. "Look at the boats!" she cried.')).toEqual([['Look at the boats!', 'his sister']]);
    expect(who('Sarah Miller was at home with her son. "Mom, I am hungry," he said.')).toEqual([['Mom, I am hungry', 'her son']]);
  });

  it('given a family noun beside a name, then the gender it gives', () => {
    expect(familyGender("Ms Lee's husband, ", ' said')).toBe('male');
    expect(familyGender('and his wife ', ' told')).toBe('female');
    expect(familyGender('', ', her son, said')).toBe('male');
    expect(familyGender('Police chief ', ', the mayor')).toBeNull();
  });

  it('given a name whose gender only a family noun gives, when "she" follows, then that person', () => {
    expect(who('Chris Moore arrived with his wife, Jo Park. "We are so happy," she said.')).toEqual([['We are so happy', 'Jo Park']]);
  });

  it('given a speaker before a parenthesis ("The judge (who said “…”)"), then that speaker', () => {
    expect(who('The judge (who said "this case is a disgrace") adjourned the hearing.')).toEqual([['this case is a disgrace', 'the judge']]);
  });

  it('given a manner adverb after the attribution that follows a "!"/"?" quotation, then the attribution still counts', () => {
    expect(who('"Hi, Tim!" Mary said happily.')).toEqual([['Hi, Tim!', 'Mary']]);
  });

  it('given a thought reported in the present after the quotation ("“…?” thinks Neipperg"), then the thinker, as with "thought"', () => {
    const t = 'The news came from Breslau. Schweidnitz, where the Prussians have a Magazine, is not so strong: "One might at least seize that?" thinks Neipperg, in his vexed humor. But Friedrich was beforehand with him.';
    expect(who(t)).toEqual([['One might at least seize that?', 'Neipperg']]);
  });

  it('given a participle phrase after the attribution that follows a "?" quotation ("Tom queried, not catching her implication"), then the attribution still counts, but not when a clause follows a second comma', () => {
    expect(who('"Christ died long ago," Saxon said.', '"Well?" Tom queried, not catching her implication.')).toEqual([
      ['Christ died long ago', 'Saxon'],
      ['Well?', 'Tom'],
    ]);
    expect(who('"Where now?" Ann asked, looking at the map.')).toEqual([['Where now?', 'Ann']]);
    expect(who('Jones spoke first. "The bridge is closed." Officials said, citing a report, the bridge was unsafe.')).toEqual([['The bridge is closed.', null]]);
  });

  it('given a first-person relative ("my father") and a frequency adverb before the cue, then that relative', () => {
    expect(who('My father always says, "Never give up."')).toEqual([['Never give up.', 'my father']]);
    expect(who('"Never give up," my father always says.')).toEqual([['Never give up', 'my father']]);
  });
});
