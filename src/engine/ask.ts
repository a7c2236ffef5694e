/**
 * The question's path, in order: sanitise → understand → retrieve → select
 * → decide → (LLM, when configured) → verify → record the turn. Each stage
 * is a plain function with its own tests; this file only feeds one into
 * the next.
 */
import type { AskOptions } from '../engine-api.js';
import { filterQuotations } from '../quotes/index.js';
import { sanitizeQuestion } from '../answer/sanitize.js';
import { quoteAt, verifyQuotes } from '../answer/verify.js';
import { answerLead, LEAD } from '../present/lead.js';
import { answerWithFallback, historyFromTurns, llmPassagesFrom } from '../answer/llm/index.js';
import { decide } from '../decide/decide.js';
import { claimCheck, saysClaim } from '../decide/claim.js';
import { isName, theirWords } from '../decide/own-words.js';
import { otherSaying } from '../decide/claim-speaker.js';
import { didSayRefusal } from '../present/did-say.js';
import { MAX_PARAGRAPHS, paragraphsCapNote, paragraphsLead } from '../present/paragraphs.js';
import { quotesByRank, withConversation } from '../decide/conversation.js';
import { refusalWording, type RefusalReason } from '../decide/reasons.js';
import { select } from '../select/select.js';
import { CHAT_REPLY } from '../understand/chat.js';
import { ENGLISH_ONLY_NOTE } from '../understand/language.js';
import { understand, type Understanding } from '../understand/understand.js';
import type { QuoteIntent } from '../understand/said.js';
import { withoutRequestWords } from '../understand/request.js';
import { searchText } from '../understand/search-text.js';
import type { QueryAhead } from '../retrieve/retrieve.js';
import type { Answer, Conversation, Passage, Quotation, Quote } from '../types.js';
import type { EngineContext } from './context.js';
import { paragraphOnly, summarize } from './summarize.js';
import { documentsIn, onlyDoc, searchIn } from './scope.js';

/** A refusal, worded from the one table. */
export function refusal(question: string, reason: RefusalReason, extra: Partial<Answer> = {}, vars: { n?: number; range?: string } = {}): Answer {
  return { question, lead: refusalWording(reason, vars), quotes: [], refused: true, reason, mode: 'extractive', ...extra };
}

/** Quotations from the index that match an attribution question, best first. */
export function matchSaid(ctx: EngineContext, said: QuoteIntent): Quotation[] {
  if (!said) return [];
  return filterQuotations(
    ctx.index.quotations,
    { speaker: 'speaker' in said ? said.speaker : undefined, to: said.kind === 'said-to' ? said.to : undefined, about: 'about' in said ? said.about : undefined },
    ctx.filterOptions(),
  );
}

/**
 * Understand and retrieve (the LLM condenses follow-ups when configured). `ahead`: the query's embedding if it was
 * started early; `meanwhile`: work that needs only the understanding, done while the search waits for the query's
 * vector (with the model in its own thread, it overlaps the embedding).
 */
export async function understandAndRetrieve(ctx: EngineContext, asked: string, conversation: Conversation | undefined, k: number, signal?: AbortSignal, understood?: Understanding, doc?: string, overlap: { ahead?: QueryAhead; meanwhile?: (u: Understanding) => void } = {}): Promise<{ u: Understanding; passages: Passage[] }> {
  let u = understood ?? understand(asked, conversation, ctx.index.quotations, ctx.correct);
  if (ctx.llm && conversation?.turns.length && u.kind !== 'more' && (u.intent.kind === 'question' || u.intent.kind === 'quote')) {
    const condensed = await ctx.llm.condense(asked, historyFromTurns(conversation.turns), { signal });
    if (condensed && condensed !== asked) {
      const scoringText = withoutRequestWords(condensed);
      u = { ...u, standalone: condensed, context: '', scoringText, query: scoringText, written: undefined };
    }
  }
  const text = searchText(ctx, u);
  // The model reads the question as written ("Anan", "cops"): the corrected words are for the lexical side.
  const searching = u.query.trim() ? searchIn(ctx, text, k, doc, overlap.ahead, text === u.query ? u.written : undefined) : Promise.resolve([]);
  overlap.meanwhile?.(u);
  return { u, passages: await searching };
}

