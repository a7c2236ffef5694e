/** One heavy fault case for `npm run chaos`. */
export interface ChaosCase {
  /** Short id, e.g. "bitflip-documents-json". */
  name: string;
  /** What must happen, in one line. */
  expected: string;
  /** Runs the case in its own temp folder; must stop by itself (bounded loops, timeouts). */
  run(ctx: { tmp: string; log: (line: string) => void }): Promise<{ observed: string; pass: boolean }>;
}
