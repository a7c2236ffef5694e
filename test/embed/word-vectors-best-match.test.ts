/**
 * bestMatch (src/embed/word-vectors-match.ts) computes each question-word × sentence-word cosine where it is
 * needed, without the per-question-word memo it kept before round 9. Its result must be what the memo version
 * gave: 1 for the same term, else the best cosine when it reaches the floor, else 0 — over the shipped vectors,
 * for words repeated within and across sentences (where the memo answered from an earlier sentence).
 */
import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dot, loadWordVectors } from '../../src/embed/word-vectors.js';
import { bestMatch, contentWords, type ContentWord } from '../../src/embed/word-vectors-match.js';

const wv = loadWordVectors({ root: path.resolve(import.meta.dirname, '../..') });

/** The round-8 algorithm, memo and all (one Map of cosines per question word, keyed by the sentence word). */
function memoBestMatch(memo: Map<ContentWord, Map<string, number>>, q: ContentWord, sentence: ContentWord[], floor: number): number {
  let best = 0;
  for (const s of sentence) {
    if (s.term === q.term) return 1;
    if (q.vector && s.vector) {
      let seen = memo.get(q);
      if (!seen) memo.set(q, (seen = new Map()));
      let c = seen.get(s.key);
      if (c === undefined) seen.set(s.key, (c = dot(q.vector, s.vector)));
      if (c > best) best = c;
    }
  }
  return best >= floor ? best : 0;
}

const WORDS = ['largest', 'biggest', 'city', 'town', 'began', 'start', 'started', 'meeting', 'meetings', 'council', 'Council', 'annan', 'xqzv', 'partnership', 'cooperation', 'regional', 'the', 'fruit', 'banana', 'seriousness'];
const text = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' '));

describe('bestMatch: each cosine computed where needed', () => {
  it('given questions and candidate sentences sharing words, then every match equals the memo version’s, bit for bit', () => {
    fc.assert(
      fc.property(text, fc.array(text, { minLength: 1, maxLength: 6 }), fc.constantFrom(0, 0.3, 0.6, 0.95, 1), (question, sentences, floor) => {
        const memo = new Map<ContentWord, Map<string, number>>();
        const q = contentWords(question, wv, 'questions');
        for (const sentence of sentences) {
          const s = contentWords(sentence, wv, 'sentences');
          for (const w of q) expect(Object.is(bestMatch(w, s, floor), memoBestMatch(memo, w, s, floor))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('given a near word, then its cosine counts from the floor on, and an exact term is 1', () => {
    const [q] = contentWords('biggest', wv, 'questions');
    const s = contentWords('the largest city', wv, 'sentences');
    const c = wv.similarity('biggest', 'largest');
    expect(bestMatch(q!, s, c)).toBe(c);
    expect(bestMatch(q!, s, c + 1e-6)).toBe(0);
    expect(bestMatch(q!, contentWords('biggest towns', wv, 'sentences'), 1)).toBe(1);
  });
});
