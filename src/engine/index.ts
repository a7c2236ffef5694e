/**
 * The engine: one object from (question, conversation, index) to a verified
 * Answer, behind every front end (terminal, JSON CLI, Discord, eval). This
 * file only resolves the dependencies and wires the operations; the
 * question's path is ask.ts.
 *
 * @example
 * const config = loadConfig(process.env);
 * const engine = await createEngine({ config, logger: createLogger() });
 * const answer = await engine.ask('What did Annan tell the Council?');
 */
import { modelKey, type Embedder } from '../embed/types.js';
import type { Engine } from '../engine-api.js';
import { UserError } from '../errors.js';
import { buildDocument, type Source } from '../ingest/document.js';
import { buildIndex, type LoadedIndex, type Progress } from '../index/store.js';
import type { Logger } from '../log.js';
import type { Config } from '../config.js';
import { createRetriever, type RetrievalMode } from '../retrieve/retrieve.js';
import { speakerTable, type QuotationFilterOptions } from '../quotes/index.js';
import { sanitizeQuestion } from '../answer/sanitize.js';
import type { LlmAnswerer } from '../answer/llm/index.js';
import { termStats } from '../select/idf.js';
import { loadWordVectors, type WordVectors } from '../embed/word-vectors.js';
import { softGains } from '../embed/word-vectors-match.js';
import { warmQuestionPath, warmQuestions, warmSentences } from '../select/warm.js';
import { documentNames } from '../decide/claim.js';
import { loadLexicon } from '../decide/lexicon.js';
import { createTypoCorrector, documentVocabulary } from '../retrieve/typo.js';
import { createRegister } from '../understand/register.js';
import { createNearWords } from '../understand/near-words.js';
import { createTopicMatcher } from '../select/topic-match.js';
import { ask, understandAndRetrieve } from './ask.js';
import type { EngineContext } from './context.js';
import { about, paragraph, passages, quotations } from './lookups.js';
import { loadModel, openIndex, openVectorStore, QUOTER } from './open.js';
import { summarize } from './summarize.js';
import { idleScavenger } from './idle-gc.js';
import { openAnalysis } from '../index/analysis.js';
import { entitiesOf, rememberEntities } from '../select/entities.js';
import { rememberTags, taggedPhrases } from '../quotes/names.js';

export { loadModel, openIndex, QUOTER } from './open.js';

/**
 * Refusal threshold on the best sentence's probability of answering (src/select/model.ts).
 * Calibrated on SQuAD dev's tuning articles: `npm run calibrate`, README "Refusals".
 */
export const DEFAULT_REFUSAL_THRESHOLD = 0.48;

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
  /**
   * Score sentences with the word vectors' soft term matching too (the offline semantic signal).
   * Default: config.SOFT_MATCH.
   */
  softMatch?: boolean;
  onProgress?: Progress;
  /** Build the speaker tables right after start-up, in idle time (default true); false = on first use (the bot's worker: ~35 MB less while idle). */
  warmUp?: boolean;
  clock?: () => number;
  /** Analyse sentences ahead in idle time after the first question (default true); false for short-lived engines (calibration builds hundreds). */
  idleWork?: boolean;
  /** Observes every scored selection (`npm run calibrate -- --fit` collects the sentences' features). */
  onSelection?: EngineContext['onSelection'];
  /** Observes every who-said claim check (`npm run fit:claim`). */
  onClaim?: EngineContext['claims']['observe'];
  /** Read (or compute once and store) the documents' speaker tables and sentence entities beside the index (src/index/analysis.ts). */
  storedAnalysis?: boolean;
}

/** The LLM answerer, imported only when one is configured (its client library is ~100 modules). */
async function openLlm(config: Config, logger: Logger): Promise<LlmAnswerer> {
  const { createLlmAnswerer, loadPrompts } = await import('../answer/llm/index.js');
  return createLlmAnswerer({ config, logger, prompts: await loadPrompts(config.PROMPTS_DIR) });
}

