/**
 * `npx tsx src/cli/coqa-split.ts <abg-coqa.jsonl> <out-dir>` — splits an
 * evaluation JSONL by story into `tune.jsonl` and `heldout.jsonl`, with the
 * same hash of the story id as `npm run calibrate -- --coqa` (even → tuning,
 * odd → held out), so follow-up work is tuned on one part and measured on
 * the other with `npm run eval`.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';
import { storySplit } from './calibrate-coqa.js';
import { run } from './common.js';

/** The story a JSONL line belongs to: a document line's id, or a conversation's document id (null for other lines). */
function storyOf(line: string): string | null {
  const o = JSON.parse(line) as { type?: string; id?: string; document?: { id?: string } };
  return o.type === 'document' ? (o.id ?? null) : (o.document?.id ?? null);
}

/**
 * @example
 * splitByStory(lines); // { tune: [...], heldout: [...] } — a story's document and its conversations in the same part
 */
export function splitByStory(lines: readonly string[]): { tune: string[]; heldout: string[] } {
  const out = { tune: [] as string[], heldout: [] as string[] };
  for (const line of lines) {
    if (!line.trim()) continue;
    const story = storyOf(line);
    if (story === null) throw new UserError(`A line names no story: ${line.slice(0, 80)}`);
    out[storySplit(story)].push(line);
  }
  return out;
}

async function main(): Promise<void> {
  const [file, dir] = process.argv.slice(2);
  if (!file || !dir) throw new UserError('Usage: npx tsx src/cli/coqa-split.ts <abg-coqa.jsonl> <out-dir>');
  const parts = splitByStory((await readFile(file, 'utf8')).split('\n'));
  await mkdir(dir, { recursive: true });
  for (const [name, lines] of Object.entries(parts)) await writeFile(path.join(dir, `${name}.jsonl`), lines.join('\n') + '\n');
  process.stdout.write(`tune: ${parts.tune.length} lines, heldout: ${parts.heldout.length} lines → ${dir}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) await run(main);
