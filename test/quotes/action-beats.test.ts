/**
 * Fiction's action beats: a sentence of narration about someone, in the quotation's own paragraph, names the "he"/"she"
 * of the attribution after it, also when the name is one no word list knows but the text has speaking elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { who } from './who.js';

const before = [
  'Shelton opened the door and let his visitor in.',
  '"You can well understand," stammered Ferrand, following his host, "that I did not want to miss you."',
  '"I am very glad you came," said Shelton doubtfully.',
  '"Sit down," said Shelton; "you are feeling ill!"',
];

describe('action beats', () => {
  it('given "Ferrand smiled." before “…,” said he, when the text has Ferrand speaking elsewhere, then Ferrand, not the last speaker', () => {
    expect(who(...before, 'Ferrand smiled. "It is nothing," said he; "bad nourishment."').slice(-2)).toEqual([
      ['It is nothing', 'Ferrand'],
      ['bad nourishment.', 'Ferrand'],
    ]);
  });

  it('given a beat about an organisation the text knows ("Sony … says"), then it is not the "he" after it', () => {
    expect(who('"We will fight this," said David Boies, the studio\'s lawyer. Sony says the film cost millions. "It will be shown," he said.').slice(-1)).toEqual([['It will be shown', 'David Boies']]);
  });
});
