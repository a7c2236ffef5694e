/**
 * Load against the real bot process: `npm start` (exactly as a user runs it)
 * against the fake Discord on 127.0.0.1 with Discord's 3-second
 * acknowledgement window, a generated corpus, interactions sent on a
 * schedule, and each interaction's fate read back from what the fake stored:
 * acknowledged how fast, then answered, told busy, or failed.
 *
 * @example
 * const bot = await startBotProcess({ tmp, documents: 2000, log });
 * const sent = await sendSchedule(bot.fake, plan, 150);
 * const fates = await settle(bot.fake, sent, 300_000);
 * log(describeFates(fates));
 * await bot.stop();
 */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { GENERIC_ERROR } from '../../src/discord/errors.js';
import { ENGINE_BUSY } from '../../src/worker/busy.js';
import { syntheticCorpus, writeCorpus } from '../helpers/corpus.js';
import { startNpm } from '../helpers/npm-start.js';
import { TOKEN } from '../e2e/bot-harness.js';
import { startFakeDiscord, type FakeDiscord } from '../e2e/fake-discord/index.js';

const LOADING = 128;

export interface BotProcess {
  fake: FakeDiscord;
  child: ChildProcess;
  output(): string;
  /** SIGTERM, then the exit code (SIGKILL after `ms`). */
  stop(ms?: number): Promise<number | null>;
}

