import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entitiesOf } from '../../src/select/entities.js';
import { nlp, nlpLoaded } from '../../src/text/nlp.js';
import { ROOT } from '../helpers/paths.js';

/** Every .ts file under src/, with its text. */
function sources(dir = path.join(ROOT, 'src')): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') ? [{ file: path.relative(ROOT, p), text: readFileSync(p, 'utf8') }] : [];
  });
}

/** Packages a start-up must not pay for: each is loaded where it is first used (README "Lean start"); tools that always use one may import it. */
const LAZY: [string, string[]][] = [
  ['compromise', []],
  ['pino-pretty', []],
  ['cli-progress', ['src/cli/eval.ts']],
  ['yauzl', []],
  ['wink-lemmatizer', []],
];
const staticImport = (pkg: string) => new RegExp(`^import\\s+(?!type\\b)[^;]*from\\s+'${pkg}'`, 'm');

describe('heavy modules load when first used', () => {
  it.each(LAZY)('given the source tree, then no file imports %s at start-up (only `import type` or a load on use)', (pkg, allowed) => {
    const offenders = sources().filter((s) => staticImport(pkg).test(s.text) && !allowed.includes(s.file)).map((s) => s.file);
    expect(offenders).toEqual([]);
  });

  it('given the entity tagger imported, when nothing is tagged, then compromise is not loaded; when a sentence is tagged, it is, and tags', () => {
    expect(nlpLoaded()).toBe(false);
    expect(entitiesOf('Kofi Annan spoke in New York on Wednesday.').place).toContain('New York');
    expect(nlpLoaded()).toBe(true);
    expect(nlp('Maria').has('#FemaleName')).toBe(true);
  });
});
