/**
 * Finding quoted spans by their quotation marks — character rules, no NLP.
 *
 * Handles curly (“ ” ‘ ’) and straight (" ') marks and guillemets (« »);
 * nested quotes (a stack); apostrophes (Today’s, Annan’s, delegates’) that
 * are not quotes; and the news convention for a quotation that runs over a
 * paragraph break: the paragraph ends without a closing mark and the next
 * paragraph opens with a fresh opening mark.
 */
import type { Span } from '../types.js';
import { trailingAttribution, unclosedEnd } from './unclosed.js';

export type MarkFamily = 'double' | 'single';

/** One quoted span found in the text. */
export interface QuoteSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark; null when the text never closes it (paragraph ended). */
  close: number | null;
  /** The quoted words: trimmed of whitespace and of a trailing comma (“…,” he said). */
  start: number;
  end: number;
  family: MarkFamily;
  /** 0 for a top-level quote, 1 for a quote inside a quote, … */
  depth: number;
  /** Index (in the returned array) of the enclosing quote, for nested quotes. */
  parent: number | null;
  /** Indices of the paragraphs the quote runs through (more than one when it spans a paragraph break). */
  paragraphs: number[];
  /** Offsets of reopening marks at the start of continuation paragraphs (inside [start, end)). */
  reopenings: number[];
}

