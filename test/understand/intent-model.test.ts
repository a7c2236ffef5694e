import { describe, expect, it } from 'vitest';
import { INTENT_MODEL, intentProbabilities, predictIntent, type IntentModel } from '../../src/understand/intent-model.js';

describe('the intent model (intent-model.json)', () => {
  it('given the shipped model, then it names the five intents, has a bar between 0.2 and 1, and reads word vectors', () => {
    expect(INTENT_MODEL.classes).toEqual(['question', 'quote', 'paragraph', 'summary', 'chat']);
    expect(INTENT_MODEL.bar).toBeGreaterThan(0.2);
    expect(INTENT_MODEL.bar).toBeLessThan(1);
    expect(INTENT_MODEL.dense).toHaveLength(5);
    expect(INTENT_MODEL.dense![0]).toHaveLength(100);
  });

  const toy: IntentModel = { classes: ['question', 'quote', 'paragraph', 'summary', 'chat'], bar: 0.5, weights: { 'w:gist': [0, 0, 0, 3, 0], bias: [1, 0, 0, 0, 0] }, dense: [[0, 0], [0, 0], [0, 0], [0, 0], [2, 0]] };

  it('given features, then the probabilities are a softmax of the summed weights', () => {
    const p = intentProbabilities(['bias', 'w:gist', 'w:unknown'], toy);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(p[3]! / p[0]!).toBeCloseTo(Math.exp(2), 6);
    expect(predictIntent(['bias', 'w:gist'], toy)).toEqual({ label: 'summary', p: p[3] });
  });

  it('given a mean word vector, then its dot product with each class row adds to that class', () => {
    expect(predictIntent(['bias'], toy, new Float32Array([3, 0])).label).toBe('chat');
    expect(predictIntent(['bias'], toy, null).label).toBe('question');
  });
});
