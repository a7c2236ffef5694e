import { describe, expect, it } from 'vitest';
import { createRateLimiter, rateLimitMessage } from '../../src/discord/rate-limit.js';

describe('rate limiter', () => {
  it('given 3 per minute, when a user asks 4 times at once, then the 4th is refused with the wait until the oldest expires, told once', () => {
    let now = 1_000;
    const rl = createRateLimiter({ perMinute: 3, clock: () => now });
    expect([rl.take('u'), rl.take('u'), rl.take('u')].every((r) => r.ok)).toBe(true);
    now = 21_000;
    const r4 = rl.take('u');
    expect(r4).toEqual({ ok: false, retryAfterMs: 40_000, firstRefusal: true });
    expect(rl.take('u').firstRefusal).toBe(false);
    expect(rl.take('other').ok).toBe(true); // per user
    now = 61_000; // the first question left the window
    expect(rl.take('u').ok).toBe(true);
  });

  it('given a wait, when phrased, then it is friendly and in whole seconds', () => {
    expect(rateLimitMessage(40_000)).toBe("You're asking faster than I can keep up — please wait 40 seconds and try again.");
    expect(rateLimitMessage(200)).toContain('1 second ');
  });
});
