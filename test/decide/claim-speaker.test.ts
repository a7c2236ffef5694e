/**
 * "Did Y say X?" is about Y: whether a candidate sentence's speaker is the person the asker named, by name or by the
 * description the document gives them.
 */
import { describe, expect, it } from 'vitest';
import { askedPerson, isAskedSpeaker, otherSaying } from '../../src/decide/claim-speaker.js';

const SADDAM = '(CNN) -- Saddam let the world think he had weapons, according to an FBI agent who interviewed the dictator. According to a CBS report, Hussein claimed he did not expect an invasion, agent George Piro said. During the months Piro talked to Hussein, the agent hinted to the Iraqi that he answered to Bush, CBS said.';
const WAYNE = '"It\'s not his gun," Wayne\'s attorney, Stacey Richman, said after a hearing. According to police, Wayne had a pistol.';
const MONTANA = 'But John Engen, mayor since 2006, was also surprised. Fred Van Valkenburg, Missoula County chief prosecutor, defended his office.';
const names = (...ws: string[]) => (w: string) => ws.includes(w);

describe('askedPerson: whom the asker named', () => {
  it('given a name, then its words; given a description, then its head noun (not the relative clause, not the possessor)', () => {
    expect(askedPerson('Sway Calloway', names('sway', 'calloway'))).toEqual({ name: ['sway', 'calloway'] });
    expect(askedPerson('the fbi agent who questioned saddam', names('fbi', 'saddam'))).toEqual({ head: 'agent', words: ['fbi', 'agent'] });
    expect(askedPerson("wayne's lawyer", names('wayne'))).toMatchObject({ head: 'lawyer' });
    expect(askedPerson("the lawyer representing gadhafi's family", names('gadhafi'))).toMatchObject({ head: 'lawyer' });
    expect(askedPerson('the Missoula County prosecutor', names('missoula', 'county'))).toMatchObject({ head: 'prosecutor' });
  });
});

describe('isAskedSpeaker: is the candidate\'s speaker the person asked about', () => {
  it('given a name, when the speaker shares it, then yes; another person, no', () => {
    expect(isAskedSpeaker({ name: ['sway'] }, 'Sway Calloway', '', null)).toBe(true);
    expect(isAskedSpeaker({ name: ['sway'] }, 'Chris Brown', '', null)).toBe(false);
    expect(isAskedSpeaker({ name: ['scott', 'pelley'] }, 'George Piro', SADDAM, null)).toBe(false);
  });

  it('given a description, when the document gives the speaker that title or appositive (or a kin role noun), then yes', () => {
    expect(isAskedSpeaker({ head: 'agent', words: ['fbi', 'agent'] }, 'George Piro', SADDAM, null)).toBe(true);
    expect(isAskedSpeaker({ head: 'lawyer', words: ['lawyer'] }, 'Stacey Richman', WAYNE, null)).toBe(true);
    expect(isAskedSpeaker({ head: 'mayor', words: ['mayor'] }, 'John Engen', MONTANA, null)).toBe(true);
    expect(isAskedSpeaker({ head: 'prosecutor', words: ['missoula', 'county', 'prosecutor'] }, 'Fred Van Valkenburg', MONTANA, null)).toBe(true);
    expect(isAskedSpeaker({ head: 'spokesman', words: ['police', 'spokesman'] }, 'Police spokeswoman Alicia Smiley', '', null)).toBe(true);
  });

  it('given a description, when the speaker is someone else (a name beside the role noun in another clause), then no', () => {
    // "Piro talked to Hussein, the agent hinted": no appositive closes after "the agent".
    expect(isAskedSpeaker({ head: 'agent', words: ['agent'] }, 'Saddam Hussein', SADDAM, null)).toBe(false);
    expect(isAskedSpeaker({ head: 'prosecutor', words: ['prosecutor'] }, 'John Engen', MONTANA, null)).toBe(false);
    expect(isAskedSpeaker({ head: 'lawyer', words: ['lawyer'] }, 'police', WAYNE, null)).toBe(false);
  });

  it('given a name, when the speaker is only a description the document gives that person ("the agent"), then yes', () => {
    expect(isAskedSpeaker({ name: ['piro'] }, 'the agent', SADDAM, null)).toBe(true);
    expect(isAskedSpeaker({ name: ['richman'] }, 'the agent', WAYNE, null)).toBe(false);
  });
});

describe('otherSaying: who does say it, when the asked person did not', () => {
  it('given candidates of other speakers that say the claim, then the best of them; none saying it, nothing', () => {
    const ranked = [
      { id: 1, attribution: { speaker: 'Chris Brown' } },
      { id: 2, attribution: { speaker: 'MTV' } },
      { id: 3, attribution: { speaker: 'Sway Calloway' } },
    ];
    const support = { 1: { otherSpeaker: true, p: 0.9 }, 2: { otherSpeaker: true, p: 0.95 }, 3: { p: 0.2 } } as Record<number, { otherSpeaker?: boolean; p: number }>;
    const says = (s: { p: number }) => s.p >= 0.8;
    expect(otherSaying(ranked, (c) => support[c.id]!, says)?.id).toBe(2);
    expect(otherSaying(ranked, (c) => ({ ...support[c.id]!, p: 0.1 }), says)).toBeUndefined();
    expect(otherSaying(ranked, undefined, says)).toBeUndefined();
  });
});
