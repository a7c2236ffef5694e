/**
 * Labelled CNN stories WITH paragraph breaks, flattened the way the CNN/Daily Mail corpus flattens its copy, labels kept:
 *
 *   npx tsx test/quotes/flatten-news.ts          # writes test/fixtures/quotes/cnn-attribution-flat12-{tune,check}.json
 *
 * The corpus's loader (the `cnn_dailymail` dataset script, after See et al. 2017) reads a story line by line, strips
 * each line, adds " ." to a line that does not end in . ! ? ... ' ` " ’ ” or ), drops empty lines and joins the rest
 * with one space: every paragraph break becomes a space, a heading or caption without a full stop becomes "… .", and a
 * quotation running over a paragraph break reads `… sentence. "Next paragraph …` (reopened, never closed).
 *
 * Two flattened copies of each story: `flat` (CNN's own double marks, as the corpus keeps them for CNN) and `flat-dm`
 * (Daily Mail's house style: each labelled quotation's marks turned single, and single marks inside it double; the same
 * length, so only the flattening moves offsets). Offsets are re-mapped character by character and every label's quote
 * re-read from the new text (a quotation over a paragraph break loses its break).
 *
 * The source stories are the paragraphed CNN tuning sets only (cnn-attribution.json dev and round-2 parts, tune4);
 * never a fresh* set. They are split up front, before anything was scored on the flattened copies, alternately in file
 * order: even positions `tune` (tuned on), odd positions `held-out` (the check half: totals only).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURE, loadLabelledStories, type LabelledQuotation, type LabelledStory } from './labelled-news.js';
import { TUNE4_FIXTURE } from './train-attribution.js';
import { ROOT } from '../helpers/paths.js';

export const FLAT_TUNE_FIXTURE = 'test/fixtures/quotes/cnn-attribution-flat12-tune.json';
export const FLAT_CHECK_FIXTURE = 'test/fixtures/quotes/cnn-attribution-flat12-check.json';

const END_TOKENS = ['.', '!', '?', "'", '`', '"', '\u2019', '\u201d', ')'];

/** The flattened text and, for every offset of the original (0…length), its offset in the flattened text. */
export function flattenText(text: string): { text: string; map: number[] } {
  const map = new Array<number>(text.length + 1).fill(-1);
  let out = '';
  let pos = 0;
  for (const raw of text.split('\n')) {
    const lineStart = pos;
    pos += raw.length + 1;
    const lead = raw.length - raw.trimStart().length;
    const line = raw.trim();
    if (!line) continue;
    if (out) out += ' ';
    const at = out.length;
    for (let k = 0; k < line.length; k++) map[lineStart + lead + k] = at + k;
    out += line;
    if (!END_TOKENS.includes(line[line.length - 1]!)) out += ' .';
  }
  // Offsets of dropped characters (spaces, line breaks) take the next kept character's offset; the end maps to the end.
  let next = out.length;
  for (let i = text.length; i >= 0; i--) {
    if (map[i]! >= 0) next = map[i]!;
    else map[i] = next;
  }
  return { text: out, map };
}

/** Is the ' at `i` a nested quotation's mark, not an apostrophe (don't, '57, rock 'n' roll, members')? */
function nestedMark(text: string, i: number): boolean {
  if (text[i] !== "'") return false;
  const prev = text[i - 1] ?? ' ';
  const next = text[i + 1] ?? ' ';
  if (/\p{L}/u.test(prev) && /\p{L}/u.test(next)) return false;
  if (/\d/.test(next) || /^'n'/.test(text.slice(i, i + 3)) || /^'n'/.test(text.slice(i - 2, i + 1))) return false;
  const opens = /[\s(—-]/.test(prev) && /[\p{L}\d]/u.test(next);
  const closes = /[\p{L}.,!?]/u.test(prev) && /[\s.,;:!?)]/.test(next) && !/s/.test(prev);
  return opens || closes;
}

