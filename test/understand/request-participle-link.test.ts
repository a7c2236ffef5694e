import { describe, expect, it } from 'vitest';
import { quoteTopic } from '../../src/understand/request.js';

describe('quote requests linking the piece to its topic by a participle (round 17)', () => {
  it.each([
    ['paste the bit listing his books', 'his books'],
    ['quote the part naming the winners', 'the winners'],
    ['gimme the section detailing the costs', 'the costs'],
    ['show me the passage explaining why he left', 'why he left'],
    ['quote the paragraph outlining the plan', 'the plan'],
    ['the bit discussing the merger pls', 'the merger'],
  ])('given "%s", then the topic is "%s" (the participle is request phrasing, not topic)', (q, topic) => {
    expect(quoteTopic(q)).toBe(topic);
  });
});
