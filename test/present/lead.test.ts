import { describe, expect, it } from 'vitest';
import { answerLead, LEAD, samePerson } from '../../src/present/lead.js';
import type { Quote } from '../../src/types.js';

const q = (speaker: string | null, extra: Partial<Quote['attribution']> = {}): Quote => ({
  doc: 'd',
  paragraph: 1,
  start: 0,
  end: 1,
  quote: 'x',
  ...(speaker ? { attribution: { speaker, cue: 'told', addressee: 'the agent', setting: null, ...extra } } : {}),
});

describe('answerLead', () => {
  it('given a question about Saddam whose first quote is by George Piro, when the lead is worded, then it does not put Piro’s name on it ("What George Piro said to Piro")', () => {
    const lead = answerLead({ kind: 'said-to', speaker: 'Saddam', to: 'Piro' }, [q('George Piro'), q(null)]);
    expect(lead).not.toMatch(/George Piro/);
    expect(lead).toBe(LEAD.generic);
  });

  it('given a later quote by the person asked about, when the lead is worded, then it names that person', () => {
    expect(answerLead({ kind: 'said-to', speaker: 'Saddam', to: 'Piro' }, [q('George Piro'), q('Saddam Hussein', { addressee: 'Piro' })])).toBe(
      "What Saddam Hussein told Piro, in the document's words:",
    );
  });

  it('given the speaker the quotation index matched (an alias: "the Secretary-General" → Kofi Annan), when the lead is worded, then it uses that speaker', () => {
    expect(answerLead({ kind: 'said', speaker: 'the Secretary-General' }, [q('Kofi Annan')], 'Kofi Annan')).toBe("What Kofi Annan said, in the document's words:");
    expect(answerLead({ kind: 'said', speaker: 'the Secretary-General' }, [q('Kofi Annan')])).toBe(LEAD.generic);
  });

  it('given any lead, then it holds no citation and no quotation mark', () => {
    for (const lead of [
      answerLead(null, [q('A')]),
      answerLead({ kind: 'who-said', about: 'x' }, [q('Kofi Annan')]),
      answerLead({ kind: 'said-to', speaker: 'Annan', to: 'the Council' }, [q('Kofi Annan', { addressee: 'the Council' })]),
      LEAD.llm,
      LEAD.summary,
    ]) {
      expect(lead).not.toMatch(/[¶“”"]/);
    }
  });

  it('given names, when compared, then titles and possessives do not count and a shared name does', () => {
    expect(samePerson('Mr. Annan', 'Kofi Annan')).toBe(true);
    expect(samePerson('Annan’s', 'Kofi Annan')).toBe(true);
    expect(samePerson('Mr. Piro', 'Mr. Hussein')).toBe(false);
  });

  it('given two people who share only an initial, when compared, then they are not the same person', () => {
    expect(samePerson('J. Smith', 'J. Doe')).toBe(false);
  });
});

describe('answerLead, said-to', () => {
  it('given the speaker’s quotes, the first not addressed to the person asked about, when the lead is worded, then it is worded from the one that is', () => {
    const first = q('Kofi Annan', { cue: 'called for', addressee: null });
    const second = q('Kofi Annan', { cue: 'told', addressee: 'the Council' });
    expect(answerLead({ kind: 'said-to', speaker: 'Annan', to: 'the Council' }, [first, second], 'Kofi Annan')).toBe("What Kofi Annan told the Council, in the document's words:");
  });

  it('given a quote said (not told) with no addressee of its own, when the lead is worded, then it reads "said to" the person asked about', () => {
    const said = q('Kofi Annan', { cue: 'said', addressee: null });
    expect(answerLead({ kind: 'said-to', speaker: 'Annan', to: 'the delegates' }, [said], 'Kofi Annan')).toBe("What Kofi Annan said to the delegates, in the document's words:");
  });
});
