import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/discord/rate-limit.js';

/** README: `RATE_LIMIT_PER_MINUTE` — a user's questions are counted over a whole minute, not less. */
describe('rate limit window', () => {
  it('given 3 per minute used at once, when the user asks again at 30 s and at 59.999 s, then both are refused; at 60 s one is allowed', () => {
    let now = 1_000;
    const rl = createRateLimiter({ perMinute: 3, clock: () => now });
    for (let i = 0; i < 3; i++) expect(rl.take('u').ok).toBe(true);
    now = 31_000;
    expect(rl.take('u')).toMatchObject({ ok: false, retryAfterMs: 30_000 });
    now = 60_999;
    expect(rl.take('u')).toMatchObject({ ok: false, retryAfterMs: 1 });
    now = 61_000;
    expect(rl.take('u').ok).toBe(true);
  });

  it('given 1 per minute, when the user is refused and then waits the minute, then the next refusal is told again (once per burst)', () => {
    let now = 0;
    const rl = createRateLimiter({ perMinute: 1, clock: () => now });
    expect(rl.take('u').ok).toBe(true);
    expect(rl.take('u')).toMatchObject({ ok: false, firstRefusal: true });
    expect(rl.take('u')).toMatchObject({ ok: false, firstRefusal: false });
    now = 60_000;
    expect(rl.take('u').ok).toBe(true);
    expect(rl.take('u')).toMatchObject({ ok: false, firstRefusal: true });
  });
});
