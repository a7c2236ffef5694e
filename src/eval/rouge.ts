/**
 * ROUGE-1/2/L for summaries, with the field's standard tokenisation
 * (google-research `rouge-score` and ROUGE-1.5.5 with `-m`): lowercase,
 * every run of characters other than a–z and 0–9 is a separator, tokens
 * longer than three letters are Porter-stemmed. The counting is js-rouge's:
 * ROUGE-N clips repeated n-grams to the smaller count; ROUGE-L is the
 * summary-level union LCS over sentences (what `rouge-score` calls
 * `rougeLsum`, and what published CNN/Daily Mail figures use), with one
 * sentence per line on both sides.
 *
 * @example
 * rouge('The cat sat.\nIt purred.', 'the cat sat on the mat').rouge1.f; // 0.6
 */
import { l, n } from 'js-rouge';
import { stemmer } from 'stemmer';

export interface Prf {
  p: number;
  r: number;
  f: number;
}

export interface RougeScores {
  rouge1: Prf;
  rouge2: Prf;
  rougeL: Prf;
}

/** rouge-score's tokenizer: lowercase, split on anything but [a-z0-9], Porter-stem words over 3 characters. */
export function rougeTokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter(Boolean)
    .map((t) => (t.length > 3 ? stemmer(t) : t));
}

/** One sentence per non-empty line. */
const lines = (text: string) => text.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);

/** beta = 0 gives precision, beta = Infinity recall, beta = 1 the F1 score (js-rouge's fMeasure). */
function prf(score: (beta: number) => number): Prf {
  return { p: score(0), r: score(Infinity), f: score(1) };
}

/**
 * Score a candidate against a reference; both are one sentence per line.
 * Either side with no tokens scores 0 (js-rouge refuses empty input).
 */
export function rouge(candidate: string, reference: string): RougeScores {
  const zero = { p: 0, r: 0, f: 0 };
  if (!rougeTokens(candidate).length || !rougeTokens(reference).length) return { rouge1: zero, rouge2: zero, rougeL: zero };
  const common = { caseSensitive: true, tokenizer: rougeTokens };
  return {
    rouge1: prf((beta) => n(candidate, reference, { ...common, n: 1, beta })),
    rouge2: prf((beta) => n(candidate, reference, { ...common, n: 2, beta })),
    rougeL: prf((beta) => l(candidate, reference, { ...common, beta, segmenter: lines })),
  };
}

/** Mean of each figure over many scores. */
export function meanRouge(all: RougeScores[]): RougeScores {
  const mean = (pick: (s: RougeScores) => Prf): Prf => {
    const k = all.length || 1;
    return {
      p: all.reduce((s, x) => s + pick(x).p, 0) / k,
      r: all.reduce((s, x) => s + pick(x).r, 0) / k,
      f: all.reduce((s, x) => s + pick(x).f, 0) / k,
    };
  };
  return { rouge1: mean((s) => s.rouge1), rouge2: mean((s) => s.rouge2), rougeL: mean((s) => s.rougeL) };
}
