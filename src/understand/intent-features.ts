/**
 * The features the intent classifier reads from a message: its words (lower
 * case, apostrophes dropped, numbers and ordinals folded to <num>/<ord>,
 * mentions dropped, emoji folded to <emoji>), word pairs with the message's
 * start and end, four-letter prefixes of longer words (spelling variants and
 * typos: "summarise"/"summarize"/"summry"), the message's length, and what
 * the high-precision rules say. Shared by the fitting script and run time.
 */

const NUMBER_WORDS = new Set('one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'.split(' '));
const ORDINAL_WORDS = new Set('first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth'.split(' '));

/**
 * The message as classifier tokens.
 *
 * @example
 * intentTokens("<@123> What's ¶3 say?? 👍"); // ['whats', 'paragraph', '<num>', 'say', '<emoji>']
 */
export function intentTokens(message: string): string[] {
  const text = message
    .toLowerCase()
    .replace(/<@[!&]?\d+>|(?:^|\s)@\w+/g, ' ')
    .replace(/\p{Extended_Pictographic}/gu, ' <emoji> ')
    .replace(/¶|§/g, ' paragraph ')
    .replace(/[’'`]/g, '');
  const out: string[] = [];
  for (const raw of text.match(/<emoji>|[\p{L}\p{N}]+/gu) ?? []) {
    if (/^\d+(?:st|nd|rd|th)$/.test(raw) || ORDINAL_WORDS.has(raw)) out.push('<ord>');
    else if (/^\d+$/.test(raw) || NUMBER_WORDS.has(raw)) out.push('<num>');
    else out.push(raw);
  }
  return out;
}

/** Feature names of a message, given what the rules said about it (e.g. `rule:summary`, `rule:ref`). */
export function intentFeatures(message: string, ruleHints: string[]): string[] {
  const tokens = intentTokens(message);
  const feats = new Set<string>(ruleHints.map((h) => `rule:${h}`));
  const padded = ['<s>', ...tokens, '</s>'];
  for (let i = 0; i < padded.length; i++) {
    const t = padded[i]!;
    if (i > 0 && i < padded.length - 1) {
      feats.add(`w:${t}`);
      if (t.length >= 5 && !t.startsWith('<')) feats.add(`p:${t.slice(0, 4)}`);
    }
    if (i + 1 < padded.length) feats.add(`b:${t}_${padded[i + 1]}`);
  }
  const n = tokens.length;
  feats.add(`len:${n <= 1 ? '1' : n === 2 ? '2' : n <= 4 ? '3-4' : n <= 7 ? '5-7' : '8+'}`);
  if (/\?\s*$/.test(message)) feats.add('end:?');
  feats.add('bias');
  return [...feats];
}

const VECTOR_SCALE = 3;

/** What the classifier needs of word vectors (src/embed/word-vectors.ts). */
export interface IntentVectors {
  readonly dim: number;
  vector(word: string): Float32Array | undefined;
}

/**
 * The mean of the message's word vectors (words without one are skipped), or
 * null when none has one: lets "précis", "upshot" or "essentials" lean toward
 * the words the training part used for the same request.
 */
export function intentVector(message: string, vectors: IntentVectors): Float32Array | null {
  const sum = new Float32Array(vectors.dim);
  let n = 0;
  for (const t of intentTokens(message)) {
    if (t.startsWith('<')) continue;
    const v = vectors.vector(t);
    if (!v) continue;
    for (let i = 0; i < sum.length; i++) sum[i]! += v[i]!;
    n++;
  }
  if (!n) return null;
  // Scaled so that a mean of unit vectors weighs about as much as a few words do.
  for (let i = 0; i < sum.length; i++) sum[i]! *= VECTOR_SCALE / n;
  return sum;
}
