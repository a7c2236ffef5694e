/**
 * Tokens with offsets: words (hyphens, inner apostrophes and abbreviation
 * dots kept) and single punctuation marks. The attribution grammar and the
 * mention finder read text through these.
 */
/** A token of text with offsets. `word` is false for punctuation. */
export interface Tok {
  text: string;
  lower: string;
  start: number;
  end: number;
  word: boolean;
  /** A possessive ’s / 's was cut off the end of this word (it is still inside [start, end)). */
  possessive: boolean;
}


/** Abbreviations that keep their dot inside a name. */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'st', 'jr', 'sr', 'gen', 'lt', 'col', 'capt', 'sen', 'sens', 'rep', 'reps', 'gov', 'rev', 'hon', 'mme', 'messrs', 'amb', 'sgt', 'maj', 'det', 'cpl', 'pvt', 'insp', 'supt', 'cmdr', 'adm', 'pres', 'supt']);

// Tokens

const TOKEN_RE = /[\p{L}\p{N}]+(?:[’'\-.][\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu;

/**
 * Tokens of text[start, end): words (hyphens, inner apostrophes and
 * abbreviation dots kept) and single punctuation marks.
 *
 * @example
 * tokenize('Mr. Annan’s report, he said.', 0, 28).map((t) => t.text); // ['Mr.', 'Annan’s', 'report', ',', 'he', 'said', '.']
 */
export function tokenize(text: string, start: number, end: number): Tok[] {
  const out: Tok[] = [];
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(TOKEN_RE)) {
    let s = start + m.index!;
    let t = m[0];
    const isWord = /[\p{L}\p{N}]/u.test(t[0]!);
    if (isWord && t.endsWith('.') && t.length > 1) {
      const bare = t.slice(0, -1);
      const keep = ABBREVIATIONS.has(bare.toLowerCase()) || /^\p{Lu}$/u.test(bare) || /^(?:\p{L}\.)+\p{L}$/u.test(bare);
      if (!keep) {
        out.push(mk(bare, s, true));
        out.push(mk('.', s + bare.length, false));
        continue;
      }
    }
    out.push(mk(t, s, isWord));
  }
  return out;
}

function mk(text: string, start: number, word: boolean): Tok {
  const possessive = word && /[’']s$/u.test(text) && text.length > 2;
  return { text, lower: text.toLowerCase(), start, end: start + text.length, word, possessive };
}

/** The word without a possessive ’s. */
export const bare = (t: Tok) => (t.possessive ? t.text.slice(0, -2) : t.text);
/** An Arabic name's article or patronymic joined to a capital: "al-Maliki", "bin-Laden", "el-Sisi" are name words. */
const NAME_PARTICLE = /^(?:al|el|ad|ar|as|ash|at|az|an|bin|ibn|abu|bint)-\p{Lu}/u;
export const isCapital = (t: Tok | undefined) => !!t && t.word && (/^\p{Lu}/u.test(t.text) || NAME_PARTICLE.test(t.text));
