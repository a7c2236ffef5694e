/**
 * "Did Y say X?" is answered about Y (round 8): Y's words → yes, quoted; someone else's → no for Y, naming who does say
 * it and where (not quoted: the question was about Y); and a speaker asked about by description ("the FBI agent who
 * questioned Saddam", "the mayor") is the person the document describes so.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine/index.js';
import type { Engine } from '../../src/engine-api.js';
import { silentLogger } from '../../src/log.js';
import { phrasingDocument } from '../helpers/phrasings.js';
import { ROOT } from '../helpers/paths.js';

const engines = new Map<string, Engine>();
async function ask(doc: string, q: string) {
  let e = engines.get(doc);
  if (!e) {
    const config = loadConfig({ INDEX_DIR: '/nonexistent-never-written', EMBEDDING_MODEL: 'none' }, ROOT);
    e = await createEngine({ config, logger: silentLogger(), embedder: null, documents: [phrasingDocument(doc)], idleWork: false });
    engines.set(doc, e);
  }
  return e.ask(q);
}

describe('"Did Y say X?"', () => {
  it('given X said by someone else, when asked about Y, then refused for Y, naming who says it and the paragraph, nothing quoted', { timeout: 60_000 }, async () => {
    const a = await ask('tune-chris-brown', 'Did Sway Calloway say he still talks to his therapist twice a week?');
    expect(a.refused).toBe(true);
    expect(a.quotes).toEqual([]);
    expect(a.lead).toBe("No — the document doesn't have Sway Calloway saying that. Chris Brown says something like it (¶7).");
  });

  it('given X said by Y, when asked about Y, then yes, with Y\'s words', { timeout: 60_000 }, async () => {
    const a = await ask('tune-chris-brown', 'Did Brown say he still talks to his therapist twice a week?');
    expect(a.refused).toBe(false);
    expect(a.quotes[0]!.attribution?.speaker).toBe('Chris Brown');
    expect(a.quotes[0]!.quote).toContain('twice a week');
    expect(a.lead).toBe("Yes — Chris Brown, in the document's words:");
  });

  it('given Y described ("the mayor", "the FBI agent who …"), when the document names that person, then the answer is about them', { timeout: 60_000 }, async () => {
    const mayor = await ask('tune-montana-probe', "did the mayor say he's not going to question the justice department");
    expect(mayor.refused).toBe(false);
    expect(mayor.quotes[0]!.attribution?.speaker).toBe('John Engen');
    const perez = await ask('tune-montana-probe', 'Did Perez say this is uncharted territory?');
    expect(perez.refused).toBe(true);
    expect(perez.lead).toContain('John Engen says something like it (¶3)');
  });

  it('given "who said X?" with X reported "according to an FBI agent who …", when the agent is named later, then the agent\'s name answers', { timeout: 60_000 }, async () => {
    const a = await ask('tune-saddam-wmd', 'Which FBI agent said Saddam let the world believe he had WMD to intimidate Iran?');
    expect(a.refused).toBe(false);
    expect(a.quotes[0]!.attribution?.speaker).toBe('George Piro');
  });
});

describe('reported speech by "he"', () => {
  it('given "…, he said." after a sentence ending "…, Biven said." and a spokeswoman quoted before that, when asked who said it, then Biven (the nearest known speaker before it)', { timeout: 60_000 }, async () => {
    const a = await ask('tune-churchill-body', 'who said about 400 people were in the rear of the racetrack on saturday night');
    expect(a.refused).toBe(false);
    expect(a.quotes[0]!.attribution?.speaker).toBe('Robert Biven');
  });
});
