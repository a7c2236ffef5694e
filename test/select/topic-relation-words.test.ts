import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWordVectors } from '../../src/embed/word-vectors.js';
import { createTopicMatcher } from '../../src/select/topic-match.js';

const vectors = loadWordVectors({ root: path.resolve(import.meta.dirname, '../..') });
const weight = () => 1;

describe('topic-match: words that only relate the topic\'s other words (round 17)', () => {
  const s = 'It operates under the Department of Homeland Security during peacetime, and can be transferred to the Navy during times of war.';

  it.each(['peacetime vs war', 'peacetime versus war', 'peacetime v war'])('given the topic "%s", when matched against a sentence holding both its words, then it is met in full ("vs" is no word to find)', (topic) => {
    expect(createTopicMatcher(vectors, weight)(topic, s, '')).toBe(1);
  });

  it('given a topic whose relating word is all it shares with nothing ("taxes vs tariffs"), when matched, then it is not met by the relating word alone', () => {
    expect(createTopicMatcher(vectors, weight)('taxes vs tariffs', 'Trade was discussed vs nothing else.', '')).toBeLessThan(0.5);
  });
});
