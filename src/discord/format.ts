/**
 * Pure rendering: engine results (`Answer`, `Summary`, `Quote[]`, a paragraph
 * view) → Discord message payloads that honour every limit in `limits.ts`.
 * No client, no I/O: everything here is unit-tested without Discord.
 *
 * The wording of every lead, citation and attribution comes from
 * `src/present/` (one owner for every surface); this file only turns those
 * pieces into Discord payloads with discord.js's own formatters and builders.
 *
 * Layout of an answer (readable on a phone): an embed whose title is the
 * question, the lead line, then each quotation as a blockquote followed by
 * a small (subtext) line `— speaker, cue addressee (¶n)`: the one place the
 * quote is cited. Quoted text is escaped
 * so the reader sees exactly the source characters (`*`, `_`, `` ` ``, `>`,
 * `<@123>`, `@everyone` …), and every payload carries
 * `allowedMentions: { parse: [] }` so nothing in a document can ping anyone.
 *
 * A long answer is split into several messages at block boundaries (lead,
 * quotation); a quotation is never cut, unless a single quotation is longer
 * than a message — then it is split at its own sentence boundaries, each
 * piece still a verbatim, cited slice of the document, marked "cont.".
 *
 * @example
 * const payloads = renderAnswer(answer, { fp, docs: [{ id: doc.id, title: doc.title }] });
 * await interaction.editReply(payloads[0]);
 * for (const p of payloads.slice(1)) await interaction.followUp(p);
 */
import {
  ButtonBuilder,
  ButtonStyle,
  ComponentType,
  EmbedBuilder,
  hyperlink,
  quote as quoteLine,
  subtext,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
} from 'discord.js';
import type { ParagraphView } from '../engine-api.js';
import { attributionText } from '../present/attribution.js';
import { citationOf, citationText, placeOf, type Citation } from '../present/citation.js';
import { catalog, type Catalog, type DocSource } from '../present/documents.js';
import { echo, stripInvisible } from '../present/echo.js';
import { presentAnswer, presentQuote, type QuoteView, type QuoteViewOptions } from '../present/quote.js';
import { proseText } from '../present/prose.js';
import type { Answer, Quote, Span, Summary } from '../types.js';
import { encodeCustomId, type QuoteRef } from './custom-ids.js';
import { LIMITS, QUESTION_MAX_LENGTH } from './limits.js';

/** A message payload: accepted as-is by `channel.send`, `message.reply`, `interaction.reply/editReply/followUp/update`. */
export interface Payload {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: { parse: [] };
}

/** What rendering needs to know about the corpus: its fingerprint (for button ids) and the documents in `engine.documents()` order. */
export interface RenderContext {
  fp: string;
  docs: DocSource[];
}

const catalogs = new WeakMap<RenderContext['docs'], Catalog>();
/** The citation catalog of a render context (made once per document list). */
function catalogOf(ctx: RenderContext): Catalog {
  let c = catalogs.get(ctx.docs);
  if (!c) catalogs.set(ctx.docs, (c = catalog(ctx.docs)));
  return c;
}

/** A fresh "ping nobody" object for every payload. */
export const noMentions = (): { parse: [] } => ({ parse: [] });

export const EMBED_COLOR = 0x5865f2;
/** Refusals: the same embed as an answer, in grey. */
export const REFUSAL_COLOR = 0x99aab5;
const FOOTER_QUESTION = 'Question: ';
const FOOTER_UNDERSTOOD = 'Understood as: ';
const BLOCK_SEP = '\n\n';

// ---------------------------------------------------------------------------
// Markdown escaping

