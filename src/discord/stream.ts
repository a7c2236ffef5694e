/**
 * Throttled editing for streamed (LLM) answers: `push(text)` as often as
 * tokens arrive; the deferred reply is edited at most once per `intervalMs`
 * (Discord rate-limits message edits), never two edits at once, always with
 * the latest text. `finish()` drops anything pending and waits for an edit in
 * flight, so the final rendered answer can replace the partial one.
 *
 * @example
 * const editor = createThrottledEditor({ edit: (t) => interaction.editReply(renderPartial(t)).then(() => {}) });
 * const answer = await engine.ask(q, conv, { onPartial: editor.push });
 * await editor.finish();
 * await interaction.editReply(renderAnswer(answer, ctx)[0]);
 */
import { PARTIAL_EDIT_INTERVAL_MS } from './limits.js';

export interface ThrottledEditor {
  push(text: string): void;
  finish(): Promise<void>;
}

export interface ThrottledEditorOptions {
  edit: (text: string) => Promise<void>;
  intervalMs?: number;
  clock?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  onError?: (error: unknown) => void;
}

export function createThrottledEditor(opts: ThrottledEditorOptions): ThrottledEditor {
  const interval = opts.intervalMs ?? PARTIAL_EDIT_INTERVAL_MS;
  const clock = opts.clock ?? Date.now;
  const setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let last = Number.NEGATIVE_INFINITY;
  let pending: string | null = null;
  let timer: unknown = null;
  let inFlight: Promise<void> | null = null;
  let done = false;

  function schedule() {
    if (done || pending === null || inFlight || timer !== null) return;
    const wait = last + interval - clock();
    if (wait <= 0) fire();
    else timer = setTimer(fire, wait);
  }

  function fire() {
    timer = null;
    if (done || pending === null) return;
    const text = pending;
    pending = null;
    last = clock();
    inFlight = Promise.resolve()
      .then(() => opts.edit(text))
      .catch((e) => opts.onError?.(e))
      .finally(() => {
        inFlight = null;
        schedule();
      });
  }

  return {
    push(text: string) {
      if (done) return;
      pending = text;
      schedule();
    },
    async finish() {
      done = true;
      pending = null;
      if (timer !== null) clearTimer(timer);
      timer = null;
      while (inFlight) await inFlight;
    },
  };
}
