import { describe, expect, it } from 'vitest';
import { conversationLogOdds, establishedLogOdds, orderLogOdds, quotesByRank, sentencesAfter, withConversation, type EstablishedWeights } from '../../src/decide/conversation.js';
import { decide } from '../../src/decide/decide.js';
import type { Scored, Selection } from '../../src/select/select.js';
import type { StoredDocument } from '../../src/types.js';

const W: EstablishedWeights = { known: 3, knownPower: 4, allKnown: 2, leanBias: 0.5, leanTypeMiss: 2, order: [1.5, 2, 1], orderPartial: [1, 1.5, 0.5], orderLean: [1.2, 0.7] };
// Five sentences of 10 characters each: [0,10) [10,20) [20,30) [30,40) [40,50).
const doc = { id: 'd', sentences: [0, 10, 20, 30, 40].map((start) => ({ start, end: start + 10, paragraph: 1 })) } as unknown as StoredDocument;
const cand = (p: number, oov: number, conv: Partial<Scored['conversation']> = {}, start = 0, f: Partial<Scored['features']> = {}): Scored => ({
  doc,
  paragraph: 1,
  start,
  end: start + 10,
  p,
  features: { oov, typeMiss: 0, ...f } as Scored['features'],
  conversation: { context: 0, near: 0, established: 1, lean: false, followup: true, ...conv },
  indexed: false,
});
const sel = (...ranked: Scored[]): Selection => ({ ranked, confidence: ranked[0]?.p ?? 0 });
const OWN = { ownTerms: 2 };

describe('establishedLogOdds', () => {
  it('given a follow-up whose words are all in the document, when scored, then the conversation adds known + allKnown', () => {
    expect(establishedLogOdds(cand(0.2, 0), OWN, W)).toBe(5);
  });

  it('given a follow-up whose words the document never uses (another subject), when scored, then nothing is added', () => {
    expect(establishedLogOdds(cand(0.2, 1), OWN, W)).toBe(0);
  });

  it('given half its words unknown, when scored, then it gets known × 0.5^4 and no all-known bonus', () => {
    expect(establishedLogOdds(cand(0.2, 0.5), OWN, W)).toBeCloseTo(3 / 16);
  });

  it('given a new question with known words in an established conversation, when scored, then it counts too', () => {
    expect(establishedLogOdds(cand(0.2, 0, { followup: false }), OWN, W)).toBe(5);
  });

  it('given a lean follow-up or a conversation that established nothing, when scored, then nothing is added', () => {
    expect(establishedLogOdds(cand(0.2, 0, { lean: true, followup: false }), OWN, W)).toBe(0);
    expect(establishedLogOdds(cand(0.2, 0, { established: 0 }), OWN, W)).toBe(0);
  });

  it('given "What was his name?" whose only term is the name "his" was resolved to, when scored, then it gains nothing for known words but loses the lean bias', () => {
    expect(establishedLogOdds(cand(0.2, 0), { ownTerms: 0 }, W)).toBe(-0.5);
  });

  it('given a follow-up with no words of its own and a candidate without the asked-for kind of answer, when scored, then it loses the type penalty too', () => {
    expect(establishedLogOdds(cand(0.2, 0, {}, 0, { typeMiss: 1 }), { ownTerms: 0 }, W)).toBe(-2.5);
  });
});

