/**
 * The claim check judges meaning, not word overlap: WordNet synonyms (also of phrases), antonyms,
 * negation agreed word by word, shortened words, and a fitted probability over what it found.
 */
import { describe, expect, it } from 'vitest';
import { CLAIM_PROBABILITY, claimOf, claimProbability, meetsClaim, supports, type ClaimOptions } from '../../src/decide/claim.js';
import { loadLexicon } from '../../src/decide/lexicon.js';
import { loadWordVectors } from '../../src/embed/word-vectors.js';
import { ROOT } from '../helpers/paths.js';

const vectors = loadWordVectors({ root: ROOT });
const lexicon = loadLexicon();
const withWordNet: ClaimOptions = { weight: () => 1, vectors, lexicon: () => lexicon };
const vectorsOnly: ClaimOptions = { weight: () => 1, vectors };
const check = (claim: string, sentence: string, o: ClaimOptions = withWordNet) => supports(claimOf(claim, o), sentence, o);
const meets = (claim: string, sentence: string, o: ClaimOptions = withWordNet) => meetsClaim(check(claim, sentence, o));

const WAYNE = 'Rapper Lil Wayne will go directly to jail after he is sentenced by a Manhattan judge Tuesday afternoon.';
const KLUGMAN = 'Jack Klugman died Monday at his California home, his son Adam said.';
const MARSHALL = `" 'You know, that's a good actor, he's not showing that she's spitting all over him.' That's why he hired me."`;
const UN = '“We need to ensure that multilateralism and joint action – rather than polarized initiatives – bridge our efforts to address the challenges of today’s world,” he told the heads.';
const PODCAST = '"My dad was my favorite podcast guest.';

describe('synonyms from WordNet', () => {
  it('given a claim in other words that WordNet calls synonyms ("straight" / "directly"), when checked, then it is met; with word vectors alone the word is missing', () => {
    expect(vectors.similarity('straight', 'directly')).toBeLessThan(0.5);
    expect(check('Lil Wayne would go straight to jail', WAYNE).missing).toEqual([]);
    expect(meets('Lil Wayne would go straight to jail', WAYNE)).toBe(true);
    expect(check('Lil Wayne would go straight to jail', WAYNE, vectorsOnly).missing).toEqual(['straight']);
  });

  it('given a phrasal verb ("passed away"), when the sentence has its one-word synonym ("died"), then verb and particle are both met', () => {
    const s = check('Klugman passed away at home', KLUGMAN);
    expect(s.missing).toEqual([]);
    expect(meetsClaim(s)).toBe(true);
  });
});

describe('antonyms', () => {
  it('given a claim word whose antonym the sentence holds ("terrible" / "good"), when checked, then it counts against the claim', () => {
    expect(vectors.similarity('bad', 'good')).toBeGreaterThanOrEqual(0.7); // the vectors alone would take one for the other
    expect(meets('Klugman was a bad actor', MARSHALL, vectorsOnly)).toBe(true);
    expect(meets('Klugman was a bad actor', MARSHALL)).toBe(false);
    expect(check('Klugman was a terrible actor', MARSHALL).contrary).toBeGreaterThan(0);
  });

  it('given a phrase\'s particle that has an antonym in the sentence ("passed away" / "home"), when the phrase is met, then the particle is not against the claim', () => {
    expect(lexicon.antonyms('away', 'home')).toBe(true);
    expect(check('Klugman passed away at home', KLUGMAN).contrary).toBe(0);
  });
});

describe('negation, word by word', () => {
  it('given "not X" in the claim and "rather than X" in the sentence, when checked, then they agree; X asserted is contrary', () => {
    expect(meets('joint action, not polarized initiatives, should bridge our efforts', UN)).toBe(true);
    const s = check('polarized initiatives should address the challenges', UN);
    expect(s.contrary).toBeGreaterThan(0);
    expect(meetsClaim(s)).toBe(false);
  });

  it('given "but" between two clauses of the claim, when analysed, then each word keeps its own clause\'s polarity', () => {
    const c = claimOf('the gun was found but it was not his', withWordNet);
    expect(c.predicate.map((w) => [w.word, w.negated])).toEqual([['gun', false], ['found', false]]);
    const d = claimOf('the bus was searched but the police found no gun', withWordNet);
    expect(d.predicate.find((w) => w.word === 'gun')?.negated).toBe(true);
    expect(d.predicate.find((w) => w.word === 'bus')?.negated).toBe(false);
  });

  it('given "least" before a claim word ("his least favorite guest"), when the sentence says "favorite", then it is said the other way round', () => {
    const s = check('his dad was his least favorite podcast guest', PODCAST);
    expect(s.contradicted).toBe(true);
    expect(meets('his dad was his favorite podcast guest', PODCAST)).toBe(true);
  });
});

