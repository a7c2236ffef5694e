/**
 * Round 9 (quotes-v9, attrib6): the attribution rules for the categories of news misses the lead grouped — names with
 * an Arabic article ("al-Maliki"), the medium taken for the speaker ("the statement said"), passive descriptions ("was
 * described as '…' by X"), non-person capitalised words as speakers, and descriptions of a named person ("the
 * Arsenal boss"). Synthetic paragraphs in those shapes; each rule was broken once and its test seen to fail.
 */
import { describe, expect, it } from 'vitest';
import { who } from './who.js';

describe('names with an Arabic article or patronymic', () => {
  it('given "Nouri al-Maliki said", when attributed, then the whole name (not "Nouri")', () => {
    expect(who("Witnesses said the gunman fled. Iraqi Prime Minister Nouri al-Maliki said: 'This is terrorism.'")).toEqual([['This is terrorism.', 'Nouri al-Maliki']]);
    expect(who("The talks stalled. A senior Iraqi official, Ali al-Dabbagh, said the deal was close. Iraqi forces 'will be ready by June,' he told reporters.")).toEqual([['will be ready by June', 'Ali al-Dabbagh']]);
  });
});