function escapeLine(line: string): string {
  let s = line.replace(/[\\*_`~|<[\]]/g, '\\$&');
  s = s.replace(/@(everyone|here)/g, '\\@$1');
  // Constructs that only count at the start of a line: blockquote, heading, subtext/list, numbered list.
  s = s.replace(/^(\s*)([>#\-+])/, '$1\\$2');
  s = s.replace(/^(\s*\d+)([.)])/, '$1\\$2');
  return s;
}

/**
 * Escape Discord markdown so the rendered text equals the input: every
 * markdown character gets a backslash (Discord shows `\x` as `x` for any
 * punctuation `x`), mentions (`<@1>`, `<#1>`, `<t:1>`), `@everyone`/`@here`
 * and line-start constructs (`>`, `#`, `-`, `1.`) included.
 *
 * @example
 * escapeMarkdown('*not bold* <@123>'); // '\\*not bold\\* \\<@123>'
 */
export function escapeMarkdown(text: string): string {
  return text.split('\n').map(escapeLine).join('\n');
}

/** What Discord shows for escaped text: a backslash before punctuation disappears. Inverse of {@link escapeMarkdown}. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([^0-9A-Za-z\s])/g, '$1');
}

// ---------------------------------------------------------------------------
// Segmentation helpers (pure, offsets relative to the given string)

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Sentence spans of `text` (each includes its trailing whitespace); together they cover `text`. */
function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const s of sentenceSegmenter.segment(text)) spans.push({ start: s.index, end: s.index + s.segment.length });
  return spans;
}

/** Word-ish spans (a run of non-space followed by its spaces); together they cover `text`. */
function wordSpans(text: string, from: number, to: number): Span[] {
  const spans: Span[] = [];
  const re = /\s*\S+\s*|\s+/gy;
  re.lastIndex = from;
  while (re.lastIndex < to) {
    const m = re.exec(text);
    if (!m) break;
    const end = Math.min(m.index + m[0].length, to);
    spans.push({ start: m.index, end });
    if (end === to) break;
  }
  return spans;
}

/** Cut [from, to) into spans whose rendering fits, never inside a surrogate pair. */
function hardSpans(text: string, from: number, to: number, fits: (s: Span) => boolean): Span[] {
  const spans: Span[] = [];
  let a = from;
  while (a < to) {
    let lo = a + 1;
    let hi = to;
    // largest b in (a, to] with fits({a, b}); fits is monotone in b
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fits({ start: a, end: mid })) lo = mid;
      else hi = mid - 1;
    }
    let b = Math.max(lo, a + 1);
    const code = text.charCodeAt(b - 1);
    if (b < to && code >= 0xd800 && code <= 0xdbff && b - 1 > a) b -= 1;
    spans.push({ start: a, end: b });
    a = b;
  }
  return spans;
}

/** Trim whitespace from both ends of a span of `text`. */
function trimSpan(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/**
 * Split `text` into consecutive spans whose renderings each satisfy `fits`,
 * preferring sentence boundaries, never cutting inside a `protect`ed span
 * unless that span alone cannot fit; then words; then characters.
 */
function splitSpans(text: string, fits: (s: Span) => boolean, protect: Span[] = []): Span[] {
  const whole = { start: 0, end: text.length };
  if (fits(whole)) return [whole];
  // Atoms: sentences merged so no protected span is cut.
  let atoms = sentenceSpans(text);
  const merged: Span[] = [];
  for (const a of atoms) {
    const prev = merged[merged.length - 1];
    if (prev && protect.some((p) => p.start < prev.end && p.end > prev.end)) prev.end = a.end;
    else merged.push({ ...a });
  }
  atoms = merged.flatMap((a) => {
    if (fits(trimSpan(text, a))) return [a];
    return wordSpans(text, a.start, a.end).flatMap((w) => (fits(trimSpan(text, w)) ? [w] : hardSpans(text, w.start, w.end, fits)));
  });
  // Greedy packing of atoms.
  const out: Span[] = [];
  let cur: Span | null = null;
  for (const a of atoms) {
    if (cur && fits(trimSpan(text, { start: cur.start, end: a.end }))) cur.end = a.end;
    else {
      if (cur) out.push(cur);
      cur = { ...a };
    }
  }
  if (cur) out.push(cur);
  return out.map((s) => trimSpan(text, s)).filter((s) => s.end > s.start);
}

// ---------------------------------------------------------------------------
// Blocks

interface Block {
  text: string;
  /** The whole quotation this block starts (for its Show context button). */
  quote?: Quote;
}

/** A URL safe inside a markdown link: parsed, with the characters that would end the link encoded. */
function linkTarget(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.href.replace(/[()<> ]/g, (c) => encodeURIComponent(c));
  } catch {
    return null;
  }
}

