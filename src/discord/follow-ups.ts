/**
 * Follow-ups that never post twice. A channel message carries a nonce
 * (`enforce_nonce`), so a retry after Discord applied it returns the same
 * message; an interaction follow-up (`POST /webhooks/{app}/{token}`) cannot:
 * Discord has no nonce there. When Discord applies a follow-up and still
 * answers 5xx (or the answer never arrives), discord.js retries it and the
 * user would see the message twice.
 *
 * So the REST client's request function is wrapped: when a public follow-up
 * fails that way, the channel's recent messages are read first; if one of
 * them is this interaction's and carries the same content and embeds (and
 * is not one the interaction already sent successfully), that message is the
 * answer — no retry. Otherwise the failure goes back to discord.js, which
 * retries as before. Ephemeral follow-ups cannot be looked up (they are not
 * in the channel's history) and keep the plain retry.
 *
 * @example
 * const guard = createFollowUpGuard();
 * const client = new Client({ ...options, rest: { makeRequest: guard.wrap(DefaultRestOptions.makeRequest) } });
 * guard.bind((channelId) => client.rest.get(Routes.channelMessages(channelId), { query: makeURLSearchParams({ limit: 50 }) }));
 * client.on(Events.InteractionCreate, (i) => guard.track(i));
 */
import type { APIMessage, RESTOptions, ResponseLike } from 'discord.js';

type MakeRequest = RESTOptions['makeRequest'];

interface Target {
  channelId: string;
  interactionId: string;
  at: number;
  /** Follow-ups of this interaction that Discord confirmed, by fingerprint. */
  confirmed: Map<string, number>;
}

export interface FollowUpGuard {
  /** The request function for discord.js's REST client. */
  wrap(base: MakeRequest): MakeRequest;
  /** How to read a channel's newest messages (once the client exists). */
  bind(recent: (channelId: string) => Promise<unknown>): void;
  /** Remember where an interaction's follow-ups go. */
  track(interaction: { token?: string | null; id: string; channelId: string | null }): void;
}

/** Interaction tokens are valid for 15 minutes. */
const TOKEN_LIFETIME_MS = 15 * 60_000;
const FOLLOW_UP = /\/webhooks\/(\d+)\/([^/?]+)\/?(?:\?|$)/;
const EPHEMERAL = 1 << 6;

interface Sent {
  content?: string;
  embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[] }[];
  flags?: number;
}

/** The message payload of a follow-up request (JSON, or multipart with `payload_json`). */
function payloadOf(body: unknown): Sent | null {
  try {
    if (typeof body === 'string') return JSON.parse(body) as Sent;
    const form = body as { get?: (k: string) => unknown } | null;
    const json = typeof form?.get === 'function' ? form.get('payload_json') : null;
    return typeof json === 'string' ? (JSON.parse(json) as Sent) : null;
  } catch {
    return null;
  }
}

/** What identifies a follow-up's message: its text and embeds as Discord keeps them (trimmed). */
export function fingerprint(m: Sent): string {
  return JSON.stringify([(m.content ?? '').trim(), (m.embeds ?? []).map((e) => [(e.title ?? '').trim(), (e.description ?? '').trim(), (e.fields ?? []).map((f) => [f.name.trim(), f.value.trim()])])]);
}

const failed = (r: ResponseLike | null) => r === null || r.status >= 500;

export function createFollowUpGuard(opts: { clock?: () => number; onLookupError?: (e: unknown) => void } = {}): FollowUpGuard {
  const clock = opts.clock ?? Date.now;
  const targets = new Map<string, Target>();
  let recent: ((channelId: string) => Promise<unknown>) | null = null;

  /** This interaction's message with this fingerprint that is not one already confirmed, if the channel shows one. */
  async function findApplied(target: Target, print: string): Promise<APIMessage | null> {
    if (!recent) return null;
    try {
      const list = (await recent(target.channelId)) as APIMessage[];
      const mine = list.filter((m) => (m.interaction_metadata?.id ?? m.interaction?.id) === target.interactionId && fingerprint(m as Sent) === print);
      return mine.length > (target.confirmed.get(print) ?? 0) ? mine[0]! : null;
    } catch (e) {
      opts.onLookupError?.(e);
      return null;
    }
  }

  return {
    wrap(base) {
      return async (url, init) => {
        const token = (init.method ?? 'GET').toUpperCase() === 'POST' ? FOLLOW_UP.exec(url)?.[2] : undefined;
        const target = token ? targets.get(token) : undefined;
        const payload = target ? payloadOf(init.body) : null;
        if (!target || !payload || (payload.flags ?? 0) & EPHEMERAL) return base(url, init);
        const print = fingerprint(payload);
        let res: ResponseLike | null = null;
        let error: unknown;
        try {
          res = await base(url, init);
        } catch (e) {
          error = e;
        }
        if (!failed(res)) {
          if (res!.ok) target.confirmed.set(print, (target.confirmed.get(print) ?? 0) + 1);
          return res!;
        }
        // Discord may have applied it before failing: look before discord.js retries.
        const applied = await findApplied(target, print);
        if (!applied) {
          if (res) return res;
          throw error;
        }
        target.confirmed.set(print, (target.confirmed.get(print) ?? 0) + 1);
        return new Response(JSON.stringify(applied), { status: 200, headers: { 'content-type': 'application/json' } }) as unknown as ResponseLike;
      };
    },
    bind(fn) {
      recent = fn;
    },
    track(interaction) {
      const now = clock();
      // Oldest first (insertion order): drop the expired ones at the front.
      for (const [t, v] of targets) {
        if (now - v.at <= TOKEN_LIFETIME_MS) break;
        targets.delete(t);
      }
      if (interaction.token && interaction.channelId) targets.set(interaction.token, { channelId: interaction.channelId, interactionId: interaction.id, at: now, confirmed: new Map() });
    },
  };
}