/** A quote request for someone's words by name ("quote what Olesen said"): only their words answer. */
const ownWordsAsked = (u: Understanding) => (u.intent.kind === 'quote' && u.said?.kind === 'said' && isName(u.said.speaker) ? theirWords(u.said.speaker) : undefined);

/** A refused answer's best sentence (never shown), kept with the turn: a follow-up is most likely about the same place. */
const unshownOf = new WeakMap<Answer, { doc: string; start: number; end: number }>();

/** What an answer needs from the understanding alone: the quotations matching an attribution question, and its claim check. */
function fromUnderstanding(ctx: EngineContext, u: Understanding, doc?: string) {
  return {
    quoted: matchSaid(ctx, u.said).filter((q) => !doc || q.doc === doc),
    claim: claimCheck(u.said, ctx.claims, () => (u.said && 'speaker' in u.said && u.said.speaker ? matchSaid(ctx, { kind: 'said', speaker: u.said.speaker }) : [])),
  };
}

/** Answer a question or a quote request from retrieved passages: select, decide, verify. */
function extractive(ctx: EngineContext, u: Understanding, passages: Passage[], exclude: AskOptions['exclude'], maxQuotes: number, doc?: string, prepared = fromUnderstanding(ctx, u, doc)): Answer {
  const { quoted, claim } = prepared;
  // What the conversation established counts too (a follow-up's own words in the document weigh more).
  const selection = withConversation(select({ understanding: u, passages, index: ctx.index, stats: ctx.stats, quoted, exclude, soft: ctx.soft, topicMatch: ctx.topicMatch }), u);
  ctx.onSelection?.(u, selection);
  const decision = decide({ selection, threshold: ctx.settings.threshold, maxQuotes, continuing: u.kind === 'more' && u.shown.length > 0, topical: u.intent.kind === 'quote' || u.kind === 'more', whoSaid: u.said?.kind === 'who-said', byRank: quotesByRank(u), claim, ownWords: ownWordsAsked(u) });
  if (!decision.answer) {
    const answer = refusal(u.asked, decision.reason, { confidence: decision.confidence });
    // "Did Y say X?" refused for Y: say so, and who does say it.
    if (u.said?.kind === 'who-said' && u.said.speaker && decision.reason === 'nobody-said') {
      const other = otherSaying(selection.ranked, claim, saysClaim);
      answer.lead = didSayRefusal(u.said.speaker, other && { speaker: other.attribution!.speaker!, paragraph: other.paragraph });
    }
    const best = selection.ranked[0];
    // Only a sentence that holds some of the question's words is a place at all ("Did he win the World Cup?" has none).
    if (best && decision.reason === 'low-confidence' && best.features.cov > 0) unshownOf.set(answer, { doc: best.doc.id, start: best.start, end: best.end });
    return answer;
  }
  const quotes: Quote[] = decision.chosen.map((c) => {
    const q = quoteAt(c.doc, c.start, c.end, c.paragraph);
    return c.attribution ? { ...q, attribution: c.attribution } : q;
  });
  // The speaker the quotation index matched for the person asked about (aliases resolved), if any of it is quoted.
  const matched = quoted?.find((x) => quotes.some((q) => q.doc === x.doc && q.start < x.end && x.start < q.end))?.speaker ?? null;
  return { question: u.asked, lead: answerLead(u.said, quotes, matched), quotes: verifyQuotes(quotes, ctx.index.docById, ctx.logger), refused: false, mode: 'extractive', confidence: decision.confidence };
}

