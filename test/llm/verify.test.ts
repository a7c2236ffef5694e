import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findQuoteSpans, verifyLlmText, type LlmPassage } from '../../src/answer/llm/index.js';
import { leadLine, splitSentences } from '../../src/answer/llm/verify.js';
import { DOC_ID, DOC_TEXT, documentText, passage } from './helpers.js';

const P = [passage(1), passage(2), passage(3), passage(4)];

function expectExact(quotes: { doc: string; start: number; end: number; quote: string }[]) {
  for (const q of quotes) expect(documentText(q.doc).slice(q.start, q.end)).toBe(q.quote);
}

describe('verifyLlmText', () => {
  it('given a faithful answer with curly quotes and citations, then every quotation is kept with exact document offsets', () => {
    const text =
      'Annan urged closer work between the UN and regional bodies. He said “we have to work together in a much more complicated world than a decade ago” [¶3] and called for a “new level of clarity, practicality and seriousness” [¶4].';
    const v = verifyLlmText(text, P, documentText);
    expect(v.removed).toEqual([]);
    expect(v.droppedCitations).toEqual([]);
    expect(v.quotes.map((q) => [q.paragraph, q.quote])).toEqual([
      [3, 'we have to work together in a much more complicated world than a decade ago'],
      [4, 'new level of clarity, practicality and seriousness'],
    ]);
    expectExact(v.quotes);
    expect(v.text).toBe(text);
  });

  it('given quote-mark style and whitespace differences, then the quotation matches and the text carries the exact document slice', () => {
    const text = 'He spoke of "the challenges of\n   today\'s world" [¶2].';
    const v = verifyLlmText(text, P, documentText);
    expect(v.quotes).toHaveLength(1);
    expect(v.quotes[0].quote).toBe('the challenges of today’s world');
    expectExact(v.quotes);
    expect(v.text).toBe('He spoke of "the challenges of today’s world" [¶2].');
  });

  it('given « » and single-curly quotations of three or more words, then they are checked; apostrophes and two-word ‘…’ are not quotations', () => {
    const spans = findQuoteSpans('Annan’s view: ‘multilateralism and joint action’ and «division of labour» but ‘two words’ too.');
    expect(spans.map((s) => s.kind)).toEqual(['single', 'double']);
    const v = verifyLlmText('It was about «a truly effective division of labour» [¶3]. Not ‘polarized initiatives bridge everything’ [¶2].', P, documentText);
    expect(v.quotes.map((q) => q.quote)).toEqual(['a truly effective division of labour']);
    expect(v.removed).toEqual(['polarized initiatives bridge everything']);
    expect(v.text).toBe('It was about «a truly effective division of labour» [¶3].');
  });

  it('given a fabricated quotation, then it is removed with its sentence and listed, and the rest stays', () => {
    const text =
      'Annan called for a “new level of clarity, practicality and seriousness” [¶4]. He also said “the United Nations will dissolve every regional body by 2030” [¶1]. Delegates met at UN headquarters [¶3].';
    const v = verifyLlmText(text, P, documentText);
    expect(v.removed).toEqual(['the United Nations will dissolve every regional body by 2030']);
    expect(v.text).toBe('Annan called for a “new level of clarity, practicality and seriousness” [¶4]. Delegates met at UN headquarters [¶3].');
    expect(v.quotes.map((q) => q.quote)).toEqual(['new level of clarity, practicality and seriousness']);
  });

  it('given a quotation whose first letter changed case, then it verifies and the text shows the document’s own letter', () => {
    const v = verifyLlmText('He said “we need to ensure that multilateralism and joint action” matter [¶2].', P, documentText);
    expect(v.quotes.map((q) => q.quote)).toEqual(['We need to ensure that multilateralism and joint action']);
    expect(v.text).toBe('He said “We need to ensure that multilateralism and joint action” matter [¶2].');
    const w = verifyLlmText('He said “We Need to ensure” [¶2].', P, documentText);
    expect(w.quotes).toEqual([]);
  });

  it('given the source’s own inner quotation rendered with single marks, then it still matches (quote style only)', () => {
    const v = verifyLlmText('Annan “called for a ‘new level of clarity, practicality and seriousness’ in their joint relations” [¶4].', P, documentText);
    expect(v.quotes.map((q) => q.quote)).toEqual(['called for a “new level of clarity, practicality and seriousness” in their joint relations']);
    expectExact(v.quotes);
  });

  it('given straight single quotes around three or more words, then they are checked too (so they cannot smuggle a fake)', () => {
    const v = verifyLlmText("Annan's aim: 'a truly effective division of labour' [¶3]. He said 'the Council is obsolete now' [¶3].", P, documentText);
    expect(v.quotes.map((q) => q.quote)).toEqual(['a truly effective division of labour']);
    expect(v.removed).toEqual(['the Council is obsolete now']);
  });

  it('given one sentence holding a real and a fabricated quotation, then the whole sentence goes, the real one too', () => {
    const v = verifyLlmText('He wanted “a truly effective division of labour” and “an army for the UN” [¶3]. Talks were held [¶4].', P, documentText);
    expect(v.quotes).toEqual([]);
    expect(v.text).toBe('Talks were held [¶4].');
  });

  it('given the paraphrase option, then an unverified quotation loses its marks and is marked as a paraphrase', () => {
    const v = verifyLlmText('He said “regional groups must lead” [¶1].', P, documentText, { unverified: 'paraphrase' });
    expect(v.text).toBe('He said (paraphrase) regional groups must lead [¶1].');
    expect(v.quotes).toEqual([]);
    expect(v.removed).toEqual(['regional groups must lead']);
  });

  it('given citations to paragraphs that were not retrieved, then they are dropped and reported', () => {
    const v = verifyLlmText('The meeting was the seventh [¶4, ¶9]. Roles remain unclear [¶7]. As ¶12 notes, more is needed (¶2).', P, documentText);
    expect(v.droppedCitations).toEqual([9, 7, 12]);
    expect(v.text).toBe('The meeting was the seventh [¶4]. Roles remain unclear. As the document notes, more is needed [¶2].');
  });

  it('given a real quotation cited to the wrong retrieved paragraph, then it is kept with its true paragraph and the right citation is added', () => {
    const v = verifyLlmText('He wanted “a truly effective division of labour” [¶1].', P, documentText);
    expect(v.quotes.map((q) => q.paragraph)).toEqual([3]);
    expect(v.miscited).toEqual([{ quote: 'a truly effective division of labour', cited: [1], paragraph: 3 }]);
    expect(v.text).toBe('He wanted “a truly effective division of labour” [¶3] [¶1].');
  });

  it('given an uncited real quotation, then it is verified against all retrieved passages and gets a citation', () => {
    const v = verifyLlmText('He wanted “a truly effective division of labour”.', P, documentText);
    expect(v.quotes.map((q) => q.paragraph)).toEqual([3]);
    expect(v.text).toBe('He wanted “a truly effective division of labour” [¶3].');
  });

  it('given a real document quotation from a paragraph that was not retrieved, then it does not pass', () => {
    const v = verifyLlmText('Delegates wanted “clear guidelines” [¶8].', P, documentText);
    expect(v.quotes).toEqual([]);
    expect(v.removed).toEqual(['clear guidelines']);
    expect(v.droppedCitations).toEqual([8]);
  });

  it('given terminal punctuation inside the closing mark that the source lacks, then it moves outside the mark', () => {
    const v = verifyLlmText('Annan wanted “a truly effective division of labour.” [¶3] Next.', P, documentText);
    expect(v.quotes.map((q) => q.quote)).toEqual(['a truly effective division of labour']);
    expect(v.text).toBe('Annan wanted “a truly effective division of labour” [¶3]. Next.');
  });

  it('given near-misses (a changed word, an ellipsis, a hyphen for a dash, a partial word), then none passes', () => {
    const near = [
      'a truly efficient division of labour',
      'we have to work together … division of labour',
      'multilateralism and joint action - rather than polarized initiatives',
      'ations and the United Nations',
    ];
    for (const q of near) {
      const v = verifyLlmText(`He said “${q}” [¶3].`, P, documentText);
      expect(v.quotes, q).toEqual([]);
      expect(v.removed, q).toEqual([q]);
    }
  });

  it('given an unclosed quotation (output cut off), then it is removed', () => {
    const v = verifyLlmText('Annan met delegates [¶1]. He said “We need to ensure that multilateralism', P, documentText);
    expect(v.quotes).toEqual([]);
    expect(v.text).toBe('Annan met delegates [¶1].');
  });

  it('given a paragraph retrieved as two chunks, then a quotation across the chunk boundary still verifies', () => {
    const whole = passage(1);
    const mid = DOC_TEXT.indexOf('global security', whole.start);
    const a: LlmPassage = { ...whole, end: mid - 1, text: DOC_TEXT.slice(whole.start, mid - 1) };
    const b: LlmPassage = { ...whole, start: mid - 1, text: DOC_TEXT.slice(mid - 1, whole.end) };
    const v = verifyLlmText('It is about “the myriad issues of global security” [¶1].', [a, b], documentText);
    expect(v.quotes.map((q) => q.quote)).toEqual(['the myriad issues of global security']);
    expectExact(v.quotes);
  });

  it('property: any word-aligned excerpt of a retrieved passage, in any quote style and spacing, verifies to an exact slice', () => {
    const styles: [string, string][] = [['“', '”'], ['"', '"'], ['«', '»'], ['„', '“']];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: P.length - 1 }), fc.nat(), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 3 }), fc.boolean(), (pi, s, len, st, messy) => {
        const p = P[pi];
        const words = [...p.text.matchAll(/\S+/g)];
        const from = s % words.length;
        const to = Math.min(words.length, from + len);
        const start = p.start + words[from].index!;
        const end = p.start + words[to - 1].index! + words[to - 1][0].length;
        const excerpt = DOC_TEXT.slice(start, end);
        fc.pre(!/[“”"«»]/.test(excerpt) && /[\p{L}\p{N}]/u.test(excerpt));
        const shown = messy ? excerpt.replace(/ /g, '  \n ').replace(/’/g, "'") : excerpt;
        const [o, c] = styles[st];
        const v = verifyLlmText(`Quote: ${o}${shown}${c} [¶${p.paragraph}].`, P, documentText);
        expect(v.removed).toEqual([]);
        expect(v.quotes).toHaveLength(1);
        expectExact(v.quotes);
        expect(v.quotes[0].paragraph).toBe(p.paragraph);
        expect(v.quotes[0].quote).toBe(excerpt);
        expect(v.text).toContain(`${o}${excerpt}${c}`);
      }),
      { numRuns: 300 },
    );
  });

  it('property: a quotation containing a word absent from the document never verifies', () => {
    const vocab = ['the', 'regional', 'Annan', 'said', 'organizations', 'security', 'Council', 'work', 'zqxv'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vocab), { minLength: 1, maxLength: 10 }), fc.nat(), (ws, at) => {
        const words = [...ws];
        words.splice(at % (words.length + 1), 0, 'zqxv');
        const v = verifyLlmText(`He said “${words.join(' ')}” [¶1].`, P, documentText);
        expect(v.quotes).toEqual([]);
        expect(v.removed).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });
});

describe('splitSentences and leadLine', () => {
  it('given abbreviations, quotations with full stops and trailing citations, then sentences split only at real boundaries', () => {
    const t = 'Mr. Annan spoke. He said “We must act. Now.” [¶2] Then he left. [¶3]';
    const spans = findQuoteSpans(t);
    expect(splitSentences(t, spans).map(([s, e]) => t.slice(s, e))).toEqual(['Mr. Annan spoke.', 'He said “We must act. Now.” [¶2]', 'Then he left. [¶3]']);
  });

  it('given a first sentence without quotations, then it is the lead without citations; else a plain line that cites nothing (each quote cites itself)', () => {
    expect(leadLine('Annan urged closer cooperation [¶1]. He said “x” [¶2].')).toBe('Annan urged closer cooperation.');
    expect(leadLine('He said “a truly effective division of labour” [¶3].')).toBe('Here is what the document says.');
  });
});
