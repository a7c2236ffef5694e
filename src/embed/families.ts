/**
 * How each embedding-model family wants to be used: pooling and the query /
 * passage prefixes it was trained with. Checked against the model cards
 * (links in docs/models.md). A model that matches no row gets mean pooling
 * and no prefixes (the sentence-transformers convention); every field can be
 * overridden in `loadEmbedder` options.
 *
 * @example
 * familyFor('Snowflake/snowflake-arctic-embed-xs').queryPrefix
 * // → 'Represent this sentence for searching relevant passages: '
 */

export type Pooling = 'mean' | 'cls';

export interface ModelFamily {
  /** A short name for logs and docs. */
  name: string;
  pooling: Pooling;
  /** Prepended to every query before embedding ('' = none). */
  queryPrefix: string;
  /** Prepended to every passage (document chunk) before embedding ('' = none). */
  passagePrefix: string;
}

const RETRIEVAL_INSTRUCTION = 'Represent this sentence for searching relevant passages: ';

/** First match wins. `match` is tested against the model id or folder name (and its config `_name_or_path`). */
export const MODEL_FAMILIES: readonly (ModelFamily & { match: RegExp })[] = [
  // Arctic-embed v1 / v1.5 card: "use the CLS token … and use the query prefix below (just on the query)".
  {
    name: 'snowflake-arctic-embed',
    match: /arctic-embed-(xs|s|m|l|m-long|m-v1\.5)(?![\w.-]*v2)/i,
    pooling: 'cls',
    queryPrefix: RETRIEVAL_INSTRUCTION,
    passagePrefix: '',
  },
  // BGE v1.5 card: CLS embedding; for retrieval add the instruction to queries only.
  { name: 'bge-v1.5', match: /bge-(small|base|large)-en-v1\.5/i, pooling: 'cls', queryPrefix: RETRIEVAL_INSTRUCTION, passagePrefix: '' },
  // E5 card: average pooling; "query: " and "passage: " prefixes, otherwise quality degrades.
  { name: 'e5', match: /(^|[/_-])(multilingual-)?e5-(small|base|large)/i, pooling: 'mean', queryPrefix: 'query: ', passagePrefix: 'passage: ' },
  // sentence-transformers (all-MiniLM-L6-v2 and kin): mean pooling, no prefix.
  { name: 'sentence-transformers', match: /all-MiniLM|all-mpnet|paraphrase-|sentence-transformers\//i, pooling: 'mean', queryPrefix: '', passagePrefix: '' },
];

export const DEFAULT_FAMILY: ModelFamily = { name: 'default (mean pooling, no prefix)', pooling: 'mean', queryPrefix: '', passagePrefix: '' };

/** The family of a model, from any of its names (id, folder name, config `_name_or_path`). */
export function familyFor(...names: (string | undefined)[]): ModelFamily {
  for (const name of names) {
    if (!name) continue;
    const hit = MODEL_FAMILIES.find((f) => f.match.test(name));
    if (hit) {
      const { match: _match, ...family } = hit;
      return family;
    }
  }
  return { ...DEFAULT_FAMILY };
}
