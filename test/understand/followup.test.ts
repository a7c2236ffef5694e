import { describe, expect, it } from 'vitest';
import { resolveFollowUp } from '../../src/understand/followup.js';
import type { Answer, Conversation, Turn } from '../../src/types.js';

const turn = (question: string, answer: Partial<Answer> = {}): Turn => ({
  question,
  standalone: question,
  answer: { question, lead: '', quotes: [], refused: false, mode: 'extractive', intent: 'question', ...answer } as Answer,
  at: 0,
});
const conv = (...turns: Turn[]): Conversation => ({ id: 'c', turns });

describe('resolveFollowUp', () => {
  it('given a person named in the previous question who is no speaker of a quotation, when "he" is asked about, then the standalone question names him', () => {
    const r = resolveFollowUp('What did he have?', conv(turn('Was Robert Smith sick?')), []);
    expect(r.kind).toBe('followup');
    expect(r.standalone).toBe('What did Smith have?');
  });

  it('given a woman named before, when "he" is asked about, then "he" is not replaced by her name', () => {
    const r = resolveFollowUp('What did he buy?', conv(turn('Where did Mary go?')), []);
    expect(r.standalone).toBe('What did he buy?');
  });

  it('given an answered turn and then a refused one, when "Where was that?" follows, then the focus is the answered turn\'s paragraph', () => {
    const answered = turn('Who met the delegates?', { quotes: [{ doc: 'd', start: 0, end: 10, paragraph: 4, quote: 'x'.repeat(10) }] });
    const r = resolveFollowUp('Where was that?', conv(answered, turn('Why?', { refused: true, reason: 'nothing-retrieved' })), []);
    expect(r.kind).toBe('followup');
    expect(r.focus).toEqual([{ doc: 'd', paragraph: 4 }]);
  });
});

describe('resolveFollowUp: what the asker typed and where the conversation was', () => {
  it('given "What was his name?" after a question naming Robert Smith, when resolved, then the inserted name is reported as not typed', () => {
    const r = resolveFollowUp('What was his name?', conv(turn('Was Robert Smith sick?')), []);
    expect(r.resolvedName).toBe('Smith');
  });

  it('given a question with no pronoun, when resolved, then no name is reported as inserted', () => {
    expect(resolveFollowUp('Where did Mary go next?', conv(turn('Was Robert Smith sick?')), []).resolvedName).toBeUndefined();
  });

  it('given an answered turn then a refused one, when a new question follows, then the last answer is where the conversation was', () => {
    const answered = turn('Who met the delegates?', { quotes: [{ doc: 'd', start: 5, end: 15, paragraph: 4, quote: 'x'.repeat(10) }] });
    const r = resolveFollowUp('Did the delegates agree to meet again soon?', conv(answered, turn('Why?', { refused: true, reason: 'nothing-retrieved' })), []);
    expect(r.last).toEqual({ doc: 'd', start: 5, end: 15 });
  });

  it('given an answered turn then a question refused with its best sentence kept, when a new question follows, then the conversation was at that unshown sentence', () => {
    const answered = turn('Who met the delegates?', { quotes: [{ doc: 'd', start: 5, end: 15, paragraph: 4, quote: 'x'.repeat(10) }] });
    const refused = { ...turn('Was it useful?', { refused: true, reason: 'low-confidence' }), unshown: { doc: 'd', start: 40, end: 70 } };
    expect(resolveFollowUp('Did the delegates agree to meet again soon?', conv(answered, refused), []).last).toEqual({ doc: 'd', start: 40, end: 70 });
  });
});

describe('resolveFollowUp: pronouns of the other gender', () => {
  it('given a woman named before, when "How did she lead him?" follows, then "she" is her name and "him" (someone else) is left alone', () => {
    const r = resolveFollowUp('How did she lead him?', conv(turn('Where did Mary Jones go?')), []);
    expect(r.standalone).toBe('How did Jones lead him?');
  });

  it('given a man named before, when "What did he tell her?" follows, then "he" is his name and "her" is left alone', () => {
    expect(resolveFollowUp('What did he tell her?', conv(turn('Was Robert Smith sick?')), []).standalone).toBe('What did Smith tell her?');
  });
});

describe('resolveFollowUp: whether the asker has just read the place the conversation is at', () => {
  const quoted = (start: number) => ({ quotes: [{ doc: 'd', start, end: start + 10, paragraph: 1, quote: 'x'.repeat(10) }] });

  it('given the turn just before was answered, when "Why?" follows, then its answer is the place and it is adjacent', () => {
    const r = resolveFollowUp('Why?', conv(turn('Who met the delegates?', quoted(5))), []);
    expect(r.last).toEqual({ doc: 'd', start: 5, end: 15 });
    expect(r.adjacent).toBe(true);
  });

  it('given an answered turn then a refused one, when "Why?" follows, then the place is the older answer and it is not adjacent', () => {
    const r = resolveFollowUp('Why?', conv(turn('Who met the delegates?', quoted(5)), turn('Did he win the World Cup?', { refused: true, reason: 'low-confidence' })), []);
    expect(r.last).toEqual({ doc: 'd', start: 5, end: 15 });
    expect(r.adjacent).toBe(false);
  });

  it('given a refused turn whose best sentence was kept unshown, when "Why?" follows, then that sentence is the place but it is not adjacent', () => {
    const refused = { ...turn('Was it useful?', { refused: true, reason: 'low-confidence' }), unshown: { doc: 'd', start: 40, end: 70 } };
    const r = resolveFollowUp('Why?', conv(turn('Who met the delegates?', quoted(5)), refused), []);
    expect(r.last).toEqual({ doc: 'd', start: 40, end: 70 });
    expect(r.adjacent).toBe(false);
  });

  it('given thanks after an answer, when "Why?" follows, then the answer before the thanks is still adjacent', () => {
    const r = resolveFollowUp('Why?', conv(turn('Who met the delegates?', quoted(5)), turn('thanks!', { intent: 'chat' })), []);
    expect(r.adjacent).toBe(true);
  });
});

describe('resolveFollowUp: "what else?" and its people form', () => {
  const asked = conv(turn('Who did the delegates meet in Geneva?', { quotes: [{ doc: 'd', start: 0, end: 10, paragraph: 1, quote: 'x'.repeat(10) }] }));

  it.each(['what else?', 'Anything else?', 'anyone else?', 'Anybody else?', 'who else?', 'and who else?'])('given an answered question, when "%s" follows, then it asks that question again for more, without what was shown', (q) => {
    const r = resolveFollowUp(q, asked, []);
    expect(r.kind).toBe('more');
    expect(r.standalone).toBe('Who did the delegates meet in Geneva?');
    expect(r.shown).toEqual([{ doc: 'd', start: 0, end: 10 }]);
  });

  it('given an answered question, when "who else was invited?" follows, then it is a question of its own, not a request for more', () => {
    expect(resolveFollowUp('who else was invited?', asked, []).kind).not.toBe('more');
  });
});