/** A heading that cites one place: "¶2", "p. 3 ¶2", or "Title, ¶2" when several documents are indexed (plain text). */
export function placeHeading(doc: string, paragraph: number, ctx: RenderContext): string {
  const cat = catalogOf(ctx);
  return citationText(citationOf({ doc, paragraph }, cat), { withDoc: cat.several });
}

/** A document's title as markdown, linked to its source when it came from a URL. */
export function docName(d: { title: string; url?: string }): string {
  const target = d.url ? linkTarget(d.url) : null;
  return target ? hyperlink(escapeMarkdown(d.title), target) : escapeMarkdown(d.title);
}

/** "(¶5)", or with several documents "(Title, p. 3 ¶2)", the title linked to its source when it came from a URL. */
function citationMarkdown(c: Citation, withDoc: boolean, cont: boolean): string {
  const doc = withDoc ? `${docName(c)}, ` : '';
  return `(${doc}${placeOf(c)}${cont ? ', cont.' : ''})`;
}

/** The small line under a quotation: "— speaker, cue addressee (¶n)", the attribution only when the text names a speaker. */
function quoteFooter(v: QuoteView, cont: boolean): string {
  const who = v.attribution ? escapeMarkdown(attributionText(v.attribution)) : '';
  const cite = v.showCite || cont ? citationMarkdown(v.cite, v.withDoc, cont) : '';
  const line = [who, cite].filter(Boolean).join(' ');
  return line ? `\n${subtext(line)}` : '';
}

/** The citation line of a quote as Discord shows it (`-# — speaker, cue addressee (¶n)`). */
export function citationLine(q: Quote, ctx: RenderContext, cont = false): string {
  return quoteFooter(presentQuote(q, catalogOf(ctx)), cont).slice(1);
}

function blockquote(text: string): string {
  return text
    .split('\n')
    .map((l) => quoteLine(escapeMarkdown(l)))
    .join('\n');
}

/** A quotation as one or more blocks, each ≤ budget; pieces are verbatim slices with their own offsets. */
function quoteBlocks(v: QuoteView, budget: number): Block[] {
  const q = v.quote;
  const render = (text: string, cont: boolean) => `${blockquote(text)}${quoteFooter(v, cont)}`;
  const whole = render(q.quote, false);
  if (whole.length <= budget) return [{ text: whole, quote: q }];
  const spans = splitSpans(q.quote, (s) => render(q.quote.slice(s.start, s.end), true).length <= budget);
  return spans.map((s, i) => ({ text: render(q.quote.slice(s.start, s.end), i > 0), quote: i === 0 ? q : undefined }));
}

/**
 * Split a quotation that is too long for `budget` characters of rendering at
 * its sentence boundaries: every piece is `document.slice(start, end)`.
 * Exposed for tests; renderers call it through the block splitter.
 */
export function splitQuote(q: Quote, budget: number, ctx: RenderContext): Quote[] {
  const v = presentQuote(q, catalogOf(ctx));
  const render = (text: string) => `${blockquote(text)}${quoteFooter(v, true)}`;
  if (render(q.quote).length <= budget) return [q];
  return splitSpans(q.quote, (s) => render(q.quote.slice(s.start, s.end)).length <= budget).map((s) => ({
    ...q,
    start: q.start + s.start,
    end: q.start + s.end,
    quote: q.quote.slice(s.start, s.end),
  }));
}

/** Plain prose (lead, LLM text, notes) as blocks ≤ budget, split at sentences, never inside a protected span (a quotation). */
function textBlocks(text: string, budget: number, protect: Span[] = []): Block[] {
  if (!text.trim()) return [];
  return splitSpans(text, (s) => escapeMarkdown(text.slice(s.start, s.end)).length <= budget, protect).map((s) => ({
    text: escapeMarkdown(text.slice(s.start, s.end)),
  }));
}

/** Where the quotations occur in a free text (so splitting the text never cuts one). */
function quoteSpansIn(text: string, quotes: Quote[]): Span[] {
  const spans: Span[] = [];
  for (const q of quotes) {
    if (!q.quote) continue;
    for (let at = text.indexOf(q.quote); at >= 0; at = text.indexOf(q.quote, at + q.quote.length)) spans.push({ start: at, end: at + q.quote.length });
  }
  return spans;
}

