import { describe, expect, it } from 'vitest';
import { refusalWording } from '../../src/decide/reasons.js';
import type { Answer, Conversation } from '../../src/types.js';
import { useLexicalEngine } from '../helpers/lexical-engine.js';

/** README: '"what else?" says so when nothing new is left' — not "The document doesn't say". */
const lexical = useLexicalEngine();

describe('"what else?" running out', () => {
  it('given an answer, when "what else?" is asked until nothing new is left, then the last reply is refused as exhausted, worded as "That is all the document says", never "doesn\'t say"', async () => {
    const c: Conversation = { id: 'x', turns: [] };
    await lexical.engine.ask('What did Annan tell the Council?', c);
    let last: Answer | undefined;
    for (let i = 0; i < 8 && !last?.refused; i++) last = await lexical.engine.ask('what else?', c);
    expect(last!.refused).toBe(true);
    expect(last!.reason).toBe('exhausted');
    expect(refusalWording(last!.reason!)).toMatch(/^That is all the document says on this/);
  });
});