export async function createEngine(deps: EngineDeps): Promise<Engine> {
  const { config, logger } = deps;
  // LLM first: a broken prompt template is a start-up error, before any slow loading.
  // Half a configuration (a URL without a model, or the reverse) is a clear start-up error, not a silent fallback.
  const llm = deps.llm !== undefined ? deps.llm : config.LLM_BASE_URL || config.LLM_MODEL ? await openLlm(config, logger) : null;
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
  const analysis = deps.storedAnalysis && !deps.documents ? await openAnalysis({ dir: config.INDEX_DIR, documents: index.documents, quoterVersion: QUOTER.version, logger, speakerTable, entitiesOf, rememberEntities, taggedPhrases, rememberTags }) : null;
  // The speaker alias tables are built on first use, and (unless warmUp is false) right after start-up in idle time.
  let aliases: QuotationFilterOptions | null = null;
  const filterOptions = () => (aliases ??= { aliases: analysis?.speakers ?? index.documents.map((d) => speakerTable(d)), docs: index.documents });
  if (deps.warmUp !== false) setImmediate(() => filterOptions());
  const vectorsUsable = !!(embedder && index.vectors && index.manifest.model === modelKey(embedder));
  // With DATABASE_URL, the configured corpus's vectors are searched on the server's pgvector (an in-memory corpus stays in-process).
  const vectorStore = deps.documents ? null : await openVectorStore({ config, logger, index, embedder });
  // The word vectors' vocabulary tells real words from typos; their similarities are the soft signal.
  let words: WordVectors | null = null;
  try {
    words = loadWordVectors({ root: config.root });
  } catch (e) {
    logger.debug({ err: e }, 'no word vectors: typo correction without a lexicon, no soft matching');
  }
  // Their frequency ranks weigh words the documents never use (a common word missing says less).
  const stats = termStats(index, { rank: words ? (w) => words!.rank(w) : undefined });
  const vocabulary = documentVocabulary(index.chunks.map((c) => index.docById.get(c.docId)!.text.slice(c.start, c.end)));
  const typos = createTypoCorrector(vocabulary, { isWord: words ? (w) => words!.isWord(w) : undefined });
  // Informal and other words of a question read as the documents' words ("cops" → "police", "found" → "discovered").
  const standard = createRegister(vocabulary, words ? (a, b) => words!.similarity(a, b) : undefined);
  const softOn = (deps.softMatch ?? config.SOFT_MATCH === 'on') && !!words;
  const soft = softOn ? (q: string, sentence: string) => softGains(q, sentence, { vectors: words!, idf: stats.idf, known: stats.known }) : null;

  const nearWords = softOn ? createNearWords(vocabulary, words!) : null;
  let names: Set<string> | undefined;
  const ctx: EngineContext = {
    index,
    stats,
    retriever: createRetriever({ index, embedder, mode: deps.retrieval, vectors: vectorStore }),
    logger,
    llm,
    embedder: vectorsUsable ? embedder : null,
    soft,
    claims: { weight: (t, w) => (stats.known(t) ? stats.idf(t) : stats.unseen(w)), vectors: softOn ? words : null, names: () => (names ??= documentNames(index.documents.map((d) => d.text))), lexicon: loadLexicon, observe: deps.onClaim },
    correct: (text) => typos.correctText(standard(text)).text,
    nearWords,
    topicMatch: softOn ? createTopicMatcher(words!, (t, w) => (stats.known(t) ? stats.idf(t) : stats.unseen(w)), nearWords ?? undefined) : null,
    filterOptions,
    settings: { topK: config.TOP_K, maxQuotes: config.MAX_QUOTES, threshold: deps.refusalThreshold ?? config.REFUSAL_THRESHOLD ?? DEFAULT_REFUSAL_THRESHOLD, maxTurns: config.CONVERSATION_MAX_TURNS },
    now: deps.clock ?? Date.now,
    onSelection: deps.onSelection,
  };

  // Sentences are analysed ahead in idle time, never while a question is answered (src/select/warm.ts).
  let inFlight = 0;
  let answered = 0;
  const warmer = deps.idleWork === false ? { settled: () => Promise.resolve(), stop: () => undefined } : warmSentences(index, {
    busy: () => inFlight > 0,
    started: () => answered > 0,
    // The whole extractive path, with no LLM and no observer: nothing is recorded, only code is compiled.
    first: () => warmQuestionPath((q) => ask({ ...ctx, llm: null, onSelection: undefined, claims: { ...ctx.claims, observe: undefined } }, q), () => inFlight > 0, warmQuestions(index)),
    prepare: soft ? (sentence) => soft('', sentence) : undefined,
  });
  // The answers' short-lived garbage is collected once no question is in flight, not in the middle of a later answer.
  const idleGc = deps.idleWork === false ? null : idleScavenger({ busy: () => inFlight > 0 });
  return {
    async ask(question, conversation, options) {
      inFlight++;
      try {
        return await ask(ctx, question, conversation, options);
      } finally {
        inFlight--;
        answered++;
        idleGc?.answered();
      }
    },
    settled: () => warmer.settled(),
    retrieve: async (question, conversation, k) => (await understandAndRetrieve(ctx, sanitizeQuestion(question), conversation, k ?? config.TOP_K)).passages,
    summarize: (options = {}) => summarize(ctx, options),
    quotations: (filter) => quotations(ctx, filter),
    passages: (req) => passages(ctx, req),
    verify: async (claim) => (await import('../verify/verify.js')).verifyClaim(claim, index.documents, index.quotations, { logger }),
    paragraph: (doc, n) => paragraph(ctx, doc, n),
    documents: () => index.documents,
    about: () => about(ctx),
    async close() {
      warmer.stop();
      idleGc?.stop();
      await vectorStore?.close();
      await embedder?.dispose?.();
    },
  };
}