/** A one-line note for the user (e.g. "the LLM was unavailable"), in italics. */
function noteBlocks(note: string | undefined, budget: number): Block[] {
  if (!note?.trim()) return [];
  return textBlocks(note.trim(), budget - 2).map((b) => ({ text: `*${b.text}*` }));
}

function pack(blocks: Block[], budget: number): Block[][] {
  const pages: Block[][] = [];
  let cur: Block[] = [];
  let len = 0;
  for (const b of blocks) {
    const add = (cur.length ? BLOCK_SEP.length : 0) + b.text.length;
    if (cur.length && len + add > budget) {
      pages.push(cur);
      cur = [];
      len = 0;
    }
    len += (cur.length ? BLOCK_SEP.length : 0) + b.text.length;
    cur.push(b);
  }
  if (cur.length) pages.push(cur);
  return pages;
}

/** Escape and fit into `max` characters, cutting the raw text (never an escape sequence) and adding "…". */
function fitEscaped(raw: string, max: number): { text: string; truncated: boolean } {
  const full = escapeMarkdown(raw.replace(/\s+/g, ' ').trim());
  if (full.length <= max) return { text: full, truncated: false };
  const flat = raw.replace(/\s+/g, ' ').trim();
  let lo = 0;
  let hi = flat.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (escapeMarkdown(flat.slice(0, mid).trimEnd()).length + 1 <= max) lo = mid;
    else hi = mid - 1;
  }
  return { text: `${escapeMarkdown(cutText(flat, lo).trimEnd())}…`, truncated: true };
}

function plainFit(raw: string, max: number): string {
  return raw.length <= max ? raw : `${cutText(raw, max - 1)}…`;
}

/** The first `n` UTF-16 units of `text`, one fewer when the cut would split a surrogate pair (Discord refuses a lone half). */
export function cutText(text: string, n: number): string {
  const code = text.charCodeAt(n - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? n - 1 : n);
}

/** `text` whole when it fits in `max` characters, else cut (never inside an emoji) with an ellipsis: thread names, choice names. */
export const ellipsize = (text: string, max: number) => (text.length <= max ? text : `${cutText(text, max - 1).trimEnd()}…`);

/** A lone surrogate (half an emoji): what a cut in the wrong place leaves. */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// ---------------------------------------------------------------------------
// Buttons

/**
 * A Show context button. Its label does not cite the paragraph again (the
 * quote's own line does): "Show in context" for a message with one
 * quotation, "Quote 2 in context" when there are several, in reading order.
 */
function contextButton(q: Quote, ctx: RenderContext, label: string): APIButtonComponentWithCustomId | null {
  const doc = ctx.docs.findIndex((d) => d.id === q.doc);
  // The title / boilerplate (¶0) is not a paragraph one can step through: no button.
  if (doc < 0 || q.paragraph <= 0) return null;
  return new ButtonBuilder()
    .setStyle(ButtonStyle.Secondary)
    .setLabel(plainFit(label, LIMITS.buttonLabel))
    .setCustomId(encodeCustomId({ kind: 'context', fp: ctx.fp, doc, paragraph: q.paragraph, start: q.start, end: q.end }))
    .toJSON() as APIButtonComponentWithCustomId;
}

function rows(buttons: APIButtonComponent[]): APIActionRowComponent<APIButtonComponent>[] {
  const out: APIActionRowComponent<APIButtonComponent>[] = [];
  const max = LIMITS.actionRows * LIMITS.buttonsPerRow;
  const list = buttons.slice(0, max);
  for (let i = 0; i < list.length; i += LIMITS.buttonsPerRow) {
    out.push({ type: ComponentType.ActionRow, components: list.slice(i, i + LIMITS.buttonsPerRow) });
  }
  return out;
}

function buttonsFor(page: Block[], ctx: RenderContext, more: APIButtonComponent | null): APIActionRowComponent<APIButtonComponent>[] {
  const ids = new Set<string>();
  const btns: APIButtonComponent[] = [];
  const room = LIMITS.actionRows * LIMITS.buttonsPerRow - (more ? 1 : 0);
  const quoted = page.filter((b) => b.quote);
  for (const [i, b] of quoted.entries()) {
    if (!b.quote || btns.length >= room) continue;
    const btn = contextButton(b.quote, ctx, quoted.length === 1 ? 'Show in context' : `Quote ${i + 1} in context`);
    if (!btn || ids.has(btn.custom_id)) continue;
    ids.add(btn.custom_id);
    btns.push(btn);
  }
  if (more) btns.push(more);
  return rows(btns);
}

