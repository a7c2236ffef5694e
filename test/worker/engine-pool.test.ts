/**
 * The worker engine answers exactly as the in-process engine does (it runs the
 * same engine in a worker thread), keeps conversations in the caller's hands,
 * keeps UserError codes across the thread boundary, and refuses as "busy" at
 * once when its bounded queue is full.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import type { Engine } from '../../src/engine-api.js';
import { isUserError } from '../../src/errors.js';
import { silentLogger } from '../../src/log.js';
import type { Conversation } from '../../src/types.js';
import { BUSY_CODE } from '../../src/worker/busy.js';
import { createWorkerEngine, type WorkerEngine } from '../../src/worker/engine-pool.js';
import { syntheticCorpus } from '../helpers/corpus.js';
import { ROOT } from '../helpers/paths.js';

const documents = syntheticCorpus(120, 7);
const config = loadConfig({ EMBEDDING_MODEL: 'none', ENGINE_QUEUE_MAX: '0' }, ROOT);
let local: Engine;
let pooled: WorkerEngine;

beforeAll(async () => {
  local = await createEngine({ config, logger: silentLogger(), embedder: null, documents });
  pooled = await createWorkerEngine({ config, logger: silentLogger(), workers: 1, logLevel: 'silent', documents });
}, 120_000);
afterAll(async () => {
  await pooled?.close();
  await local?.close();
});

const strip = <T extends { latencyMs?: number }>(a: T) => ({ ...a, latencyMs: undefined });

describe('createWorkerEngine', () => {
  it('given the main thread started with a heap-size flag (as `npm start` is), when a worker engine starts, then its worker does not refuse it', async () => {
    process.execArgv.push('--max-semi-space-size=2');
    try {
      const e = await createWorkerEngine({ config, logger: silentLogger(), workers: 1, logLevel: 'silent', documents: documents.slice(0, 3) });
      await e.close();
    } finally {
      process.execArgv.pop();
    }
  }, 60_000);

  it('given questions answered in the worker, when the bench asks for its memory after a full collection, then its young generation is empty and the figures are its own isolate\'s', async () => {
    for (const q of ['What did Priya Raman say about the water supply plan?', 'Who spoke about the rail network?']) await pooled.ask(q);
    const base = await pooled.memory({ settle: true, gc: true });
    const held = new Array(2_000_000).fill(0).map((_, i) => i); // ~16+ MB retained in the main thread only
    await pooled.ask('Who spoke about the rail network?');
    const before = await pooled.memory({ settle: false, gc: false });
    const after = await pooled.memory({ settle: true, gc: true });
    // A full collection empties new space; without one, the questions' garbage (or the task's own) is still there.
    expect(after.spaces.new_space!.used).toBeLessThan(0.05);
    expect(before.spaces.new_space!.used).toBeGreaterThan(after.spaces.new_space!.used);
    expect(after.heapUsed).toBeLessThanOrEqual(after.heapTotal);
    // The worker's heap is not the main thread's: the main thread's retained array (16+ MB) is not in it. (Compared with
    // the worker's own figure before the array, not with the main thread's heap, whose size varies with what else ran.)
    expect(after.heapUsed - base.heapUsed).toBeLessThan(8);
    expect(held.length).toBe(2_000_000);
  }, 60_000);

  it('given questions answered and the idle warm-up settled, then the worker has collected its garbage once by itself (no GC asked for)', async () => {
    const e = await createWorkerEngine({ config, logger: silentLogger(), workers: 1, logLevel: 'silent', documents: documents.slice(0, 20) });
    try {
      for (const q of ['What did Priya Raman say about the water supply plan?', 'Who spoke about the rail network?']) await e.ask(q);
      const settled = await e.memory({ settle: true, gc: false });
      const collected = await e.memory({ settle: true, gc: true });
      // The warm-up's ~80 questions leave garbage; a collection right after it leaves the young generation empty.
      expect(settled.spaces.new_space!.used).toBeLessThan(0.05);
      // Measured: without the worker’s own collection the difference was 9.8–25.8 MB; with it 0.77–1.16 MB (what the memory
      // task itself allocates varies with load: 1 MB failed one clean-clone CI run in round 15), so the bar is 4 MB.
      expect(Math.abs(settled.heapUsed - collected.heapUsed)).toBeLessThan(4);
    } finally {
      await e.close();
    }
  }, 120_000);

  it('given the same documents, when asked and summarising in a worker, then the answers equal the in-process engine\'s, quotes verbatim', async () => {
    const q = 'What did Priya Raman say about the water supply plan?';
    const [a, b] = [await local.ask(q), await pooled.ask(q)];
    expect(strip(b)).toEqual(strip(a));
    expect(b.quotes.length).toBeGreaterThan(0);
    for (const quote of b.quotes) {
      const doc = pooled.documents().find((d) => d.id === quote.doc)!;
      expect(doc.text.slice(quote.start, quote.end)).toBe(quote.quote);
    }
    expect(await pooled.summarize({ length: 'short' })).toEqual(await local.summarize({ length: 'short' }));
    expect({ ...pooled.about(), builtAt: '' }).toEqual({ ...local.about(), builtAt: '' });
    expect(pooled.paragraph(documents[3].id, 1)).toEqual(local.paragraph(documents[3].id, 1));
    expect(await pooled.quotations()).toEqual(await local.quotations());
  }, 60_000);

  it('given a conversation, when a follow-up is asked in the worker, then the caller\'s conversation gets both turns and the follow-up is resolved from the first', async () => {
    const conv: Conversation = { id: 'c1', turns: [] };
    const same: Conversation = { id: 'c2', turns: [] };
    await pooled.ask('What did Kofi Mensah say about the rail network?', conv);
    await local.ask('What did Kofi Mensah say about the rail network?', same);
    expect(conv.turns).toHaveLength(1);
    const follow = await pooled.ask('what else did he say?', conv);
    const followLocal = await local.ask('what else did he say?', same);
    expect(conv.turns).toHaveLength(2);
    expect(conv.turns[1].standalone).toBe(same.turns[1].standalone);
    expect(strip(follow)).toEqual(strip(followLocal));
  }, 60_000);

  it('given a refusal thrown in the worker, when it reaches the caller, then it is still a UserError with its message', async () => {
    const err = await pooled.passages({ paragraph: 999 }).catch((e: unknown) => e);
    expect(isUserError(err)).toBe(true);
    expect((err as Error).message).toMatch(/There is no ¶999/);
  });

  it('given one worker and no queue, when three summaries are asked at once, then one runs and the other two are refused as busy at once', async () => {
    const started = Date.now();
    const results = await Promise.allSettled([0, 1, 2].map(() => pooled.summarize({ length: 'medium', focus: 'flood defences' })));
    const busy = results.filter((r) => r.status === 'rejected' && isUserError(r.reason) && r.reason.code === BUSY_CODE);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(busy).toHaveLength(2);
    expect(pooled.load()).toEqual({ outstanding: 0, capacity: 1 });
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 60_000);

  it.skipIf(process.platform !== 'linux')('given the pool, then its worker thread runs at a lower CPU priority (nice +10) than the main thread', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const nice = (tid: string) => Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')[16]);
    const mainNice = nice(String(process.pid));
    const niceValues = readdirSync('/proc/self/task').map(nice);
    expect(niceValues).toContain(Math.min(19, mainNice + 10));
  });

  it('given a closed engine, when asked, then a clear refusal, not a hang', async () => {
    const e = await createWorkerEngine({ config, logger: silentLogger(), workers: 1, logLevel: 'silent', documents: documents.slice(0, 5) });
    await e.close();
    await expect(e.ask('who spoke?')).rejects.toThrow(/shut down/);
  }, 60_000);
});
