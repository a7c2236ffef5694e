import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/ingest/document.js';
import { chunkDocument } from '../../src/ingest/chunk.js';
import { paragraphSpans, SEGMENT_WINDOW, sentenceSpans } from '../../src/ingest/segment.js';
import { DEFAULT_DOC, DEFAULT_DOC_PATH } from '../helpers/paths.js';

const sentences = (t: string) => sentenceSpans(t, 0, t.length).map((s) => t.slice(s.start, s.end));

describe('sentence segmentation', () => {
  it('given titles and dotted abbreviations, when segmented, then no sentence ends at "Mr." or inside "U.N."', () => {
    expect(sentences('Mr. Annan told the U.N. Security Council. It met on Wed. in N.Y. The U.S. agreed. Dr. Smith left.')).toEqual([
      'Mr. Annan told the U.N. Security Council.',
      'It met on Wed. in N.Y.',
      'The U.S. agreed.',
      'Dr. Smith left.',
    ]);
  });

  it('given a sentence ending with an acronym followed by a new sentence, when segmented, then it splits there', () => {
    expect(sentences('Aid went to the U.N. The next day it ran out.')).toEqual(['Aid went to the U.N.', 'The next day it ran out.']);
  });

  it('given an attribution after a quotation that ends in ?" or !", when segmented, then it stays in the quotation\'s sentence', () => {
    expect(sentences('"He didn\'t believe the U.S. would invade?" Correspondent Scott Pelley asked. "No, not initially," Piro answered.')).toEqual([
      '"He didn\'t believe the U.S. would invade?" Correspondent Scott Pelley asked.',
      '"No, not initially," Piro answered.',
    ]);
    expect(sentences('"Father!" mourners cried. The funeral began.')).toEqual(['"Father!" mourners cried.', 'The funeral began.']);
    expect(sentences('“Will they come?” asked the minister. Nobody knew.')).toEqual(['“Will they come?” asked the minister.', 'Nobody knew.']);
    expect(sentences('"It is over!" Smith told CNN on Tuesday. Then he left.')).toEqual(['"It is over!" Smith told CNN on Tuesday.', 'Then he left.']);
  });

  it('given a new sentence after a quotation that ends in ?", when segmented, then it is not taken for an attribution', () => {
    expect(sentences('"Is it over?" The crowd waited.')).toEqual(['"Is it over?"', 'The crowd waited.']);
    expect(sentences('"Is it over?" He said the talks would resume.')).toEqual(['"Is it over?"', 'He said the talks would resume.']);
  });

  it('given an abbreviation inside brackets ([O.S.], [U.S. …]), when segmented, then no sentence ends there', () => {
    expect(sentences('ANDERSON COOPER [O.S.] Good evening. We begin tonight.')).toEqual(['ANDERSON COOPER [O.S.] Good evening.', 'We begin tonight.']);
    expect(sentences('He was born in the [U.S. Army hospital]. It closed.')).toEqual(['He was born in the [U.S. Army hospital].', 'It closed.']);
  });

  it('given a quotation with an ellipsis in it, when segmented, then the quotation stays one sentence', () => {
    const t = '“It is essential that we do even more… the breadth of our work,” he told the Council.';
    expect(sentences(t)).toEqual([t]);
  });
});

describe('paragraphs', () => {
  it('given CRLF, blank lines with spaces and leading blank lines, when split, then spans exclude whitespace', () => {
    const t = '\r\n\r\nOne line\r\nsame para.\r\n  \r\nTwo.\n\n\n';
    expect(paragraphSpans(t).map((s) => t.slice(s.start, s.end))).toEqual(['One line\r\nsame para.', 'Two.']);
  });
});

describe('chunking a long paragraph', () => {
  it('given a paragraph over the window whose last two sentences fit one window, when chunked, then they share the last chunk (one sentence of overlap), not one chunk each', () => {
    const text = 'Alpha beta gamma delta one. Alpha beta gamma delta two. Alpha beta gamma delta six.';
    const doc = buildDocument({ id: 'w.txt', path: 'w.txt', text });
    const chunks = chunkDocument(doc, { maxChars: 60 }).map((c) => text.slice(c.start, c.end));
    expect(chunks).toEqual(['Alpha beta gamma delta one. Alpha beta gamma delta two.', 'Alpha beta gamma delta two. Alpha beta gamma delta six.']);
  });
});

