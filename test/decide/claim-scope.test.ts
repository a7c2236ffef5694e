/**
 * Round 11's claim-check rules: a negation holds in its own clause also in a claim typed without commas ("rather than",
 * "if"), "whether or not" is no negation and "unable to" is one, and how much of the sentence's clause the claim
 * accounts for (`covered`, read by the fitted model).
 */
import { describe, expect, it } from 'vitest';
import { claimOf, supports, type ClaimOptions } from '../../src/decide/claim.js';
import { loadLexicon } from '../../src/decide/lexicon.js';
import { loadWordVectors } from '../../src/embed/word-vectors.js';
import { ROOT } from '../helpers/paths.js';

const vectors = loadWordVectors({ root: ROOT });
const lexicon = loadLexicon();
const withWordNet: ClaimOptions = { weight: () => 1, vectors, lexicon: () => lexicon };
const check = (claim: string, sentence: string) => supports(claimOf(claim, withWordNet), sentence, withWordNet);
/** The sentence holds none of the claim the other way round. */
const sameWayRound = (claim: string, sentence: string) => {
  const s = check(claim, sentence);
  expect(s.contradicted).toBe(false);
  expect(s.contrary).toBe(0);
};
const negated = (claim: string) => Object.fromEntries(claimOf(claim, withWordNet).predicate.map((w) => [w.word, !!w.negated]));

describe('negation in its own clause', () => {
  it('given "X rather than Y" typed without commas, when read, then only Y is negated and "rather" is no claim word', () => {
    const n = negated('jails should rehabilitate people rather than train criminals');
    expect(n).toMatchObject({ rehabilitate: false, train: true, criminals: true });
    expect(n).not.toHaveProperty('rather');
    const s = check('jails should rehabilitate people rather than train criminals', '"Our prisons will be rehabilitation centers, not schools for criminals," he said.');
    expect(s.contradicted).toBe(false);
  });

  it('given a negation inside an "if" clause, when read, then the main clause is not negated', () => {
    const n = negated('the match would have been much harder if she hadnt had to play so many matches');
    expect(n).toMatchObject({ harder: false, play: true });
    const s = check('he would quit his job if he wasnt paid', 'He would quit his job, he said, if he was not paid.');
    expect(s.contradicted).toBe(false);
    expect(s.contrary).toBe(0);
  });

  it('given "and" before a negated verb, when read, then only the second verb is negated', () => {
    expect(negated('he arrived at the meeting and did not stay')).toMatchObject({ arrived: false, meeting: false, stay: true });
    expect(negated('she wrote the letter and never sent it')).toMatchObject({ wrote: false, letter: false, sent: true });
    sameWayRound('he arrived at the meeting', 'He arrived at the meeting and didn’t stay long.');
  });

  it('given points of ellipsis inside a negated clause, when read, then the negation goes on past them', () => {
    sameWayRound('they could not confirm whether there was a shooting at the apartment', 'Cotner said, "we have been unable to substantiate ... whether or not there was a shooting at the apartment."');
    // A new sentence after the points is its own: "… no. Then we left" leaves "left" as said.
    expect(negated('we did not stay… Then we left')).toMatchObject({ stay: true, left: false });
  });

  it('given a clause that leaves out its verb, when read, then the verb\'s negation goes with it', () => {
    // "or the letters": not seen either.
    expect(negated('he had not seen the report, or the letters')).toMatchObject({ seen: true, report: true, letters: true });
    // "not X but Y": the verb before "not" is Y's too, said.
    expect(negated('he wanted not revenge but justice')).toMatchObject({ wanted: false, revenge: true, justice: false });
    expect(check('he wanted justice', 'He wanted not revenge but justice.').contrary).toBe(0);
  });

  it('given a dash typed as "--", when read, then it ends a clause as "—" does and a negation after it stays there', () => {
    sameWayRound('all he has now are rumours, with no proof of anything', '"All I have at the moment are rumours -- no proof of anything," he said.');
  });

  it('given "whether or not" and "unable to", when read, then the first negates nothing and the second negates as "could not" does', () => {
    sameWayRound('they could not confirm whether there was a shooting', 'Cotner said, "we have been unable to substantiate whether or not there was a shooting."');
    expect(negated('they were unable to confirm the shooting')).toMatchObject({ confirm: true, shooting: true });
    expect(check('police will find out whether there was a shooting', 'Police will find out whether or not there was a shooting.').contrary).toBe(0);
  });
});

describe('what does not negate', () => {
  it('given "X or not" outside "whether or not", when read, then it negates nothing in its clause', () => {
    expect(negated('only time will tell if the probe was right or not')).toMatchObject({ time: false, right: false });
    sameWayRound('only time will tell if the probe was the right decision', '"Time will tell if the probe was the right decision or not," Engen said.');
  });

  it('given "not just" / "not only", when read, then what they are said of is held, not denied', () => {
    expect(negated('the mission is not only about peacekeeping but also prevention')).toMatchObject({ mission: false, peacekeeping: false, prevention: false });
    sameWayRound('the mission is about peacekeeping', 'The mission is not just about peacekeeping, but about prevention as well.');
  });
});

describe('what a claim must hold', () => {
  it('given a view held ("expected", as "thought"), when read, then the view is the claim, not the verb holding it', () => {
    const words = claimOf('the general expected the allies to bomb the port for a few days', withWordNet).predicate.map((w) => w.word);
    expect(words).toEqual(expect.arrayContaining(['allies', 'bomb', 'port']));
    expect(words).not.toContain('expected');
  });
});

describe('counts in words', () => {
  it('given "a decade" or "a dozen" for the claim\'s number, when checked, then the number is held', () => {
    expect(check('the world is more complicated than 10 years ago', 'We work in a much more complicated world than a decade ago.').missing).not.toContain('10');
    expect(check('the shop sold 12 eggs', 'The shop sold a dozen eggs.').missing).not.toContain('12');
  });
});

describe('how much of the clause the claim accounts for', () => {
  const WAYNE = 'New York (CNN) -- Rapper Lil Wayne will go directly to jail after he is sentenced by a Manhattan judge Tuesday afternoon for a gun conviction, according to a person familiar with the case.';
  it('given a claim restating the clause and one borrowing a word of it, when checked, then the first covers more of it', () => {
    const restated = check('Lil Wayne will go straight to jail after he is sentenced by the judge', WAYNE).features!.covered;
    const borrowed = check('the judge was corrupt', WAYNE).features!.covered;
    expect(restated).toBeGreaterThan(0.5);
    expect(borrowed).toBeLessThan(0.2);
  });

  it('given a second thing said after "and" ("… and claimed none of …"), when checked, then it is a clause of its own', () => {
    const S = 'The envoy said he did not know whether the general was expected to seek entry into Chad and claimed none of his sons were subject to sanctions.';
    expect(check('none of his sons were under sanctions', S).features!.covered).toBeGreaterThan(0.3);
  });

  it('given a clause of names alone (a dateline), when checked, then it does not count as the clause saying the claim', () => {
    const s = check('the German was abducted in Cameroon', 'Yaounde, Cameroon (CNN)Cameroonian troops and their allies have freed a German man who was held for six months by Islamist terror group Boko Haram.');
    expect(s.features!.covered).toBeLessThan(0.5);
  });
});

describe('"and" before "no longer" (round 15)', () => {
  it('given "X and are no longer Y", when read, then only the second verb is negated, as with "and are not"', () => {
    expect(negated('affirmative action policies succeeded and are no longer required')).toMatchObject({ succeeded: false, required: true });
  });
});