/** Start `npm start` on `documents` generated articles; resolves when the bot is ready. */
export async function startBotProcess(opts: { tmp: string; documents: number; env?: Record<string, string>; nodeArgs?: string[]; log: (l: string) => void }): Promise<BotProcess> {
  const docs = await writeCorpus(path.join(opts.tmp, 'docs'), syntheticCorpus(opts.documents));
  const fake = await startFakeDiscord({ token: TOKEN, ackTimeoutMs: 3000 });
  const bot = startNpm(
    { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.restUrl, INDEX_DIR: path.join(opts.tmp, 'index'), DOCUMENTS: docs, RATE_LIMIT_PER_MINUTE: '1000', ...opts.env },
    opts.nodeArgs ? { nodeArgs: opts.nodeArgs } : {},
  );
  const t0 = Date.now();
  const ready = await Promise.race([
    (async () => {
      // The bot's log line, or (at quieter log levels) the guild delivered on the gateway plus a moment to process it.
      while (!/discord bot ready/.test(bot.output()) && !fake.gatewayLog.some((e) => e.dir === 'out' && e.t === 'GUILD_CREATE')) await new Promise((r) => setTimeout(r, 100));
      if (!/discord bot ready/.test(bot.output())) await new Promise((r) => setTimeout(r, 1000));
      return true;
    })(),
    bot.exited.then(() => false),
    new Promise<boolean>((r) => setTimeout(() => r(false), 15 * 60_000)),
  ]);
  if (!ready) {
    bot.child.kill('SIGKILL');
    await fake.close();
    throw new Error(`the bot did not start: ${bot.output().slice(-2000)}`);
  }
  opts.log(`bot ready on ${opts.documents} documents after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return {
    fake,
    child: bot.child,
    output: bot.output,
    async stop(ms = 30_000) {
      const code = await bot.stop('SIGTERM', ms);
      await fake.close();
      return code;
    },
  };
}

export interface Planned {
  name: 'ask' | 'summary';
  options: { name: string; type: number; value: string }[];
}
export interface Sent {
  token: string;
  id: string;
  createdAt: number;
  name: string;
}

/** Send the interactions `intervalMs` apart (0 = all at once), each from its own user. */
export async function sendSchedule(fake: FakeDiscord, plan: Planned[], intervalMs: number): Promise<Sent[]> {
  const sent: Promise<Sent>[] = [];
  const t0 = Date.now();
  for (const [i, p] of plan.entries()) {
    const due = t0 + i * intervalMs;
    if (intervalMs && due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    const user = { id: String(500000000000000000n + BigInt(i)), username: `user${i}` };
    sent.push(
      fake.sendInteraction({ type: 2, data: { name: p.name, type: 1, options: p.options }, user }).then(({ id, token }) => ({ id, token, name: p.name, createdAt: fake.interaction(token)!.createdAt })),
    );
  }
  return Promise.all(sent);
}

export type Outcome = 'answered' | 'busy' | 'error' | 'unacknowledged' | 'thinking';
export interface Fate {
  name: string;
  ackMs: number | null;
  outcome: Outcome;
}

/** One poll's view of the fake: callbacks by interaction, bot messages by interaction (computed once: the fake is in this process). */
function snapshotOf(fake: FakeDiscord) {
  const callbacks = new Map<string, { status: number; at: number }[]>();
  for (const r of fake.requests) {
    if (!r.path.endsWith('/callback')) continue;
    const id = r.path.split('/')[2]!;
    callbacks.set(id, [...(callbacks.get(id) ?? []), { status: r.status, at: r.at }]);
  }
  const messages = new Map<string, any[]>();
  for (const m of fake.messages()) {
    const id = m.interaction_metadata?.id;
    if (id) messages.set(id, [...(messages.get(id) ?? []), m]);
  }
  return { callbacks, messages };
}

function fateOf(fake: FakeDiscord, view: ReturnType<typeof snapshotOf>, s: Sent): Fate {
  const callbacks = view.callbacks.get(s.id) ?? [];
  const ok = callbacks.find((r) => r.status < 300);
  const ackMs = ok ? ok.at - s.createdAt : null;
  if (!ok) return { name: s.name, ackMs, outcome: callbacks.length ? 'unacknowledged' : 'thinking' };
  const mine = view.messages.get(s.id) ?? [];
  if (mine.some((m) => m.content === ENGINE_BUSY)) return { name: s.name, ackMs, outcome: 'busy' };
  if (mine.some((m) => m.content === GENERIC_ERROR)) return { name: s.name, ackMs, outcome: 'error' };
  const original = mine.find((m) => m.id === fake.interaction(s.token)?.originalId);
  if (original && !(original.flags & LOADING) && (original.embeds?.length || original.content)) return { name: s.name, ackMs, outcome: 'answered' };
  return { name: s.name, ackMs, outcome: 'thinking' };
}

/** Wait until every interaction has a final fate (or `timeoutMs`), then return them. Polls once a second: the fake shares this thread. */
export async function settle(fake: FakeDiscord, sent: Sent[], timeoutMs: number): Promise<{ fates: Fate[]; settledMs: number }> {
  const t0 = Math.min(...sent.map((s) => s.createdAt));
  const end = Date.now() + timeoutMs;
  for (;;) {
    await new Promise((r) => setTimeout(r, 1000));
    const view = snapshotOf(fake);
    const fates = sent.map((s) => fateOf(fake, view, s));
    if (!fates.some((f) => f.outcome === 'thinking') || Date.now() > end) return { fates, settledMs: Date.now() - t0 };
  }
}

const percentile = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

export interface FateSummary {
  n: number;
  acked: number;
  p50: number;
  p95: number;
  max: number;
  counts: Record<Outcome, number>;
}

export function summarizeFates(fates: Fate[]): FateSummary {
  const acks = fates.flatMap((f) => (f.ackMs === null ? [] : [f.ackMs]));
  const counts: Record<Outcome, number> = { answered: 0, busy: 0, error: 0, unacknowledged: 0, thinking: 0 };
  for (const f of fates) counts[f.outcome]++;
  return { n: fates.length, acked: acks.length, p50: percentile(acks, 50), p95: percentile(acks, 95), max: acks.length ? Math.max(...acks) : NaN, counts };
}

export function describeFates(s: FateSummary, settledMs: number): string {
  const c = s.counts;
  const other = [c.error && `${c.error} "Something went wrong"`, c.unacknowledged && `${c.unacknowledged} not acknowledged in 3 s`, c.thinking && `${c.thinking} left on "thinking…"`].filter(Boolean).join(', ');
  return `${s.acked}/${s.n} acknowledged (p50 ${s.p50} ms, p95 ${s.p95} ms, max ${s.max} ms); ${c.answered} answered, ${c.busy} told busy${other ? `, ${other}` : ''}; all settled after ${(settledMs / 1000).toFixed(1)} s`;
}

/** Every interaction acknowledged within 3 s and answered or told busy. */
export const allAckedAndSettled = (s: FateSummary) => s.acked === s.n && s.max <= 3000 && s.counts.answered + s.counts.busy === s.n;

/** A whole load case: start the bot on `documents` articles, send `plan` `intervalMs` apart, settle, describe; PASS when all acked ≤ 3 s and answered or busy. */
export async function runLoadCase(opts: { tmp: string; log: (l: string) => void; documents: number; plan: Planned[]; intervalMs: number }): Promise<{ observed: string; pass: boolean }> {
  const bot = await startBotProcess({ tmp: opts.tmp, documents: opts.documents, log: opts.log });
  try {
    const sent = await sendSchedule(bot.fake, opts.plan, opts.intervalMs);
    const { fates, settledMs } = await settle(bot.fake, sent, 10 * 60_000);
    const summary = summarizeFates(fates);
    const observed = describeFates(summary, settledMs);
    opts.log(observed);
    return { observed, pass: allAckedAndSettled(summary) };
  } finally {
    opts.log(`bot exited with ${await bot.stop()}`);
  }
}
