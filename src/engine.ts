/**
 * The engine: one object from (question, conversation, index) to a verified
 * Answer, behind every front end (terminal, JSON CLI, Discord, eval).
 *
 * @example
 * const config = loadConfig(process.env);
 * const engine = await createEngine({ config, logger: createLogger() });
 * const answer = await engine.ask('What did Annan tell the Council?');
 */
import { modelKey, type Embedder } from './embed/types.js';
import type { About, AskOptions, Engine, ParagraphView, PassageRequest, QuotationFilter } from './engine-api.js';
import { UserError } from './errors.js';
import { buildDocument, type Source } from './ingest/document.js';
import { buildIndex, ingest, readIndex, staleness, IndexCorruptError, type LoadedIndex, type Progress, type QuotationFinder } from './index/store.js';
import type { Logger } from './log.js';
import type { Config } from './config.js';
import { createRetriever, type RetrievalMode } from './retrieve/retrieve.js';
import { answerExtractive, termStats } from './answer/extractive.js';
import { softMatcherFor } from './embed/word-vectors-match.js';
import { resolveFollowUp } from './answer/followup.js';
import { parseQuoteIntent } from './answer/intent.js';
import { filterQuotations, findQuotations, QUOTER_VERSION, speakerTable } from './quotes/index.js';
import type { QuoteIntent } from './answer/intent.js';
import { sanitizeQuestion } from './answer/sanitize.js';
import { summarize } from './summarize/summarize.js';
import { verifyClaim } from './verify/verify.js';
import { quoteAt, verifyQuotes } from './answer/verify.js';
import { LEAD } from './present/lead.js';
import { answerWithFallback, createLlmAnswerer, historyFromTurns, llmPassagesFrom, loadPrompts, LlmUnavailableError, type LlmAnswerer } from './answer/llm/index.js';
import type { Answer, Conversation, Quote, SummaryLength } from './types.js';

/** Bump when the quotation finder's output changes (stored quotations are then recomputed). */
export const QUOTER: QuotationFinder = { version: QUOTER_VERSION, find: findQuotations };

/**
 * Refusal threshold on the best sentence's score (IDF-weighted share of the
 * question's terms it contains, plus small bonuses). Calibrated on SQuAD dev:
 * see `npm run eval` and the README's "Refusals" section.
 */
export const DEFAULT_REFUSAL_THRESHOLD = 0.45;

export interface EngineDeps {
  config: Config;
  logger: Logger;
  /** Use this LLM answerer instead of the one `config.LLM_*` describes (null = extractive only). */
  llm?: LlmAnswerer | null;
  /** Use this embedder (null = lexical only) instead of loading `config.EMBEDDING_MODEL`. */
  embedder?: Embedder | null;
  /** Build an in-memory index from these sources instead of the configured corpus (nothing is written). */
  documents?: Source[];
  retrieval?: RetrievalMode;
  refusalThreshold?: number;
  onProgress?: Progress;
  clock?: () => number;
}

