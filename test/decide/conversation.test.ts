import { describe, expect, it } from 'vitest';
import { establishedLogOdds, withConversation, type EstablishedWeights } from '../../src/decide/conversation.js';
import type { Scored, Selection } from '../../src/select/select.js';
import type { StoredDocument } from '../../src/types.js';

const W: EstablishedWeights = { known: 3, knownPower: 4, allKnown: 2 };
const doc = { id: 'd' } as StoredDocument;
const cand = (p: number, oov: number, conv: Partial<Scored['conversation']> = {}, start = 0): Scored => ({
  doc,
  paragraph: 1,
  start,
  end: start + 10,
  p,
  features: { oov } as Scored['features'],
  conversation: { context: 0, near: 0, established: 1, lean: false, followup: true, ...conv },
  indexed: false,
});
const sel = (...ranked: Scored[]): Selection => ({ ranked, confidence: ranked[0]?.p ?? 0 });

describe('establishedLogOdds', () => {
  it('given a follow-up whose words are all in the document, when scored, then the conversation adds known + allKnown', () => {
    expect(establishedLogOdds(cand(0.2, 0), W)).toBe(5);
  });

  it('given a follow-up whose words the document never uses (another subject), when scored, then nothing is added', () => {
    expect(establishedLogOdds(cand(0.2, 1), W)).toBe(0);
  });

  it('given half its words unknown, when scored, then it gets known × 0.5^4 and no all-known bonus', () => {
    expect(establishedLogOdds(cand(0.2, 0.5), W)).toBeCloseTo(3 / 16);
  });

  it('given a new question, a lean follow-up or a conversation that established nothing, when scored, then nothing is added', () => {
    expect(establishedLogOdds(cand(0.2, 0, { followup: false }), W)).toBe(0);
    expect(establishedLogOdds(cand(0.2, 0, { lean: true }), W)).toBe(0);
    expect(establishedLogOdds(cand(0.2, 0, { established: 0 }), W)).toBe(0);
  });
});

describe('withConversation', () => {
  it('given a follow-up below the bar whose words the document uses, when the conversation counts, then its probability rises and it is ranked first', () => {
    const known = cand(0.2, 0, {}, 100);
    const unknown = cand(0.3, 1, {}, 0);
    const out = withConversation(sel(unknown, known), W);
    expect(out.ranked[0]!.start).toBe(100);
    expect(out.ranked[0]!.p).toBeCloseTo(1 / (1 + Math.exp(-(Math.log(0.2 / 0.8) + 5))));
    expect(out.confidence).toBe(out.ranked[0]!.p);
    expect(out.ranked[1]!.p).toBe(0.3);
  });

  it('given no follow-up, when the conversation counts, then the selection is returned unchanged', () => {
    const s = sel(cand(0.3, 0, { followup: false }));
    expect(withConversation(s, W)).toBe(s);
  });
});
