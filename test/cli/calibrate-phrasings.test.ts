import { describe, expect, it } from 'vitest';
import { labelOf, phrasingQuestions } from '../../src/cli/calibrate-phrasings.js';
import { atThreshold } from '../../src/select/fit.js';
import { loadConfig } from '../../src/config.js';
import { FEATURES, type Features } from '../../src/select/features.js';
import { probability, type Weights } from '../../src/select/model.js';
import { ROOT } from '../helpers/paths.js';

describe('fitting on our own tuning phrasings', () => {
  it('given a question expected from ¶2 or ¶3, then sentences of those paragraphs are positives and the rest negatives; a question to refuse has none; other kinds are skipped', () => {
    expect([1, 2, 3, 4].map(labelOf({ doc: 'default', q: 'which orgs were there', expect: 'q:2|3' })!)).toEqual([0, 1, 1, 0]);
    expect([1, 2].map(labelOf({ doc: 'default', q: 'how much did it cost', expect: 'refuse' })!)).toEqual([0, 0]);
    expect(labelOf({ doc: 'default', q: 'Quote paragraph 3', expect: 'para:3' })).toBeNull();
    expect(labelOf({ doc: 'default', q: 'where was that?', expect: 'q:3', after: ['What did Annan say?'] })).toBeNull();
  });

  it('given a held-out set, when asked to fit on it, then it is refused with a clear message', async () => {
    const config = loadConfig({ INDEX_DIR: '/nonexistent-never-written', EMBEDDING_MODEL: 'none' }, ROOT);
    await expect(phrasingQuestions(config, ROOT, ['natural2-heldout'], false)).rejects.toThrow(/tuning sets only/);
  });
});

describe('keeping the configured threshold after a refit', () => {
  const zero = Object.fromEntries(FEATURES.map((k) => [k, 0])) as Features;
  // Ten unanswerable questions whose best sentences cover 0.1 … 1.0 of the question.
  const unanswerable = Array.from({ length: 10 }, (_, i) => [{ f: { ...zero, cov: (i + 1) / 10 }, y: 0 as const }]);
  const refused = (w: Weights) => unanswerable.filter((q) => probability(q[0]!.f, w) < 0.48).length;

  it('given weights that answer most unanswerable questions at the threshold, when moved, then the bias falls until exactly 80% are refused', () => {
    const eager: Weights = { bias: 0, w: { cov: 1 } };
    const moved = atThreshold(eager, unanswerable, 0.48, 0.8);
    expect(refused(eager)).toBeLessThan(8);
    expect(refused(moved)).toBe(8);
    expect(moved.bias).toBeLessThan(eager.bias);
    expect(moved.w).toEqual(eager.w);
  });

  it('given weights that refuse nearly all of them, when moved, then the bias rises until 80% are refused (the most answers the target allows)', () => {
    const shy: Weights = { bias: -5, w: { cov: 1 } };
    const moved = atThreshold(shy, unanswerable, 0.48, 0.8);
    expect(refused(shy)).toBe(10);
    expect(refused(moved)).toBe(8);
  });
});
