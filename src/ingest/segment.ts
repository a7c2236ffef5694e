/**
 * Paragraph and sentence segmentation with offsets into the untouched text.
 * Sentences come from `Intl.Segmenter` (ICU), corrected for abbreviations
 * ICU splits on ("Mr. Annan", "the U.N. Security Council").
 */
import type { Span } from '../types.js';

/** Abbreviations after which a sentence never ends (case-sensitive, without the dot). */
const TITLES = new Set([
  'Mr', 'Mrs', 'Ms', 'Mx', 'Dr', 'Prof', 'St', 'Sr', 'Jr', 'Gen', 'Sen', 'Rep', 'Gov', 'Lt', 'Col', 'Sgt', 'Capt',
  'Cmdr', 'Adm', 'Maj', 'Pres', 'Amb', 'Hon', 'Rev', 'Fr', 'Messrs', 'Mme', 'Mlle', 'No', 'Nos', 'Art', 'Fig',
  'vs', 'v', 'cf', 'approx', 'Inc', 'Corp', 'Ltd', 'Co', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep',
  'Sept', 'Oct', 'Nov', 'Dec', 'e.g', 'i.e', 'a.m', 'p.m', 'ca', 'al', 'op', 'Mt', 'Ft', 'Ave', 'Blvd',
]);

/** Words that usually start a new sentence: after "U.S." etc. they mean the sentence did end. */
const SENTENCE_STARTERS = new Set([
  'The', 'A', 'An', 'It', 'He', 'She', 'They', 'We', 'I', 'You', 'This', 'That', 'These', 'Those', 'There', 'In',
  'On', 'At', 'But', 'And', 'Or', 'So', 'If', 'When', 'While', 'After', 'Before', 'As', 'His', 'Her', 'Its', 'Their',
  'Our', 'My', 'Meanwhile', 'However', 'Today', 'Yesterday', 'Tomorrow', 'Also', 'Some', 'Many', 'Most', 'One',
  'Two', 'Three', 'Among', 'During', 'Since', 'For', 'With', 'Without', 'According', 'Under', 'What', 'Who', 'Why',
]);

/**
 * Split text into paragraphs: maximal runs of non-blank lines. Spans exclude
 * the surrounding whitespace.
 *
 * @example
 * paragraphSpans('One.\n\nTwo.') // [{start:0,end:4},{start:6,end:10}]
 */
export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  const re = /[^\S\n]*\r?\n(?:[^\S\n]*\r?\n)+/g; // a blank line (possibly with spaces) separates paragraphs
  let pos = 0;
  const push = (a: number, b: number) => {
    const trimmed = trimSpan(text, a, b);
    if (trimmed) spans.push(trimmed);
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    push(pos, m.index);
    pos = m.index + m[0].length;
  }
  push(pos, text.length);
  return spans;
}

/** Shrink [start, end) to exclude leading/trailing whitespace; null if nothing is left. */
export function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/** Characters of context `endsSentence` looks at on either side of a break. */
const TAIL = 256;

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Sentences inside [start, end) of `text`, as trimmed spans.
 *
 * @example
 * const t = 'Mr. Annan spoke. He left.';
 * sentenceSpans(t, 0, t.length).map((s) => t.slice(s.start, s.end)); // ['Mr. Annan spoke.', 'He left.']
 */
export function sentenceSpans(text: string, start: number, end: number): Span[] {
  const slice = text.slice(start, end);
  const raw: Span[] = [];
  for (const seg of segmenter.segment(slice)) {
    const s = trimSpan(text, start + seg.index, start + seg.index + seg.segment.length);
    if (s) raw.push(s);
  }
  const merged: Span[] = [];
  for (const s of raw) {
    const prev = merged[merged.length - 1];
    // Only the tail of what came before and the head of what follows decide (bounded: a long run of merges stays linear).
    if (prev && !endsSentence(text.slice(Math.max(prev.start, prev.end - TAIL), prev.end), text.slice(s.start, Math.min(s.end, s.start + TAIL)))) prev.end = s.end;
    else merged.push({ ...s });
  }
  return merged;
}

/** Does a segment that ends like `prev` really end a sentence, given what follows? */
function endsSentence(prev: string, next: string): boolean {
  const m = /(?:^|[\s(“"‘'])([A-Za-z][A-Za-z.]*)\.$/.exec(prev);
  if (!m) return true;
  const word = m[1]!;
  if (TITLES.has(word)) return false;
  const firstNext = /^[“"‘'(]*([A-Za-z]+)/.exec(next)?.[1] ?? '';
  // Dotted initials: "U.N.", "U.S.", "N.Y.", or a single initial "J."
  if (/^(?:[A-Z]\.)*[A-Z]$/.test(word)) {
    if (!firstNext) return true;
    if (/^[a-z]/.test(firstNext)) return false;
    return SENTENCE_STARTERS.has(firstNext);
  }
  return true;
}
