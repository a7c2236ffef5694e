/**
 * Optional LLM answers over any OpenAI-compatible endpoint (Ollama,
 * llama.cpp server, LM Studio, vLLM, OpenAI…) that still quote verbatim.
 *
 * The model gets the system prompt, the question, the conversation so far and
 * the retrieved passages — nothing else. Its text is then verified
 * ({@link verifyLlmText}): every quotation must be an exact slice of a
 * retrieved passage, every [¶n] must name a retrieved paragraph. Any failure
 * of the endpoint throws {@link LlmUnavailableError} so the caller can fall
 * back to the extractive answer.
 *
 * @example
 * const llm = llmConfigured(config) ? createLlmAnswerer({ config, logger, prompts: await loadPrompts(config.PROMPTS_DIR) }) : null;
 */
import type { Config } from '../../config.js';
import { UserError } from '../../errors.js';
import type { Logger } from '../../log.js';
import type { Answer, Passage, Quote, Turn } from '../../types.js';
import { createChatClient, type ChatMessage } from './client.js';
import { abortError, LlmUnavailableError } from './errors.js';
import {
  describeLength,
  formatFocus,
  formatHistory,
  formatPassages,
  formatQuestion,
  loadPrompts,
  renderPrompt,
  type Prompts,
} from './prompts.js';
import { leadLine, stripThinking, verifyLlmText, type LlmPassage, type VerifyOptions } from './verify.js';

export { LlmUnavailableError, type LlmFailure } from './errors.js';
export { loadPrompts, renderPrompt, PROMPT_SPECS, type Prompts, type PromptName } from './prompts.js';
export { verifyLlmText, findQuoteSpans, normaliseQuote, type LlmPassage, type VerifiedText, type VerifyOptions } from './verify.js';

/** What the model is told to answer, exactly, when the passages do not answer the question. */
export const REFUSAL_PHRASE = 'NOT IN DOCUMENT';
const REFUSAL_RE = /\bNOT\s+IN\s+(?:THE\s+)?DOCUMENT\b/;

export interface HistoryTurn {
  question: string;
  answerText: string;
}

export interface LlmAnswerer {
  /** "model @ host", for `about().llm` and logs. */
  readonly label: string;
  /**
   * Rewrite a follow-up ("what did he say next?") into a standalone question
   * using the conversation. Falls back to the input on any failure (and when
   * there is no history, without calling the endpoint). Only a cancel through
   * `opts.signal` rejects (with an AbortError).
   *
   * @example
   * const standalone = await llm.condense('And what did he tell the regional organizations?', history);
   */
  condense(question: string, history: HistoryTurn[], opts?: { signal?: AbortSignal }): Promise<string>;
  /**
   * Answer from the passages. Streams the raw text so far through
   * `onPartial` (a draft: its quotations are not yet checked). Returns a
   * verified Answer with mode 'llm' (refused when the model says the
   * document doesn't answer), or throws {@link LlmUnavailableError} (with
   * cause) when the endpoint is down, slow, rate-limited, failing,
   * malformed, out of context, or gave no verifiable quotation.
   *
   * @example
   * try { return await llm.answer({ question, passages, history, documentText, onPartial }); }
   * catch (e) { if (e instanceof LlmUnavailableError) return { ...extractive, mode: 'llm-fallback' }; throw e; }
   */
  answer(input: {
    question: string;
    passages: LlmPassage[];
    history: HistoryTurn[];
    documentText: (doc: string) => string;
    onPartial?: (text: string) => void;
    signal?: AbortSignal;
  }): Promise<Answer>;
  /**
   * Write a fluent summary from the extractive summary's quotations, verified
   * the same way (its quotations must be inside the given ones).
   *
   * @example
   * const { text, quotes } = await llm.summarize({ quotes: summary.summary, length: 'short', focus: null, documentText });
   */
  summarize(input: {
    quotes: Quote[];
    length: string;
    focus: string | null;
    documentText: (doc: string) => string;
    onPartial?: (t: string) => void;
    signal?: AbortSignal;
  }): Promise<{ text: string; quotes: Quote[] }>;
}

export interface LlmAnswererOptions extends VerifyOptions {
  /** Throw 'unverifiable' (→ extractive fallback) when no quotation survives verification. Default true. */
  requireQuote?: boolean;
}

/**
 * Try the LLM; on {@link LlmUnavailableError} return the extractive answer
 * with mode 'llm-fallback' and the one-line note to show. Cancels (AbortError)
 * and bugs propagate.
 *
 * @example
 * const { answer, note } = await answerWithFallback(llm, { question, passages, history, documentText, onPartial }, extractive);
 * if (note) print(note); // "The language model did not answer in time (30 s) — showing the extractive answer."
 */
