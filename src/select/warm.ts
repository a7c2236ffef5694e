/**
 * Per-sentence analyses done ahead of the questions that need them: the
 * entity tags (compromise: ~1–5 ms a sentence, the bulk of a first answer's
 * own work) and each sentence's context (who "he" is, its neighbours). They
 * are computed in idle time — one sentence per turn of the event loop, never
 * while a question is being answered, and only once compromise has been
 * loaded by a question that needed it, so a lean start stays lean — and
 * remembered by the same memos the answer path reads (entities.ts,
 * context.ts). Answers are the same with or without it; only when the work
 * is done changes.
 */
import type { LoadedIndex } from '../index/store.js';
import { nlpLoaded } from '../text/nlp.js';
import { scoredText, sentenceContext } from './context.js';
import { entitiesOf } from './entities.js';

/** At most this many sentences are analysed ahead (the entity memo holds 20,000). */
export const WARM_MAX_SENTENCES = 5_000;
/** How soon to look again while a question is in flight, and while compromise is not loaded yet. */
const BUSY_RETRY_MS = 20;
const NOT_READY_RETRY_MS = 250;

export interface Warmer {
  /** Resolves when every sentence (up to the cap) has been analysed, or the warmer was stopped. */
  settled(): Promise<void>;
  /** Analysed so far. */
  done(): number;
  stop(): void;
}

export interface WarmOptions {
  /** Is a question being answered now? Then the warmer waits. */
  busy: () => boolean;
  /** May the analyses start (default: once compromise is loaded)? */
  ready?: () => boolean;
  max?: number;
}

/**
 * @example
 * const warmer = warmSentences(index, { busy: () => inFlight > 0 });
 * await warmer.settled(); // every sentence's entities and context are ready
 */
export function warmSentences(index: Pick<LoadedIndex, 'documents' | 'quotations'>, opts: WarmOptions): Warmer {
  const ready = opts.ready ?? nlpLoaded;
  const work: { d: number; s: number }[] = [];
  const max = opts.max ?? WARM_MAX_SENTENCES;
  index.documents.forEach((doc, d) => doc.sentences.forEach((_, s) => work.length < max && work.push({ d, s })));
  let next = 0;
  let stopped = false;
  // The work never keeps a process alive on its own, only while someone waits for it.
  let awaited = false;
  let pending: { ref(): unknown; unref(): unknown } | undefined;
  const later = (t: { ref(): unknown; unref(): unknown }) => {
    pending = t;
    if (!awaited) t.unref();
  };
  let resolve!: () => void;
  const settled = new Promise<void>((r) => (resolve = r));
  const finish = () => {
    stopped = true;
    resolve();
  };
  const step = () => {
    if (stopped) return;
    if (next >= work.length) return finish();
    if (!ready() || opts.busy()) {
      later(setTimeout(step, ready() ? BUSY_RETRY_MS : NOT_READY_RETRY_MS));
      return;
    }
    const { d, s } = work[next++]!;
    const doc = index.documents[d]!;
    const sentence = doc.sentences[s]!;
    const c = sentenceContext(doc, sentence.start, index.quotations);
    // The text select.ts tags: the sentence with whom its pronouns stand for.
    entitiesOf(scoredText(doc.text.slice(sentence.start, sentence.end), c));
    later(setImmediate(step));
  };
  later(setImmediate(step));
  return {
    settled: () => {
      awaited = true;
      if (!stopped) pending?.ref();
      return settled;
    },
    done: () => next,
    stop: finish,
  };
}
