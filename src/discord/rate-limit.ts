/**
 * Per-user sliding-window rate limit: at most `perMinute` questions in any
 * 60-second window, by an injected clock. Also remembers whether the user was
 * already told, so a chat flood gets one friendly reply, not one per message.
 *
 * @example
 * const limiter = createRateLimiter({ perMinute: 6 });
 * const r = limiter.take(user.id);
 * if (!r.ok) return reply(rateLimitMessage(r.retryAfterMs));
 */
export interface RateLimitResult {
  ok: boolean;
  /** When not ok: milliseconds until the next question is allowed. */
  retryAfterMs: number;
  /** When not ok: true the first time in this window (tell the user once). */
  firstRefusal: boolean;
}

export interface RateLimiter {
  take(userId: string): RateLimitResult;
}

const WINDOW_MS = 60_000;

export function createRateLimiter(opts: { perMinute: number; clock?: () => number; maxUsers?: number }): RateLimiter {
  const clock = opts.clock ?? Date.now;
  const maxUsers = opts.maxUsers ?? 10_000;
  const users = new Map<string, { hits: number[]; told: boolean }>();
  return {
    take(userId) {
      const now = clock();
      let u = users.get(userId);
      if (!u) {
        u = { hits: [], told: false };
        users.set(userId, u);
        if (users.size > maxUsers) {
          for (const [k, v] of users) {
            if (!v.hits.length || now - v.hits[v.hits.length - 1] >= WINDOW_MS) users.delete(k);
            if (users.size <= maxUsers) break;
          }
          while (users.size > maxUsers) users.delete(users.keys().next().value as string);
        }
      }
      while (u.hits.length && now - u.hits[0] >= WINDOW_MS) u.hits.shift();
      if (u.hits.length < opts.perMinute) {
        u.hits.push(now);
        u.told = false;
        return { ok: true, retryAfterMs: 0, firstRefusal: false };
      }
      const firstRefusal = !u.told;
      u.told = true;
      return { ok: false, retryAfterMs: Math.max(0, u.hits[0] + WINDOW_MS - now), firstRefusal };
    },
  };
}

/** The friendly reply. */
export function rateLimitMessage(retryAfterMs: number): string {
  const s = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `You're asking faster than I can keep up — please wait ${s} second${s === 1 ? '' : 's'} and try again.`;
}
