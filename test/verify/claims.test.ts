/**
 * The labelled claims (test/fixtures/verify/claims.json, written before the
 * checker): exact, reworded, partly right and invented quotes of the default
 * document and five news stories, split dev (thresholds chosen on it) and
 * held-out. Prints each split's figures; fails if any verdict is wrong.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyClaim } from '../../src/verify/verify.js';
import { ROOT } from '../helpers/paths.js';
import { corpus } from './helpers.js';

interface Claim {
  claim: string;
  kind: 'exact' | 'reworded' | 'partial' | 'invented';
  expect: 'exact' | 'close' | 'not-found' | 'close-or-related';
  split: 'dev' | 'heldout';
}

const { claims } = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/verify/claims.json'), 'utf8')) as { claims: Claim[] };
const { docs, quotations } = corpus();

describe.each(['dev', 'heldout'] as const)('labelled claims, %s', (split) => {
  const rows = claims.filter((c) => c.split === split).map((c) => ({ c, v: verifyClaim(c.claim, docs, quotations) }));

  it('given the split, when every claim is checked, then the figures are printed and each kind gets its verdict', () => {
    const byKind = new Map<string, { n: number; right: number; passage: number }>();
    for (const { c, v } of rows) {
      const right = c.expect === 'close-or-related' ? v.verdict !== 'exact' && v.citations.length > 0 : v.verdict === c.expect;
      const k = byKind.get(c.kind) ?? { n: 0, right: 0, passage: 0 };
      k.n++;
      if (right) k.right++;
      if (v.citations.length) k.passage++;
      byKind.set(c.kind, k);
    }
    const lines = [...byKind].map(([kind, k]) => `${kind.padEnd(9)} ${k.right}/${k.n} right, passage shown ${k.passage}/${k.n}`);
    console.log(`verify, ${split}:\n  ${lines.join('\n  ')}`);
    for (const { c, v } of rows) {
      if (c.expect === 'close-or-related') {
        expect(v.verdict, c.claim).not.toBe('exact');
        expect(v.citations.length, c.claim).toBeGreaterThan(0);
      } else expect(v.verdict, c.claim).toBe(c.expect);
    }
  });

  it('given any claim that is not word for word, when checked, then it is never called exact', () => {
    for (const { c, v } of rows.filter((r) => r.c.kind !== 'exact')) expect(v.verdict, c.claim).not.toBe('exact');
  });

  it('given every cited passage, when compared with its document, then it is byte for byte text.slice(start, end)', () => {
    const byId = new Map(docs.map((d) => [d.id, d]));
    for (const { v } of rows) for (const q of v.citations) expect(byId.get(q.doc)!.text.slice(q.start, q.end)).toBe(q.quote);
  });
});
