/**
 * An LLM's prose: the model's [¶n] right after a quotation that is listed
 * with its own citation is dropped (cited once); after the model's own words
 * it stays, worded as every citation is.
 */
import { describe, expect, it } from 'vitest';
import { proseText } from '../../src/present/prose.js';
import type { Quote } from '../../src/types.js';

const q = (quote: string, paragraph: number): Quote => ({ doc: 'd', paragraph, start: 0, end: quote.length, quote });

describe('proseText', () => {
  it('given a marker after a listed quotation (inside or outside its closing mark), when shown, then the marker is dropped', () => {
    const quotes = [q('a truly effective division of labour', 3), q('“new level of clarity”', 4)];
    expect(proseText('He wanted “a truly effective division of labour” [¶3]. He asked for a “new level of clarity” [¶4], too.', quotes)).toBe(
      'He wanted “a truly effective division of labour”. He asked for a “new level of clarity”, too.',
    );
  });

  it('given markers after the model’s own words, when shown, then they stay as "(¶n)" (several places too)', () => {
    expect(proseText('They met for the seventh time [¶4]. Both sides agreed [¶3, ¶8].', [q('a truly effective division of labour', 3)])).toBe(
      'They met for the seventh time (¶4). Both sides agreed (¶3, ¶8).',
    );
  });

  it('given a text without markers, when shown, then it is unchanged', () => {
    expect(proseText('Annan asked for more.', [])).toBe('Annan asked for more.');
  });
});
