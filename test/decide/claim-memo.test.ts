/**
 * What the claim check works out once rather than per word pair (src/decide/claim.ts, src/decide/lexicon.ts): a
 * word's WordNet entry (its synonym sets, and the antonyms and derived forms of all its forms), a claim's words per
 * question, a sentence word's entry per sentence. The answers must be the ones the pairwise definitions give.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { CLAIM_FEATURES, TOPIC_FEATURES, claimOf, claimProbability, supports, type ClaimFeatures, type ClaimOptions } from '../../src/decide/claim.js';
import CLAIM_MODEL from '../../src/decide/claim-model.json' with { type: 'json' };
import { FORMS_MEMO_MAX, lexiconFrom, loadLexicon, opposite, related, rememberedLemmas, sameSynset, type LexiconData } from '../../src/decide/lexicon.js';
import { lemmatizer } from '../../src/text/lemmatizer.js';
import { sigmoid } from '../../src/log-odds.js';
import { loadWordVectors } from '../../src/embed/word-vectors.js';
import { ROOT } from '../helpers/paths.js';

/** The relations as first written: each form of a against each form of b, straight from the table. */
function pairwise(data: LexiconData) {
  const formsOf = (word: string) => {
    const w = word.toLowerCase().replace(/’/gu, "'");
    const [head, ...rest] = w.split(' ');
    const tail = rest.join(' ');
    return [...new Set([w, ...[lemmatizer.noun(head!), lemmatizer.verb(head!), lemmatizer.adjective(head!)].map((l) => (tail ? `${l} ${tail}` : l))])];
  };
  const pairs = (list: string[]) => new Set(list.flatMap((p) => [p, p.split('|').reverse().join('|')]));
  const antonyms = pairs(data.antonyms);
  const derived = pairs(data.derived ?? []);
  const byWord = new Map<string, number[]>();
  data.synsets.forEach((s, i) => s.split('|').forEach((w) => byWord.set(w, [...(byWord.get(w) ?? []), i])));
  const synsets = (w: string) => new Set(formsOf(w).flatMap((f) => byWord.get(f) ?? []));
  const across = (table: Set<string>) => (a: string, b: string) => formsOf(a).some((x) => formsOf(b).some((y) => x !== y && table.has(`${x}|${y}`)));
  return {
    synonyms: (a: string, b: string) => {
      const sa = synsets(a);
      return sa.size > 0 && [...synsets(b)].some((i) => sa.has(i));
    },
    antonyms: across(antonyms),
    derived: across(derived),
  };
}

