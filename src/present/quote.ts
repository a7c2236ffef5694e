/**
 * An answer or a list of quotations as surface-neutral pieces: each quote's
 * verbatim text, its citation (said once) and who said which words. The
 * terminal (`terminal.ts`), the JSON CLI (`json.ts`) and Discord
 * (`src/discord/format.ts`) turn these pieces into their own output and
 * never word a citation or an attribution themselves.
 *
 * @example
 * const view = presentAnswer(answer, catalog(engine.documents()));
 * view.quotes[0].text === answer.quotes[0].quote; // always: rendering never re-words
 */
import type { Answer, Quotation, Quote } from '../types.js';
import { attributionOf, type AttributionView } from './attribution.js';
import { citationOf, type Citation } from './citation.js';
import type { Catalog, DocInfo } from './documents.js';
import { proseText } from './prose.js';

export interface QuoteView {
  quote: Quote;
  /** Exactly `quote.quote` (a verbatim slice of the document). */
  text: string;
  cite: Citation;
  /** Name the document in the citation (several documents are in play). */
  withDoc: boolean;
  /** False when a heading already names this place, so the quote is not cited twice. */
  showCite: boolean;
  attribution: AttributionView | null;
}

export interface QuoteViewOptions {
  /** A heading already names this ¶ of this document: the quotes there carry no citation of their own. */
  heading?: { doc: string; paragraph: number };
}

export function presentQuote(q: Quote, cat: Catalog, opts: QuoteViewOptions = {}): QuoteView {
  const h = opts.heading;
  return {
    quote: q,
    text: q.quote,
    cite: citationOf(q, cat),
    withDoc: cat.several,
    showCite: !(h && h.doc === q.doc && h.paragraph === q.paragraph),
    attribution: attributionOf(q),
  };
}

export interface AnswerView {
  refused: boolean;
  /** The bot's own line: the lead, or the refusal. */
  lead: string;
  /** A verified LLM text (quotations inside it exact), shown instead of the lead; a quotation listed below is not cited in it again. */
  text?: string;
  note?: string;
  quotes: QuoteView[];
  /** The documents the quotes cite that came from a URL (each once), for surfaces that list sources. */
  sources: DocInfo[];
}

export function presentAnswer(answer: Answer, cat: Catalog, opts: QuoteViewOptions = {}): AnswerView {
  const quotes = answer.refused ? [] : answer.quotes.map((q) => presentQuote(q, cat, opts));
  const view: AnswerView = { refused: answer.refused, lead: answer.lead, quotes, sources: sourcesOf(quotes, cat) };
  if (answer.text && !answer.refused) view.text = proseText(answer.text, answer.quotes);
  if (answer.note) view.note = answer.note;
  return view;
}

/** The URL documents among the cited ones, each once, in order of first citation. */
export function sourcesOf(quotes: QuoteView[], cat: Catalog): DocInfo[] {
  const out: DocInfo[] = [];
  for (const v of quotes) {
    const d = cat.get(v.cite.doc);
    if (d?.url && !out.includes(d)) out.push(d);
  }
  return out;
}

/** A quotation-index item as a quote: the speaker's words, attributed (all of them are the speaker's). */
export function quotationToQuote(q: Quotation): Quote {
  return {
    doc: q.doc,
    paragraph: q.paragraph,
    start: q.start,
    end: q.end,
    quote: q.quote,
    attribution: { speaker: q.speaker, cue: q.cue, addressee: q.addressee, setting: q.setting, words: { start: q.start, end: q.end } },
  };
}
