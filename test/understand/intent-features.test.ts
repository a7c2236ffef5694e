import { describe, expect, it } from 'vitest';
import { intentFeatures, intentTokens, intentVector } from '../../src/understand/intent-features.js';

describe('intent features', () => {
  it('given a Discord message, then mentions go, emoji fold to <emoji>, ¶ reads "paragraph", numbers and ordinals fold', () => {
    expect(intentTokens("<@123456> What's ¶3 say?? 👍")).toEqual(['whats', 'paragraph', '<num>', 'say', '<emoji>']);
    expect(intentTokens('@Verbatim show the 2nd para')).toEqual(['show', 'the', '<ord>', 'para']);
  });

  it('given a message and rule hints, then the features hold words, word pairs with the ends, prefixes, length and the hints', () => {
    const f = intentFeatures('Summarise it?', ['summary', 'asks']);
    expect(f).toEqual(expect.arrayContaining(['rule:summary', 'rule:asks', 'w:summarise', 'p:summ', 'b:<s>_summarise', 'b:it_</s>', 'len:2', 'end:?', 'bias']));
  });

  it('given word vectors, then the message vector is the scaled mean of the words that have one', () => {
    const vectors = { dim: 2, vector: (w: string) => ({ gist: new Float32Array([1, 0]), please: new Float32Array([0, 1]) })[w] };
    const v = intentVector('gist please xyzzy', vectors)!;
    expect(v[0]).toBeCloseTo(v[1]!, 6);
    expect(v[0]).toBeGreaterThan(0);
    expect(intentVector('xyzzy', vectors)).toBeNull();
  });
});