/**
 * A message's component rows with one button (by custom id) disabled, and
 * relabelled if asked: a used or exhausted More quotes stays visible but can
 * no longer be clicked. Other rows and components are kept as they were.
 */
export function withButtonDisabled<T extends { type: number; components?: unknown[] }>(rows: T[], customId: string, label?: string): T[] {
  return rows.map((row) => {
    if (row.type !== ComponentType.ActionRow || !Array.isArray(row.components)) return row;
    const components = row.components.map((c) => {
      const b = c as { type: number; custom_id?: string };
      if (b.type !== ComponentType.Button || b.custom_id !== customId) return c;
      const json = ButtonBuilder.from(b as APIButtonComponentWithCustomId).setDisabled(true);
      if (label) json.setLabel(plainFit(label, LIMITS.buttonLabel));
      return json.toJSON();
    });
    return { ...row, components };
  });
}

// ---------------------------------------------------------------------------
// Messages

interface EmbedPagesOptions {
  title?: string;
  color?: number;
  /** Raw footer text for the last message (plain text, not markdown). */
  footer?: string;
  more?: APIButtonComponent | null;
}

function embedPages(blocks: Block[], ctx: RenderContext, opts: EmbedPagesOptions): Payload[] {
  const title = opts.title ?? '';
  const footer = opts.footer ? plainFit(opts.footer, LIMITS.footerText) : '';
  const budget = Math.min(LIMITS.embedDescription, LIMITS.embedTotal - title.length - footer.length);
  // Blocks were built against a budget no larger than this one, so each fits a page on its own.
  const pages = pack(blocks, budget);
  if (pages.length === 0) pages.push([]);
  return pages.map((page, i) => {
    const last = i === pages.length - 1;
    const embed = new EmbedBuilder().setColor(opts.color ?? EMBED_COLOR);
    if (i === 0 && title) embed.setTitle(title);
    const description = page.map((b) => b.text).join(BLOCK_SEP);
    if (description) embed.setDescription(description);
    else if (!(i === 0 && title)) embed.setDescription('\u200b');
    if (last && footer) embed.setFooter({ text: footer });
    const components = buttonsFor(page, ctx, last ? opts.more ?? null : null);
    const payload: Payload = { embeds: [embed.toJSON()], allowedMentions: noMentions() };
    if (components.length) payload.components = components;
    return payload;
  });
}

/**
 * Plain-text message(s) (notices, errors): split at sentence boundaries into
 * ≤ 2000-character contents. Escaped, unless `markdown` says the text is the
 * bot's own markdown (a hint showing `/help` as code) with nothing a user typed in it.
 */
export function renderNotice(text: string, opts: { markdown?: boolean } = {}): Payload[] {
  if (opts.markdown && text.trim() && text.length <= LIMITS.content) return [{ content: text, allowedMentions: noMentions() }];
  const blocks = textBlocks(text, LIMITS.content);
  if (!blocks.length) return [{ content: '\u200b', allowedMentions: noMentions() }];
  return blocks.map((b) => ({ content: b.text, allowedMentions: noMentions() }));
}

/** The question (or any user-typed heading) as an embed title: control, zero-width and bidi characters removed, escaped, fitted. */
function titleOf(typed: string): { text: string; truncated: boolean; plain: string } {
  const plain = echo(typed);
  return { ...fitEscaped(plain, LIMITS.embedTitle), plain };
}

/** A refusal looks like an answer that found nothing: the same embed, titled with the question, in grey, without buttons. */
function refusalPages(title: string, text: string): Payload[] {
  const budget = Math.min(LIMITS.embedDescription, LIMITS.embedTotal - title.length);
  return embedPages(textBlocks(stripInvisible(text), budget), { fp: '', docs: [] }, { title, color: REFUSAL_COLOR });
}

export const MORE_QUOTES_LABEL = 'More quotes';