describe('shortened words', () => {
  it('given a word the vectors do not know that begins a sentence word ("fav" → "favorite"), when checked, then it is met', () => {
    expect(vectors.vector('fav')).toBeUndefined();
    expect(check('his dad was his fav podcast guest', PODCAST).missing).toEqual([]);
  });
});

describe('paraphrase the claim check reads (round 6)', () => {
  const PRESS = 'Much work remains to be done, with the two principal challenges being clarification of roles and assistance to capacity-building, according to a press release.';
  const PRETRIAL = 'Prosecutors said she will have strict pretrial supervision.';

  it('given a verb where the sentence has its nominalisation ("roles need to be clarified" / "clarification of roles"), when checked, then WordNet\'s derived form meets it', () => {
    expect(check('the roles still need to be clarified', PRESS).missing).not.toContain('clarified');
    expect(check('Davis would be closely supervised', PRETRIAL).missing).not.toContain('supervised');
  });

  it('given a manner adverb the sentence words otherwise ("closely" / "strict"), when checked, then it counts half and the claim is met', () => {
    const s = check('she would be closely supervised before trial', PRETRIAL);
    expect(s.missing).toEqual(['closely']);
    expect(s.share).toBeGreaterThan(0.75);
  });

  it('given an adverb that carries the claim\'s polarity ("work less closely"), when checked, then it keeps its full weight against the sentence', () => {
    const claim = claimOf('regional organizations should work less closely', withWordNet);
    const closely = claim.predicate.find((w) => w.word === 'closely')!;
    expect(closely.negated).toBe(true);
    expect(closely.weight).toBe(1);
    expect(claimOf('she would be closely supervised', withWordNet).predicate.find((w) => w.word === 'closely')!.weight).toBe(0.5);
  });

  it('given a linking verb before a degree word ("has grown far more complex"), when the claim is read, then the adjective is the claim, not the verb', () => {
    expect(claimOf('the world has grown far more complex', withWordNet).predicate.map((w) => w.word)).toEqual(['world', 'complex']);
    expect(claimOf('the economy has grown fast', withWordNet).predicate.map((w) => w.word)).toContain('grown');
  });

  it('given "refused to reveal where …", when the sentence "would not confirm where …", then both decline to disclose: met the same way round', () => {
    expect(vectors.similarity('reveal', 'confirm')).toBeLessThan(0.7);
    const s = check('refused to reveal where Wayne would serve his sentence', 'The person familiar with the case would not confirm where Wayne would serve his sentence.');
    expect(s.missing).toEqual([]);
    expect(s.contradicted).toBe(false);
    expect(meetsClaim(s)).toBe(true);
  });

  it('given chat spellings of function words ("even tho", "bc"), when the claim is read, then they are no words a sentence must hold', () => {
    expect(claimOf('its vital to do more tho capacities grew bc of us', withWordNet).predicate.map((w) => w.word)).toEqual(['vital', 'capacities', 'grew']);
  });

  it('given another year than the sentence has ("began in 2004" / "began in 1994"), when checked, then the number counts against the claim', () => {
    expect(check('the meetings began in 2004', 'High-level meetings began in 1994.').contrary).toBeGreaterThan(0);
    expect(check('the meetings began in 1994', 'High-level meetings began in 1994.').contrary).toBe(0);
  });

  it('given an abbreviation WordNet does not know ("orgs", "stats": the vectors know the second), when the sentence has the full word, then it is met', () => {
    expect(check('regional orgs need to work closely', 'the need for regional organizations to work ever more closely').missing).toEqual([]);
    expect(vectors.vector('stats')).toBeDefined();
    expect(check('the stats were wrong', 'The statistics were wrong.').missing).toEqual([]);
  });

  it('given a claim that rests on one content word, when scored, then the same share is less likely to say it', () => {
    const base = { share: 1, near: 0, soft: 0, contrary: 0, verbMissing: 0, lone: 0, covered: 1 };
    expect(claimProbability({ ...base, lone: 1 })).toBeLessThan(claimProbability(base));
    expect(check('the gun was Wayne\'s', '"It\'s not his gun, they know whose gun it is," Richman said.').features?.lone).toBe(1);
  });
});

