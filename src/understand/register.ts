/**
 * A question's words read as the words a document writes, questions only:
 * informal register ("cops" → "police", "dad" → "father", "kids" →
 * "children"), a dropped g ("livin", "goin'" → "living", "going"), and a
 * WordNet synonym the word vectors also place close ("found" → "discovered",
 * "lawyer" → "attorney"). A word is rewritten only when the documents never
 * use it and do use the other word, so a story that says "dad" is searched
 * for "dad", and a word no document holds in any form is left as typed.
 *
 * @example
 * const standard = createRegister(documentVocabulary(['Police arrested him where he was living.']));
 * standard('where did the cops arrest him'); // 'where did the police arrest him'
 * standard('where was he livin'); // 'where was he living'
 */
import { term } from '../retrieve/terms.js';
import type { Vocabulary } from '../retrieve/typo.js';
import { loadLexicon, type Lexicon } from '../decide/lexicon.js';

/** Colloquial word → the standard word for the same thing (register, not synonyms). */
const COLLOQUIAL = new Map([
  ['cop', 'police'], ['cops', 'police'],
  ['dad', 'father'], ['dads', 'fathers'], ['daddy', 'father'],
  ['mom', 'mother'], ['moms', 'mothers'], ['mum', 'mother'], ['mums', 'mothers'], ['mommy', 'mother'], ['mummy', 'mother'],
  ['kid', 'child'], ['kids', 'children'],
  ['folks', 'people'],
]);

/**
 * Words for the same parent in every register: a story told in a child's words says "mommy" or "mom", not "mother", so
 * "her mom" is read as whichever of them the documents use ("Her mommy took her to the dog pound").
 */
const FAMILY = [
  ['mother', 'mom', 'mommy', 'mum', 'mummy', 'mama', 'momma'],
  ['father', 'dad', 'daddy', 'papa'],
  ['mothers', 'moms', 'mums'],
  ['fathers', 'dads'],
];
const FAMILY_OF = new Map(FAMILY.flatMap((f) => f.map((w) => [w, f] as const)));

/**
 * Question words spelt as they sound in chat ("wat kind of climate", "wher was the cat found"): read as the question
 * word, so they are neither searched for as a rare word nor miss the kind of answer they ask for. Not when the
 * documents use the word ("a Thai wat").
 */
const CHAT_WH = new Map([['wat', 'what'], ['wut', 'what'], ['wht', 'what'], ['wher', 'where'], ['whr', 'where'], ['wen', 'when'], ['whn', 'when']]);

/**
 * Word-vector cosine a WordNet synonym must also reach: WordNet's rarer senses relate "meeting" to "played" (0.40)
 * and "level" to "story" (0.28); "found" ~ "discovered" is 0.84. Measured on the natural tuning sets (0.7 gained less).
 */
export const SYNONYM_FLOOR = 0.75;

/**
 * Connectives of two words: the first is no word of the document's register but half of the phrase ("instead of" would
 * become "rather of", which neither the claim check nor a reader takes as "rather than").
 */
const CONNECTIVE = new Set(['instead of', 'because of', 'according to', 'apart from', 'due to', 'regardless of', 'owing to']);

/** A word with its final g dropped ("livin", "goin"; the apostrophe is a separate segment). */
const DROPPED_G = /^[a-z]{2,}in$/u;

const WORDS = new Intl.Segmenter('en', { granularity: 'word' });

/**
 * @param similarity Word-vector cosine of two words; without it no synonym is looked up (WordNet alone is too loose).
 * @param lexicon WordNet relations (loaded on the first word that needs them; none if they cannot be loaded).
 */
export function createRegister(vocab: Vocabulary, similarity?: (a: string, b: string) => number, lexicon: () => Lexicon | null = safeLexicon): (text: string) => string {
  const known = (w: string) => {
    const t = term(w);
    return !!t && vocab.has(t);
  };
  // Which document words each WordNet synonym set holds (built once per lexicon, on the first word that needs it): a
  // word's candidates are then only the document words sharing one of its sets, not the whole vocabulary looked up
  // again for every new word. Candidates keep the vocabulary's order, so ties go to the same word as a full scan.
  let indexed: { lex: Lexicon; surfaces: string[]; bySynset: Map<number, number[]> } | null = null;
  const synsetIndex = (lex: Lexicon) => {
    if (indexed?.lex !== lex) {
      const surfaces: string[] = [];
      const bySynset = new Map<number, number[]>();
      for (const e of vocab.values()) {
        if (e.name) continue;
        const i = surfaces.push(e.surface) - 1;
        for (const s of lex.entry(e.surface).synsetList) {
          const list = bySynset.get(s);
          if (list) list.push(i);
          else bySynset.set(s, [i]);
        }
      }
      indexed = { lex, surfaces, bySynset };
    }
    return indexed;
  };
  const synonyms = new Map<string, string | null>();
  const synonym = (lower: string): string | null => {
    if (synonyms.has(lower)) return synonyms.get(lower)!;
    const lex = lexicon();
    let best: string | null = null;
    const own = lex?.entry(lower);
    if (lex && own && own.synsets.size > 0) {
      const { surfaces, bySynset } = synsetIndex(lex);
      const candidates = new Set<number>();
      for (const s of own.synsetList) for (const i of bySynset.get(s) ?? []) candidates.add(i);
      let bestSim = SYNONYM_FLOOR;
      for (const i of [...candidates].sort((a, b) => a - b)) {
        const sim = similarity!(lower, surfaces[i]!);
        if (sim >= bestSim) [best, bestSim] = [surfaces[i]!, sim];
      }
    }
    if (synonyms.size > 10_000) synonyms.clear();
    synonyms.set(lower, best);
    return best;
  };
  const standard = (word: string, prev = '', next = ''): string | null => {
    const lower = word.toLowerCase();
    if (!term(lower) || known(lower) || CONNECTIVE.has(`${lower} ${next}`)) return null;
    const wh = CHAT_WH.get(lower);
    if (wh) return wh;
    const kin = FAMILY_OF.get(lower)?.find(known);
    if (kin) return kin;
    const std = COLLOQUIAL.get(lower);
    if (std) return known(std) ? std : null;
    if (DROPPED_G.test(lower) && known(`${lower}g`)) return `${lower}g`;
    if (!similarity) return null;
    // A word of a WordNet phrase ("pass away") is read with the phrase (terms.ts), not alone; the phrase is looked up only
    // for a word with a synonym (most have none, and their neighbours' forms are then never looked up).
    const lex = lexicon();
    if (!lex) return null;
    const syn = synonym(lower);
    if (!syn || (prev && lex.known(`${prev} ${lower}`)) || (next && lex.known(`${lower} ${next}`))) return null;
    return syn;
  };
  return (text) => {
    const segs = [...WORDS.segment(text)];
    const word = (i: number, step: 1 | -1) => {
      for (let j = i + step; j >= 0 && j < segs.length; j += step) if (segs[j]!.isWordLike) return segs[j]!.segment.toLowerCase();
      return '';
    };
    return segs.map((seg, i) => (seg.isWordLike && standard(seg.segment, word(i, -1), word(i, 1))) || seg.segment).join('');
  };
}

function safeLexicon(): Lexicon | null {
  try {
    return loadLexicon();
  } catch {
    return null;
  }
}