export interface RenderAnswerOptions {
  /** The question as the user typed it (default `answer.question`). Shown as the title. */
  question?: string;
  /** The question after resolving follow-ups; shown ("Understood as …") when it differs, and used by More quotes. */
  standalone?: string;
  /** Quotes shown before this answer (More quotes chains): they stay excluded on the next click. */
  excluded?: QuoteRef[];
  /** Add the More quotes button (default true when the answer has quotes). */
  more?: boolean;
}

/**
 * Render an engine `Answer`: one embed per message with the question as
 * title, the lead, the quotations and their Show context buttons; the last
 * message gets More quotes. A refusal is the same embed (grey, no buttons)
 * holding the refusal's sentence.
 */
export function renderAnswer(answer: Answer, ctx: RenderContext, opts: RenderAnswerOptions = {}): Payload[] {
  const title = titleOf(opts.question ?? answer.question);
  const question = title.plain;
  // A refusal's lead is the engine's sentence for the user; `reason` is a diagnostic for the log.
  if (answer.refused) return refusalPages(title.text, answer.lead?.trim() ? answer.lead : "The document doesn't say.");
  const standalone = echo(opts.standalone ?? question);
  const understood = standalone && standalone !== question;
  const view = presentAnswer(answer, catalogOf(ctx));

  // Pre-compute a conservative footer to size the description budget.
  const recoverable = standalone || question;
  const footerFor = (multi: boolean) =>
    understood
      ? `${FOOTER_UNDERSTOOD}${plainFit(standalone, QUESTION_MAX_LENGTH)}`
      : multi || title.truncated
        ? `${FOOTER_QUESTION}${plainFit(question, QUESTION_MAX_LENGTH)}`
        : '';
  const worstFooter = footerFor(true);
  const budget = Math.min(LIMITS.embedDescription, LIMITS.embedTotal - title.text.length - worstFooter.length);

  const blocks: Block[] = [];
  // An LLM answer's lead is its text's first sentence: show the text alone (as the terminal does), not that sentence twice.
  if (view.text) blocks.push(...textBlocks(view.text, budget, quoteSpansIn(view.text, answer.quotes)));
  else blocks.push(...textBlocks(stripInvisible(view.lead), budget));
  blocks.push(...noteBlocks(answer.note, budget));
  for (const v of view.quotes) blocks.push(...quoteBlocks(v, budget));

  const shown: QuoteRef[] = [];
  for (const q of answer.quotes) {
    const doc = ctx.docs.findIndex((d) => d.id === q.doc);
    if (doc >= 0) shown.push({ doc, start: q.start, end: q.end });
  }
  const wantMore = (opts.more ?? true) && answer.quotes.length > 0 && !!recoverable;
  const more: APIButtonComponent | null = wantMore
    ? new ButtonBuilder()
        .setStyle(ButtonStyle.Primary)
        .setLabel(MORE_QUOTES_LABEL)
        .setCustomId(encodeCustomId({ kind: 'more', fp: ctx.fp, shown: [...shown, ...(opts.excluded ?? [])] }))
        .toJSON()
    : null;
  const multi = pack(blocks, budget).length > 1;
  return embedPages(blocks, ctx, { title: title.text, footer: footerFor(multi) || undefined, more });
}

/**
 * Recover the question an answer message was about (for More quotes after a
 * restart): the footer when present, else the (unescaped) title.
 */
export function questionFromMessage(message: { embeds?: ReadonlyArray<{ title?: string | null; footer?: { text: string } | null }> }): string | undefined {
  const embeds = message.embeds ?? [];
  for (const e of [...embeds].reverse()) {
    const f = e.footer?.text;
    if (f?.startsWith(FOOTER_UNDERSTOOD)) return f.slice(FOOTER_UNDERSTOOD.length);
    if (f?.startsWith(FOOTER_QUESTION)) return f.slice(FOOTER_QUESTION.length);
  }
  const t = embeds.find((e) => e.title)?.title;
  if (!t || t.endsWith('…')) return undefined;
  return unescapeMarkdown(t);
}

/**
 * A list of verbatim quotations (from /quote, /summary) with their citations
 * and Show context buttons; `text` (an LLM's fluent version, quotes inside
 * verified) comes first, split without cutting a quotation.
 */