/** Daily Mail's marks: each labelled quotation's own marks single, single marks inside it double. */
export function dailyMailMarks(text: string, quotations: readonly LabelledQuotation[]): string {
  const chars = [...text];
  if (chars.length !== text.length) throw new Error('astral characters: offsets would not be code units');
  for (const q of quotations) {
    const open = q.start - 1;
    if (text[open] !== '"') continue;
    chars[open] = "'";
    for (let i = q.start; i < q.end; i++) {
      if (text[i] === '"') chars[i] = "'"; // a reopening mark (a quotation over a paragraph break)
      else if (nestedMark(text, i)) chars[i] = '"';
    }
    // The closing mark: after a trailing comma the label leaves out, or a nested quotation's closing mark and a space.
    const m = /^[,;:.?!'\s]{0,3}?"/.exec(text.slice(q.end, q.end + 4));
    if (m) chars[q.end + m[0].length - 1] = "'";
  }
  return chars.join('');
}

export function flattenStory(s: LabelledStory, variant: 'flat' | 'flat-dm', split: LabelledStory['split']): LabelledStory {
  const { text: flat, map } = flattenText(s.text);
  const quotations = s.quotations.map((q) => {
    const start = map[q.start]!;
    // The end maps past the last quoted character (a trailing space or break must not move it).
    const end = map[q.end - 1]! + 1;
    return { ...q, start, end, quote: flat.slice(start, end) };
  });
  for (const [k, q] of quotations.entries()) {
    const was = s.quotations[k]!.quote.replace(/\s+/g, ' ');
    if (q.quote.replace(/\s+/g, ' ') !== was) throw new Error(`${s.id}: "${was}" re-read as "${q.quote}"`);
  }
  const text = variant === 'flat-dm' ? dailyMailMarks(flat, quotations) : flat;
  return { ...s, id: `${s.id}.${variant}`, split, text, quotations: quotations.map((q) => ({ ...q, quote: text.slice(q.start, q.end) })) };
}

/** The source stories in file order, and which half each goes to (decided by position alone). */
export function sourceStories(): { story: LabelledStory; half: 'tune' | 'held-out' }[] {
  const all = [...loadLabelledStories(FIXTURE), ...loadLabelledStories(TUNE4_FIXTURE)].filter((s) => s.quotations.length > 0);
  return all.map((story, k) => ({ story, half: k % 2 === 0 ? 'tune' : 'held-out' }));
}

if (process.argv[1] && /flatten-news/.test(process.argv[1])) {
  const src = sourceStories();
  for (const [half, file] of [['tune', FLAT_TUNE_FIXTURE], ['held-out', FLAT_CHECK_FIXTURE]] as const) {
    const picked = src.filter((x) => x.half === half).map((x) => x.story);
    const stories = picked.flatMap((s) => [flattenStory(s, 'flat', half), flattenStory(s, 'flat-dm', half)]);
    const clear = stories.filter((s) => s.id.endsWith('.flat')).reduce((a, s) => a + s.quotations.filter((q) => q.speaker && !q.ambiguous).length, 0);
    const out = {
      source:
        'Derived from the paragraphed CNN tuning sets cnn-attribution.json (dev and round-2 parts) and cnn-attribution-tune4.json (Abg-CoQA val CNN passages; DeepMind CNN data, Apache-2.0) by test/quotes/flatten-news.ts: ' +
        'each story flattened as the CNN/Daily Mail corpus loader does (lines stripped, " ." added to a line without a final stop, joined with one space), once with CNN\'s double marks (id suffix .flat) and once with Daily Mail\'s single marks (.flat-dm).',
      labelling: `The source sets' labels (read from the paragraphed text before the finder ran on it), offsets re-mapped by the flattening and each quote re-read. Split by position in the source files before anything was scored on the flattened copies: even positions tune, odd positions held-out (${half} here: ${picked.length} stories, ${clear} quotations with a clear speaker per copy).`,
      stories,
    };
    writeFileSync(path.join(ROOT, file), JSON.stringify(out, null, 1) + '\n');
    console.log(file, picked.length, 'stories,', clear, 'clear per copy');
  }
}
