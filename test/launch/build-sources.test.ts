import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module without types (it runs before anything is compiled)
import { newestSource } from '../../src/build-sources.mjs';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

function tree(files: Record<string, number>): string {
  root = mkdtempSync(path.join(os.tmpdir(), 'verbatim-sources-'));
  for (const [name, seconds] of Object.entries(files)) {
    const p = path.join(root, name);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, '{}');
    utimesSync(p, seconds, seconds);
  }
  return root;
}

describe('the launcher\'s freshness check (src/build-sources.mjs)', () => {
  it('given a refitted JSON model under src/ newer than every .ts file, when the newest source is read, then it is the JSON file\'s time (dist/ is rebuilt after a pull that only changes weights)', () => {
    const r = tree({ 'tsconfig.json': 100, 'tsconfig.build.json': 100, 'src/a.ts': 200, 'src/quotes/model.json': 300 });
    expect(newestSource(r)).toBe(300_000);
  });

  it('given files the build does not read (notes, .mjs), when the newest source is read, then they do not count', () => {
    const r = tree({ 'tsconfig.json': 100, 'tsconfig.build.json': 150, 'src/a.ts': 200, 'src/notes.md': 900, 'src/launch.mjs': 900 });
    expect(newestSource(r)).toBe(200_000);
  });
});