export function renderQuotes(
  quotes: Quote[],
  ctx: RenderContext,
  opts: { title: string; intro?: string; text?: string; empty: string } & QuoteViewOptions,
): Payload[] {
  const title = titleOf(opts.title).text;
  if (!quotes.length) return refusalPages(title, [opts.intro, opts.empty].filter(Boolean).join(' '));
  const budget = Math.min(LIMITS.embedDescription, LIMITS.embedTotal - title.length);
  const blocks: Block[] = [...noteBlocks(opts.intro, budget)];
  const text = opts.text ? proseText(opts.text, quotes) : '';
  if (text) blocks.push(...textBlocks(text, budget, quoteSpansIn(text, quotes)));
  const cat = catalogOf(ctx);
  for (const q of quotes) blocks.push(...quoteBlocks(presentQuote(q, cat, opts), budget));
  return embedPages(blocks, ctx, { title });
}

/** A summary whose every sentence is a cited quotation. */
export function renderSummary(summary: Summary, ctx: RenderContext): Payload[] {
  const title = `Summary (${summary.length})${summary.focus ? ` — ${summary.focus}` : ''}`;
  return renderQuotes(summary.summary, ctx, {
    title,
    intro: summary.note,
    text: summary.text,
    empty: summary.focus ? `Nothing in the document matches “${summary.focus}”.` : 'There is nothing to summarise.',
  });
}

/**
 * The Show context view: the whole paragraph with the quoted part in bold
 * (windowed with "…" if the paragraph is too long for one embed), and ◀ ▶
 * buttons stepping through paragraphs. `highlight` is in document offsets.
 */
export function renderParagraph(view: ParagraphView, doc: number, highlight: Span | null, ctx: RenderContext): Payload {
  const p = view.paragraph;
  const text = view.text;
  let hs = 0;
  let he = 0;
  if (highlight && highlight.end > p.start && highlight.start < p.end) {
    const t = trimSpan(text, { start: Math.max(highlight.start, p.start) - p.start, end: Math.min(highlight.end, p.end) - p.start });
    hs = t.start;
    he = t.end;
  }
  const c = citationOf({ doc: view.doc, paragraph: p.n, page: p.page }, catalogOf(ctx));
  const title = fitEscaped(`${view.title || c.title} — ${placeOf(c)}`, LIMITS.embedTitle).text;
  const max = Math.min(LIMITS.embedDescription, LIMITS.embedTotal - title.length);
  const hasHl = he > hs;
  const clamp = (x: number, a: number, b: number) => Math.min(b, Math.max(a, x));
  const half = (i: number) => i > 0 && i < text.length && /[\uDC00-\uDFFF]/.test(text[i]!) && /[\uD800-\uDBFF]/.test(text[i - 1]!);
  const build = (a0: number, b0: number) => {
    // A window never starts or ends inside an emoji.
    const a = half(a0) ? a0 + 1 : a0;
    const b = half(b0) ? b0 - 1 : b0;
    let out = a > 0 ? '… ' : '';
    if (hasHl) {
      const ms = clamp(hs, a, b);
      const me = clamp(he, a, b);
      out += escapeMarkdown(text.slice(a, ms));
      if (me > ms) out += `**${escapeMarkdown(text.slice(ms, me))}**`;
      out += escapeMarkdown(text.slice(me, b));
    } else out += escapeMarkdown(text.slice(a, b));
    return out + (b < text.length ? ' …' : '');
  };
  // The largest window around the highlight (or from the start) that fits.
  const largest = (window: (r: number) => [number, number], hi: number) => {
    let lo = 0;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      const [a, b] = window(mid);
      if (build(a, b).length <= max) lo = mid;
      else hi = mid - 1;
    }
    return window(lo);
  };
  let description = build(0, text.length);
  if (description.length > max) {
    const around = (r: number): [number, number] => (hasHl ? [Math.max(0, hs - r), Math.min(text.length, he + r)] : [0, Math.min(text.length, r)]);
    let [a, b] = largest(around, text.length);
    if (build(a, b).length > max) [a, b] = largest((k) => [hs, Math.min(he, hs + k)], he - hs);
    description = build(a, b);
  }
  if (description.length > max) description = `${cutText(description, max - 1)}…`;

  const nav = (slot: 'prev' | 'next', target: number | null, label: string): APIButtonComponent =>
    new ButtonBuilder()
      .setStyle(ButtonStyle.Secondary)
      .setLabel(label)
      .setDisabled(target === null)
      .setCustomId(
        target === null
          ? encodeCustomId({ kind: 'noop', slot })
          : encodeCustomId({ kind: 'page', fp: ctx.fp, doc, paragraph: target, start: highlight?.start ?? 0, end: highlight?.end ?? 0 }),
      )
      .toJSON();
  return {
    embeds: [new EmbedBuilder().setColor(EMBED_COLOR).setTitle(title).setDescription(description || '\u200b').toJSON()],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [nav('prev', view.prev, view.prev !== null ? `◀ ¶${view.prev}` : '◀'), nav('next', view.next, view.next !== null ? `¶${view.next} ▶` : '▶')],
      },
    ],
    allowedMentions: noMentions(),
  };
}

