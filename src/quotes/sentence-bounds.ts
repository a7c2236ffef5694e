/**
 * The sentence around a quotation (outside quotes): where the part before it
 * starts and where the part after it ends.
 */

// Regions around a quotation

// (A straight ' opens the next sentence's quotation in Daily Mail copy: "… The Daily Beast. 'It will be …'".)
const SENTENCE_END = /[.!?…]["”’)]*\s+(?=["“‘'(\p{Lu}\p{N}])/gu;
// "U.S. Attorney", "the U.N. envoy": an initialism's last dot ends no sentence (a sentence ending in one is rare in news copy).
const ABBREV_BEFORE_DOT = /(?:^|[\s(])(?:Mr|Mrs|Ms|Mx|Dr|Prof|St|Sr|Jr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Rev|Hon|No|vs|Inc|Corp|Ltd|Co|Maj|Sgt|Det|Insp|Supt|Cmdr|Adm|(?:[A-Z]\.){0,3}[A-Z])\.$/;

/** Start of the sentence (outside quotes) that contains `pos`, not before `floor`. */
export function sentenceStartBefore(text: string, floor: number, pos: number): number {
  if (pos - floor > LONG_SCAN) return sentenceStartBeforeLong(text, floor, pos);
  // One character past `pos` so that "said. “" sees the opening mark that starts the next sentence.
  const region = text.slice(floor, pos + 1);
  let start = floor;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(region); m; m = SENTENCE_END.exec(region)) {
    if (m.index + m[0].length > pos - floor) break;
    const dotAt = m.index + 1;
    if (ABBREV_BEFORE_DOT.test(region.slice(Math.max(0, m.index - 6), dotAt))) continue;
    start = floor + m.index + m[0].length;
  }
  return start;
}

/**
 * Performance guard, the same answer as the scan above: a paragraph of thousands of quotations and no sentence end (a
 * hostile file) would have each quotation scan it from its start — quadratic. Past {@link LONG_SCAN} characters the
 * sentence ends after `floor` are found once per text and floor and looked up. (A sentence end depends only on the
 * characters from its stop on, and on the six before it, cut at `floor`, so a scan of the whole text finds the same
 * ones: those ending at or before `pos`.)
 */
const LONG_SCAN = 4096;
const longScans = { text: '', byFloor: new Map<number, { re: RegExp; ends: number[]; done: boolean; last: number }>() };
function sentenceStartBeforeLong(text: string, floor: number, pos: number): number {
  if (longScans.text !== text || longScans.byFloor.size > 64) longScans.byFloor.clear();
  longScans.text = text;
  let st = longScans.byFloor.get(floor);
  if (!st) {
    const re = new RegExp(SENTENCE_END.source, SENTENCE_END.flags);
    re.lastIndex = floor;
    longScans.byFloor.set(floor, (st = { re, ends: [], done: false, last: floor }));
  }
  // Scan on until a sentence end past `pos` (the scan only ever moves forward).
  while (!st.done && st.last <= pos) {
    const m = st.re.exec(text);
    if (!m) {
      st.done = true;
      break;
    }
    const end = m.index + m[0].length;
    st.last = end;
    if (!ABBREV_BEFORE_DOT.test(text.slice(Math.max(floor, m.index - 6), m.index + 1))) st.ends.push(end);
  }
  let lo = 0;
  let hi = st.ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (st.ends[mid]! <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? st.ends[lo - 1]! : floor;
}

/** End of the sentence that starts at `pos`, not after `ceil`. */
export function sentenceEndAfter(text: string, pos: number, ceil: number): number {
  const region = text.slice(pos, ceil);
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(region); m; m = SENTENCE_END.exec(region)) {
    const dotAt = m.index + 1;
    if (ABBREV_BEFORE_DOT.test(region.slice(Math.max(0, m.index - 6), dotAt))) continue;
    return pos + dotAt;
  }
  return ceil;
}

/**
 * Where every sentence of a text starts (paragraph breaks end sentences too), in order: the
 * sentence of a position is the number of starts at or before it, minus one.
 *
 * @example
 * sentenceStarts('He left. She stayed.'); // [0, 9]
 */
export function sentenceStarts(text: string): number[] {
  const starts = [0];
  const re = new RegExp(`${SENTENCE_END.source}|\\n\\s*\\n\\s*`, 'gu');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].startsWith('\n') || !ABBREV_BEFORE_DOT.test(text.slice(Math.max(0, m.index - 6), m.index + 1))) starts.push(m.index + m[0].length);
    if (m[0].length === 0) re.lastIndex++;
  }
  return starts;
}
