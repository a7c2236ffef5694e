/**
 * compromise (part-of-speech tagging), loaded on first use. It costs ~40 MB
 * and ~0.5 s of start-up that a process answering from a stored index may
 * never need. Its one-file CommonJS build is loaded: the ESM build is ~440
 * files, which the module loader reads far more slowly (same version, same
 * rules).
 *
 * @example
 * nlp('Kofi Annan spoke in New York.').places().out('array'); // ['New York']
 */
import { createRequire } from 'node:module';
import type compromise from 'compromise';

type Compromise = typeof compromise;
let loaded: Compromise | undefined;

/** Has compromise been loaded in this process (for the lean-start tests)? */
export const nlpLoaded = (): boolean => loaded !== undefined;

export function nlp(text: string): ReturnType<Compromise> {
  loaded ??= createRequire(import.meta.url)('compromise') as Compromise;
  return loaded(text);
}
