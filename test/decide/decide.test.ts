import { describe, expect, it } from 'vitest';
import { decide } from '../../src/decide/decide.js';
import { REFUSAL_REASONS, REFUSAL_WORDING, refusalWording } from '../../src/decide/reasons.js';
import type { Scored, Selection } from '../../src/select/select.js';
import type { StoredDocument } from '../../src/types.js';

const doc = { id: 'd' } as StoredDocument;
const cand = (p: number, paragraph = 1, start = paragraph * 100): Scored => ({ doc, paragraph, start, end: start + 10, p, features: {} as Scored['features'], conversation: { context: 0, near: 0, established: 0, lean: false, followup: false }, indexed: false });
const sel = (...ranked: Scored[]): Selection => ({ ranked, confidence: ranked[0]?.p ?? 0 });

describe('decide: answer or refuse', () => {
  it('given a best sentence above the threshold, when deciding, then it answers with it first', () => {
    const d = decide({ selection: sel(cand(0.8, 2), cand(0.3, 3)), threshold: 0.5, maxQuotes: 3 });
    expect(d.answer).toBe(true);
    if (d.answer) expect(d.chosen.map((c) => c.paragraph)).toEqual([2]);
  });

  it('given a best sentence below the threshold, when deciding, then it refuses as low-confidence', () => {
    expect(decide({ selection: sel(cand(0.49)), threshold: 0.5, maxQuotes: 3 })).toEqual({ answer: false, reason: 'low-confidence', confidence: 0.49 });
  });

  it('given nothing retrieved, when deciding, then the reason says so', () => {
    expect(decide({ selection: sel(), threshold: 0.5, maxQuotes: 3 })).toMatchObject({ answer: false, reason: 'nothing-retrieved' });
  });

  it('given a who-said question that nothing answers well enough, when deciding, then the refusal is "nobody said that"', () => {
    expect(decide({ selection: sel(cand(0.2)), threshold: 0.5, maxQuotes: 3, whoSaid: true })).toMatchObject({ answer: false, reason: 'nobody-said' });
  });

  it('given "what else?" with nothing new left, when deciding, then it is exhausted rather than "the document doesn\'t say"', () => {
    expect(decide({ selection: sel(cand(0.1)), threshold: 0.5, maxQuotes: 3, continuing: true })).toMatchObject({ answer: false, reason: 'exhausted' });
    expect(decide({ selection: sel(), threshold: 0.5, maxQuotes: 3, continuing: true })).toMatchObject({ answer: false, reason: 'exhausted' });
  });

  it('given one paragraph with the three best sentences and another nearly as good, when choosing quotes, then the other paragraph gets a slot', () => {
    const d = decide({ selection: sel(cand(0.9, 1, 100), cand(0.85, 1, 120), cand(0.8, 1, 140), cand(0.7, 2)), threshold: 0.5, maxQuotes: 3 });
    expect(d.answer && d.chosen.map((c) => c.paragraph)).toEqual([1, 1, 2]);
  });

  it('given sentences far weaker than the best, when choosing quotes, then they are left out', () => {
    const d = decide({ selection: sel(cand(0.9, 1), cand(0.3, 2)), threshold: 0.2, maxQuotes: 3 });
    expect(d.answer && d.chosen.length).toBe(1);
  });
});

describe('the refusal reasons and their one table of wordings', () => {
  it('given every reason, then it has a wording, and no wording is empty', () => {
    expect(Object.keys(REFUSAL_WORDING).sort()).toEqual([...REFUSAL_REASONS].sort());
    for (const r of REFUSAL_REASONS) expect(REFUSAL_WORDING[r].length).toBeGreaterThan(10);
  });

  it('given a missing paragraph, when worded, then the number and the range are filled in', () => {
    expect(refusalWording('no-such-paragraph', { n: 12, range: '¶1–¶8' })).toBe('There is no ¶12; the document has paragraphs ¶1–¶8.');
  });
});

describe('who said it', () => {
  it('given a well-matching sentence in which nobody says anything, when asked who said it, then nobody did', () => {
    const d = decide({ selection: sel(cand(0.9, 1)), threshold: 0.5, maxQuotes: 3, whoSaid: true });
    expect(d).toMatchObject({ answer: false, reason: 'nobody-said' });
  });

  it('given an attributed sentence above the threshold, when asked who said it, then it answers with that one', () => {
    const said = { ...cand(0.7, 2), attribution: { speaker: 'delegates', cue: 'said', addressee: null, setting: null } };
    const d = decide({ selection: sel(cand(0.9, 1), said), threshold: 0.5, maxQuotes: 3, whoSaid: true });
    expect(d.answer && d.chosen.map((c) => c.attribution?.speaker)).toEqual(['delegates']);
  });
});