async function answerQuestion(ctx: EngineContext, understood: Understanding, conversation: Conversation | undefined, options: AskOptions, ahead?: QueryAhead): Promise<{ answer: Answer; u: Understanding }> {
  const asked = understood.asked;
  let prepared: ReturnType<typeof fromUnderstanding> | undefined;
  const meanwhile = (v: Understanding) => (prepared = fromUnderstanding(ctx, v, options.doc));
  const { u, passages } = await understandAndRetrieve(ctx, asked, conversation, ctx.settings.topK, options.signal, understood, options.doc, { ahead, meanwhile });
  let answer = extractive(ctx, u, passages, options.exclude, ctx.settings.maxQuotes, options.doc, prepared);
  // The extractive answer is always made: it is the answer, or the LLM's confidence gate and fallback.
  if (ctx.llm && !answer.refused && answer.quotes.length && u.kind !== 'more' && !options.exclude?.length) {
    const extract = answer;
    const textOf = (id: string) => ctx.index.docById.get(id)!.text;
    const history = historyFromTurns(conversation?.turns ?? []);
    const r = await answerWithFallback(ctx.llm, { question: u.standalone, passages: llmPassagesFrom(passages, textOf), history, documentText: textOf, onPartial: options.onPartial, signal: options.signal }, extract);
    answer = r.answer.refused ? { ...refusal(asked, 'llm-refused'), mode: 'llm' } : { ...r.answer, question: asked };
    if (r.note) answer.note = r.note;
    if (r.error) ctx.logger.warn({ err: r.error }, 'LLM unavailable; answered extractively');
    answer.quotes = verifyQuotes(answer.quotes, ctx.index.docById, ctx.logger);
  }
  if (!answer.refused && !answer.quotes.length) answer = refusal(asked, 'no-verified-quote', { confidence: answer.confidence });
  return { answer, u };
}

/**
 * The paragraphs a request names, as asked: the first, the others listed, and a range to a paragraph counted from the
 * end ("paragraph 3 to the last": `through` −1) spelt out once the document's end is known.
 */
function paragraphsAsked(doc: Parameters<typeof resolveParagraph>[0], first: number, also: number[] = [], through?: number): number[] {
  const range = through === undefined ? [] : Array.from({ length: Math.max(0, resolveParagraph(doc, through) - first) }, (_, i) => first + 1 + i);
  return [first, ...also, ...range];
}

/** "Summarize the article", "Summarize paragraph 3". */
async function answerSummary(ctx: EngineContext, u: Understanding, only?: string): Promise<Answer> {
  if (u.intent.kind !== 'summary') throw new Error('not a summary request');
  let documents = documentsIn(ctx, only);
  let missingNote: string | undefined;
  if (u.intent.paragraph !== undefined) {
    const doc = documents[0]!;
    // "Summarize paragraphs 3 and 4": those paragraphs only, in the document's order (a missing one is named).
    const asked = paragraphsAsked(doc, u.intent.paragraph, u.intent.also, u.intent.through).map((n) => ({ n, only: paragraphOnly(doc, resolveParagraph(doc, n)) }));
    const missing = asked.filter((a) => !a.only).sort((a, b) => a.n - b.n)[0];
    if (missing && asked.every((a) => !a.only)) return refusal(u.asked, 'no-such-paragraph', {}, paragraphVars(doc, missing.n));
    if (missing) missingNote = refusalWording('no-such-paragraph', paragraphVars(doc, missing.n));
    const parts = [...new Map(asked.flatMap((a) => (a.only ? [[a.only.paragraphs[0]!.n, a.only] as const] : []))).values()].sort((a, b) => a.paragraphs[0]!.n - b.paragraphs[0]!.n);
    documents = [{ ...doc, paragraphs: parts.flatMap((p) => p.paragraphs), sentences: parts.flatMap((p) => p.sentences) }];
  }
  const s = await summarize(ctx, { length: 'short', focus: u.intent.focus ?? null, documents });
  const answer: Answer = s.summary.length
    ? { question: u.asked, lead: LEAD.summary, quotes: s.summary, refused: false, mode: 'extractive', text: s.text, confidence: 1 }
    : refusal(u.asked, u.intent.focus ? 'low-confidence' : 'nothing-to-summarise');
  const notes = [missingNote, s.note].filter(Boolean);
  if (notes.length) answer.note = notes.join(' ');
  return answer;
}

const bodyOf = (doc: EngineContext['index']['documents'][number]) => doc.paragraphs.filter((p) => p.kind === 'body');
/** −1 ("the last paragraph") → the last body paragraph's number; −2 ("the second-to-last") the one before. */
const resolveParagraph = (doc: EngineContext['index']['documents'][number], n: number) => (n < 0 ? (bodyOf(doc).at(n)?.n ?? 0) : n);
const paragraphVars = (doc: EngineContext['index']['documents'][number], n: number) => ({ n, range: `¶1–¶${bodyOf(doc).length}` });

