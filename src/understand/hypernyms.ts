/**
 * WordNet's noun hypernyms, one step (hypernyms.json, built by hypernyms-build.ts): "dad" is a kind of "father",
 * "emmy" of "award", "alley" of "lane". Read on the first quote request whose topic a document says in other words.
 */
import { existsSync, readFileSync } from 'node:fs';

export interface Hypernyms {
  /** Is one of the two (lemmatised nouns) a kind of the other, one step? */
  related(a: string, b: string): boolean;
  /** The words one step above and below a noun lemma. */
  around(word: string): readonly string[];
}

export function hypernymsFrom(data: { kinds: string[] }): Hypernyms {
  const near = new Map<string, string[]>();
  const add = (a: string, b: string) => (near.get(a) ?? near.set(a, []).get(a)!).push(b);
  for (const line of data.kinds) {
    const [word, ...up] = line.split('|');
    for (const u of up) {
      add(word!, u);
      add(u, word!);
    }
  }
  const sets = new Map<string, ReadonlySet<string>>();
  const setOf = (w: string) => sets.get(w) ?? sets.set(w, new Set(near.get(w) ?? [])).get(w)!;
  return { related: (a, b) => setOf(a).has(b), around: (w) => near.get(w) ?? [] };
}

const FILES = [new URL('./hypernyms.json', import.meta.url), new URL('../../src/understand/hypernyms.json', import.meta.url)];
let loaded: Hypernyms | null | undefined;

/** The hypernyms, read once per process (~0.4 MB); null when the file is missing. */
export function loadHypernyms(): Hypernyms | null {
  if (loaded === undefined) {
    const file = FILES.find((f) => existsSync(f));
    loaded = file ? hypernymsFrom(JSON.parse(readFileSync(file, 'utf8')) as { kinds: string[] }) : null;
  }
  return loaded;
}