describe('sentencesAfter / orderLogOdds', () => {
  const last = { doc: 'd', start: 12, end: 18 };

  it('given the last answer in sentence 2, when candidates are placed, then the same sentence is 0, the next ones 1 and 2, earlier ones null', () => {
    expect(sentencesAfter(cand(0, 0, {}, 10), last)).toBe(0);
    expect(sentencesAfter(cand(0, 0, {}, 20), last)).toBe(1);
    expect(sentencesAfter(cand(0, 0, {}, 30), last)).toBe(2);
    expect(sentencesAfter(cand(0, 0, {}, 0), last)).toBeNull();
    expect(sentencesAfter(cand(0, 0, {}, 20), undefined)).toBeNull();
    expect(sentencesAfter(cand(0, 0, {}, 20), { ...last, doc: 'other' })).toBeNull();
  });

  it('given a question whose words the document all uses, when the candidate follows the last answer, then its position counts', () => {
    expect(orderLogOdds(cand(0, 0, {}, 10), { ownTerms: 1, last }, W)).toBe(1.5);
    expect(orderLogOdds(cand(0, 0, {}, 20), { ownTerms: 1, last }, W)).toBe(2);
    expect(orderLogOdds(cand(0, 0, {}, 30), { ownTerms: 1, last }, W)).toBe(1);
    expect(orderLogOdds(cand(0, 0, {}, 40), { ownTerms: 1, last }, W)).toBe(0);
  });

  it('given a question with a word the document never uses and a candidate holding none of its words, or a question with none of its own, when the candidate follows the last answer, then position counts for nothing', () => {
    expect(orderLogOdds(cand(0, 0.3, {}, 20, { cov: 0 }), { ownTerms: 2, last }, W)).toBe(0);
    expect(orderLogOdds(cand(0, 0, {}, 20), { ownTerms: 0, last }, W)).toBe(0);
    expect(orderLogOdds(cand(0, 0, { established: 0 }, 20), { ownTerms: 1, last }, W)).toBe(0);
  });

  it('given a question partly in other words ("Who ruled Wales after 1282?") and a candidate after the last answer holding one of its words, when placed, then it gets the partial order weights', () => {
    expect(orderLogOdds(cand(0, 0.6, {}, 10, { cov: 0.2 }), { ownTerms: 3, last }, W)).toBe(1);
    expect(orderLogOdds(cand(0, 0.6, {}, 20, { cov: 0.2 }), { ownTerms: 3, last }, W)).toBe(1.5);
    expect(orderLogOdds(cand(0, 0.6, {}, 30, { cov: 0.2 }), { ownTerms: 3, last }, W)).toBe(0.5);
    expect(orderLogOdds(cand(0, 0.6, {}, 40, { cov: 0.2 }), { ownTerms: 3, last }, W)).toBe(0);
    expect(orderLogOdds(cand(0, 0.6, {}, 0, { cov: 0.2 }), { ownTerms: 3, last }, W)).toBe(0);
  });

  it('given a follow-up with no words of its own ("Why?") right after an answer the asker read, when the candidate is that answer\'s sentence or the next, then its position counts (orderLean)', () => {
    const lean = { ownTerms: 0, last, adjacent: true };
    expect(orderLogOdds(cand(0, 0, {}, 10), lean, W)).toBe(1.2);
    expect(orderLogOdds(cand(0, 0, {}, 20), lean, W)).toBe(0.7);
    expect(orderLogOdds(cand(0, 0, {}, 30), lean, W)).toBe(0);
    expect(orderLogOdds(cand(0, 0, {}, 0), lean, W)).toBe(0);
  });

  it('given a follow-up with no words of its own after a refused turn (the place is older or was never shown), or a conversation that established nothing, when placed, then position counts for nothing', () => {
    expect(orderLogOdds(cand(0, 0, {}, 10), { ownTerms: 0, last, adjacent: false }, W)).toBe(0);
    expect(orderLogOdds(cand(0, 0, {}, 10), { ownTerms: 0, last }, W)).toBe(0);
    expect(orderLogOdds(cand(0, 0, { established: 0 }, 10), { ownTerms: 0, last, adjacent: true }, W)).toBe(0);
    expect(orderLogOdds(cand(0, 0, { followup: false }, 10), { ownTerms: 0, last, adjacent: true }, W)).toBe(0);
  });

  it('given a lean follow-up, when the sentence just answered and another one are otherwise equal, then the one just answered wins and clears the bar it missed', () => {
    const there = cand(0.4, 0, { lean: true }, 10);
    const elsewhere = cand(0.4, 0, { lean: true }, 40);
    const out = withConversation(sel(elsewhere, there), { ownTerms: 0, last, adjacent: true }, W);
    expect(out.ranked[0]!.start).toBe(10);
    expect(decide({ selection: out, threshold: 0.48, maxQuotes: 3 }).answer).toBe(true);
    expect(decide({ selection: withConversation(sel(elsewhere, there), { ownTerms: 0, last, adjacent: false }, W), threshold: 0.48, maxQuotes: 3 }).answer).toBe(false);
  });

  it('given both signals, when summed, then conversationLogOdds is their sum', () => {
    expect(conversationLogOdds(cand(0, 0, {}, 20), { ownTerms: 1, last }, W)).toBe(5 + 2);
  });
});

