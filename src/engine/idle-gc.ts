/**
 * Young-generation garbage collected in idle time. Every answer leaves
 * ~0.2 MB of short-lived objects; when the young generation fills, V8
 * scavenges it wherever the next allocation happens — often in the middle
 * of some later answer (0.5–3 ms on the default document, more under load).
 * Once no question has been in flight for a moment, this scavenges instead
 * (a minor collection: no old-space marking or sweeping follows it), and
 * again while idle work (the engine's warm-up) keeps filling it, so the next
 * answer starts with a near-empty young generation. It never runs while a
 * question is answered, never keeps a process alive, and leaves answers as
 * they are (collection has no effect on what the engine computes).
 *
 * @example
 * const idle = idleScavenger({ busy: () => inFlight > 0 });
 * idle.answered(); // after each answer: scavenge once idle, if the young generation holds enough
 */
import v8 from 'node:v8';
import vm from 'node:vm';

/** How long no question must be in flight before scavenging (a burst of questions is not interrupted). */
export const IDLE_GC_DELAY_MS = 30;
/** Scavenge only when the young generation holds at least this much (a near-empty one costs a pause for nothing). */
export const IDLE_GC_MIN_BYTES = 256 * 1024;

export interface IdleScavenger {
  /** An answer finished: scavenge once idle. */
  answered(): void;
  /** Scavenges run so far. */
  runs(): number;
  stop(): void;
}

/** The minor (young-generation) collection. `--expose-gc` is set at run time, as engine-worker.ts does for its full collection. */
let minorGc: (() => void) | undefined;
function scavenge(): void {
  if (!minorGc) {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as (o?: { type: 'minor' | 'major' }) => void;
    minorGc = () => gc({ type: 'minor' });
  }
  minorGc();
}

/** Bytes in the young generation now (V8's new space, plus its large-object part). */
export function youngBytes(): number {
  let used = 0;
  for (const s of v8.getHeapSpaceStatistics()) if (s.space_name === 'new_space' || s.space_name === 'new_large_object_space') used += s.space_used_size;
  return used;
}

export function idleScavenger(opts: { busy: () => boolean; delayMs?: number; minBytes?: number; collect?: () => void; young?: () => number }): IdleScavenger {
  const delay = opts.delayMs ?? IDLE_GC_DELAY_MS;
  const minBytes = opts.minBytes ?? IDLE_GC_MIN_BYTES;
  const collect = opts.collect ?? scavenge;
  const young = opts.young ?? youngBytes;
  let timer: NodeJS.Timeout | undefined;
  let count = 0;
  let stopped = false;
  const fire = () => {
    timer = undefined;
    if (stopped) return;
    // A question came in meanwhile: look again once it is answered.
    if (opts.busy()) return;
    if (young() < minBytes) return;
    collect();
    count++;
    // Idle work may still be allocating (the engine's warm-up, src/select/warm.ts): look again until a look finds little.
    arm();
  };
  const arm = () => (timer = setTimeout(fire, delay)).unref();
  return {
    answered() {
      if (stopped) return;
      if (timer) timer.refresh();
      else arm();
    },
    runs: () => count,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