const DOUBLE_OPEN = new Set(['“', '«', '„']);
const DOUBLE_CLOSE = new Set(['”', '»']);
const SINGLE_OPEN = '‘';
/** Every character that may be a quotation mark (the scanner visits only these). */
const MARKS = /[“”«»„"‘’']/gu;
const SINGLE_CLOSE = '’';

const isSpace = (c: string | undefined) => c !== undefined && /\s/u.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
/** Characters after which a mark opens a quote: start, space, or opening punctuation. */
const OPEN_BEFORE = /[\s([{“"‘'«„—–\-/]/u;
/** Characters after which a closing mark may stand: end, space, punctuation. */
const CLOSE_AFTER = /[\s.,;:!?)\]}”"’'»—–\-…]/u;

const openerContext = (prev: string | undefined, next: string | undefined) =>
  (prev === undefined || OPEN_BEFORE.test(prev)) && next !== undefined && !isSpace(next);
const closerContext = (prev: string | undefined, next: string | undefined) =>
  prev !== undefined && !isSpace(prev) && (next === undefined || CLOSE_AFTER.test(next));

interface Open {
  family: MarkFamily;
  /** The character that opened it. */
  mark: string;
  open: number;
  /** Where the quoted text starts (after the opening mark). */
  contentStart: number;
  paragraphs: number[];
  reopenings: number[];
  /** Index of the enclosing open quote on the stack at the time it was opened (resolved later). */
  parentOpen: Open | null;
  result?: number;
}

/**
 * Find every quoted span in `text`, paragraph by paragraph.
 *
 * @param paragraphs paragraph spans in text order (e.g. `doc.paragraphs`).
 * @example
 * const t = 'Annan stresses ‘joint action’.\n\n“Today’s world,” he said.';
 * findQuoteSpans(t, [{ start: 0, end: 30 }, { start: 32, end: t.length }])
 *   .map((q) => t.slice(q.start, q.end)); // ['joint action', 'Today’s world']
 */
export function findQuoteSpans(text: string, paragraphs: Span[]): QuoteSpan[] {
  const closed: Closed[] = [];
  let carried: Open | null = null;
  let far = -1;

  for (let pi = 0; pi < paragraphs.length; pi++) {
    const para = paragraphs[pi]!;
    const stack: Open[] = [];
    let i = para.start; // where scanning starts
    if (carried) {
      // The quote continues: skip this paragraph's reopening mark.
      carried.paragraphs.push(pi);
      carried.reopenings.push(i);
      stack.push(carried);
      carried = null;
      i++;
    }

    // `far`: the first mark at or after an earlier paragraph's end; paragraphs before it have none (keeps the scan linear).
    let m: RegExpExecArray | null = null;
    const look = far < para.end;
    if (look) {
      MARKS.lastIndex = i;
      m = MARKS.exec(text);
    }
    let skip = -1;
    for (; m && m.index < para.end; m = MARKS.exec(text)) {
      const i = m.index;
      const c = m[0];
      if (i < skip) continue;
      // Elisions are apostrophes, not quotation marks: rock 'n' roll, 'em, 'til, 'cause.
      const elision = /^['‘’](?:n['’]|(?:em|til|cause|cos|bout|twas|tis)(?![\p{L}'’]))/u.exec(text.slice(i, i + 8));
      if (elision && (i === para.start || !isWordChar(text[i - 1]))) {
        skip = i + elision[0].length;
        continue;
      }
      const prev = i > para.start ? text[i - 1] : undefined;
      const next = i + 1 < para.end ? text[i + 1] : undefined;
      const top = stack[stack.length - 1];
      const push = (family: MarkFamily) => {
        const sameStyle = !!top && top.family === family && (top.mark === '"' || top.mark === "'") === (c === '"' || c === "'");
        // Flattened text (no paragraph breaks): “… one sentence. “The next paragraph …” reopens the quote still open,
        // as a paragraph's opening mark does — when that quote reads as speech (a capital first) and ended a sentence.
        if (top && sameStyle && continuesInline(text, top.contentStart, i)) {
          top.reopenings.push(i);
          return;
        }
        // A single quotation that opens a sentence while one of the same style is still open ("… invest. … He said:
        // 'My wife …"): the open one was never closed (flattened copy drops closing marks), so it ends where its
        // words give way to narration; single marks never nest in their own style.
        if (top && sameStyle && family === 'single' && opensSentence(text, para.start, i) && /^\p{Lu}/u.test(text[top.contentStart] ?? '')) {
          stack.pop();
          const end = unclosedEnd(text, top.contentStart, i, top.reopenings);
          if (end !== null) closed.push({ o: top, close: null, contentEnd: end });
        }
        stack.push({ family, mark: c, open: i, contentStart: i + 1, paragraphs: [pi], reopenings: [], parentOpen: stack[stack.length - 1] ?? null });
      };
      const closeAt = (at: number) => {
        // Anything opened inside and never closed was an apostrophe or an elision: dropped.
        closed.push({ o: stack[at]!, close: i, contentEnd: i });
        stack.length = at;
      };

      if (DOUBLE_OPEN.has(c)) {
        if (c === '“' && top?.family === 'double' && top.mark === '„') closeAt(stack.length - 1); // German „…“
        else push('double');
      } else if (DOUBLE_CLOSE.has(c)) {
        const at = findLast(stack, (o) => o.family === 'double');
        if (at !== -1) closeAt(at);
        else if (openerContext(prev, next)) push('double'); // a closing mark typed as an opener
      } else if (c === '"') {
        const at = findLast(stack, (o) => o.family === 'double' && o.mark === '"');
        if (at !== -1 && closerContext(prev, next)) closeAt(at);
        // `" the key is to keep going ".`: a padded closing mark before punctuation closes the open quote.
        else if (at !== -1 && isSpace(prev) && next !== undefined && /[.,;:!?]/u.test(next)) closeAt(at);
        else if (openerContext(prev, next)) push('double');
        else if (at !== -1 && !isSpace(prev)) closeAt(at);
        // A mark with spaces on both sides (`,' " Harper recalled`, `. " And that's`): straight marks alternate.
        // At a paragraph's start a spaced mark opens (`" I quickly got up," said Tom`: exam and web copy pads the mark).
        else if ((prev === undefined || isSpace(prev)) && (next === undefined || isSpace(next))) {
          if (at !== -1) closeAt(at);
          else if (next !== undefined) push('double');
        }
      } else if (c === SINGLE_OPEN || c === "'") {
        const straight = c === "'";
        const at = findLast(stack, (o) => o.family === 'single' && (o.mark === "'") === straight);
        if (straight && at !== -1 && closerContext(prev, next) && !isWordChar(next)) {
          if (acceptSingleClose(text, i, para.end, true, stack[at]!.contentStart)) closeAt(at);
        } else if (openerContext(prev, next) && !(straight && isWordChar(prev))) {
          push('single');
        } else if (straight && (prev === undefined || isSpace(prev)) && (next === undefined || isSpace(next))) {
          // A straight mark padded on both sides is no apostrophe: `said to him, ' You can do it. '` (marks alternate).
          if (at !== -1) closeAt(at);
          else if (next !== undefined && isWordChar(text[i + 2])) push('single');
        }
      } else if (c === SINGLE_CLOSE) {
        const at = findLast(stack, (o) => o.family === 'single' && o.mark === SINGLE_OPEN);
        if (at !== -1 && closerContext(prev, next) && !isWordChar(next) && acceptSingleClose(text, i, para.end, false, stack[at]!.contentStart)) closeAt(at);
        // Otherwise an apostrophe: Today’s, Annan’s, delegates’.
      }
    }
    if (look) far = m ? m.index : Infinity;

    // End of paragraph: the outermost open quote may continue in the next paragraph.
    const outer = stack[0];
    if (outer) {
      const nextPara = paragraphs[pi + 1];
      const reopen = nextPara ? text[nextPara.start] : undefined;
      const sameFamily =
        reopen !== undefined &&
        (outer.family === 'double' ? DOUBLE_OPEN.has(reopen) || reopen === '"' : reopen === SINGLE_OPEN || reopen === "'");
      if (sameFamily) carried = outer;
      else if (outer.family === 'double') closed.push({ o: outer, close: null, contentEnd: para.end }); // never closed: runs to the paragraph's end
      else if (/^\p{Lu}/u.test(text[outer.contentStart] ?? '')) {
        // A single quotation that reads as speech and is never closed: up to where narration takes over.
        const end = unclosedEnd(text, outer.contentStart, para.end, outer.reopenings);
        if (end !== null) closed.push({ o: outer, close: null, contentEnd: end });
      }
    }
  }

  // Emit in opening order; parents are the nearest enclosing quote that was really closed.
  closed.sort((a, b) => a.o.open - b.o.open);
  const out: QuoteSpan[] = [];
  const depthOf = new Map<Open, number>();
  for (const { o, close, contentEnd } of closed) {
    const span = trimQuote(text, o.contentStart, contentEnd);
    if (!span) continue;
    let p = o.parentOpen;
    while (p && p.result === undefined) p = p.parentOpen;
    const depth = p ? depthOf.get(p)! + 1 : 0;
    o.result = out.length;
    depthOf.set(o, depth);
    out.push({ open: o.open, close, ...span, family: o.family, depth, parent: p ? p.result! : null, paragraphs: o.paragraphs, reopenings: o.reopenings });
  }
  return out;
}

/**
 * Is an opening mark at `at` the continuation of a quote whose words start at `contentStart` (the convention of a
 * quotation running over paragraphs, seen in flattened text: `'I kayak … balance. 'You get close …'`)? The open
 * quote must start with a capital letter, hold at least three words, and the mark follow its sentence's end.
 */
function continuesInline(text: string, contentStart: number, at: number): boolean {
  if (!/^\p{Lu}/u.test(text[contentStart] ?? '')) return false;
  const before = text.slice(contentStart, at);
  // " . " is where flattened copy (CNN/Daily Mail) joined a paragraph or a photo caption: the quote ended there.
  // (" . " before a lower-case word is a line break inside a sentence: "that has . ever lived".)
  // ("… help her, Judge Moss added. 'You …": the words before ended in an attribution, so a new quotation opens.)
  const lastSentence = before.slice(before.search(/[^.!?]*[.!?]\s*$/u));
  return /[.!?]\s+$/u.test(before) && !/\s\.\s+(?!\p{Ll})/u.test(before) && before.trim().split(/\s+/u).length >= 3 && trailingAttribution(lastSentence) === null;
}

/** Does an opening mark at `at` open a sentence or a quotation after a colon ("… invest. 'My", "He said: 'My")? */
function opensSentence(text: string, floor: number, at: number): boolean {
  return /^\p{Lu}/u.test(text[at + 1] ?? '') && /[.!?:…]["”’']?\s+$/u.test(text.slice(Math.max(floor, at - 6), at));
}

interface Closed {
  o: Open;
  close: number | null;
  contentEnd: number;
}

/**
 * A closing single mark right after "s" and before a lower-case word may be a
 * plural possessive ("‘protect the farmers’ rights’"): it closes the quote
 * only when no later closing candidate follows before the next double mark
 * or the paragraph's end. (Character rules cannot tell "‘new partnerships’
 * members’ views" apart; that rare shape is read as one phrase.)
 *
 * In flattened copy, whose one paragraph is the whole story, that later
 * closing mark is often the next quotation's: "Jones said it 'depends' on what
 * the President says. 'I'm opposed …'". So a short quoted phrase (at most
 * {@link SHORT_PHRASE_WORDS} words, no sentence end: a word or a term, not a
 * sentence holding a possessive) closes when the next quotation opens first —
 * an opening mark after a space before a letter that is no elision ('em, 'til).
 * A longer quote keeps the later mark, so no span starts inside it.
 */
function acceptSingleClose(text: string, i: number, end: number, straight: boolean, contentStart: number): boolean {
  const looksPossessive = text[i - 1] === 's' && /^\s+\p{Ll}/u.test(text.slice(i + 1, i + 3));
  if (!looksPossessive) return true;
  const mark = straight ? "'" : SINGLE_CLOSE;
  const opener = straight ? "'" : SINGLE_OPEN;
  const phrase = text.slice(contentStart, i);
  const short = !/[.!?;:]/u.test(phrase) && phrase.trim().split(/\s+/u).length <= SHORT_PHRASE_WORDS;
  for (let j = i + 1; j < end; j++) {
    if (/[“”"«»]/u.test(text[j]!)) break; // not beyond the enclosing quote
    if (short && text[j] === opener && (isSpace(text[j - 1]) || text[j - 1] === '(') && /\p{L}/u.test(text[j + 1] ?? '') && !ELISION.test(text.slice(j + 1, j + 8))) break; // the next quotation opens
    if (text[j] === mark && closerContext(text[j - 1], j + 1 < end ? text[j + 1] : undefined) && !isWordChar(text[j + 1])) return false;
  }
  return true;
}

/** The longest quoted phrase that a possessive-looking mark may close when the next quotation opens first. */
const SHORT_PHRASE_WORDS = 4;
/** Words written with a leading apostrophe, which is no opening mark: 'em, 'til, 'cause, rock 'n' roll, 'tis. */
const ELISION = /^(?:em|til|till|cause|cos|n|tis|twas|bout|round|nuff|cept|fraid|ello|ow|appen)(?![\p{L}])/iu;

function findLast<T>(xs: T[], p: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (p(xs[i]!)) return i;
  return -1;
}

/**
 * Trim whitespace and one trailing comma ("…world,” he told") from the quoted words.
 *
 * @example
 * trimQuote(' world, ', 0, 8); // { start: 1, end: 6 }
 */
export function trimQuote(text: string, start: number, end: number): Span | null {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  if (end > start && text[end - 1] === ',') end--;
  while (end > start && isSpace(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}
