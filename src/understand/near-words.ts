/**
 * A topic in other words than the document's: "quote the part about the
 * money" when the text says "funding", "his lawyer" when it says "attorney",
 * "a counselor" for "therapist". Each word of the request that the documents
 * never use is looked up among the words they do use, by word-vector cosine
 * (the shipped GloVe-derived vectors, embeddings/word-vectors-50k.bin); the
 * nearest ones (at most `max`, each at least `floor`) are added to what is
 * searched for, so retrieval finds the passage. Scoring does not read them:
 * the sentence scorer's own soft signal (select/features.ts softOov/softKnown)
 * weighs a near word by its cosine.
 *
 * @example
 * const near = createNearWords(documentVocabulary(texts), vectors);
 * near.expand('the part about his lawyer'); // 'the part about his lawyer attorney'
 */
import { term, wordsOf } from '../retrieve/terms.js';
import type { Vocabulary } from '../retrieve/typo.js';
import { dot, type WordVectors } from '../embed/word-vectors.js';
import { loadLexicon, related, sameSynset, type Lexicon } from '../decide/lexicon.js';
import { loadHypernyms, type Hypernyms } from './hypernyms.js';

/** Cosine below which a document word is not the request word in other words (measured on the quote5/quote4 tuning sets). */
export const NEAR_WORD_FLOOR = 0.6;
/** Document words added per request word. */
export const NEAR_WORD_MAX = 2;

/**
 * How far two words (or a phrase and a word) are the same thing in WordNet's words: 1 for one synonym set in some
 * form ("passing away" ~ "died", "record" ~ "disc") or one a form derived from the other ("death" ~ "died",
 * "identity" ~ "identified"); {@link KIND_OF} for one noun a kind of the other ("dad" / "father", "emmys" / "award");
 * 0 for neither. What the word vectors place far apart (cosine 0.3–0.5) WordNet often relates.
 */
export interface Kin {
  (a: string, b: string): number;
  /** WordNet has the word (in a synonym set of two or more), so "no kin" means unrelated, not unknown. */
  knows?(word: string): boolean;
}

/** A kind of the other word, one step ("emmy" / "award"), says less than a synonym. */
export const KIND_OF = 0.85;

/** {@link Kin} over a WordNet lexicon (src/decide/lexicon.ts) and its noun hypernyms (./hypernyms.ts). */
export function wordNetKin(lex: Lexicon, kinds: Hypernyms | null = null): Kin {
  const kin: Kin = (a, b) => {
    const ea = lex.entry(a);
    const eb = lex.entry(b);
    if (sameSynset(ea, eb) || related(ea, eb) || related(eb, ea)) return 1;
    if (kinds) for (const fa of ea.forms) for (const fb of eb.forms) if (fa !== fb && kinds.related(fa, fb)) return KIND_OF;
    return 0;
  };
  kin.knows = (w) => lex.known(w);
  return kin;
}

let lexLoaded: Lexicon | null | undefined;
/** The WordNet lexicon, loaded on first use (read once per process; null when it cannot be read). */
export function defaultLexicon(): Lexicon | null {
  if (lexLoaded === undefined) {
    try {
      lexLoaded = loadLexicon();
    } catch {
      lexLoaded = null;
    }
  }
  return lexLoaded;
}

let kinLoaded: Kin | null | undefined;
/** WordNet kin over {@link defaultLexicon}. */
export function defaultKin(): Kin | null {
  if (kinLoaded === undefined) {
    const lex = defaultLexicon();
    kinLoaded = lex && wordNetKin(lex, loadHypernyms());
  }
  return kinLoaded;
}

/** Document words (surfaces) by the WordNet synonym sets and forms they are in: a word's kin among them without comparing it with each. */
interface KinIndex {
  bySynset: Map<number, string[]>;
  byForm: Map<string, string[]>;
}

export interface NearWords {
  /** The document's words nearest to one word the documents never use ([] for a word they use, or one with no vector); `known`: to a word they use, too. */
  of(word: string, known?: boolean): string[];
  /** The text with each unknown word's near document words appended (the text itself when there are none). */
  expand(text: string): string;
}

interface Row {
  term: string;
  surface: string;
  vector: Float32Array;
}

const MEMO_MAX = 10_000;

