/**
 * The WordNet relations the claim check uses (src/decide/lexicon.ts): synonyms in any inflection and of
 * phrases, antonyms with satellites counted as their head; the shipped table is the one the builder makes.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildLexicon } from '../../src/decide/lexicon-build.js';
import { FORMS_MEMO_MAX, lexiconFrom, loadLexicon, rememberedForms } from '../../src/decide/lexicon.js';

describe('lexiconFrom', () => {
  const lex = lexiconFrom({ synsets: ['die|pass away|perish', 'directly|straight'], antonyms: ['bad|good', 'good|terrible'] });

  it('given words of one synonym set in other inflections ("passed away", "died"), when compared, then they are synonyms', () => {
    expect(lex.synonyms('passed away', 'died')).toBe(true);
    expect(lex.synonyms('straight', 'directly')).toBe(true);
    expect(lex.synonyms('straight', 'died')).toBe(false);
  });

  it('given an antonym pair in either order, when compared, then they are antonyms; synonyms are not', () => {
    expect(lex.antonyms('good', 'terrible')).toBe(true);
    expect(lex.antonyms('terrible', 'good')).toBe(true);
    expect(lex.antonyms('straight', 'directly')).toBe(false);
  });
});

describe('the shipped WordNet table', () => {
  const lex = loadLexicon();

  it('given a verb and its nominalisation ("supervised", "supervision"), when compared, then they are derived forms; WordNet knows "organization" but not "orgs"', () => {
    expect(lex.derived('supervised', 'supervision')).toBe(true);
    expect(lex.derived('clarified', 'clarification')).toBe(true);
    expect(lex.derived('supervised', 'clarification')).toBe(false);
    expect(lex.known('organization')).toBe(true);
    expect(lex.known('orgs')).toBe(false);
  });

  it('given satellite adjectives ("terrible", "complicated"), when compared with their head\'s antonym, then they are antonyms', () => {
    expect(lex.antonyms('terrible', 'good')).toBe(true);
    expect(lex.antonyms('simpler', 'complicated')).toBe(true);
    expect(lex.antonyms('thankful', 'grateful')).toBe(false);
  });

  it('given a phrasal verb and its synonym, when compared, then they are synonyms', () => {
    expect(lex.synonyms('passed away', 'died')).toBe(true);
    expect(lex.synonyms('thankful', 'grateful')).toBe(true);
  });

  it('given the table loaded twice, then it is read once', () => {
    expect(loadLexicon()).toBe(lex);
  });
});

describe('buildLexicon (from WordNet\'s data files)', () => {
  // Two head adjectives that are antonyms, each with a satellite ("similar to", &), in WordNet's data.adj format.
  const dir = mkdtempSync(path.join(tmpdir(), 'wn-'));
  writeFileSync(path.join(dir, 'data.adj'), [
    '00000010 00 a 01 good 0 002 ! 00000020 a 0101 & 00000030 s 0000 | having desirable qualities',
    '00000020 00 a 01 bad 0 002 ! 00000010 a 0101 & 00000040 s 0000 | having undesirable qualities',
    '00000030 00 s 02 fine 0 great 0 001 & 00000010 a 0000 | very good',
    '00000040 00 s 02 terrible 0 awful 0 001 & 00000020 a 0000 | very bad',
    '',
  ].join('\n'));
  for (const pos of ['noun', 'verb', 'adv']) writeFileSync(path.join(dir, `data.${pos}`), '');
  const built = buildLexicon(dir, () => true);

  it('given head adjectives marked antonyms, when built, then their satellites are antonyms of the other side too', () => {
    const lex = lexiconFrom(built);
    expect(lex.antonyms('good', 'bad')).toBe(true);
    expect(lex.antonyms('terrible', 'good')).toBe(true);
    expect(lex.antonyms('great', 'awful')).toBe(true);
    expect(lex.antonyms('great', 'fine')).toBe(false);
  });

  it('given a derivation pointer between two words (WordNet "+"), when built, then the two are derived forms of each other in any inflection', () => {
    const wn = mkdtempSync(path.join(tmpdir(), 'wn-'));
    writeFileSync(path.join(wn, 'data.verb'), '00000050 00 v 01 clarify 0 001 + 00000060 n 0101 | make clear\n');
    writeFileSync(path.join(wn, 'data.noun'), '00000060 00 n 01 clarification 0 001 + 00000050 v 0101 | making clear\n');
    for (const pos of ['adj', 'adv']) writeFileSync(path.join(wn, `data.${pos}`), '');
    const data = buildLexicon(wn, () => true);
    expect(data.derived).toEqual(['clarification|clarify']);
    const lex = lexiconFrom(data);
    expect(lex.derived('clarified', 'clarification')).toBe(true);
    expect(lex.derived('clarified', 'good')).toBe(false);
  });

  it('given synonym sets, when built with words the vectors do not know, then those words are left out', () => {
    expect(built.synsets).toContain('fine|great');
    expect(buildLexicon(dir, (w) => w !== 'great').synsets).not.toContain('fine|great');
  });
});

describe('lexiconFrom: words remembered (the claim check asks about the same words once per word pair)', () => {
  const lex = lexiconFrom({ synsets: ['die|pass away|perish', 'directly|straight'], antonyms: ['bad|good', 'good|terrible'] });

  it('given the same pairs asked again, in either order, when compared, then the answers are the same as the first time', () => {
    const ask = () => [lex.antonyms('terrible', 'good'), lex.antonyms('good', 'terrible'), lex.antonyms('good', 'bad'), lex.antonyms('terrible', 'bad'), lex.synonyms('passed away', 'died'), lex.synonyms('died', 'straight')];
    const first = ask();
    expect(first).toEqual([true, true, true, false, true, false]);
    expect(ask()).toEqual(first);
  });

  it('given more distinct words than the memo holds, when compared, then it stays within its bound and still answers right', () => {
    for (let i = 0; i <= FORMS_MEMO_MAX; i++) lex.synonyms(`word${i}`, 'died');
    expect(rememberedForms()).toBeLessThanOrEqual(FORMS_MEMO_MAX);
    expect(lex.antonyms('good', 'terrible')).toBe(true);
    expect(lex.synonyms('passed away', 'perished')).toBe(true);
  });
});

describe('phrase heads', () => {
  it('given WordNet phrases ("put to death"), when a word is tested, then a word that begins one (in some form) does and others do not', () => {
    const lex = loadLexicon();
    expect(lex.startsPhrase('put')).toBe(true);
    expect(lex.startsPhrase('passed')).toBe(true);
    expect(lex.startsPhrase('xylophone')).toBe(false);
  });
});
