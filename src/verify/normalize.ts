/**
 * The only differences "exact" forgives: quotation-mark style (“ ” ‘ ’ „ «
 * » ′ ″ and the straight ones, single or double: ‘…’ for “…” is a house
 * style), dash style (‐ ‑ ‒ – — ― − and the hyphen) and runs of whitespace. Everything else — case, spelling, punctuation, an
 * ellipsis written as three dots — is a difference. The map sends every
 * normalised character back to its offset in the source, so a match in the
 * normalised text becomes exact source offsets.
 */

const SINGLE = /[‘’‚‛′`´]/;
const DOUBLE = /[“”„‟″«»〝〞＂]/;
const DASH = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/;

export interface Normalized {
  text: string;
  /** map[i] = source offset of text[i]; map[text.length] = source length. */
  map: number[];
}

/**
 * Quotation marks become ' or " by kind (`quotes: 'kind'`, for showing
 * differences), or all one mark (`quotes: 'one'`, for matching).
 *
 * @example
 * const n = normalizeStyle('“We  need” – now');
 * n.text;   // '"We need" - now'
 * n.map[4]; // 3 (the space run starts at source offset 3)
 */
export function normalizeStyle(src: string, opts: { quotes?: 'kind' | 'one' } = {}): Normalized {
  const single = opts.quotes === 'one' ? '"' : "'";
  let text = '';
  const map: number[] = [];
  let inSpace = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (/\s/.test(ch)) {
      if (!inSpace) {
        text += ' ';
        map.push(i);
      }
      inSpace = true;
      continue;
    }
    inSpace = false;
    text += ch === "'" || SINGLE.test(ch) ? single : DOUBLE.test(ch) ? '"' : DASH.test(ch) ? '-' : ch;
    map.push(i);
  }
  map.push(src.length);
  return { text, map };
}

/** The normalised form alone (quotation marks by kind). */
export const styleFree = (s: string) => normalizeStyle(s).text;

/** The form exact matching compares: every quotation mark one mark. */
export const matchForm = (s: string) => normalizeStyle(s, { quotes: 'one' });
