/**
 * Per-text results remembered across questions: the analysis of a document's sentence is the same for
 * every question that reads it, so a warm engine computes it once (bounded; cleared when full, as the
 * other memos of the question path). Kept apart per owner object (e.g. the word vectors a result reads);
 * a null owner has its own table. Callers must not mutate what they get.
 *
 * @example
 * const sentenceWords = memoPerText((text: string, vectors: WordVectors | null) => analyse(text, vectors));
 * sentenceWords('He told the Council.', vectors) === sentenceWords('He told the Council.', vectors); // true
 */
export const TEXT_MEMO_MAX_ENTRIES = 5_000;

export function memoPerText<O extends object | null | undefined, R>(fn: (text: string, owner: O) => R, max = TEXT_MEMO_MAX_ENTRIES): (text: string, owner: O) => R {
  const byOwner = new WeakMap<object, Map<string, R>>();
  const ownerless = new Map<string, R>();
  return (text, owner) => {
    let memo = owner ? byOwner.get(owner) : ownerless;
    if (!memo) byOwner.set(owner!, (memo = new Map()));
    if (memo.has(text)) return memo.get(text) as R; // an undefined result is remembered too
    const out = fn(text, owner);
    if (memo.size >= max) memo.clear();
    memo.set(text, out);
    return out;
  };
}
