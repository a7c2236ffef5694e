/**
 * Per-sentence analyses done ahead of the questions that need them: the
 * entity tags (compromise: ~1–5 ms a sentence, the bulk of a first answer's
 * own work), each sentence's context (who "he" is, its neighbours), its
 * terms and, with soft matching, its words' vectors. They
 * are computed in idle time — one sentence per turn of the event loop, never
 * while a question is being answered, and only once compromise has been
 * loaded by a question that needed it, so a lean start stays lean — and
 * remembered by the same memos the answer path reads (entities.ts,
 * context.ts, features.ts, word-vectors-match.ts). Answers are the same with or without it; only when the work
 * is done changes.
 */
import type { LoadedIndex } from '../index/store.js';
import { nlpLoaded } from '../text/nlp.js';
import { nearText, scoredText, sentenceContext } from './context.js';
import { sentenceTerms } from './features.js';
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
  /**
   * Done once, first, when `started` says so: the question path's own warm-up (its regular expressions are
   * compiled on first use, and again for the first question with a character beyond Latin-1, "Annan’s").
   */
  first?: () => void | Promise<void>;
  /** May `first` run (e.g. once a question has been answered, so a cold start is not slowed)? Default: with the sentences. */
  started?: () => boolean;
  /** More per-sentence work to do ahead (the engine's soft matcher reads the sentence's word vectors). */
  prepare?: (sentence: string) => void;
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
  let first = opts.first;
  const started = opts.started ?? ready;
  const step = () => {
    if (stopped) return;
    if (first && started() && !opts.busy()) {
      const run = first;
      first = undefined;
      void Promise.resolve()
        .then(run)
        .catch(() => undefined) // a warm-up that fails costs nothing but its own time
        .then(() => later(setImmediate(step)));
      return;
    }
    if (next >= work.length && !first) return finish();
    // Waiting: for a question to be answered, for compromise, or (sentences done) for `first` to be allowed.
    if (next >= work.length || !ready() || opts.busy()) {
      later(setTimeout(step, opts.busy() ? BUSY_RETRY_MS : NOT_READY_RETRY_MS));
      return;
    }
    const { d, s } = work[next++]!;
    const doc = index.documents[d]!;
    const sentence = doc.sentences[s]!;
    const text = doc.text.slice(sentence.start, sentence.end);
    const c = sentenceContext(doc, sentence.start, index.quotations);
    // What select.ts reads: the sentence with whom its pronouns stand for, and its neighbours.
    const scored = scoredText(text, c);
    entitiesOf(scored);
    sentenceTerms(scored, nearText(c));
    opts.prepare?.(text);
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

/**
 * Questions that take the question path's regular expressions through their shapes, in one-byte and
 * in two-byte strings (V8 compiles a regular expression on first use, separately for each kind of
 * string, and again to machine code on a later use: 10–50 ms on this machine for the understanding
 * stage alone, which would otherwise land on some user's question), and load what the path requires
 * on first need (test/engine/warm-path.test.ts).
 */
export const WARM_QUESTIONS = [
  'What did Kofi Annan tell the Council about the meeting in 1994?',
  'Who said the meeting was the third, in paragraph 2?',
  'Quote the passage about division of labour',
  'What did Annan’s delegates say about “coordination” — and where?',
  'Who called for a new level of seriousness in ¶4?',
  'How many members does the Council have?',
  'Qu’a dit Annan au Conseil de sécurité ?',
  // Too few English function words to tell its language: loads and compiles the language identifier (tinyld), ~15–40 ms.
  'Regional organizations, Security Council, multilateralism?',
];

/**
 * Rounds of {@link WARM_QUESTIONS} before the new questions of {@link warmQuestions}: a regular expression is
 * interpreted on its first use and compiled to machine code on its second, separately for one-byte and two-byte
 * strings, so two rounds compile every expression these questions reach.
 */
export const WARM_ROUNDS = 2;

/**
 * Shapes of the new questions the warm-up asks after {@link WARM_QUESTIONS}: `{s}` is a speaker the quotation
 * index knows, `{t}` a topic word. Asking the same questions again (the warm-up did: 8 questions, 10 rounds) runs
 * the code a new question runs only partly — the second time, a question's words, vectors and cosines come from
 * memos — so functions V8 had compiled met a branch they had never run on some user's question (a bounded memo
 * filling up, a claim word never seen) and were thrown away and compiled again there (`--trace-deopt`: two such
 * deoptimisations and 7–8 compilations inside the bench's 50 measured answers, every run).
 */
export const WARM_TEMPLATES = [
  'What did {s} say about {t}?',
  'Who said the {t} mattered?',
  'What is the {t}?',
  'When did the {t} begin?',
  'How many {t} were there?',
  'Quote the passage about {t}',
  'Was {t} mentioned?',
  'Why did {s} mention the {t}?',
];

/** How many new questions the warm-up asks (each new to every memo that a question's text keys). */
export const WARM_NEW_QUESTIONS = 64;

/** Topic words that are in no document of this kind (a user's question often is not): every sixth topic. */
const ELSEWHERE = ['music', 'history', 'economy', 'science', 'travel', 'health', 'education', 'energy', 'painting', 'cooking', 'gardening'];

/**
 * New questions for the warm-up: {@link WARM_TEMPLATES} filled with words of the documents (spread evenly over
 * their distinct words of five letters or more, in reading order) and, every sixth, a word they do not hold, and
 * with the speaker the quotation index names most often. Deterministic for an index.
 */
export function warmQuestions(index: Pick<LoadedIndex, 'documents' | 'quotations'>, n = WARM_NEW_QUESTIONS): string[] {
  const words: string[] = [];
  const seen = new Set<string>();
  for (const doc of index.documents) {
    for (const m of doc.text.matchAll(/\p{L}{5,}/gu)) {
      const w = m[0].toLowerCase();
      if (!seen.has(w)) seen.add(w), words.push(w);
    }
  }
  const count = new Map<string, number>();
  for (const q of index.quotations) if (q.speaker) count.set(q.speaker, (count.get(q.speaker) ?? 0) + 1);
  const speaker = [...count].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? 'the author';
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const topic = i % 6 === 5 || !words.length ? ELSEWHERE[Math.floor(i / 6) % ELSEWHERE.length]! : words[Math.floor((i * words.length) / n)]!;
    out.push(WARM_TEMPLATES[i % WARM_TEMPLATES.length]!.replace('{s}', speaker).replace('{t}', topic));
  }
  return out;
}

/**
 * Ask each of {@link WARM_QUESTIONS} {@link WARM_ROUNDS} times (interpreted, then compiled), then each of `more`
 * (new questions: {@link warmQuestions}) once, one at a time, unless a real question is in flight.
 */
export async function warmQuestionPath(askQuestion: (q: string) => Promise<unknown>, busy: () => boolean, more: readonly string[] = []): Promise<void> {
  const all = [...Array.from({ length: WARM_ROUNDS }, () => WARM_QUESTIONS).flat(), ...more];
  for (const q of all) {
    if (busy()) return;
    await askQuestion(q);
  }
}