/** "Summarize the article", "what is this document about?", "tl;dr": answered with the cited summary. */
const SUMMARY_REQUEST = /^(?:please\s+)?(?:(?:can|could) you\s+)?(?:summar(?:y|ise|ize)|tl;?dr|give (?:me )?(?:a |an )?(?:summary|overview|gist)|(?:what(?:'s| is| are)) (?:this|the) (?:article|document|text|story|piece)(?:'s)?(?: (?:mainly|all))? about|(?:what are )?the main points|overview|gist)\b/i;

/** Open (building or updating when missing or stale) the configured index. */
export async function openIndex(deps: { config: Config; logger: Logger; embedder: Embedder | null; onProgress?: Progress }): Promise<LoadedIndex> {
  const { config, logger, embedder } = deps;
  let index: LoadedIndex | null = null;
  try {
    index = await readIndex(config.INDEX_DIR);
  } catch (e) {
    if (!(e instanceof IndexCorruptError)) throw e;
    // ingest() moves the damaged folder aside and rebuilds.
  }
  const why = await staleness(index, config.DOCUMENTS, config.root, modelKey(embedder));
  if (why) {
    logger.info(`Building the index (${why})…`);
    const { report, index: built } = await ingest({ dir: config.INDEX_DIR, root: config.root, sources: config.DOCUMENTS, embedder, quoter: QUOTER, logger, onProgress: deps.onProgress });
    for (const f of report.failed) logger.warn(`Skipped ${f.source}: ${f.error}`);
    index = built;
  }
  if (!index) throw new UserError('There is no index and no document to build one from; run `npm run ingest -- <files>`.');
  if (index.manifest.quoter !== QUOTER.version) {
    index.quotations = index.documents.flatMap((d) => QUOTER.find(d));
  }
  return index;
}

/**
 * Load the configured embedding model; transformers.js (and onnxruntime) are
 * imported only when a model is wanted, so lexical-only starts stay fast.
 */
export async function loadModel(opts: {
  model: string;
  cacheDir: string;
  allowRemote: boolean;
  batchSize: number;
  logger: Logger;
  root?: string;
  dtype?: Config['EMBEDDING_DTYPE'];
  onProgress?: Progress;
}): Promise<Embedder | null> {
  if (opts.model.trim().toLowerCase() === 'none') {
    opts.logger.info({ model: 'none' }, 'embedding model disabled (EMBEDDING_MODEL=none); answering with lexical retrieval only');
    return null;
  }
  const { loadEmbedder } = await import('./embed/load.js');
  const { onProgress, ...rest } = opts;
  return loadEmbedder({ ...rest, onDownloadProgress: onProgress ? (_file, loaded, total) => onProgress('download', loaded, total) : undefined });
}

export async function createEngine(deps: EngineDeps): Promise<Engine> {
  const { config, logger } = deps;
  const now = deps.clock ?? Date.now;
  // LLM first: a broken prompt template is a start-up error, before any slow loading.
  // Half a configuration (a URL without a model, or the reverse) is a clear start-up error, not a silent fallback.
  const llm = deps.llm !== undefined ? deps.llm : config.LLM_BASE_URL || config.LLM_MODEL ? createLlmAnswerer({ config, logger, prompts: await loadPrompts(config.PROMPTS_DIR) }) : null;
  const embedder =
    deps.embedder !== undefined
      ? deps.embedder
      : await loadModel({ model: config.EMBEDDING_MODEL, cacheDir: config.MODEL_CACHE_DIR, allowRemote: config.ALLOW_REMOTE_MODELS, batchSize: config.EMBEDDING_BATCH_SIZE, dtype: config.EMBEDDING_DTYPE, logger, root: config.root, onProgress: deps.onProgress });
  let index: LoadedIndex;
  if (deps.documents) {
    if (!deps.documents.length) throw new UserError('No documents given.');
    const docs = deps.documents.map((s) => buildDocument(s));
    index = (await buildIndex({ documents: docs, embedder, quoter: QUOTER, onProgress: deps.onProgress })).index;
  } else {
    index = await openIndex({ config, logger, embedder, onProgress: deps.onProgress });
  }
  const stats = termStats(index, softMatcherFor(modelKey(embedder), config.root));
  // The speaker alias tables are built on first use: only attribution questions and quote filters need them.
  let filterOptsCache: { aliases: ReturnType<typeof speakerTable>[]; docs: typeof index.documents } | null = null;
  const filterOptions = () => (filterOptsCache ??= { aliases: index.documents.map((d) => speakerTable(d)), docs: index.documents });
  // …and built right after start-up in idle time, so the first attribution question does not pay for them.
  setImmediate(() => filterOptions());
  /** Quotations from the index that match an attribution question, best first. */
  const matchIntent = (intent: QuoteIntent) =>
    intent
      ? filterQuotations(
          index.quotations,
          { speaker: 'speaker' in intent ? intent.speaker : undefined, to: intent.kind === 'said-to' ? intent.to : undefined, about: 'about' in intent ? intent.about : undefined },
          filterOptions(),
        )
      : [];
  const retriever = createRetriever({ index, embedder, mode: deps.retrieval });
  const threshold = deps.refusalThreshold ?? config.REFUSAL_THRESHOLD ?? DEFAULT_REFUSAL_THRESHOLD;
  const vectorsUsable = !!(embedder && index.vectors && index.manifest.model === modelKey(embedder));

  const textOf = (id: string) => index.docById.get(id)!.text;

  /** Resolve follow-ups of a sanitised question (rules first; the LLM condenses when configured), retrieve. */
  const retrieveFor = async (q: string, conversation?: Conversation, k = config.TOP_K, signal?: AbortSignal) => {
    const resolved = resolveFollowUp(q, conversation, index.quotations);
    if (llm && conversation?.turns.length && resolved.kind !== 'more') {
      const condensed = await llm.condense(q, historyFromTurns(conversation.turns), { signal });
      if (condensed && condensed !== q) Object.assign(resolved, { standalone: condensed, context: '' });
    }
    const query = resolved.context ? `${resolved.standalone} ${resolved.context}` : resolved.standalone;
    return { q, resolved, passages: await retriever.search(query, k) };
  };

  const engine: Engine = {
    async ask(question: string, conversation?: Conversation, options: AskOptions = {}): Promise<Answer> {
      const t0 = performance.now();
      /** Stamp the latency and record the turn (bounded) in the conversation. */
      const finish = (answer: Answer, standalone: string) => {
        answer.latencyMs = Math.round((performance.now() - t0) * 10) / 10;
        if (conversation) {
          conversation.turns.push({ question: answer.question, standalone, answer, at: now() });
          if (conversation.turns.length > config.CONVERSATION_MAX_TURNS) conversation.turns.splice(0, conversation.turns.length - config.CONVERSATION_MAX_TURNS);
        }
        return answer;
      };
      const asked = sanitizeQuestion(question);
      if (SUMMARY_REQUEST.test(asked) && !options.exclude?.length) {
        const s = await engine.summarize({ length: 'short' });
        const answer: Answer = s.summary.length
          ? { question: asked, lead: LEAD.summary, quotes: s.summary, refused: false, mode: 'extractive', text: s.text, confidence: 1 }
          : { question: asked, lead: "The document doesn't have enough body text to summarise.", quotes: [], refused: true, mode: 'extractive' };
        if (s.note) answer.note = s.note;
        return finish(answer, asked);
      }
      const { q, resolved, passages } = await retrieveFor(asked, conversation, config.TOP_K, options.signal);
      const intent = parseQuoteIntent(resolved.standalone);
      // The extractive answer is always made: it is the answer, or the LLM's confidence gate and fallback.
      let answer = answerExtractive({ question: q, resolved, intent, passages, index, stats, options: { maxQuotes: config.MAX_QUOTES, threshold }, exclude: options.exclude, quoted: matchIntent(intent) });
      answer.quotes = verifyQuotes(answer.quotes, index.docById, logger);
      if (llm && !answer.refused && answer.quotes.length && resolved.kind !== 'more' && !options.exclude?.length) {
        const extractive = answer;
        const history = historyFromTurns(conversation?.turns ?? []);
        const r = await answerWithFallback(llm, { question: resolved.standalone, passages: llmPassagesFrom(passages, textOf), history, documentText: textOf, onPartial: options.onPartial, signal: options.signal }, extractive);
        answer = r.answer.refused ? { ...extractive, refused: true, quotes: [], text: undefined, mode: 'llm', lead: "The document doesn't say. Nothing in it answers that question closely enough to quote." } : { ...r.answer, question: q };
        if (r.note) answer.note = r.note;
        if (r.error) logger.warn({ err: r.error }, 'LLM unavailable; answered extractively');
        answer.quotes = verifyQuotes(answer.quotes, index.docById, logger);
      }
      if (!answer.refused && !answer.quotes.length) {
        Object.assign(answer, { refused: true, lead: "The document doesn't say. Nothing in it answers that question closely enough to quote.", reason: 'no verified quote' });
      }
      return finish(answer, resolved.standalone);
    },

    async retrieve(question, conversation, k) {
      return (await retrieveFor(sanitizeQuestion(question), conversation, k)).passages;
    },

    async summarize(options = {}) {
      const length: SummaryLength = options.length ?? 'medium';
      const s = await summarize(index.documents, { length, focus: options.focus ?? null, embedder: vectorsUsable ? embedder : null, quotations: index.quotations });
      s.summary = verifyQuotes(s.summary, index.docById, logger);
      if (llm && s.summary.length) {
        try {
          const written = await llm.summarize({ quotes: s.summary, length, focus: s.focus, documentText: textOf });
          s.text = written.text;
        } catch (e) {
          if (!(e instanceof LlmUnavailableError)) throw e;
          s.note = e.note;
          logger.warn({ err: e }, 'LLM unavailable; extractive summary');
        }
      }
      return s;
    },

    async quotations(filter: QuotationFilter = {}) {
      const all = filter.speaker || filter.to || filter.about ? filterQuotations(index.quotations, filter, filterOptions()) : index.quotations;
      return all.filter((q) => verifyQuotes([{ doc: q.doc, paragraph: q.paragraph, start: q.start, end: q.end, quote: q.quote }], index.docById, logger).length === 1);
    },

    verify: async (claim) => verifyClaim(claim, index.documents, index.quotations, { logger }),

    async passages(req: PassageRequest): Promise<Quote[]> {
      const doc = req.doc ? index.docById.get(req.doc) : index.documents[0];
      if (!doc) throw new UserError(`No such document: ${req.doc}`);
      const limit = req.limit ?? config.MAX_QUOTES;
      if (req.paragraph !== undefined) {
        const p = doc.paragraphs.find((x) => x.kind === 'body' && x.n === req.paragraph);
        const count = doc.paragraphs.filter((x) => x.kind === 'body').length;
        if (!p) throw new UserError(`There is no ¶${req.paragraph}; “${doc.title}” has paragraphs ¶1–¶${count}.`);
        return verifyQuotes([quoteAt(doc, p.start, p.end, p.n)], index.docById, logger);
      }
      if (!req.about?.trim()) throw new UserError('Say what the passage should be about, or give a paragraph number.');
      const q = sanitizeQuestion(req.about);
      const resolved = resolveFollowUp(q, undefined, index.quotations);
      const passages = (await retriever.search(q, Math.max(config.TOP_K, limit))).filter((p) => !req.doc || p.chunk.docId === req.doc);
      const a = answerExtractive({ question: q, resolved, intent: null, passages, index, stats, options: { maxQuotes: limit, threshold } });
      return verifyQuotes(a.quotes, index.docById, logger);
    },

    paragraph(docId: string, n: number): ParagraphView | undefined {
      const doc = index.docById.get(docId);
      if (!doc) return undefined;
      const body = doc.paragraphs.filter((p) => p.kind === 'body');
      const i = body.findIndex((p) => p.n === n);
      if (i < 0) return undefined;
      const p = body[i]!;
      return { doc: doc.id, title: doc.title, paragraph: p, text: doc.text.slice(p.start, p.end), prev: body[i - 1]?.n ?? null, next: body[i + 1]?.n ?? null };
    },

    documents: () => index.documents,

    about(): About {
      return {
        documents: index.documents.map((d) => ({ id: d.id, title: d.title, paragraphs: d.paragraphs.filter((p) => p.kind === 'body').length, chars: d.text.length })),
        chunks: index.chunks.length,
        model: vectorsUsable ? modelKey(embedder) : null,
        dim: vectorsUsable ? embedder!.dim : null,
        builtAt: index.manifest.builtAt,
        llm: llm?.label ?? null,
      };
    },

    async close() {
      await embedder?.dispose?.();
    },
  };
  return engine;
}