/** A streaming partial answer (LLM): plain escaped text, cut to fit one message. */
export function renderPartial(text: string): Payload {
  const esc = escapeMarkdown(text);
  const content = esc.length <= LIMITS.content ? esc : fitEscaped(text, LIMITS.content).text;
  return { content: content || '…', allowedMentions: noMentions() };
}

// ---------------------------------------------------------------------------
// Checks (used by the tests and as a guard before sending)

/** Every limit a payload breaks (empty when it is valid). */
export function payloadProblems(p: Payload): string[] {
  const problems: string[] = [];
  if (!p.allowedMentions || !Array.isArray(p.allowedMentions.parse) || p.allowedMentions.parse.length !== 0) problems.push('allowedMentions.parse must be []');
  if (p.content !== undefined && p.content.length > LIMITS.content) problems.push(`content ${p.content.length} > ${LIMITS.content}`);
  if (stringsOf(p).some((x) => LONE_SURROGATE.test(x))) problems.push('a lone surrogate (half an emoji)');
  const embeds = p.embeds ?? [];
  if (!p.content && !embeds.length) problems.push('empty message');
  if (embeds.length > LIMITS.embeds) problems.push(`${embeds.length} embeds > ${LIMITS.embeds}`);
  let total = 0;
  for (const e of embeds) {
    if ((e.title?.length ?? 0) > LIMITS.embedTitle) problems.push(`title ${e.title!.length} > ${LIMITS.embedTitle}`);
    if ((e.description?.length ?? 0) > LIMITS.embedDescription) problems.push(`description ${e.description!.length} > ${LIMITS.embedDescription}`);
    if ((e.footer?.text.length ?? 0) > LIMITS.footerText) problems.push('footer too long');
    if ((e.author?.name.length ?? 0) > LIMITS.authorName) problems.push('author too long');
    const fields = e.fields ?? [];
    if (fields.length > LIMITS.embedFields) problems.push(`${fields.length} fields > ${LIMITS.embedFields}`);
    for (const f of fields) {
      if (f.name.length > LIMITS.fieldName) problems.push('field name too long');
      if (f.value.length > LIMITS.fieldValue) problems.push(`field value ${f.value.length} > ${LIMITS.fieldValue}`);
      total += f.name.length + f.value.length;
    }
    total += (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
  }
  if (total > LIMITS.embedTotal) problems.push(`embed total ${total} > ${LIMITS.embedTotal}`);
  const rowsList = p.components ?? [];
  if (rowsList.length > LIMITS.actionRows) problems.push(`${rowsList.length} action rows > ${LIMITS.actionRows}`);
  const ids = new Set<string>();
  for (const r of rowsList) {
    if (r.components.length > LIMITS.buttonsPerRow) problems.push('too many buttons in a row');
    for (const c of r.components) {
      if ('label' in c && (c.label?.length ?? 0) > LIMITS.buttonLabel) problems.push('button label too long');
      if ('custom_id' in c) {
        if (c.custom_id.length > LIMITS.customId) problems.push(`custom_id ${c.custom_id.length} > ${LIMITS.customId}`);
        if (ids.has(c.custom_id)) problems.push(`duplicate custom_id ${c.custom_id}`);
        ids.add(c.custom_id);
      }
    }
  }
  return problems;
}

/** Every string inside a payload (content, embed and component texts). */
function stringsOf(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (v && typeof v === 'object') return Object.values(v).flatMap(stringsOf);
  return [];
}
