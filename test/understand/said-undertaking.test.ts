/**
 * Round 17 (who16): "who offered / agreed / volunteered to …?" asks who said they would do it ("Jerry said he would help
 * them move it"): what was undertaken is the claim, and the asker's verb for saying it is not part of it. "who refused to
 * …?" keeps its verb: refusing is what was said.
 */
import { describe, expect, it } from 'vitest';
import { parseQuoteIntent } from '../../src/understand/said.js';

describe('a question about agreeing, offering or refusing to do something', () => {
  it.each([
    ['Who offered to help them move the couch?', 'help them move the couch'],
    ['Who agreed to teach Gallaudet his method?', 'teach Gallaudet his method'],
    ['who volunteered to carry the bags', 'carry the bags'],
  ])('given "%s", when parsed, then it asks who said so, the claim being what was undertaken', (q, about) => {
    expect(parseQuoteIntent(q)).toEqual({ kind: 'who-said', about });
  });

  it('given "who refused to …?", when parsed, then the refusal stays in the claim', () => {
    expect(parseQuoteIntent('who refused to share their teaching methods with gallaudet')).toEqual({ kind: 'who-said', about: 'refused to share their teaching methods with gallaudet' });
  });
});