describe('lexicon entries: a word looked up once, compared with many', () => {
  const data: LexiconData = {
    synsets: ['die|pass away|perish', 'directly|straight', 'good|well', 'work|labor|toil', 'clarify|elucidate'],
    antonyms: ['bad|good', 'good|terrible', 'better|worse', 'die|live'],
    derived: ['clarification|clarify', 'work|worker', 'supervise|supervision'],
  };
  const lex = lexiconFrom(data);
  const ref = pairwise(data);
  const words = ['died', 'dies', 'passed away', 'perished', 'straight', 'directly', 'good', 'better', 'best', 'bad', 'worse', 'terrible', 'well', 'working', 'worked', 'workers', 'labor', 'toiled', 'clarified', 'clarification', 'clarifications', 'supervised', 'supervision', 'lived', 'lives', 'living', 'unknown'];

  it('given any two words, when compared by their entries, then synonyms, antonyms and derived forms are what each form against each form gives', () => {
    fc.assert(
      fc.property(fc.constantFrom(...words), fc.constantFrom(...words), (a, b) => {
        const [ea, eb] = [lex.entry(a), lex.entry(b)];
        expect([sameSynset(ea, eb), opposite(ea, eb), related(ea, eb)]).toEqual([ref.synonyms(a, b), ref.antonyms(a, b), ref.derived(a, b)]);
        expect([lex.synonyms(a, b), lex.antonyms(a, b), lex.derived(a, b)]).toEqual([ref.synonyms(a, b), ref.antonyms(a, b), ref.derived(a, b)]);
      }),
      { numRuns: 400 },
    );
    // Some of each are true, so the comparison above is not only of falses.
    expect([lex.synonyms('passed away', 'died'), lex.antonyms('lived', 'died'), lex.derived('workers', 'working')]).toEqual([true, true, true]);
  });

  it('given the shipped WordNet table, when words of the default document and their relatives are compared, then the entries agree with the pairwise definitions', () => {
    const file = path.join(ROOT, 'src/decide/lexicon.json');
    const shipped = JSON.parse(readFileSync(file, 'utf8')) as LexiconData;
    const wn = loadLexicon();
    const reference = pairwise(shipped);
    const sample = ['working', 'together', 'work', 'strengthened', 'capacities', 'essential', 'good', 'better', 'terrible', 'simpler', 'complicated', 'clarified', 'clarification', 'passed away', 'died', 'coordination', 'coordinated', 'supervised', 'supervision', 'put to death', 'executed'];
    const got = (a: string, b: string) => [sameSynset(wn.entry(a), wn.entry(b)), opposite(wn.entry(a), wn.entry(b)), related(wn.entry(a), wn.entry(b))];
    for (const a of sample) for (const b of sample) expect(got(a, b), `${a} / ${b}`).toEqual([reference.synonyms(a, b), reference.antonyms(a, b), reference.derived(a, b)]);
    expect([got('terrible', 'good')[1], got('clarified', 'clarification')[2], got('passed away', 'died')[0]]).toEqual([true, true, true]);
  });

  it('given more distinct words than the memo holds, when looked up, then entries and lemmas stay within their bound and still answer right', () => {
    const small = lexiconFrom(data);
    for (let i = 0; i <= FORMS_MEMO_MAX + 5; i++) small.entry(`entry${i}`);
    expect(small.remembered()).toBeLessThanOrEqual(FORMS_MEMO_MAX);
    expect(small.remembered()).toBeGreaterThan(0);
    expect(rememberedLemmas()).toBeLessThanOrEqual(FORMS_MEMO_MAX);
    expect(small.antonyms('terrible', 'good')).toBe(true);
    expect(small.synonyms('passed away', 'perished')).toBe(true);
  });
});

describe('the claim check: a claim worked out once per question', () => {
  const vectors = loadWordVectors({ root: ROOT });
  const tiny = lexiconFrom({ synsets: ['die|pass away|perish'], antonyms: ['die|live'] });

  it('given one claim checked with a lexicon, without, then with another, then each check answers as a fresh claim would with that lexicon', () => {
    const withLex: ClaimOptions = { weight: () => 1, vectors, lexicon: () => tiny };
    const without: ClaimOptions = { weight: () => 1, vectors, lexicon: () => null };
    // Another table, where "die" has another synonym and "perish" none: the sentence's words are looked up in it afresh.
    const otherTable = lexiconFrom({ synsets: ['die|expire'], antonyms: [] });
    const other: ClaimOptions = { weight: () => 1, vectors, lexicon: () => otherTable };
    const sentence = 'The old man perished in the winter of 1994.';
    const claim = claimOf('the old man died', without);
    const fresh = (o: ClaimOptions) => supports(claimOf('the old man died', without), sentence, o);
    for (const o of [without, withLex, other, withLex, without]) expect(supports(claim, sentence, o)).toEqual(fresh(o));
    // The lexicon decides here: WordNet's "perish" ~ "die" holds the claim's verb; the other table does not say so.
    expect(fresh(withLex).share).toBeGreaterThan(fresh(without).share);
    expect(supports(claim, sentence, other).share).toBe(fresh(without).share);
  });

  it('given any features, when the model reads them, then it gives the logistic of its weights by name', () => {
    const model = CLAIM_MODEL as { bias: number; w: Partial<Record<string, number>>; topic: { bias: number; w: Partial<Record<string, number>> } };
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(unit, unit, unit, unit, fc.constantFrom(0, 1), fc.constantFrom(0, 1), unit, (share, near, soft, contrary, verbMissing, lone, covered) => {
        const f: ClaimFeatures = { share, near, soft, contrary, verbMissing, lone, covered };
        let z = model.bias;
        for (const k of CLAIM_FEATURES) z += (model.w[k] ?? 0) * f[k];
        expect(claimProbability(f)).toBeCloseTo(sigmoid(z), 12);
        // A topic ("what did Y say about X?") is read by the topic model, over its own features.
        let t = model.topic.bias;
        for (const k of TOPIC_FEATURES) t += (model.topic.w[k] ?? 0) * f[k];
        expect(claimProbability(f, true)).toBeCloseTo(sigmoid(t), 12);
      }),
    );
  });
});
