/** The pooling/prefix table, per model family (sources in docs/models.md). */
import { describe, expect, it } from 'vitest';
import { familyFor } from '../../src/embed/families.js';

const ARCTIC_QUERY = 'Represent this sentence for searching relevant passages: ';

describe('familyFor', () => {
  it.each([
    ['Snowflake/snowflake-arctic-embed-xs', 'cls', ARCTIC_QUERY, ''],
    ['Snowflake/snowflake-arctic-embed-m-v1.5', 'cls', ARCTIC_QUERY, ''],
    ['BAAI/bge-small-en-v1.5', 'cls', ARCTIC_QUERY, ''],
    ['Xenova/bge-small-en-v1.5', 'cls', ARCTIC_QUERY, ''],
    ['intfloat/e5-small-v2', 'mean', 'query: ', 'passage: '],
    ['Xenova/e5-small-v2', 'mean', 'query: ', 'passage: '],
    ['intfloat/multilingual-e5-small', 'mean', 'query: ', 'passage: '],
    ['sentence-transformers/all-MiniLM-L6-v2', 'mean', '', ''],
    ['Xenova/all-MiniLM-L6-v2', 'mean', '', ''],
  ])('given %s, then pooling %s, query prefix %j, passage prefix %j', (id, pooling, queryPrefix, passagePrefix) => {
    expect(familyFor(id)).toMatchObject({ pooling, queryPrefix, passagePrefix });
  });

  it('given an Arctic v2 model (a different recipe), then the v1 row does not apply', () => {
    expect(familyFor('Snowflake/snowflake-arctic-embed-m-v2.0').queryPrefix).not.toBe(ARCTIC_QUERY);
  });

  it('given an unknown model, then mean pooling and no prefixes', () => {
    expect(familyFor('someone/my-model', undefined, 'my-model')).toMatchObject({ pooling: 'mean', queryPrefix: '', passagePrefix: '' });
  });

  it('given several names, then the first that matches a family wins (folder name or config name_or_path)', () => {
    expect(familyFor('/models/local-copy', 'local-copy', 'BAAI/bge-base-en-v1.5').pooling).toBe('cls');
  });
});
