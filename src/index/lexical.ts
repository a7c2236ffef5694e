/**
 * The lexical (BM25) index over chunks: MiniSearch with our tokenizer,
 * stopwords and stemmer. Serialises to JSON beside the vectors.
 */
import MiniSearch from 'minisearch';
import { term, wordsOf } from '../retrieve/terms.js';

export interface LexicalHit {
  id: string;
  score: number;
}

export interface LexicalIndex {
  search(query: string, k: number): LexicalHit[];
  toJSON(): unknown;
}

const options = {
  idField: 'id',
  fields: ['text'],
  storeFields: [] as string[],
  tokenize: (text: string) => wordsOf(text),
  processTerm: (t: string) => term(t) ?? null,
};

function wrap(ms: MiniSearch): LexicalIndex {
  return {
    search(query, k) {
      return ms
        .search(query, { combineWith: 'OR' })
        .slice(0, k)
        .map((r) => ({ id: String(r.id), score: r.score }));
    },
    toJSON: () => ms.toJSON(),
  };
}

/**
 * @example
 * const lex = buildLexicalIndex([{ id: 'a#1', text: 'Annan told the Council' }]);
 * lex.search('council', 5); // [{ id: 'a#1', score: … }]
 */
export function buildLexicalIndex(items: { id: string; text: string }[]): LexicalIndex {
  const ms = new MiniSearch(options);
  ms.addAll(items);
  return wrap(ms);
}

/** Load what `toJSON` wrote. Throws (with cause) on a corrupt file. */
export function loadLexicalIndex(json: string): LexicalIndex {
  try {
    return wrap(MiniSearch.loadJSON(json, options));
  } catch (cause) {
    throw new Error('lexical index is corrupt', { cause });
  }
}
