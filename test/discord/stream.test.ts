import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createThrottledEditor } from '../../src/discord/stream.js';

describe('throttled editor', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('given partials every 100 ms for 3.5 s, when streamed, then edits happen at most once per second with the latest text', async () => {
    const edits: { at: number; text: string }[] = [];
    const editor = createThrottledEditor({
      edit: async (text) => {
        edits.push({ at: Date.now(), text });
      },
    });
    for (let i = 1; i <= 35; i++) {
      editor.push(`partial ${i}`);
      await vi.advanceTimersByTimeAsync(100);
    }
    await editor.finish();
    expect(edits.length).toBeGreaterThanOrEqual(3);
    expect(edits.length).toBeLessThanOrEqual(4);
    for (let i = 1; i < edits.length; i++) expect(edits[i].at - edits[i - 1].at).toBeGreaterThanOrEqual(1000);
    expect(edits[0]).toEqual({ at: 0, text: 'partial 1' }); // the first partial shows at once
    expect(edits[1].text).toBe('partial 10'); // then the latest text at the next slot
  });

  it('given a slow edit in flight, when more partials arrive, then edits never overlap', async () => {
    let active = 0;
    let maxActive = 0;
    const editor = createThrottledEditor({
      edit: async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        await new Promise((r) => setTimeout(r, 2500));
        active--;
      },
    });
    for (let i = 0; i < 50; i++) {
      editor.push(`p${i}`);
      await vi.advanceTimersByTimeAsync(100);
    }
    const done = editor.finish();
    await vi.advanceTimersByTimeAsync(5000);
    await done;
    expect(maxActive).toBe(1);
  });

  it('given a pending partial, when finished, then it is dropped (the final answer replaces it) and no edit follows', async () => {
    const edits: string[] = [];
    const editor = createThrottledEditor({ edit: async (t) => void edits.push(t) });
    editor.push('a');
    await vi.advanceTimersByTimeAsync(10);
    editor.push('b'); // would be due at 1000 ms
    await editor.finish();
    await vi.advanceTimersByTimeAsync(5000);
    editor.push('c');
    await vi.advanceTimersByTimeAsync(5000);
    expect(edits).toEqual(['a']);
  });

  it('given an edit that fails, when streaming continues, then the error is reported and later edits still happen', async () => {
    const errors: unknown[] = [];
    const edits: string[] = [];
    let first = true;
    const editor = createThrottledEditor({
      edit: async (t) => {
        if (first) {
          first = false;
          throw new Error('429');
        }
        edits.push(t);
      },
      onError: (e) => errors.push(e),
    });
    editor.push('a');
    await vi.advanceTimersByTimeAsync(10);
    editor.push('b');
    await vi.advanceTimersByTimeAsync(1500);
    await editor.finish();
    expect(errors).toHaveLength(1);
    expect(edits).toEqual(['b']);
  });
});
