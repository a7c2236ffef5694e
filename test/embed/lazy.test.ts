import { describe, expect, it } from 'vitest';
import { lazyEmbedder, parseModelKey } from '../../src/embed/lazy.js';
import { modelKey, type Embedder } from '../../src/embed/types.js';
import { hashEmbedder } from '../helpers/hash-embedder.js';

function counted(make: () => Embedder | null) {
  const c = { loads: 0, load: async () => (c.loads++, make()) };
  return c;
}

describe('an embedder that loads its model on first use', () => {
  it('given a lazy embedder, when nothing is embedded, then the model is never loaded but its vector space is known', () => {
    const c = counted(() => hashEmbedder('m', 64));
    const e = lazyEmbedder(c.load, { key: 'm', dim: 64 });
    expect(modelKey(e)).toBe('m');
    expect(e.dim).toBe(64);
    expect(c.loads).toBe(0);
  });

  it('given several first uses at once, then the model is loaded once and embeds as the model does', async () => {
    const real = hashEmbedder('m', 64);
    const c = counted(() => real);
    const e = lazyEmbedder(c.load, { key: 'm', dim: 64 });
    const [q, ps] = await Promise.all([e.embedQuery('Annan told the Council'), e.embedPassages(['the Council met', 'Annan spoke'])]);
    await e.embedQuery('again');
    expect(c.loads).toBe(1);
    expect([...q]).toEqual([...(await real.embedQuery('Annan told the Council'))]);
    expect(ps).toHaveLength(2);
  });

  it('given a model that loads as another vector space than expected, then embedding fails saying so', async () => {
    const e = lazyEmbedder(counted(() => hashEmbedder('m', 32)).load, { key: 'm', dim: 64 });
    await expect(e.embedQuery('x')).rejects.toThrow(/32 dimensions.*not m \(64\)/);
  });

  it('given a model that cannot be loaded, then embedding fails naming it', async () => {
    const e = lazyEmbedder(counted(() => null).load, { key: 'm', dim: 64 });
    await expect(e.embedQuery('x')).rejects.toThrow(/m could not be loaded/);
  });

  it('given a quantised model key, then its id and precision are the key\'s', () => {
    expect(parseModelKey('Snowflake/snowflake-arctic-embed-xs (q8)')).toEqual({ id: 'Snowflake/snowflake-arctic-embed-xs', dtype: 'q8' });
    expect(modelKey(lazyEmbedder(async () => null, { key: 'a/b (q8)', dim: 8 }))).toBe('a/b (q8)');
  });
});
