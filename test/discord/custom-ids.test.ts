import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusFingerprint, decodeCustomId, encodeCustomId } from '../../src/discord/custom-ids.js';

describe('custom ids', () => {
  it('given any context/page action, when encoded then decoded, then it round-trips within 100 chars', () => {
    const nat = fc.integer({ min: 0, max: 50_000_000 });
    fc.assert(
      fc.property(fc.constantFrom('context' as const, 'page' as const), fc.integer({ min: 0, max: 999 }), nat, nat, nat, (kind, doc, paragraph, a, b) => {
        const action = { kind, fp: 'deadbeef', doc, paragraph, start: Math.min(a, b), end: Math.max(a, b) };
        const id = encodeCustomId(action);
        return id.length <= 100 && JSON.stringify(decodeCustomId(id)) === JSON.stringify(action);
      }),
    );
  });

  it('given many shown quotes, when a More id is encoded, then it keeps the first ones that fit in 100 chars and decodes to them', () => {
    const shown = Array.from({ length: 30 }, (_, i) => ({ doc: i % 3, start: 1000 * i, end: 1000 * i + 321 }));
    const id = encodeCustomId({ kind: 'more', fp: '01234567', shown });
    expect(id.length).toBeLessThanOrEqual(100);
    const action = decodeCustomId(id);
    expect(action?.kind).toBe('more');
    const kept = action?.kind === 'more' ? action.shown : [];
    expect(kept.length).toBeGreaterThan(5);
    expect(kept).toEqual(shown.slice(0, kept.length));
  });

  it('given ids that are not ours, from another version, or malformed, when decoded, then null', () => {
    for (const id of ['', 'hello', 'v0:c:deadbeef:0:1:2:3', 'v1:c:deadbeef:0:1:9:3', 'v1:c:nothex!!:0:1:2:3', 'v1:m:deadbeef:0.1', 'v1:c:deadbeef:0:1:2', 'v1:zz:1', 'x'.repeat(101)]) {
      expect(decodeCustomId(id)).toBeNull();
    }
  });

  it('given the same documents, when fingerprinted, then the same 8 hex chars; given changed text, then a different one', () => {
    const a = corpusFingerprint([{ id: 'd', hash: 'h1' }]);
    expect(a).toMatch(/^[0-9a-f]{8}$/);
    expect(corpusFingerprint([{ id: 'd', hash: 'h1' }])).toBe(a);
    expect(corpusFingerprint([{ id: 'd', hash: 'h2' }])).not.toBe(a);
  });
});