export async function answerWithFallback(
  llm: LlmAnswerer,
  input: Parameters<LlmAnswerer['answer']>[0],
  extractive: Answer | (() => Answer | Promise<Answer>),
): Promise<{ answer: Answer; note: string | null; error: LlmUnavailableError | null }> {
  try {
    return { answer: await llm.answer(input), note: null, error: null };
  } catch (e) {
    if (!(e instanceof LlmUnavailableError)) throw e;
    const base = typeof extractive === 'function' ? await extractive() : extractive;
    return { answer: { ...base, mode: 'llm-fallback' }, note: e.note, error: e };
  }
}

/**
 * Retrieved passages (engine `Passage`s) as what the LLM sees, in rank order.
 *
 * @example
 * const passages = llmPassagesFrom(retrieved, (id) => index.docById.get(id)!.text);
 */
export function llmPassagesFrom(passages: Passage[], documentText: (doc: string) => string): LlmPassage[] {
  return [...passages]
    .sort((a, b) => a.rank - b.rank)
    .map(({ chunk: c }) => ({ doc: c.docId, paragraph: c.paragraph, start: c.start, end: c.end, text: documentText(c.docId).slice(c.start, c.end) }));
}

/**
 * The conversation so far as the LLM sees it: each turn's (standalone)
 * question and the answer's verified text, or its lead and quotations.
 *
 * @example
 * const history = historyFromTurns(conversation?.turns ?? []);
 */
export function historyFromTurns(turns: Turn[]): HistoryTurn[] {
  return turns.map((t) => ({
    question: t.standalone || t.question,
    answerText: t.answer.refused
      ? t.answer.lead
      : t.answer.text ?? [t.answer.lead, ...t.answer.quotes.map((q) => `“${q.quote}” [¶${q.paragraph}]`)].join(' '),
  }));
}

/** Is an LLM configured (base URL and model both set)? */
export function llmConfigured(config: Config): boolean {
  return !!config.LLM_BASE_URL && !!config.LLM_MODEL;
}

