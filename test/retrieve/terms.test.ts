/**
 * The term normaliser shared by the BM25 index and the sentence scorer:
 * one rule per test, each on words that broke before.
 */
import { describe, expect, it } from 'vitest';
import { term, terms, TERMS_VERSION, wordTerms } from '../../src/retrieve/terms.js';
import { americanize } from '../../src/retrieve/spelling.js';
import { CHUNKER_VERSION } from '../../src/ingest/chunk.js';

describe('term normalisation', () => {
  it('given irregular verb forms, when normalised, then they meet their base form', () => {
    for (const [a, b] of [['ran', 'run'], ['built', 'build'], ['became', 'become'], ['died', 'die'], ['began', 'begin'], ['begun', 'begins'], ['spoke', 'speaking'], ['children', 'child'], ['men', 'man']]) {
      expect(term(a), `${a} ~ ${b}`).toBe(term(b));
    }
  });

  it('given "pass away" in any tense, then it is the term of "died" (one term, not "pass" and "away")', () => {
    for (const q of ['When did he pass away?', 'He passed away on Monday', 'passes away', 'passing away']) expect(terms(q), q).toEqual(terms(q.replace(/pass\w* away/, 'died')));
    expect(terms('They passed the ball away')).toContain(term('passed'));
    expect(wordTerms('pass away')).toEqual([{ word: 'pass away', term: term('die') }]);
  });

  it('given a word ending in "ss", then it meets its own inflections rather than the noun one "s" shorter ("pass" is not "pas")', () => {
    for (const [a, b] of [['pass', 'passed'], ['pass', 'passes'], ['boss', 'bosses'], ['miss', 'missed']]) expect(term(a), `${a} ~ ${b}`).toBe(term(b));
  });

  it('given words the lemmatiser would bend to another sense, then they keep their own term', () => {
    expect(term('wound')).not.toBe(term('wind'));
    expect(term('ground')).not.toBe(term('grind'));
    expect(term('left')).not.toBe(term('leave'));
  });

  it('given British and American spellings, then they share a term', () => {
    const pairs = [
      ['labour', 'labor'], ['organisation', 'organization'], ['organisations', 'organizations'], ['organised', 'organized'], ['colour', 'color'],
      ['neighbours', 'neighbors'], ['favourite', 'favorite'], ['centre', 'center'], ['theatre', 'theater'], ['defence', 'defense'],
      ['travelled', 'traveled'], ['cancelling', 'canceling'], ['analyse', 'analyze'], ['programme', 'program'], ['catalogue', 'catalog'],
      ['realise', 'realize'], ['recognised', 'recognized'], ['capitalisation', 'capitalization'], ['paediatric', 'pediatric'], ['grey', 'gray'],
      ['behaviour', 'behavior'], ['honourable', 'honorable'], ['fulfilment', 'fulfillment'], ['judgement', 'judgment'],
    ];
    for (const [uk, us] of pairs) expect(term(uk!), `${uk} ~ ${us}`).toBe(term(us!));
  });

  it('given -ise words that are not British -ize, then they are left alone', () => {
    for (const w of ['surprise', 'advise', 'exercise', 'compromise', 'otherwise', 'promise', 'raise', 'rise', 'noise', 'precise', 'enterprise', 'supervised', 'crises', 'premises', 'expertise']) {
      expect(americanize(w), w).toBe(w);
    }
    for (const w of ['four', 'hour', 'tour', 'contour', 'devour', 'your']) expect(americanize(w), w).toBe(w);
  });

  it('given every personal pronoun, then none is a search term (he and she alike)', () => {
    for (const w of ['he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself', 'it', 'its', 'itself', 'they', 'them', 'their', 'we', 'us', 'our', 'you', 'I', 'me', 'my']) {
      expect(term(w), w).toBeNull();
    }
    expect(terms('She told her council')).toEqual(terms('He told his council'));
  });

  it('given contractions, then the clitic is split off instead of glued on', () => {
    expect(terms("What'd he say?")).toEqual([]);
    expect(term("what'd")).toBeNull();
    expect(term("don't")).toBeNull();
    expect(term("won't")).toBeNull();
    expect(term("Annan's")).toBe('annan');
    expect(term('Annan’s')).toBe('annan');
    expect(term("leaders'")).toBe(term('leaders'));
    expect(terms("they'll meet, we've met")).toEqual(['meet', 'meet']);
    expect(term("O'Brien")).toBe('obrien');
  });

  it('given chat as people type it (no apostrophe, filler, shortenings), then it searches for what a tidy question would', () => {
    expect(terms('whats lil waynes net worth pls lol')).toEqual(terms("What's Lil Wayne's net worth?"));
    expect(terms('wheres the meeting, didnt he go')).toEqual(terms('Where is the meeting, did he go'));
    expect(terms('which orgs were there')).toEqual(terms('which organizations were there'));
    expect(term('yo')).toBeNull();
  });

  it('given function words spelt as they sound in chat ("r" for "are", "bc" for "because"), in lower case, then they are stopwords like the words they stand for; "R&B" and "BC" keep their letters', () => {
    expect(terms('how long r the pikes')).toEqual(terms('how long are the pikes'));
    expect(terms('what hills r north of islamabad')).toEqual(terms('what hills are north of Islamabad'));
    expect(terms('was it bc of the storm, or cuz of the flood')).toEqual(terms('was it because of the storm, or because of the flood'));
    // Written with capitals, as documents write letters, they stay words.
    expect(terms('R&B singer')).toContain(term('R'));
    expect(term('BC')).not.toBeNull();
  });

  it('given words that name Object.prototype members, then they are ordinary words', () => {
    expect(term('constructor')).toBe('constructor');
    expect(term('toString')).toBe(term('tostring'));
    expect(americanize('constructor')).toBe('constructor');
  });

  it('given numbers and non-Latin words, then they are kept', () => {
    expect(terms('In 1994, Москва')).toEqual(['1994', 'москва']);
  });

  it('the index records the terms version, so a normaliser change rebuilds the index', () => {
    expect(CHUNKER_VERSION).toContain(TERMS_VERSION);
  });
});
