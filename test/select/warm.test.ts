import { describe, expect, it } from 'vitest';
import { warmSentences } from '../../src/select/warm.js';
import type { StoredDocument } from '../../src/types.js';

const text = 'Kofi Annan spoke today. He told the Council to act. Talks began in 1994.';
const doc = {
  id: 'd',
  text,
  sentences: [
    { start: 0, end: 23, paragraph: 1 },
    { start: 24, end: 51, paragraph: 1 },
    { start: 52, end: 72, paragraph: 1 },
  ],
  paragraphs: [{ n: 1, start: 0, end: 72, kind: 'body' }],
} as unknown as StoredDocument;
const index = { documents: [doc], quotations: [] };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('warmSentences: sentence analyses done ahead in idle time', () => {
  it('given an idle engine, when warmed, then every sentence is analysed and settled resolves', async () => {
    const w = warmSentences(index, { busy: () => false, ready: () => true });
    await w.settled();
    expect(w.done()).toBe(3);
  });

  it('given a question in flight, when the warmer looks, then it waits, and goes on once the question is answered', async () => {
    let busy = true;
    const w = warmSentences(index, { busy: () => busy, ready: () => true });
    await sleep(60);
    expect(w.done()).toBe(0);
    busy = false;
    await w.settled();
    expect(w.done()).toBe(3);
  });

  it('given compromise not loaded yet (a lean start), when the warmer looks, then it does nothing; stop settles it', async () => {
    const w = warmSentences(index, { busy: () => false, ready: () => false });
    await sleep(30);
    expect(w.done()).toBe(0);
    w.stop();
    await w.settled();
    expect(w.done()).toBe(0);
  });

  it('given a cap, when warmed, then no more sentences than the cap are analysed', async () => {
    const w = warmSentences(index, { busy: () => false, ready: () => true, max: 2 });
    await w.settled();
    expect(w.done()).toBe(2);
  });
});