/** Clean a model's condensed question: first line, no label, no wrapping quotes; null if unusable. */
export function cleanCondensed(text: string): string | null {
  const line = stripThinking(text)
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.length > 0);
  if (!line) return null;
  let q = line
    .replace(/^(?:standalone|rewritten|reformulated)?\s*question\s*:\s*/i, '')
    .replace(/<\/?question>/gi, '')
    .trim();
  const wrap = /^(["“'‘`])([\s\S]*)(["”'’`])$/.exec(q);
  if (wrap) q = wrap[2].trim();
  if (!q || q.length > 500 || REFUSAL_RE.test(q)) return null;
  return q;
}

function removalNote(n: number): string {
  return n ? `\n\n(${n === 1 ? 'One quotation' : `${n} quotations`} the model gave ${n === 1 ? 'is' : 'are'} not in the document and ${n === 1 ? 'was' : 'were'} removed.)` : '';
}

/**
 * Build the LLM answerer. Needs LLM_BASE_URL and LLM_MODEL; `prompts`
 * should be loaded at start-up with {@link loadPrompts} (else they are read
 * from PROMPTS_DIR on first use). `fetch` is injectable for tests.
 *
 * @example
 * const llm = createLlmAnswerer({ config, logger, prompts: await loadPrompts(config.PROMPTS_DIR) });
 * const answer = await llm.answer({ question, passages, history: [], documentText: (id) => docs.get(id)!.text });
 */
export function createLlmAnswerer(deps: {
  config: Config;
  logger: Logger;
  prompts?: Prompts;
  fetch?: typeof fetch;
  options?: LlmAnswererOptions;
  now?: () => number;
}): LlmAnswerer {
  const { config } = deps;
  if (!config.LLM_BASE_URL) throw new UserError('LLM_BASE_URL is not set: the LLM answerer needs an OpenAI-compatible endpoint.');
  if (!config.LLM_MODEL) throw new UserError('LLM_BASE_URL is set but LLM_MODEL is not: name the model to use (e.g. LLM_MODEL=llama3.2).');
  const logger = deps.logger.child({ module: 'llm' });
  const now = deps.now ?? (() => Date.now());
  const chat = createChatClient({ config, logger, fetch: deps.fetch, now });
  const requireQuote = deps.options?.requireQuote ?? true;
  const unverified = deps.options?.unverified ?? 'remove';
  let promptsP: Promise<Prompts> | null = deps.prompts ? Promise.resolve(deps.prompts) : null;
  const getPrompts = () => (promptsP ??= loadPrompts(config.PROMPTS_DIR));

  /** Forward only changed, non-empty drafts, with any <think> block hidden. */
  const partialSink = (onPartial?: (t: string) => void) => {
    if (!onPartial) return undefined;
    let last = '';
    return (raw: string) => {
      const t = stripThinking(raw).trimStart();
      if (t && t !== last) {
        last = t;
        onPartial(t);
      }
    };
  };

  return {
    label: chat.label,

    async condense(question, history, opts) {
      if (!history.length) return question;
      try {
        const prompts = await getPrompts();
        const content = renderPrompt(prompts.condense, { history: formatHistory(history), question: formatQuestion(question) });
        const r = await chat.complete({
          purpose: 'condense',
          messages: [{ role: 'user', content }],
          maxTokens: Math.min(config.LLM_MAX_TOKENS, 200),
          stream: false,
          signal: opts?.signal,
        });
        const standalone = cleanCondensed(r.text);
        logger.debug({ question, standalone }, 'condensed follow-up');
        return standalone ?? question;
      } catch (e) {
        if (opts?.signal?.aborted) throw abortError(opts.signal.reason);
        if (!(e instanceof LlmUnavailableError)) logger.warn({ err: e instanceof Error ? e.message : String(e) }, 'condensing failed');
        return question;
      }
    },

    async answer(input) {
      const t0 = now();
      if (!input.passages.length)
        return {
          question: input.question,
          lead: "I couldn't find that in the document.",
          quotes: [],
          refused: true,
          reason: 'nothing-retrieved',
          mode: 'llm',
          latencyMs: now() - t0,
        };
      const prompts = await getPrompts();
      const messages: ChatMessage[] = [
        { role: 'system', content: renderPrompt(prompts.system, { refusal_phrase: REFUSAL_PHRASE }) },
        {
          role: 'user',
          content: renderPrompt(prompts.answer, {
            question: formatQuestion(input.question),
            passages: formatPassages(input.passages),
            history: formatHistory(input.history),
            refusal_phrase: REFUSAL_PHRASE,
          }),
        },
      ];
      const onText = partialSink(input.onPartial);
      const r = await chat.complete({
        purpose: 'answer',
        messages,
        maxTokens: config.LLM_MAX_TOKENS,
        stream: !!onText,
        onText,
        signal: input.signal,
      });
      const raw = stripThinking(r.text).trim();
      if (REFUSAL_RE.test(raw)) {
        logger.info({ latencyMs: now() - t0 }, 'LLM says the document does not answer');
        return {
          question: input.question,
          lead: "The document doesn't answer that.",
          quotes: [],
          refused: true,
          reason: 'llm-refused',
          mode: 'llm',
          latencyMs: now() - t0,
        };
      }
      const v = verifyLlmText(raw, input.passages, input.documentText, { unverified });
      logger.info(
        { latencyMs: now() - t0, quotes: v.quotes.length, removed: v.removed.length, droppedCitations: v.droppedCitations, miscited: v.miscited.length },
        'LLM answer verified',
      );
      if (!v.quotes.length && requireQuote)
        throw new LlmUnavailableError('unverifiable', `${v.removed.length} unverifiable quotation(s), none verified`);
      return {
        question: input.question,
        lead: leadLine(v.text),
        quotes: v.quotes,
        refused: false,
        mode: 'llm',
        text: v.text + (unverified === 'remove' ? removalNote(v.removed.length) : ''),
        latencyMs: now() - t0,
      };
    },

    async summarize(input) {
      if (!input.quotes.length) return { text: '', quotes: [] };
      const passages: LlmPassage[] = input.quotes.map((q) => ({ doc: q.doc, paragraph: q.paragraph, start: q.start, end: q.end, text: q.quote }));
      const prompts = await getPrompts();
      const messages: ChatMessage[] = [
        { role: 'system', content: renderPrompt(prompts.system, { refusal_phrase: REFUSAL_PHRASE }) },
        {
          role: 'user',
          content: renderPrompt(prompts.summary, {
            quotes: formatPassages(passages),
            length: describeLength(input.length),
            focus: formatFocus(input.focus),
            refusal_phrase: REFUSAL_PHRASE,
          }),
        },
      ];
      const onText = partialSink(input.onPartial);
      const r = await chat.complete({ purpose: 'summary', messages, maxTokens: config.LLM_MAX_TOKENS, stream: !!onText, onText, signal: input.signal });
      const v = verifyLlmText(stripThinking(r.text).trim(), passages, input.documentText, { unverified });
      logger.info({ quotes: v.quotes.length, removed: v.removed.length, droppedCitations: v.droppedCitations }, 'LLM summary verified');
      if (!v.quotes.length && requireQuote)
        throw new LlmUnavailableError('unverifiable', `${v.removed.length} unverifiable quotation(s), none verified`);
      return { text: v.text + (unverified === 'remove' ? removalNote(v.removed.length) : ''), quotes: v.quotes };
    },
  };
}
