/**
 * `npm run chaos [-- --only name,…]`: the heavy fault cases of issue 11. Imports every
 * `test/chaos/cases/*.ts` (each default-exports a ChaosCase or an array of them),
 * runs them one after another, each in its own temp folder with a time limit,
 * and prints one markdown table: case | expected | observed | verdict.
 * Exits non-zero if any row failed.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ChaosCase } from './types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** A case that has not finished after this long fails (its work is abandoned with the process). */
const CASE_LIMIT_MS = Number(process.env.CHAOS_CASE_LIMIT_MS ?? 300_000);

const arg = (k: string) => {
  const i = process.argv.indexOf(k);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const only = arg('--only')?.split(',').map((s) => s.trim()).filter(Boolean);

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').slice(0, 400);

async function loadCases(): Promise<ChaosCase[]> {
  const dir = path.join(here, 'cases');
  const files = (await readdir(dir)).filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts')).sort();
  const out: ChaosCase[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as { default?: ChaosCase | ChaosCase[] };
    if (!mod.default) continue;
    out.push(...(Array.isArray(mod.default) ? mod.default : [mod.default]));
  }
  return out;
}

const cases = (await loadCases()).filter((c) => !only || only.includes(c.name));
if (only) for (const n of only) if (!cases.some((c) => c.name === n)) console.error(`no chaos case named ${n}`);
const rows: string[] = [];
let failed = 0;
for (const c of cases) {
  const tmp = await mkdtemp(path.join(os.tmpdir(), `chaos-${c.name}-`));
  const t0 = performance.now();
  process.stderr.write(`▶ ${c.name}\n`);
  let observed: string;
  let pass: boolean;
  let timer: NodeJS.Timeout | undefined;
  try {
    const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`did not finish within ${CASE_LIMIT_MS / 1000} s`)), CASE_LIMIT_MS)));
    ({ observed, pass } = await Promise.race([c.run({ tmp, log: (line) => process.stderr.write(`  ${c.name}: ${line}\n`) }), limit]));
  } catch (e) {
    observed = `threw: ${(e as Error)?.stack?.split('\n').slice(0, 2).join(' ') ?? String(e)}`;
    pass = false;
  } finally {
    clearTimeout(timer);
  }
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  if (!pass) failed++;
  rows.push(`| ${cell(c.name)} | ${cell(c.expected)} | ${cell(observed)} (${secs} s) | ${pass ? 'PASS' : 'FAIL'} |`);
  process.stderr.write(`  ${pass ? 'PASS' : 'FAIL'} in ${secs} s\n`);
  await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
}
console.log(['| case | expected | observed | verdict |', '|---|---|---|---|', ...rows].join('\n'));
process.exit(failed ? 1 : 0);
