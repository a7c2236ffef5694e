/**
 * One full garbage collection, on purpose: the engine runs it once in idle time, after its warm-up
 * (src/select/warm.ts) has analysed every sentence. The warm-up leaves tens of MB of garbage (measured on the
 * default document: a heap of ~110 MB, ~55 MB of it live), and V8 would otherwise finish collecting it during
 * the next question — an incremental major collection finalised by whichever answer allocates next.
 *
 * Node exposes no collector call without `--expose-gc`; the flag is set at run time (worker threads refuse it
 * in execArgv), the function taken from a fresh context, and the flag reset, so nothing else sees a `gc` global.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

let gc: (() => void) | null | undefined;

/** Collect now (blocking, all generations). False when the runtime would not give a collector. */
export function collectGarbage(): boolean {
  if (gc === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      gc = vm.runInNewContext('gc') as () => void;
      if (typeof gc !== 'function') gc = null;
    } catch {
      gc = null;
    } finally {
      v8.setFlagsFromString('--no-expose-gc');
    }
  }
  gc?.();
  return !!gc;
}
