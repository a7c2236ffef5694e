/**
 * Round 10's claim-check rules: specific contradictions (another unit of time, "once" against another count, the other
 * side, another place), a quotation that only names something, and words that are no claim content.
 */
import { describe, expect, it } from 'vitest';
import { claimCheck, claimOf, meetsClaim, supports, type ClaimOptions } from '../../src/decide/claim.js';
import { loadLexicon } from '../../src/decide/lexicon.js';
import { loadWordVectors } from '../../src/embed/word-vectors.js';
import { ROOT } from '../helpers/paths.js';

const vectors = loadWordVectors({ root: ROOT });
const lexicon = loadLexicon();
const withWordNet: ClaimOptions = { weight: () => 1, vectors, lexicon: () => lexicon };
const check = (claim: string, sentence: string, o: ClaimOptions = withWordNet) => supports(claimOf(claim, o), sentence, o);

describe('units of time', () => {
  const PIRO = 'Piro said he questioned Hussein for two weeks before the invasion.';
  it('given the same count of another unit ("two years" / "two weeks"), when checked, then the unit counts against the claim and it is not met', () => {
    const s = check('Piro questioned Hussein for two years', PIRO);
    expect(s.contrary).toBeGreaterThan(0);
    expect(meetsClaim(s)).toBe(false);
  });

  it('given the same count and unit, when checked, then it is met; another count of another unit is left to the counts', () => {
    expect(meetsClaim(check('Piro questioned Hussein for two weeks', PIRO))).toBe(true);
    expect(check('Piro questioned Hussein for seven months', PIRO).contrary).toBeGreaterThan(0);
  });
});

describe('specific contradictions', () => {
  const HOTEL = 'Prosecutors say Brisman sustained blunt head trauma, and said she was shot three times at close range.';
  it('given "once" after a verb ("shot once") against another count ("three times"), when checked, then the count says otherwise; "once" elsewhere is no count', () => {
    const s = check('Brisman was shot once in the head', HOTEL);
    expect(s.contrary).toBeGreaterThan(0);
    expect(meetsClaim(s)).toBe(false);
    expect(meetsClaim(check('Brisman was shot three times', HOTEL))).toBe(true);
    expect(claimOf('he would go to jail once sentenced', withWordNet).predicate.map((w) => w.word)).not.toContain('once');
    expect(claimOf('he was once a lawyer', withWordNet).predicate.map((w) => w.word)).not.toContain('once');
  });

  it('given a claim that someone is against what the sentence says they support, when checked, then it is not met; the same side is', () => {
    const US = 'The United States said it supports an independent investigation, as called for by the United Nations.';
    const s = check('the US is against an independent investigation', US);
    expect(s.contrary).toBeGreaterThan(0);
    expect(meetsClaim(s)).toBe(false);
    expect(meetsClaim(check('the US supports an independent investigation', US))).toBe(true);
  });
});

describe('a quotation that names something', () => {
  const text = 'Floodwaters inundated the arts campus on Sunday despite what one official called a "Herculean effort" to hold back the water with sandbags.';
  const words = { start: text.indexOf('"'), end: text.lastIndexOf('"') + 1 };
  const candidate = (cue: string) => ({ doc: { id: 'd', text }, start: 0, end: text.length, attribution: { speaker: 'one official', cue, words } });
  it('given "what one official called a \'Herculean effort\'", when a claim about the narration before the cue is checked, then the official is not held to the reporter\'s words; with a saying cue the sentence is theirs', () => {
    const check = claimCheck({ kind: 'who-said', about: 'floodwaters inundated the arts campus' }, withWordNet)!;
    expect(meetsClaim(check(candidate('called')))).toBe(false);
    expect(meetsClaim(check(candidate('said')))).toBe(true);
    expect(meetsClaim(claimCheck({ kind: 'who-said', about: 'it was a herculean effort to hold back the water' }, withWordNet)!(candidate('called')))).toBe(true);
  });
});

describe('round 10: what a claim word is, and its clause', () => {
  it('given indefinite pronouns and placeholder nouns ("everyone", "thing", "stuff"), when the claim is read, then they are no claim words', () => {
    const words = claimOf('he was grateful to everyone who worked on it, an extreme thing to do with their stuff', withWordNet).predicate.map((w) => w.word);
    expect(words).toEqual(expect.arrayContaining(['grateful', 'worked', 'extreme']));
    for (const w of ['everyone', 'thing', 'stuff']) expect(words).not.toContain(w);
  });

  it('given "…, and he couldn\'t see anybody", when checked against "total darkness, and you see nobody", then the negation stays in its own clause and the claim is met', () => {
    const s = check("it was total darkness and he couldn't see anybody around him", 'Because it was darkness, total darkness, and you see nobody around you.');
    expect(s.contradicted).toBe(false);
    expect(claimOf("it was total darkness and he couldn't see", withWordNet).predicate.find((w) => w.word === 'darkness')?.negated).toBe(false);
  });

  it('given a claim placing something ("in Cameroon") and a sentence placing it elsewhere ("in Nigeria in July"), when checked, then the place counts against it; the same place, or a time after the preposition, does not', () => {
    const BIYA = 'Boko Haram kidnapped German citizen Robert Nitsch Eberhard in Nigeria in July, Biya said in a statement.';
    const other = check('the German was abducted in Cameroon', BIYA);
    expect(other.contrary).toBeGreaterThan(0);
    expect(meetsClaim(other)).toBe(false);
    expect(check('the German was abducted in Nigeria', BIYA).contrary).toBe(0);
    expect(check('the German was abducted in July', 'Boko Haram kidnapped German citizen Robert Nitsch Eberhard in July.').contrary).toBe(0);
  });
});

describe('a person named by relation', () => {
  it('given "his client" (a person the sentence names), when the claim is read, then the noun counts light; without a possessive it counts in full', () => {
    const weightOf = (claim: string, word: string) => claimOf(claim, withWordNet).predicate.find((w) => w.word === word)?.weight;
    expect(weightOf("his client never touched any of tsarnaev's things", 'client')).toBeLessThan(1);
    expect(weightOf('the client never touched the laptop', 'client')).toBe(1);
    expect(meetsClaim(check("his client never touched any of Tsarnaev's things", "He also said that Tazhayakov did not touch any of Tsarnaev's items."))).toBe(true);
  });
});