describe('the default document', () => {
  const text = readFileSync(DEFAULT_DOC_PATH, 'utf8');
  const doc = buildDocument({ id: DEFAULT_DOC, path: DEFAULT_DOC, text });

  it('given the UN News article, when built, then the site tagline and the repeated title are boilerplate and the body is ¶1–¶8', () => {
    expect(doc.title).toBe('Annan stresses ‘multilateralism and joint action’ at meeting on UN-regional cooperation');
    expect(doc.paragraphs.map((p) => p.kind)).toEqual(['boilerplate', 'title', 'boilerplate', 'body', 'body', 'body', 'body', 'body', 'body', 'body', 'body']);
    expect(doc.paragraphs.filter((p) => p.kind === 'body').map((p) => p.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(text.slice(doc.paragraphs[3]!.start, doc.paragraphs[3]!.end)).toMatch(/^Secretary-General Kofi Annan today/);
  });

  it('given the stored text, when built, then the text is kept byte for byte and every sentence and chunk is a slice of it', () => {
    expect(doc.text).toBe(text);
    const chunks = chunkDocument(doc);
    expect(chunks).toHaveLength(8);
    for (const c of chunks) {
      const p = doc.paragraphs.find((x) => x.n === c.paragraph && x.kind === 'body')!;
      expect([c.start, c.end]).toEqual([p.start, p.end]);
      for (const s of c.sentences) expect(s.start >= c.start && s.end <= c.end).toBe(true);
    }
    // "Mr. Annan" must not split ¶4 or ¶6.
    expect(doc.sentences.filter((s) => s.paragraph === 4)).toHaveLength(1);
    expect(doc.sentences.filter((s) => s.paragraph === 6)).toHaveLength(1);
  });
});

describe('generated documents', () => {
  const word = fc.stringMatching(/^[A-Za-z]{1,10}$/);
  const sentence = fc.tuple(fc.array(word, { minLength: 1, maxLength: 12 }), fc.constantFrom('.', '!', '?', '…', '.”')).map(([w, p]) => w.join(' ') + p);
  const para = fc.array(sentence, { minLength: 1, maxLength: 6 }).map((s) => s.join(fc.sample(fc.constantFrom(' ', '  ', '\n'), 1)[0]));
  const docText = fc.tuple(fc.array(para, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n\n', '\r\n\r\n', '\n \n\n')).map(([ps, sep]) => ps.join(sep));

  it('given any generated text, when built and chunked with a small window, then every sentence and chunk span is verbatim, ordered and inside its paragraph', () => {
    fc.assert(
      fc.property(docText, (text) => {
        const doc = buildDocument({ id: 'g.txt', path: 'g.txt', text });
        for (const s of doc.sentences) {
          const slice = doc.text.slice(s.start, s.end);
          expect(slice.trim()).toBe(slice);
          expect(slice.length).toBeGreaterThan(0);
        }
        const chunks = chunkDocument(doc, { maxChars: 60 });
        for (const c of chunks) {
          const p = doc.paragraphs.find((x) => x.kind === 'body' && x.n === c.paragraph)!;
          expect(c.start >= p.start && c.end <= p.end).toBe(true);
          expect(c.sentences[0]!.start).toBe(c.start);
          expect(c.sentences.at(-1)!.end).toBe(c.end);
        }
        // Every body sentence is in some chunk; one longer than the window is covered, word by word, by consecutive chunks.
        for (const s of doc.sentences.filter((x) => x.paragraph > 0)) {
          if (s.end - s.start <= 60) expect(chunks.some((c) => c.start <= s.start && s.end <= c.end)).toBe(true);
          else for (let i = s.start; i < s.end; i++) if (/\S/.test(text[i]!)) expect(chunks.some((c) => c.start <= i && i < c.end)).toBe(true);
        }
        for (const c of chunks) expect(c.end - c.start).toBeLessThanOrEqual(60);
      }),
      { numRuns: 200 },
    );
  });

  it('given a paragraph that is one 300,000-character line of sentences, when segmented, then it takes seconds, not minutes, and every sentence is found', () => {
    const one = 'Annan said that the council must act. ';
    const line = one.repeat(Math.ceil(300_000 / one.length)).trim();
    const t0 = performance.now();
    const got = sentences(line);
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(got.length).toBe(Math.ceil(300_000 / one.length));
    expect(new Set(got)).toEqual(new Set([one.trim()]));
  });

  it('given one sentence longer than the segmenting window, with and without spaces, when segmented, then its pieces cover it verbatim and never split an emoji', () => {
    for (const [filler, gap] of [['Word ', ' '], ['😀', ' '], ['X😀', ' '], ['X', ' ']] as const) {
      const text = `Short one.${gap}${filler.repeat(Math.ceil((SEGMENT_WINDOW * 2.5) / filler.length))}end. Last one.`;
      const spans = sentenceSpans(text, 0, text.length);
      expect(text.slice(spans[0]!.start, spans[0]!.end)).toBe('Short one.');
      expect(text.slice(spans.at(-1)!.start, spans.at(-1)!.end)).toBe('Last one.');
      for (let i = 1; i < spans.length; i++) {
        expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
        expect(text.slice(spans[i - 1]!.end, spans[i]!.start).trim()).toBe('');
      }
      for (const s of spans) expect(text.slice(s.start, s.end)).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }
  });
});