describe('withConversation', () => {
  it('given a follow-up below the bar whose words the document uses, when the conversation counts, then its probability rises and it is ranked first', () => {
    const known = cand(0.2, 0, {}, 100);
    const unknown = cand(0.3, 1, {}, 0);
    const out = withConversation(sel(unknown, known), OWN, W);
    expect(out.ranked[0]!.start).toBe(100);
    expect(out.ranked[0]!.p).toBeCloseTo(1 / (1 + Math.exp(-(Math.log(0.2 / 0.8) + 5))));
    expect(out.confidence).toBe(out.ranked[0]!.p);
    expect(out.ranked[1]!.p).toBe(0.3);
  });

  it('given the next sentence after the last answer and an earlier one equally likely, when the conversation counts, then the next one ranks first', () => {
    const earlier = cand(0.4, 0, { established: 1 }, 0);
    const next = cand(0.4, 0, { established: 1 }, 20);
    const out = withConversation(sel(earlier, next), { ownTerms: 1, last: { doc: 'd', start: 12, end: 18 } }, { ...W, known: 0, allKnown: 0 });
    expect(out.ranked[0]!.start).toBe(20);
    expect(out.ranked[1]!.p).toBe(0.4);
  });

  it('given no established conversation, when the conversation counts, then the selection is returned unchanged', () => {
    const s = sel(cand(0.3, 0, { followup: false, established: 0 }));
    expect(withConversation(s, OWN, W)).toBe(s);
  });
});

describe('quotesByRank', () => {
  const last = { doc: 'd', start: 10, end: 20 };
  it('given a conversation already at a place in the documents, when a follow-up or a new question comes, then its quotes go by rank', () => {
    expect(quotesByRank({ established: true, kind: 'followup', last })).toBe(true);
    expect(quotesByRank({ established: true, kind: 'new', last })).toBe(true);
  });

  it('given no conversation, no place yet, or "what else?", when asked, then quotes are spread one per paragraph first', () => {
    expect(quotesByRank({ established: false, kind: 'new' })).toBe(false);
    expect(quotesByRank({ established: true, kind: 'followup' })).toBe(false);
    expect(quotesByRank({ established: true, kind: 'more', last })).toBe(false);
  });

  it('given the two sentences after the last answer in its paragraph and a lesser one in another paragraph, when decided by rank, then the quotes are the paragraph\'s sentences, not the other paragraph\'s', () => {
    const a = { ...cand(0.99, 0, {}, 10), paragraph: 1 };
    const b = { ...cand(0.98, 0, {}, 20), paragraph: 1 };
    const c = { ...cand(0.97, 0, {}, 30), paragraph: 1 };
    const other = { ...cand(0.9, 0, {}, 40), paragraph: 2 };
    const chosen = (byRank: boolean) => {
      const d = decide({ selection: sel(a, b, c, other), threshold: 0.5, maxQuotes: 3, byRank });
      return d.answer ? d.chosen.map((x) => x.start) : [];
    };
    expect(chosen(true)).toEqual([10, 20, 30]);
    // Without it (a question out of the blue), the other paragraph's best takes the third slot.
    expect(chosen(false)).toEqual([10, 20, 40]);
  });
});