/**
 * @param vocab The documents' words (src/retrieve/typo.ts documentVocabulary).
 * @param vectors Word vectors; words without one are never near anything.
 */
export function createNearWords(vocab: Vocabulary, vectors: WordVectors, opts: { floor?: number; max?: number; lexicon?: () => Lexicon | null } = {}): NearWords {
  const floor = opts.floor ?? NEAR_WORD_FLOOR;
  const max = opts.max ?? NEAR_WORD_MAX;
  const lexicon = opts.lexicon ?? defaultLexicon;
  let kinIndex: KinIndex | null = null;
  const kinTable = (lex: Lexicon): KinIndex => {
    if (kinIndex) return kinIndex;
    const bySynset = new Map<number, string[]>();
    const byForm = new Map<string, string[]>();
    const push = <K>(m: Map<K, string[]>, k: K, v: string) => (m.get(k) ?? m.set(k, []).get(k)!).push(v);
    for (const [, e] of vocab) {
      const entry = lex.entry(e.surface);
      for (const s of entry.synsetList) push(bySynset, s, e.surface);
      for (const f of entry.forms) push(byForm, f, e.surface);
    }
    return (kinIndex = { bySynset, byForm });
  };
  /** The documents' WordNet kin of a word or phrase the documents never use (at most `max`, the commonest first). */
  const kinOf = (word: string): string[] => {
    const lex = lexicon();
    if (!lex) return [];
    const e = lex.entry(word.toLowerCase());
    const kinds = loadHypernyms();
    if (!e.synsetList.length && !e.derived && !e.forms.some((f) => kinds?.around(f).length)) return [];
    const table = kinTable(lex);
    const found = new Set<string>();
    for (const s of e.synsetList) for (const w of table.bySynset.get(s) ?? []) found.add(w);
    for (const d of e.derived ?? []) for (const w of table.byForm.get(d) ?? []) found.add(w);
    // One step up or down WordNet's nouns ("emmys" for "awards", "father" for "dad"), or an adjective of it ("dental" for "teeth").
    if (kinds) for (const f of e.forms) for (const k of kinds.around(f)) for (const w of table.byForm.get(k) ?? []) found.add(w);
    const own = term(word);
    return [...found].filter((w) => term(w) !== own && term(w) !== null).sort((a, b) => (vectors.rank(a.toLowerCase()) ?? 1e9) - (vectors.rank(b.toLowerCase()) ?? 1e9)).slice(0, max);
  };
  let rows: Row[] | null = null;
  // Built on first use: a question whose words the documents all use never pays for it.
  const table = () =>
    (rows ??= [...vocab].flatMap(([t, e]) => {
      const v = vectors.vector(e.surface);
      return v ? [{ term: t, surface: e.surface, vector: v }] : [];
    }));
  const memo = new Map<string, string[]>();
  const of = (word: string, known = false): string[] => {
    const lower = word.toLowerCase();
    const key = known ? `+${lower}` : lower;
    const hit = memo.get(key);
    if (hit) return hit;
    const t = term(word);
    const v = t && (known || !vocab.has(t)) ? vectors.vector(lower) : undefined;
    const found: { surface: string; c: number }[] = [];
    if (v) {
      const seen = new Set<string>();
      for (const r of table()) {
        const c = dot(v, r.vector);
        if (c >= floor && r.term !== t && !seen.has(r.term)) {
          seen.add(r.term);
          found.push({ surface: r.surface, c });
        }
      }
    }
    const out = found.sort((a, b) => b.c - a.c).slice(0, max).map((x) => x.surface);
    // WordNet's kin too ("dying" → died, "identity" → identified), for a word the documents never use.
    if (t && !vocab.has(t)) for (const w of kinOf(lower)) if (!out.includes(w)) out.push(w);
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(key, out);
    return out;
  };
  return {
    of,
    expand(text) {
      const words = wordsOf(text);
      // "passing away": a phrase WordNet knows, of two words the documents never use together.
      const phrases = words.slice(1).flatMap((w, i) => {
        const t1 = term(words[i]!);
        return t1 && !vocab.has(t1) ? kinOf(`${words[i]} ${w}`) : [];
      });
      const extra = [...new Set([...words.flatMap((w) => of(w)), ...phrases])];
      return extra.length ? `${text} ${extra.join(' ')}` : text;
    },
  };
}
