/**
 * The claim check behind "who said X?" and "what did Y say about X?": a sentence meets a claim when it
 * holds the claim's predicate (its verbs, and most of its other content words, besides names), by
 * term, spelling or a near word vector, and says it the same way round.
 */
import { describe, expect, it } from 'vitest';
import { CLAIM_SOFT_FLOOR, claimCheck, claimOf, documentNames, meetsClaim, supports, type ClaimOptions } from '../../src/decide/claim.js';
import { loadWordVectors } from '../../src/embed/word-vectors.js';
import { ROOT } from '../helpers/paths.js';

const vectors = loadWordVectors({ root: ROOT });
const opts = { weight: () => 1, vectors };
const lexical = { weight: () => 1, vectors: null };
const UN = '“We need to ensure that multilateralism and joint action – rather than polarized initiatives – bridge our efforts,” he told the heads of organizations including the African Union, NATO and others.';
const meets = (claim: string, sentence: string, o: ClaimOptions = opts) => meetsClaim(supports(claimOf(claim, o), sentence, o));

describe('claimOf: what a claim says', () => {
  it('given a claim naming an entity, when analysed, then the names are set apart from the predicate and its verb is marked', () => {
    const c = claimOf('the African Union should be dissolved', opts);
    expect(c.names.map((w) => w.word)).toEqual(['African', 'Union']);
    expect(c.predicate.map((w) => [w.word, w.verb])).toEqual([['dissolved', true]]);
    expect(c.negated).toBe(false);
  });

  it('given verbs inflected or after a modal, "to" or a negator, when analysed, then they are the verbs; plural nouns, gerunds and light verbs are not', () => {
    const verbs = (t: string) => claimOf(t, opts).predicate.filter((w) => w.verb).map((w) => w.word);
    expect(verbs('the prosecutors should drop the charges')).toEqual(['drop']);
    expect(verbs('Billy Hardwick hated bowling')).toEqual(['hated']);
    expect(verbs('we do not need joint action')).toEqual(['need']);
    expect(verbs('the UN should never work with regional organisations')).toEqual(['work']);
    expect(verbs('it was vital to do even more')).toEqual([]);
    expect(verbs('mediation efforts')).toEqual([]);
  });

  it('given "never" or "n\'t", when analysed, then the claim is negated; a topic has no polarity', () => {
    expect(claimOf('his dad was never on the podcast', opts).negated).toBe(true);
    expect(claimOf("the gun wasn't his", opts).negated).toBe(true);
    expect(claimOf('the gun', opts, 'topic').negated).toBeNull();
  });
});

describe('names typed in lower case', () => {
  const text = `"I thought he'd seen me on Broadway," Klugman said. Garry Marshall saw him in Gypsy. It's not Wayne's gun.`;
  const names = documentNames([text]);

  it('given a document, when its names are collected, then they are the words it writes only capitalised, without possessives', () => {
    expect([...names].filter((w) => ['klugman', 'garry', 'marshall', 'gypsy', 'wayne', 'broadway'].includes(w)).sort()).toEqual(['broadway', 'garry', 'gypsy', 'klugman', 'marshall', 'wayne']);
    expect(names.has('gun')).toBe(false);
  });

  it('given a lower-case claim, when analysed with the document\'s names, then those are names, not predicate words ("waynes" ~ "Wayne\'s")', () => {
    const c = claimOf('marshall saw him in gypsy and it wasnt waynes gun', { ...opts, names: () => names });
    expect(c.names.map((w) => w.word)).toEqual(['marshall', 'gypsy', 'waynes']);
    expect(c.predicate.map((w) => w.word)).toEqual(['saw', 'gun']);
  });
});

