/**
 * What every engine operation shares, resolved once by createEngine.
 */
import type { Embedder } from '../embed/types.js';
import type { LoadedIndex } from '../index/store.js';
import type { Logger } from '../log.js';
import type { Retriever } from '../retrieve/retrieve.js';
import type { LlmAnswerer } from '../answer/llm/index.js';
import type { QuotationFilterOptions } from '../quotes/index.js';
import type { TermStats } from '../select/idf.js';
import type { Selection, SoftScorer } from '../select/select.js';
import type { Understanding } from '../understand/understand.js';
import type { ClaimOptions } from '../decide/claim.js';
import type { NearWords } from '../understand/near-words.js';
import type { TopicMatcher } from '../select/topic-match.js';

export interface EngineContext {
  index: LoadedIndex;
  stats: TermStats;
  retriever: Retriever;
  logger: Logger;
  llm: LlmAnswerer | null;
  /** The embedder, when its vectors match the index (else null). */
  embedder: Embedder | null;
  /** A sentence-level semantic signal, when one is available. */
  soft: SoftScorer | null;
  /** How a claim ("who said X?") is weighed and matched against a sentence. */
  claims: ClaimOptions;
  /** Maps words the documents never use to close ones they do ("Anan" → "annan"). */
  correct: (text: string) => string;
  /** The documents' words nearest to a request's words they never use ("lawyer" → "attorney"), with word vectors. */
  nearWords: NearWords | null;
  /** How much of a requested topic a sentence covers, words in other words included (with word vectors). */
  topicMatch: TopicMatcher | null;
  /** Speaker alias tables (built lazily). */
  filterOptions: () => QuotationFilterOptions;
  settings: { topK: number; maxQuotes: number; threshold: number; maxTurns: number };
  now: () => number;
  /** Observes every scored selection (calibration collects its features). */
  onSelection?: (u: Understanding, selection: Selection) => void;
}
