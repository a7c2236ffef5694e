/**
 * Plain text for terminals (the chat, `npm run ask`, `quotes`, `summary`) and
 * the JSON `answer` field. A quotation is set off as a block (`  > …`), never
 * wrapped in quotation marks of ours, so a sentence that starts with its own
 * “ is not shown as ““…”; below it, once, who said it and where:
 *
 *   > “Much as we have strengthened our capacities …,” he told the Council.
 *     — Kofi Annan, told the Council (¶5)
 *
 * @example
 * process.stdout.write(renderAnswerText(answer, catalog(engine.documents())) + '\n');
 */
import type { Answer, Quote } from '../types.js';
import { attributionText } from './attribution.js';
import { citationText } from './citation.js';
import type { Catalog, DocInfo } from './documents.js';
import { presentAnswer, presentQuote, sourcesOf, type QuoteView, type QuoteViewOptions } from './quote.js';

/** The lines of one quotation block: the verbatim text, then "— who (¶n)" (or "(¶n)"). */
export function quoteLines(v: QuoteView, indent = '  '): string[] {
  const lines = v.text.split('\n').map((l) => `${indent}> ${l}`);
  const cite = v.showCite ? `(${citationText(v.cite, { withDoc: v.withDoc })})` : '';
  const who = v.attribution ? attributionText(v.attribution) : '';
  const tail = [who, cite].filter(Boolean).join(' ');
  if (tail) lines.push(`${indent}  ${tail}`);
  return lines;
}

function sourceLines(sources: DocInfo[]): string[] {
  return sources.map((d) => `Source: ${d.title} — ${d.url}`);
}

/**
 * @example
 * renderAnswerText(answer, cat);
 * // What Kofi Annan told the Council, in the document's words:
 * //
 * //   > “Much as we have …,” he told the Council.
 * //     — Kofi Annan, told the Council (¶5)
 */
export function renderAnswerText(answer: Answer, cat: Catalog): string {
  const v = presentAnswer(answer, cat);
  const lines = v.note ? [v.note] : [];
  lines.push(v.text ?? v.lead);
  if (v.text && v.quotes.length) lines.push('', 'Verified quotations:');
  for (const q of v.quotes) lines.push('', ...quoteLines(q));
  const sources = sourceLines(v.sources);
  if (sources.length) lines.push('', ...sources);
  return lines.join('\n');
}

/** A list of quotations (summaries, /quote, the quotation index) as blocks, with the sources they cite. */
export function renderQuotesText(quotes: Quote[], cat: Catalog, opts: QuoteViewOptions = {}): string {
  const views = quotes.map((q) => presentQuote(q, cat, opts));
  const lines = views.flatMap((v, i) => [...(i ? [''] : []), ...quoteLines(v)]);
  const sources = sourceLines(sourcesOf(views, cat));
  if (sources.length) lines.push('', ...sources);
  return lines.join('\n');
}
