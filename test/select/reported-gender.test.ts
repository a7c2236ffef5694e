/**
 * Round 16 (who14): whom "she" or "he" stands for agrees with the gender a name gives: "'It will be so sweet to wait,'
 * she said" after "… until Elspeth was engaged Tommy should be a single man" is not Tommy's.
 */
import { describe, expect, it } from 'vitest';
import { antecedent, pronounAgrees } from '../../src/select/reported.js';
import type { StoredDocument } from '../../src/types.js';

const docOf = (sentences: string[]) => {
  const text = sentences.join(' ');
  let at = 0;
  const spans = sentences.map((s, i) => {
    const start = text.indexOf(s, at);
    at = start + s.length;
    return { start, end: start + s.length, paragraph: i + 1 };
  });
  return { doc: { id: 'g', text, sentences: spans } as unknown as StoredDocument, starts: spans.map((s) => s.start) };
};

describe('"he" or "she" and the gender of a name', () => {
  const { doc, starts } = docOf(['Sally waved at her neighbour Jerry Smith.', '"I am going to call you Jackson," she said.', '"Nice name," he said.']);

  it('given "she" after a sentence naming a woman and then a man, when resolved, then it is the woman, not the man named after her', () => {
    const { doc: d, starts: s } = docOf(['Tommy Sands met Grace Kelly at the station.', '"It will be so sweet to wait," she said.']);
    expect(antecedent(d, s[1]!, ['Tommy Sands'], 'she')).toBe('Grace Kelly');
    expect(antecedent(d, s[1]!, ['Tommy Sands'], 'he')).toBe('Tommy Sands');
  });

  it('given "he" after a sentence naming a woman first, when resolved, then the man it names is whom it stands for', () => {
    expect(antecedent(doc, starts[1]!, [], 'he')).toBe('Jerry Smith');
    expect(antecedent(doc, starts[1]!, [], 'she')).toBe('Sally');
  });

  it('given no pronoun, when resolved, then the first person named stands as before', () => {
    expect(antecedent(doc, starts[1]!, [])).toBe('Sally');
  });
});

describe('pronounAgrees', () => {
  it.each([
    ['Tommy', 'she', false],
    ['Mrs. Tope', 'he', false],
    ['Sally', 'she', true],
    ['Grizel', 'she', true],
    ['Tommy', 'they', true],
  ] as const)('given %s and "%s", then it is %s', (who, pronoun, ok) => {
    expect(pronounAgrees(who, pronoun)).toBe(ok);
  });
});
