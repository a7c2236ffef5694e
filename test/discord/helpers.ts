/** Shared test helpers for the Discord unit tests: quotes built from real offsets, and reading rendered payloads back. */
import type { Answer, Quote } from '../../src/types.js';
import { unescapeMarkdown, type Payload, type RenderContext } from '../../src/discord/format.js';

export const DOC_ID = 'documents/sample.txt';

export const SAMPLE = [
  'Annan urges *joint* action',
  '',
  '“We need to ensure that multilateralism and joint action – rather than polarized initiatives – bridge our efforts,” he told the heads of more than 20 regional organizations.',
  '',
  'He called for a “new level of clarity, practicality and seriousness” in their joint relations, telling the Council that it was essential to do more.',
  '',
  'A note for @everyone: the file_name_v2 uses `code`, costs 5*3 and <@123> was cc’d; > not a quote.',
].join('\n');

export const ctx1: RenderContext = { fp: 'abcdef01', docs: [{ id: DOC_ID, title: 'Sample' }] };

/** A verified quote: `text.slice(start, end) === quote`. */
export function quoteOf(text: string, needle: string, paragraph: number, extra: Partial<Quote> = {}, doc = DOC_ID): Quote {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`not in text: ${needle}`);
  return { doc, paragraph, start, end: start + needle.length, quote: needle, ...extra };
}

export function answerOf(quotes: Quote[], extra: Partial<Answer> = {}): Answer {
  return { question: 'What did Annan say?', lead: 'The document says:', quotes, refused: false, ...extra };
}

export interface RenderedQuote {
  /** The text a reader sees inside the blockquote. */
  text: string;
  citation: string;
}

/** Read the blockquotes (what a reader sees) and the small citation line after each (empty when there is none), from every embed description. */
export function readQuotes(payloads: Payload[]): RenderedQuote[] {
  const out: RenderedQuote[] = [];
  for (const p of payloads) {
    for (const e of p.embeds ?? []) {
      const lines = (e.description ?? '').split('\n');
      for (let i = 0; i < lines.length; i++) {
        if (!lines[i].startsWith('> ')) continue;
        const body: string[] = [];
        while (i < lines.length && lines[i].startsWith('> ')) body.push(unescapeMarkdown(lines[i++].slice(2)));
        // The line under a quote is subtext (`-# …`); the reader sees its text, unescaped.
        const under = lines[i] ?? '';
        out.push({ text: body.join('\n'), citation: under.startsWith('-# ') ? unescapeMarkdown(under.slice(3)) : '' });
      }
    }
  }
  return out;
}

/** All text of all payloads (content, titles, descriptions, footers). */
export function allText(payloads: Payload[]): string {
  return payloads
    .flatMap((p) => [p.content ?? '', ...(p.embeds ?? []).flatMap((e) => [e.title ?? '', e.description ?? '', e.footer?.text ?? ''])])
    .join('\n');
}

/** A long document of numbered sentences, paragraphs of `perParagraph` sentences. */
export function longDocument(paragraphs: number, perParagraph: number): string {
  const paras: string[] = [];
  let k = 0;
  for (let p = 0; p < paragraphs; p++) {
    const s: string[] = [];
    for (let i = 0; i < perParagraph; i++) {
      k++;
      s.push(`Sentence ${k} says that the regional partners met for the ${k}th time to discuss *shared* security and joint_action.`);
    }
    paras.push(s.join(' '));
  }
  return paras.join('\n\n');
}
