import { describe, expect, it, vi } from 'vitest';
import { verifyQuotes, quoteAt } from '../../src/answer/verify.js';
import { buildDocument } from '../../src/ingest/document.js';
import { silentLogger } from '../../src/log.js';

const doc = buildDocument({ id: 'd.txt', path: 'd.txt', text: 'Title line\n\n“We must act,” he told the Council. It agreed.' });
const docs = new Map([[doc.id, doc]]);

describe('quote verification', () => {
  it('given quotes built from offsets, when verified, then they pass unchanged', () => {
    const s = doc.sentences.find((x) => x.paragraph === 1)!;
    const q = quoteAt(doc, s.start, s.end, 1);
    expect(verifyQuotes([q], docs)).toEqual([q]);
  });

  it.each([
    ['re-worded text', (q: ReturnType<typeof quoteAt>) => ({ ...q, quote: q.quote.replace('must', 'should') })],
    ['straightened quote marks', (q: ReturnType<typeof quoteAt>) => ({ ...q, quote: q.quote.replace(/[“”]/g, '"') })],
    ['shifted offsets', (q: ReturnType<typeof quoteAt>) => ({ ...q, start: q.start + 1, end: q.end + 1 })],
    ['an unknown document', (q: ReturnType<typeof quoteAt>) => ({ ...q, doc: 'other.txt' })],
    ['an empty span', (q: ReturnType<typeof quoteAt>) => ({ ...q, end: q.start, quote: '' })],
  ])('given a quote with %s, when verified, then it is dropped and logged as a bug', (_what, spoil) => {
    const s = doc.sentences.find((x) => x.paragraph === 1)!;
    const good = quoteAt(doc, s.start, s.end, 1);
    const logger = silentLogger();
    const error = vi.spyOn(logger, 'error');
    expect(verifyQuotes([spoil(good), good], docs, logger)).toEqual([good]);
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0]![1])).toMatch(/not verbatim/);
  });
});