describe('a claim the question makes ("who said X?", "what did Y say about X?")', () => {
  const said = (p: number, paragraph: number) => ({ ...cand(p, paragraph), attribution: { speaker: 'Annan', cue: 'said', addressee: null, setting: null } });
  const support = (share: number, contradicted = false) => ({ share, contradicted, missing: [] });

  it('given attributed sentences well above the threshold that do not say the claim, when asked who said it, then nobody did', () => {
    const d = decide({ selection: sel(said(0.9, 1)), threshold: 0.5, maxQuotes: 3, whoSaid: true, claim: () => support(0.4) });
    expect(d).toMatchObject({ answer: false, reason: 'nobody-said' });
  });

  it('given the only sentence holding the claim says it the other way round, when deciding, then the refusal says so', () => {
    const d = decide({ selection: sel(said(0.9, 1)), threshold: 0.5, maxQuotes: 3, whoSaid: true, claim: () => support(1, true) });
    expect(d).toMatchObject({ answer: false, reason: 'contradicted' });
  });

  it('given one sentence that says the claim and a better one that does not, when deciding, then it answers with the one that says it', () => {
    const d = decide({ selection: sel(said(0.9, 1), said(0.7, 2)), threshold: 0.5, maxQuotes: 3, whoSaid: true, claim: (c) => support(c.paragraph === 2 ? 1 : 0) });
    expect(d.answer && d.chosen.map((c) => c.paragraph)).toEqual([2]);
  });

  it('given two speakers\' sentences that both say the claim, when asked who said it, then the one that says it best answers, whatever the answer model prefers', () => {
    const other = { ...said(0.9, 1), attribution: { speaker: 'delegates', cue: 'said', addressee: null, setting: null } };
    const d = decide({ selection: sel(other, said(0.5, 2)), threshold: 0.5, maxQuotes: 3, whoSaid: true, claim: (c) => ({ ...support(1), p: c.paragraph === 2 ? 0.95 : 0.75 }) });
    expect(d.answer && d.chosen[0]!.attribution?.speaker).toBe('Annan');
  });

  it('given a who-said claim a quotation says, when the answer model rates that sentence low, then it still answers (the claim check decides)', () => {
    const d = decide({ selection: sel(said(0.1, 1)), threshold: 0.5, maxQuotes: 3, whoSaid: true, claim: () => support(1) });
    expect(d.answer && d.chosen.map((c) => c.paragraph)).toEqual([1]);
  });

  it('given "what did Y say about X?" with Y\'s sentence about X, when its probability is below the threshold, then it answers above a supporting quote\'s share of it only', () => {
    const at = (p: number) => decide({ selection: sel(said(p, 1)), threshold: 0.5, maxQuotes: 3, claim: () => support(1) });
    expect(at(0.35).answer).toBe(true);
    expect(at(0.25)).toMatchObject({ answer: false, reason: 'low-confidence' });
  });

  it('given "what did Y say about X?" with no sentence of Y about X, when deciding, then nobody said it, though narration matches well', () => {
    const d = decide({ selection: sel(cand(0.9, 1)), threshold: 0.5, maxQuotes: 3, claim: () => support(0) });
    expect(d).toMatchObject({ answer: false, reason: 'nobody-said' });
  });

  it('given a quote request for someone\'s words, when their quotations meet the topic, then only those are quoted (not narration that scores as well), in document order', () => {
    const f = { cov: 1, covNear: 1 } as Scored['features'];
    const own = (p: number, paragraph: number, start: number): Scored => ({ ...cand(p, paragraph, start), features: f, indexed: true, topic: 1 });
    const narration = { ...cand(0.97, 6, 600), features: f, topic: 1 };
    const d = decide({ selection: sel(narration, own(0.975, 10, 1000), own(0.974, 7, 700), own(0.973, 7, 720)), threshold: 0.5, maxQuotes: 3, topical: true });
    expect(d.answer && d.chosen.map((c) => c.start)).toEqual([700, 720, 1000]);
  });

  it('given a quote request whose topic a sentence covers in other words, when deciding, then that sentence answers though its probability is low; one covering less than half is refused', () => {
    const f = { cov: 0, covNear: 0 } as Scored['features'];
    const d = decide({ selection: sel({ ...cand(0.05, 7), features: f, topic: 0.85 }), threshold: 0.5, maxQuotes: 3, topical: true });
    expect(d.answer && d.chosen.map((c) => c.paragraph)).toEqual([7]);
    expect(decide({ selection: sel({ ...cand(0.05, 7), features: f, topic: 0.39 }), threshold: 0.5, maxQuotes: 3, topical: true })).toMatchObject({ answer: false, reason: 'low-confidence' });
  });
});

describe('refusal wording for a paragraph counted from the end', () => {
  it('given the second-to-last paragraph of a one-paragraph document, when refused, then the wording names it so, not "¶-2"', () => {
    expect(refusalWording('no-such-paragraph', { n: -2, range: '¶1–¶1' })).toBe('There is no paragraph 2 from the end; the document has paragraphs ¶1–¶1.');
    expect(refusalWording('no-such-paragraph', { n: 12, range: '¶1–¶8' })).toBe('There is no ¶12; the document has paragraphs ¶1–¶8.');
  });
});
