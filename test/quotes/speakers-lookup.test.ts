/**
 * lookupSpeaker (src/quotes/speakers.ts) is remembered per alias table and name: the same name in two documents'
 * tables finds each table's own entry, however often it is asked.
 */
import { describe, expect, it } from 'vitest';
import { lookupSpeaker, type SpeakerTable } from '../../src/quotes/speakers.js';

const table = (doc: string, canonical: string, aliases: string[]): SpeakerTable => ({ doc, entries: [{ canonical, kind: 'person', gender: null, aliases }] });

describe('lookupSpeaker, remembered', () => {
  it('given two tables where one surname names different people, when each is asked (twice), then each answers with its own entry', () => {
    const a = table('a', 'Kofi Annan', ['kofi annan', 'annan']);
    const b = table('b', 'Jane Annan', ['jane annan', 'annan']);
    for (let i = 0; i < 2; i++) {
      expect(lookupSpeaker(a, 'Mr. Annan')?.canonical).toBe('Kofi Annan');
      expect(lookupSpeaker(b, 'Mr. Annan')?.canonical).toBe('Jane Annan');
      expect(lookupSpeaker(a, 'Mr. Smith')).toBeUndefined();
    }
  });

  it('given more names than the memo holds, when asked, then answers stay right', () => {
    const a = table('a', 'Kofi Annan', ['kofi annan', 'annan']);
    for (let i = 0; i < 1_200; i++) expect(lookupSpeaker(a, `Person ${i}`)).toBeUndefined();
    expect(lookupSpeaker(a, 'Annan')?.canonical).toBe('Kofi Annan');
  });
});
