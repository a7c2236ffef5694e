import { describe, expect, it } from 'vitest';
import { looseQuoteTopic, quoteTopic, withoutRequestWords } from '../../src/understand/request.js';
import { terms } from '../../src/retrieve/terms.js';

describe('request words never count as content words', () => {
  it.each([
    ['Quote the exact words about capacity-building', 'capacity-building'],
    ['Show me the passage on multilateralism', 'multilateralism'],
    ['Cite the verbatim excerpt regarding clear guidelines', 'clear guidelines'],
  ])('given "%s", when request words are removed, then only the topic is searched for', (q, topic) => {
    expect(terms(withoutRequestWords(quoteTopic(q)!))).toEqual(terms(topic));
    expect(terms(withoutRequestWords(q)).filter((t) => !terms(topic).includes(t))).not.toContain(terms('quote')[0]);
  });

  it('given a natural question, when request words are removed, then its own content words stay (a "show" that is a TV show stays)', () => {
    expect(withoutRequestWords('What show does Chris Hardwick host?')).toBe('What show does Chris Hardwick host?');
  });

  it('given a question with no request shape, then there is no quote topic', () => {
    expect(quoteTopic('When did the meetings begin?')).toBeNull();
  });
});

describe('looseQuoteTopic: the topic of a quote request phrased any way', () => {
  it.each([
    ['gimme the line about the podcast', 'podcast'],
    ['what were his exact words about the judge?', 'his judge'],
    ["lemme see the wording on Annan's peacekeeping plan", "Annan's peacekeeping plan"],
    ['pls paste where it talks abt the security council', 'security council'],
    ['yo quote me something on polarized initiatives', 'polarized initiatives'],
  ])('given "%s", then the topic is "%s"', (q, topic) => {
    expect(looseQuoteTopic(q)).toBe(topic);
  });

  it('given a request made of request words only, then there is no topic', () => {
    expect(looseQuoteTopic('show me the exact quote please')).toBeNull();
  });
});