/** "Quote paragraph 3", "quote paragraphs 3 and 4": each whole paragraph, verbatim, in the document's order (at most MAX_PARAGRAPHS). */
function answerParagraph(ctx: EngineContext, u: Understanding, only?: string): Answer {
  if (u.intent.kind !== 'paragraph') throw new Error('not a paragraph request');
  const doc = documentsIn(ctx, only)[0]!;
  const body = bodyOf(doc);
  const asked = paragraphsAsked(doc, u.intent.n, u.intent.also, u.intent.through).map((n) => ({ n, p: body.find((x) => x.n === resolveParagraph(doc, n)) }));
  const found = [...new Set(asked.flatMap((a) => (a.p ? [a.p] : [])))].sort((a, b) => a.n - b.n);
  const missing = asked.filter((a) => !a.p).sort((a, b) => a.n - b.n)[0];
  if (!found.length) return refusal(u.asked, 'no-such-paragraph', {}, paragraphVars(doc, missing!.n));
  const shown = found.slice(0, MAX_PARAGRAPHS);
  const quotes = verifyQuotes(shown.map((p) => quoteAt(doc, p.start, p.end, p.n)), ctx.index.docById, ctx.logger);
  if (!quotes.length) return refusal(u.asked, 'no-verified-quote');
  const notes = [missing ? refusalWording('no-such-paragraph', paragraphVars(doc, missing.n)) : '', found.length > shown.length ? paragraphsCapNote(found.length, shown.length, found[shown.length]!.n) : ''].filter(Boolean);
  const answer: Answer = { question: u.asked, lead: paragraphsLead(quotes.map((q) => q.paragraph!)), quotes, refused: false, mode: 'extractive', confidence: 1 };
  if (notes.length) answer.note = notes.join(' ');
  return answer;
}

/**
 * Answer one message of a conversation.
 *
 * @example
 * const answer = await ask(ctx, 'What did Annan tell the Council?', conversation);
 */
export async function ask(ctx: EngineContext, question: string, conversation?: Conversation, options: AskOptions = {}): Promise<Answer> {
  const t0 = performance.now();
  const asked = sanitizeQuestion(question);
  const doc = onlyDoc(ctx, options.doc);
  // A question is most often searched for as asked: with the model in its own thread, its embedding starts now and
  // runs while the question is understood (searched for in other words — a follow-up, a quote request — it goes unused).
  const ahead = ctx.retriever.embedAhead(asked);
  let answer: Answer;
  let u: Understanding = understand(asked, conversation, ctx.index.quotations, ctx.correct);
  let standalone = asked;
  switch (u.intent.kind) {
    case 'chat':
      answer = { question: asked, lead: CHAT_REPLY[u.intent.tone], quotes: [], refused: false, mode: 'extractive' };
      break;
    case 'summary':
      answer = options.exclude?.length ? refusal(asked, 'exhausted') : await answerSummary(ctx, u, doc);
      break;
    case 'paragraph':
      answer = answerParagraph(ctx, u, doc);
      break;
    default:
      ({ answer, u } = await answerQuestion(ctx, u, conversation, options, ahead));
      standalone = u.standalone;
  }
  answer.intent = u.intent.kind;
  if (u.language !== 'en') answer.note = answer.note ? `${ENGLISH_ONLY_NOTE} ${answer.note}` : ENGLISH_ONLY_NOTE;
  answer.latencyMs = Math.round((performance.now() - t0) * 10) / 10;
  if (conversation) {
    const unshown = unshownOf.get(answer);
    conversation.turns.push({ question: answer.question, standalone, answer, at: ctx.now(), ...(unshown ? { unshown } : {}) });
    if (conversation.turns.length > ctx.settings.maxTurns) conversation.turns.splice(0, conversation.turns.length - ctx.settings.maxTurns);
  }
  return answer;
}

/** The best verbatim sentences about a topic (the /quote command's "about"). */
export async function quotesAbout(ctx: EngineContext, about: string, limit: number, doc?: string): Promise<Quote[]> {
  const asked = sanitizeQuestion(about);
  const u = understand(asked, undefined, ctx.index.quotations, ctx.correct);
  const topic: Understanding = { ...u, intent: { kind: 'quote', topic: asked }, said: null, answerType: null };
  const passages = await searchIn(ctx, topic.query || asked, Math.max(ctx.settings.topK, limit), doc);
  return extractive(ctx, topic, passages, undefined, limit, doc).quotes;
}
