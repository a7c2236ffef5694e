/**
 * Paragraph and sentence segmentation with offsets into the untouched text.
 * Sentences come from `Intl.Segmenter` (ICU), corrected for abbreviations
 * ICU splits on ("Mr. Annan", "the U.N. Security Council").
 */
import { SPEECH_VERBS, TELL_VERBS } from '../text/speech-verbs.js';
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

/** Longest piece handed to ICU at once: its sentence iterator slows down superlinearly past ~10k characters (a 200k one-line paragraph took 30 s, 2 MB hours). */
export const SEGMENT_WINDOW = 8192;

/**
 * ICU's sentence breaks in [start, end), segmenting at most SEGMENT_WINDOW
 * characters at a time. Each window keeps every sentence but its last (which
 * the window's edge may have cut) and the next window starts where that one
 * did, so a paragraph under the window is segmented exactly as before. A
 * single sentence longer than the window is cut at its last space (or at the
 * window's edge, never between the halves of a surrogate pair).
 */
function* icuSentences(text: string, start: number, end: number): Generator<[number, number]> {
  let at = start;
  while (at < end) {
    const stop = Math.min(end, at + SEGMENT_WINDOW);
    const pieces = [...segmenter.segment(text.slice(at, stop))].map((seg) => [at + seg.index, at + seg.index + seg.segment.length] as [number, number]);
    if (stop === end) return yield* pieces;
    if (pieces.length > 1) {
      yield* pieces.slice(0, -1);
      at = pieces[pieces.length - 1]![0];
      continue;
    }
    let cut = text.lastIndexOf(' ', stop - 1);
    if (cut <= at) cut = /[\uD800-\uDBFF]/.test(text[stop - 1]!) ? stop - 1 : stop;
    else cut += 1;
    yield [at, cut];
    at = cut;
  }
}

/**
 * Sentences inside [start, end) of `text`, as trimmed spans.
 *
 * @example
 * const t = 'Mr. Annan spoke. He left.';
 * sentenceSpans(t, 0, t.length).map((s) => t.slice(s.start, s.end)); // ['Mr. Annan spoke.', 'He left.']
 */
export function sentenceSpans(text: string, start: number, end: number): Span[] {
  const raw: Span[] = [];
  for (const [a, b] of icuSentences(text, start, end)) {
    const s = trimSpan(text, a, b);
    if (s) raw.push(s);
  }
  const merged: Span[] = [];
  for (const s of raw) {
    const prev = merged[merged.length - 1];
    // Only the tail of what came before and the head of what follows decide (bounded: a long run of merges stays linear).
    if (prev && !endsSentence(text.slice(Math.max(prev.start, prev.end - TAIL), prev.end), text.slice(s.start, Math.min(s.end, s.start + TAIL)))) prev.end = s.end;
    else merged.push({ ...s });
  }
  return keepAttributions(text, merged);
}

/** Words that may follow the speech verb of an attribution sentence ("asked.", "said on Tuesday.", "told CNN."). */
const AFTER_CUE = new Set([
  'to', 'in', 'at', 'on', 'during', 'after', 'before', 'from', 'of', 'about', 'with', 'when', 'while', 'as', 'last', 'this', 'today',
  'yesterday', 'tonight', 'later', 'earlier', 'again', 'afterward', 'afterwards', 'monday', 'tuesday', 'wednesday', 'thursday',
  'friday', 'saturday', 'sunday',
]);
const TELL = new Set(TELL_VERBS);

/**
 * ICU ends a sentence after `?”` and `!”`, which cuts the attribution off a
 * quotation: `“He didn't believe the U.S. would invade?” Correspondent
 * Scott Pelley asked.` A post-pass joins such a piece back to the quotation
 * when it is nothing but an attribution: it starts in lower case (“Why?” he
 * asked), or it is at most a few capitalised words, a speech verb, and then
 * nothing, a time or place, or (after "told"/"asked") a short addressee.
 * "He said the talks would resume." stays a sentence of its own.
 *
 * @example
 * const t = '“Why?” Correspondent Scott Pelley asked. Nobody answered.';
 * sentenceSpans(t, 0, t.length).length; // 2
 */
function keepAttributions(text: string, spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    if (prev && /[?!]["”’']$/u.test(text.slice(prev.start, prev.end)) && isAttribution(text.slice(s.start, s.end))) prev.end = s.end;
    else out.push({ ...s });
  }
  return out;
}

function isAttribution(sentence: string): boolean {
  const words = sentence.replace(/[.!?]+["”’']?$/u, '').split(/\s+/u).filter(Boolean);
  if (!words.length) return false;
  if (/^\p{Ll}/u.test(words[0]!)) return true; // “Why?” he asked … / “Run!” cried Dora, as she came …
  if (words.length > 12) return false;
  const verb = words.findIndex((w) => SPEECH_VERBS.has(w.toLowerCase().replace(/[,;:]$/u, '')));
  if (verb < 1 || verb > 5) return false;
  // Before the verb: the speaker's name or title ("Correspondent Scott Pelley", "Dr. Lee", "The minister").
  if (!words.slice(0, verb).every((w, i) => /^[\p{Lu}@]/u.test(w) || (i > 0 && /^(?:of|de|van|von|al|bin)$/u.test(w)) || (i === 1 && /^\p{Ll}+$/u.test(w) && /^(?:The|A|An|One)$/u.test(words[0]!)))) return false;
  const rest = words.slice(verb + 1);
  if (!rest.length) return true;
  const first = rest[0]!.toLowerCase().replace(/[,;:]$/u, '');
  return AFTER_CUE.has(first) || (TELL.has(words[verb]!.toLowerCase()) && rest.length <= 4);
}

/** Does a segment that ends like `prev` really end a sentence, given what follows? */
function endsSentence(prev: string, next: string): boolean {
  // "[O.S.]", "(U.S." — an abbreviation may sit inside brackets.
  const m = /(?:^|[\s([“"‘'])([A-Za-z][A-Za-z.]*)\.[\])]?$/.exec(prev);
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
