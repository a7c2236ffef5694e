/**
 * The bot with its engine in a worker thread (issue 11, item 3), on a
 * generated corpus large enough that summaries cost real CPU: the gateway's
 * thread stays free, so every interaction is acknowledged within Discord's
 * 3 s (the fake refuses later callbacks with 10062), and each is answered or
 * told "busy" — ephemerally, at once — never "Something went wrong".
 * (`npm run chaos` runs the full-size versions against the real process.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_BUSY } from '../../src/worker/busy.js';
import { allAckedAndSettled, describeFates, sendSchedule, settle, summarizeFates, type Planned } from '../chaos/discord-load.js';
import { syntheticCorpus } from '../helpers/corpus.js';
import { startBotHarness, type BotHarness } from './bot-harness.js';

let h: BotHarness;
const documents = syntheticCorpus(400, 11);

beforeAll(async () => {
  h = await startBotHarness({ workers: 1, documents, env: { ENGINE_QUEUE_MAX: '2', RATE_LIMIT_PER_MINUTE: '1000' } });
}, 180_000);
afterAll(async () => {
  await h?.close();
});

const summary: Planned = { name: 'summary', options: [{ name: 'length', type: 3, value: 'long' }] };
const ask: Planned = { name: 'ask', options: [{ name: 'question', type: 3, value: 'What did Priya Raman say about the water supply plan?' }] };

describe('the engine in a worker thread, behind a bounded queue', () => {
  it('given more summaries at once than the worker and queue hold, then every one is acknowledged in time and the overflow is told busy, ephemerally, with no public "thinking…" left', async () => {
    const sent = await sendSchedule(h.fake, Array.from({ length: 6 }, () => summary), 0);
    const { fates, settledMs } = await settle(h.fake, sent, 120_000);
    const s = summarizeFates(fates);
    expect(allAckedAndSettled(s), describeFates(s, settledMs)).toBe(true);
    expect(s.counts.busy).toBeGreaterThanOrEqual(3); // capacity: 1 running + 2 waiting
    expect(s.counts.answered).toBeGreaterThanOrEqual(1);
    // Busy is ephemeral: the first response when the queue was already full, else a follow-up that replaces the public "thinking…".
    for (const x of sent.filter((_, i) => fates[i].outcome === 'busy')) {
      const mine = h.fake.messages().filter((m) => m.interaction_metadata?.id === x.id);
      expect(mine.map((m) => [m.content, m.flags & 64])).toEqual([[ENGINE_BUSY, 64]]);
    }
    expect(h.logs.filter((l) => l.outcome === 'busy').length).toBe(s.counts.busy);
  }, 180_000);

  it('given /summary and /ask alternating every 150 ms, then all are acknowledged within 3 s and each is answered or told busy', async () => {
    const plan = Array.from({ length: 12 }, (_, i) => (i % 2 ? ask : summary));
    const sent = await sendSchedule(h.fake, plan, 150);
    const { fates, settledMs } = await settle(h.fake, sent, 180_000);
    const s = summarizeFates(fates);
    expect(allAckedAndSettled(s), describeFates(s, settledMs)).toBe(true);
    expect(s.counts.answered).toBeGreaterThanOrEqual(3);
    expect(h.fake.validateAll()).toEqual([]);
  }, 240_000);
});
