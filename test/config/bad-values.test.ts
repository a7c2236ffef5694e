import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { UserError } from '../../src/errors.js';

/** README (Configuration): "A bad value stops start-up with a message naming the variable." */
const failure = (env: Record<string, string>): UserError => {
  try {
    loadConfig(env, '/tmp');
  } catch (e) {
    return e as UserError;
  }
  throw new Error('loadConfig accepted a bad value');
};

describe('bad configuration values', () => {
  it.each([
    ['TOP_K', 'many'],
    ['REFUSAL_THRESHOLD', '2'],
    ['RATE_LIMIT_PER_MINUTE', '0'],
    ['ENGINE_QUEUE_MAX', '-1'],
    ['DOCS_MAX_PER_SERVER', '1.5'],
  ])('given %s=%s, when the configuration is loaded, then one UserError names that variable', (name, value) => {
    const e = failure({ [name]: value });
    expect(e).toBeInstanceOf(UserError);
    expect(e.message).toMatch(/^Invalid configuration — /);
    expect(e.message).toContain(`${name}:`);
    expect(e.message.split('\n')).toHaveLength(1);
  });

  it('given two bad variables, when loaded, then the message names both', () => {
    const e = failure({ TOP_K: 'x', SHUTDOWN_GRACE_MS: 'soon' });
    expect(e.message).toContain('TOP_K:');
    expect(e.message).toContain('SHUTDOWN_GRACE_MS:');
  });

  it('given SHARDS=0 outside a shard process, when loaded, then it is refused naming SHARDS', () => {
    expect(failure({ SHARDS: '0' }).message).toMatch(/^Invalid configuration — SHARDS:/);
  });

  it('given the defaults, when loaded, then nothing is refused and the README defaults hold', () => {
    const c = loadConfig({}, '/tmp');
    expect(c).toMatchObject({ REFUSAL_THRESHOLD: 0.48, ENGINE_QUEUE_MAX: 16, ENGINE_WORKERS: 1, SHUTDOWN_GRACE_MS: 10_000, VECTOR_STORE: 'auto', EMBEDDING_MODEL: 'Snowflake/snowflake-arctic-embed-xs', EMBEDDING_DTYPE: 'auto', SOFT_MATCH: 'on' });
    expect(c.DOCUMENTS).toEqual(['/tmp/documents']);
  });
});