describe('the fitted probability', () => {
  it('given more of the claim held, when scored, then the probability rises; held the other way round, it falls', () => {
    const base = { share: 0.5, near: 0, soft: 0, contrary: 0, verbMissing: 0, lone: 0, covered: 1 };
    expect(claimProbability({ ...base, share: 0.9 })).toBeGreaterThan(claimProbability(base));
    expect(claimProbability({ ...base, contrary: 0.5 })).toBeLessThan(claimProbability(base));
    expect(claimProbability({ ...base, share: 1 })).toBeGreaterThanOrEqual(CLAIM_PROBABILITY);
    expect(claimProbability({ ...base, share: 0.3 })).toBeLessThan(CLAIM_PROBABILITY);
  });

  it('given a sentence that holds the claim the other way round, when decided, then it never meets it however high its probability', () => {
    expect(meetsClaim({ share: 1, contrary: 0.5, contradicted: true, missing: [], p: 0.99 })).toBe(false);
  });
});

describe('paraphrase the claim check reads (round 7)', () => {
  it('given "no doubt" or "no question" ("there\'s no doubt that ISIS has to be stopped"), when read, then it is certainty, not a negation', () => {
    expect(claimOf("there's no doubt that ISIS has to be stopped", withWordNet).negated).toBe(false);
    const s = check("there's no doubt that ISIS has to be stopped", 'This time around, she said there\'s "no question" that ISIS needs to be stopped.');
    expect(s.contradicted).toBe(false);
    expect(s.contrary).toBe(0);
    expect(claimOf('there was no deal', withWordNet).negated).toBe(true);
  });

  it('given contractions typed without the apostrophe ("hes", "theyre") and "n" for "and", when read, then they are no claim words', () => {
    expect(claimOf('hes regretted that iraq vote ever since', withWordNet).predicate.map((w) => w.word)).toEqual(['regretted', 'iraq', 'vote']);
    expect(claimOf('theyre strong n defiant', withWordNet).predicate.map((w) => w.word)).toEqual(['strong', 'defiant']);
  });

  it('given a view the claim puts as felt or thought ("they feel really uneasy about …"), when read, then the view is the claim, not the verb of holding it', () => {
    expect(claimOf('they feel really uneasy about the war', withWordNet).predicate.map((w) => w.word)).toEqual(['uneasy', 'war']);
  });

  it('given a claim word WordNet knows as a phrase of the sentence ("executed" / "put to death"), when checked, then the phrase meets it', () => {
    const s = check('nadarkhani is going to be executed', 'Nadarkhani will be put to death for several charges.');
    expect(s.missing).not.toContain('executed');
  });

  it('given a year typed short ("since 94"), when the sentence has it in full ("since 1994"), then it is the same number', () => {
    const s = check('the meetings started in 94', 'High-level meetings began in 1994.');
    expect(s.missing).not.toContain('94');
    expect(s.contrary).toBe(0);
    expect(check('the meetings started in 04', 'High-level meetings began in 1994.').missing).toContain('04');
  });

  it('given a claim word unmet but near a sentence word below the floor ("understanding" ~ "recognition", 0.58), when checked, then it counts in the soft feature; an unrelated word does not', () => {
    const near = check('there is a better understanding', 'There is a better recognition that we have to work together.');
    expect(near.missing).toContain('understanding');
    expect(near.features?.soft).toBeGreaterThan(0);
    expect(check('there is a better xylophone', 'There is a better recognition that we have to work together.').features?.soft).toBe(0);
  });
});

describe('light words, counts and abbreviations (round 8)', () => {
  it('given prepositions and quantifiers a paraphrase rewords ("in the next few days" / "in the coming days"), when the claim is read, then they count 0.3 of their weight', () => {
    const claim = claimOf('the complaint would be filed in the next few days', withWordNet);
    const weight = (w: string) => claim.predicate.find((x) => x.word === w)!.weight;
    expect(weight('next')).toBeCloseTo(0.3);
    expect(weight('few')).toBeCloseTo(0.3);
    expect(weight('complaint')).toBe(1);
    // "against" carries the claim's sense: full weight.
    expect(claimOf('the us is against an independent investigation', withWordNet).predicate.find((x) => x.word === 'against')!.weight).toBe(1);
  });

  it('given a count in words, when the sentence has the same count in other words, then it is met; another count is against the claim', () => {
    expect(check('he sees his therapist two times a week', 'I still talk to my therapist twice a week, he said.').missing).not.toContain('two');
    const s = check('the FBI agent questioned Saddam for two years', 'During the nearly seven months Piro talked to Hussein, the agent hinted.');
    expect(s.missing).not.toContain('two');
    expect(s.contrary).toBeGreaterThan(0);
  });

  it('given an abbreviation\'s point inside the sentence ("U.N. Security Council"), when checked, then the clause goes on: a negated claim agrees with it', () => {
    const s = check('none of the Gadhafis were under UN Security Council sanctions', 'The ambassador claimed none of the Gadhafis were subject to U.N. Security Council sanctions.');
    expect(s.contradicted).toBe(false);
    expect(s.contrary).toBe(0);
  });
});
