/**
 * Someone's words asked for by name (round 11, quote8): only their quotations, or sentences that name them outside
 * the quoted words and report speech, answer.
 */
import { describe, expect, it } from 'vitest';
import { isName, theirWords } from '../../src/decide/own-words.js';
import type { Scored } from '../../src/select/select.js';

const candidate = (text: string, extra: Partial<Scored> = {}): Scored => ({ doc: { id: 'd', text } as Scored['doc'], paragraph: 1, start: 0, end: text.length, p: 0.5, features: {} as Scored['features'], conversation: {} as Scored['conversation'], indexed: false, ...extra }) as Scored;

describe('theirWords', () => {
  it('given narration that names the person but reports no speech, then it is not their words', () => {
    expect(theirWords('Olesen')(candidate("Grace ended two ahead of Denmark's Thorbjorn Olesen after a final round 70."))).toBe(false);
  });

  it("given someone else's quotation that names the person inside the quoted words, then it is not their words", () => {
    const c = candidate('"Venus has had a great week," Serena Williams said after beating her sister.', { attribution: { speaker: 'Serena Williams' } as Scored['attribution'] });
    expect(theirWords('venus')(c)).toBe(false);
  });

  it('given a sentence that names the person and reports their speech, or their quotation from the index, then it is theirs', () => {
    expect(theirWords('Olesen')(candidate('Olesen said he was disappointed with his putting.'))).toBe(true);
    expect(theirWords('serena')(candidate('"It was tough," she said.', { attribution: { speaker: 'Serena Williams' } as Scored['attribution'] }))).toBe(true);
    expect(theirWords('olesen')(candidate('"I gave it everything."', { indexed: true }))).toBe(true);
  });

  it('given the person named in the narration of a sentence another speaker reports, then it counts (a spokesman relaying the president)', () => {
    const c = candidate('President Barack Obama called Reid on Friday, spokesman Eric Schultz told reporters, "to wish him a speedy recovery."', { attribution: { speaker: 'Eric Schultz' } as Scored['attribution'] });
    expect(theirWords('obama')(c)).toBe(true);
  });
});

describe('isName', () => {
  it.each([['Olesen', true], ['venus williams', true], ['the mayor', false], ['his lawyer', false]] as const)('given "%s", then it is a name: %s', (s, want) => {
    expect(isName(s)).toBe(want);
  });
});