describe('supports: does the sentence say it?', () => {
  it('given a shared entity but a predicate the sentence lacks, when checked, then the claim is not met', () => {
    const s = supports(claimOf('the African Union should be dissolved', opts), UN, opts);
    expect(s).toMatchObject({ share: 0, missing: ['dissolved'] });
    expect(meetsClaim(s)).toBe(false);
  });

  it('given the same words in other forms (lemma, British spelling), when checked, then the claim is met', () => {
    expect(meets('we need joint action to bridge the effort', UN)).toBe(true);
    expect(meets('a favourite guest', 'My dad was my favorite podcast guest.', lexical)).toBe(true);
  });

  it('given a paraphrase by near words, when checked with word vectors, then it is met; without them it is not', () => {
    expect(meets('it was vital to do even more', 'It is essential that we do even more.')).toBe(true);
    expect(meets('it was vital to do even more', 'It is essential that we do even more.', lexical)).toBe(false);
  });

  it('given a near word below the floor, when checked, then it does not stand in ("stop" ~ "even")', () => {
    expect(vectors.similarity('stop', 'even')).toBeLessThan(CLAIM_SOFT_FLOOR);
    expect(meets('mediation efforts should stop', 'It is essential that we do even more in mediation efforts.')).toBe(false);
  });

  it('given one sentence word already matched exactly, when checked, then it cannot also stand in for another claim word', () => {
    // "efforts" is near "attempts" (≥ the floor), but it is taken by "efforts" itself.
    expect(vectors.similarity('attempts', 'efforts')).toBeGreaterThanOrEqual(CLAIM_SOFT_FLOOR);
    expect(supports(claimOf('efforts and attempts', opts), 'Our efforts continue.', opts).missing).toEqual(['attempts']);
  });

  it('given a claim said the other way round ("never", "not"), when checked, then it is contradicted', () => {
    const s = supports(claimOf('his dad was never on the podcast', opts), '"My dad was my favorite podcast guest."', opts);
    // All of it is held, the other way round: nothing the same way round, all contrary.
    expect(s).toMatchObject({ share: 0, contrary: 1, contradicted: true });
    expect(meetsClaim(s)).toBe(false);
    expect(meets('we do not need joint action', UN)).toBe(false);
    expect(meets("the gun wasn't his", '"It\'s not his gun, they know whose gun it is," his attorney said.')).toBe(true);
  });

  it('given a negation in another sentence of a quotation, when checked, then only the clause holding the claim counts', () => {
    const quote = `" 'You know, he's not showing that she's spitting all over him.' That's why he hired me."`;
    expect(supports(claimOf('Marshall never hired Klugman', opts), quote, opts).contradicted).toBe(true);
    expect(meets('Marshall hired Klugman', quote)).toBe(true);
  });

  it('given a claim whose verb is missing, when checked, then the verb counts more than another word would', () => {
    const sentence = 'It is essential that we do even more in mediation efforts.';
    expect(meets('mediation efforts should stop', sentence)).toBe(false);
    expect(meets('mediation efforts and capacities', sentence)).toBe(false);
    const w = (t: string) => claimOf(t, opts).predicate.map((x) => x.weight);
    expect(w('efforts should stop')).toEqual([1, 1.5]);
    expect(w('a more complicated world')).toEqual([1, 1]);
  });

  it('given "wasnt" typed without its apostrophe, when analysed, then the claim is negated all the same', () => {
    expect(claimOf('it wasnt his gun', opts).negated).toBe(true);
    expect(claimOf('it was his gun', opts).negated).toBe(false);
  });

  it('given a claim word in both a negated and an agreeing clause, when checked, then the clause holding most of the claim decides', () => {
    const quote = `He said, 'No, I never saw you.' I said, 'So why?' He said, 'Well, I saw you in Gypsy and she was singing.'`;
    expect(supports(claimOf('marshall saw him in gypsy', { ...opts, names: () => new Set(['marshall']) }), quote, opts).contradicted).toBe(false);
    expect(supports(claimOf('marshall never saw him in gypsy', { ...opts, names: () => new Set(['marshall']) }), quote, opts).contradicted).toBe(true);
  });

  it('given a claim missing one light word of four, when checked, then it is met; missing one of two, it is not', () => {
    expect(meets('the world is complicated and we must work together', 'We have to work together in a much more complicated world than a decade ago.')).toBe(true);
    expect(meets('Billy Hardwick hated bowling', "Billy Hardwick's career took off after one of the greatest turnarounds in professional bowling history.")).toBe(false);
  });
});

describe('claimCheck: per intent', () => {
  const doc = { id: 'd', text: 'Shatner tweeted: "He will be missed." Felix Unger was played by the late Tony Randall.' };
  const shatner = { doc, start: 0, end: 36, attribution: { speaker: 'William Shatner' } };
  const randall = { doc, start: 37, end: doc.text.length };

  it('given "what did Y say about X?", when a sentence about X does not come from Y, then it is not met', () => {
    const check = claimCheck({ kind: 'said-about', speaker: 'Shatner', about: 'Tony Randall' }, opts)!;
    expect(check(randall).share).toBe(0);
    expect(meetsClaim(check(shatner))).toBe(false);
  });

  it('given "what did Y say about X?", when Y says X, then it is met', () => {
    const check = claimCheck({ kind: 'said-about', speaker: 'Shatner', about: 'being missed' }, opts)!;
    expect(meetsClaim(check(shatner))).toBe(true);
  });

  it('given "what did Y say about X?" with Y named by an alias, when the sentence is one of the quotations the index gives Y, then it is met', () => {
    const check = claimCheck({ kind: 'said-about', speaker: 'the actor', about: 'being missed' }, opts, () => [{ doc: 'd', start: 20, end: 35 }])!;
    expect(meetsClaim(check(shatner))).toBe(true);
    expect(meetsClaim(claimCheck({ kind: 'said-about', speaker: 'the actor', about: 'being missed' }, opts)!(shatner))).toBe(false);
  });

  it('given a quotation running over two sentences, when each is checked for one question, then the whole quotation is checked once and a sentence outside it on its own', () => {
    const text = 'He said: "The deal is done. We will sign it." Critics called the plan a mistake.';
    const quote = { doc: 'q', start: text.indexOf('The deal'), end: text.indexOf(' Critics') };
    const attribution = { speaker: 'Annan', words: quote };
    const qdoc = { id: 'q', text };
    const first = { doc: qdoc, start: quote.start, end: text.indexOf(' We'), attribution };
    const second = { doc: qdoc, start: text.indexOf('We'), end: quote.end, attribution };
    const outside = { doc: qdoc, start: text.indexOf('Critics'), end: text.length };
    let looks = 0;
    const counted: ClaimOptions = { ...opts, lexicon: () => (looks++, null) };
    const check = claimCheck({ kind: 'who-said', about: 'the deal will be signed' }, counted)!;
    const claim = claimOf('the deal will be signed', counted);
    const [a, b, c] = [check(first), check(second), check(outside)];
    expect(looks).toBe(2);
    expect(a).toEqual(supports(claim, text.slice(quote.start, quote.end), counted));
    expect(b).toEqual(a);
    expect(c).toEqual(supports(claim, text.slice(outside.start, outside.end), counted));
    expect(c.share).toBeLessThan(a.share);
    // Another question's check starts afresh.
    claimCheck({ kind: 'who-said', about: 'the deal will be signed' }, counted)!(first);
    expect(looks).toBe(2 + 2 + 1);
  });

  it('given a question that claims nothing, then there is no check', () => {
    expect(claimCheck({ kind: 'said', speaker: 'Shatner' }, opts)).toBeUndefined();
    expect(claimCheck(null, opts)).toBeUndefined();
  });
});
