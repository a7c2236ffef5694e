import { describe, expect, it } from 'vitest';
import {
  anyOverlap,
  containsAnswer,
  exactMatch,
  maxOverGold,
  mean,
  normalizeAnswer,
  overlaps,
  percentile,
  refusalPR,
  resolveEvidence,
  tokenF1,
} from '../../src/eval/metrics.js';

describe('SQuAD-official normalisation, F1 and EM', () => {
  it('given answers with case, punctuation, articles and extra spaces, when normalised, then they match the official script', () => {
    expect(normalizeAnswer('The  Denver Broncos!')).toBe('denver broncos');
    expect(normalizeAnswer("Levi's Stadium")).toBe('levis stadium');
    expect(normalizeAnswer('a cat, an apple and THE end')).toBe('cat apple and end');
    // articles only as whole words
    expect(normalizeAnswer('theatre and anthem')).toBe('theatre and anthem');
    // Unicode letters are word characters (Python 3 \b), so "thé" keeps its "th…"
    expect(normalizeAnswer('café the thé')).toBe('café thé');
    // only ASCII punctuation is stripped
    expect(normalizeAnswer('24–10')).toBe('24–10');
    expect(normalizeAnswer('  ')).toBe('');
  });

  it('given SQuAD dev examples, when scored, then F1 and EM equal the official values', () => {
    // Super Bowl 50, "Which NFL team represented the AFC at Super Bowl 50?"
    expect(exactMatch('Denver Broncos', 'Denver Broncos')).toBe(true);
    expect(exactMatch('the Denver Broncos.', 'Denver Broncos')).toBe(true);
    expect(tokenF1('Denver Broncos', 'Denver Broncos')).toBe(1);
    // "Where did Super Bowl 50 take place?" golds: "Santa Clara, California", "Levi's Stadium",
    // "Levi's Stadium in the San Francisco Bay Area at Santa Clara, California."
    const golds = ['Santa Clara, California', "Levi's Stadium", "Levi's Stadium in the San Francisco Bay Area at Santa Clara, California."];
    expect(tokenF1('Santa Clara, California', golds[2])).toBeCloseTo(6 / 14, 10); // P = 3/3, R = 3/11
    expect(maxOverGold(tokenF1, 'Santa Clara, California', golds)).toBe(1);
    expect(maxOverGold(exactMatch, 'Levi’s Stadium', golds)).toBe(0); // a curly apostrophe is not ASCII punctuation
    // partial overlap: P = 2/3, R = 1 → F1 = 0.8
    expect(tokenF1('Denver Broncos won', 'the Denver Broncos')).toBeCloseTo(0.8, 10);
    // repeated tokens count once per occurrence in the gold (Counter intersection)
    expect(tokenF1('the the broncos broncos', 'broncos')).toBeCloseTo((2 * 0.5 * 1) / 1.5, 10);
  });

  it('given an empty prediction or gold, when scored, then F1 and EM are 0 unless both are empty for EM', () => {
    expect(tokenF1('', 'Denver')).toBe(0);
    expect(tokenF1('Denver', 'the')).toBe(0);
    expect(exactMatch('', 'Denver')).toBe(false);
    expect(maxOverGold(tokenF1, 'Denver', [])).toBe(0);
  });
});

describe('containsAnswer', () => {
  it('given a quote, when the normalised gold occurs as a run of whole tokens, then it is contained', () => {
    expect(containsAnswer('He said the Denver Broncos won.', 'Denver Broncos')).toBe(true);
    expect(containsAnswer('"No," she said.', 'no')).toBe(true);
    expect(containsAnswer('I do not know.', 'no')).toBe(false);
    expect(containsAnswer('Broncos Denver', 'Denver Broncos')).toBe(false);
    expect(containsAnswer('anything', 'the')).toBe(false); // normalises to nothing
  });
});

describe('span overlap and evidence resolution', () => {
  it('given half-open spans, when they touch only at an end, then they do not overlap', () => {
    expect(overlaps({ start: 0, end: 5 }, { start: 5, end: 9 })).toBe(false);
    expect(overlaps({ start: 0, end: 6 }, { start: 5, end: 9 })).toBe(true);
    expect(overlaps({ start: 6, end: 7 }, { start: 5, end: 9 })).toBe(true); // contained
    expect(anyOverlap([{ start: 0, end: 2 }, { start: 10, end: 20 }], [{ start: 19, end: 30 }])).toBe(true);
    expect(anyOverlap([], [{ start: 0, end: 1 }])).toBe(false);
  });

  it('given evidence strings, when resolved, then every occurrence becomes a span, with a trimmed fallback and the rest unresolved', () => {
    const text = 'red fox. red fox ran.';
    expect(resolveEvidence(text, ['red fox'])).toEqual({ spans: [{ start: 0, end: 7 }, { start: 9, end: 16 }], unresolved: [] });
    expect(resolveEvidence(text, [' fox ran. \n'])).toEqual({ spans: [{ start: 13, end: 21 }], unresolved: [] });
    expect(resolveEvidence(text, ['blue fox', { start: 3, end: 99 }, { start: 0, end: 3 }])).toEqual({
      spans: [{ start: 0, end: 3 }],
      unresolved: ['blue fox', { start: 3, end: 99 }],
    });
  });
});

describe('refusal precision/recall, percentile, mean', () => {
  it('given refusals against unanswerable golds, when counted, then P = TP/refusals and R = TP/unanswerable', () => {
    expect(
      refusalPR([
        { refused: true, unanswerable: true },
        { refused: true, unanswerable: false },
        { refused: false, unanswerable: true },
        { refused: false, unanswerable: false },
        { refused: true, unanswerable: true },
      ]),
    ).toEqual({ precision: 2 / 3, recall: 2 / 3 });
  });

  it('given no refusals or no unanswerable gold, when counted, then the undefined side is null', () => {
    expect(refusalPR([{ refused: false, unanswerable: false }])).toEqual({ precision: null, recall: null });
    expect(refusalPR([{ refused: true, unanswerable: false }])).toEqual({ precision: 0, recall: null });
    expect(refusalPR([{ refused: false, unanswerable: true }])).toEqual({ precision: null, recall: 0 });
  });

  it('given latencies, when taking nearest-rank percentiles, then p50/p95 are actual samples', () => {
    const xs = Array.from({ length: 20 }, (_, i) => 20 - i); // 20..1
    expect(percentile(xs, 50)).toBe(10);
    expect(percentile(xs, 95)).toBe(19);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });

  it('given values with nulls, when averaged, then nulls are skipped and all-null is null', () => {
    expect(mean([1, null, 0, true])).toBeCloseTo(2 / 3, 10);
    expect(mean([null, null])).toBeNull();
  });
});
