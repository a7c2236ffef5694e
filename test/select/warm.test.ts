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

  it('given a last step, when every sentence is analysed, then it runs once, after them, before settled resolves', async () => {
    const seen: number[] = [];
    const w = warmSentences(index, { busy: () => false, ready: () => true, last: () => seen.push(w.done()) });
    await w.settled();
    expect(seen).toEqual([3]);
  });

  it('given a question in flight when the analyses end, when the last step is due, then it waits for the answer', async () => {
    let busy = false;
    let ran = 0;
    // A question arrives while the last sentence is analysed.
    const w = warmSentences(index, { busy: () => busy, ready: () => true, prepare: () => void (w.done() === 3 && (busy = true)), last: () => ran++ });
    for (let waited = 0; w.done() < 3 && waited < 10_000; waited += 10) await sleep(10);
    await sleep(60);
    expect(w.done()).toBe(3);
    expect(ran).toBe(0);
    busy = false;
    await w.settled();
    expect(ran).toBe(1);
  });

  it('given a warmer stopped before the end (an engine closed), when stopped, then the last step never runs', async () => {
    let ran = 0;
    const w = warmSentences(index, { busy: () => false, ready: () => false, last: () => ran++ });
    await sleep(30);
    w.stop();
    await w.settled();
    await sleep(30);
    expect(ran).toBe(0);
  });
});
