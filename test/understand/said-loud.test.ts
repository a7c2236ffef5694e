/**
 * Round 16 (who14): "who yelled / shouted / begged / whispered … X?" asks who said X, as "who said X?" does (the
 * verbs fiction reports speech with: "'Wait!' yelled Gus", "she cried out, 'Please don't eat me!'").
 */
import { describe, expect, it } from 'vitest';
import { parseQuoteIntent } from '../../src/understand/said.js';

describe('who-said with a verb of loud or low speech', () => {
  it.each([
    ['Who yelled that he would stop the runaway dogs?', 'he would stop the runaway dogs'],
    ['who shouted that the bridge was out', 'the bridge was out'],
    ['Who begged the wolf not to eat her?', 'the wolf not to eat her'],
    ['who whispered that the king was dead', 'the king was dead'],
    ['Who grumbled that Christmas would be no fun?', 'Christmas would be no fun'],
  ])('given "%s", when parsed, then it asks who said "%s"', (q, about) => {
    expect(parseQuoteIntent(q)).toMatchObject({ kind: 'who-said', about });
  });
});
