/**
 * The sentence around a quotation (outside quotes): where the part before it
 * starts and where the part after it ends.
 */

// Regions around a quotation

const SENTENCE_END = /[.!?…]["”’)]*\s+(?=["“‘(\p{Lu}\p{N}])/gu;
const ABBREV_BEFORE_DOT = /(?:^|[\s(])(?:Mr|Mrs|Ms|Mx|Dr|Prof|St|Sr|Jr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Rev|Hon|No|vs|Inc|Corp|Ltd|Co|[A-Z])\.$/;

/** Start of the sentence (outside quotes) that contains `pos`, not before `floor`. */
export function sentenceStartBefore(text: string, floor: number, pos: number): number {
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
