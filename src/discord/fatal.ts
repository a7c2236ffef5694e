/**
 * When Discord stops accepting the bot's credentials mid-session: a REST 401
 * on an authenticated request (the token was reset or revoked; discord.js then
 * drops the token and every later call fails), or a gateway close that
 * discord.js will not resume (4004 authentication failed, 4014 disallowed
 * intents, …). Each is a closed set of causes with one clear message; the
 * process should exit non-zero so a supervisor restarts it or alerts.
 *
 * @example
 * const f = fatalFromGatewayClose(4014);
 * if (f) { logger.fatal({ cause: f.code }, f.message); process.exit(AUTH_LOST_EXIT_CODE); }
 */

/** Exit code after lost credentials (sysexits EX_CONFIG: the configuration — the token or the portal settings — needs a fix). */
export const AUTH_LOST_EXIT_CODE = 78;

export type BotFatalCode = 'rest_unauthorized' | 'gateway_auth_failed' | 'gateway_disallowed_intents' | 'gateway_unrecoverable';

export interface BotFatal {
  code: BotFatalCode;
  message: string;
  detail: Record<string, unknown>;
}

/** A REST response that means the token is no longer valid (interaction callbacks and webhooks carry no token: not those). */
export function fatalFromRest(request: { method: string; path: string; data: { auth?: unknown } }, status: number): BotFatal | null {
  if (status !== 401 || request.data.auth === false) return null;
  return {
    code: 'rest_unauthorized',
    message: `Discord rejected the bot token (401 Unauthorized on ${request.method.toUpperCase()} ${request.path}) — it was reset or revoked; put the current token in DISCORD_TOKEN and restart.`,
    detail: { status, method: request.method.toUpperCase(), path: request.path },
  };
}

/** Gateway close codes discord.js does not recover from (https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes). */
const UNRECOVERABLE: Record<number, string> = {
  4004: 'Authentication failed',
  4010: 'Invalid shard',
  4011: 'Sharding required',
  4012: 'Invalid API version',
  4013: 'Invalid intents',
  4014: 'Disallowed intents',
};

/** An unrecoverable gateway close, or null for the ones discord.js resumes or reconnects from. */
export function fatalFromGatewayClose(code: number): BotFatal | null {
  const name = UNRECOVERABLE[code];
  if (!name) return null;
  const detail = { closeCode: code };
  if (code === 4004) {
    return { code: 'gateway_auth_failed', detail, message: 'Discord closed the gateway with 4004 Authentication failed — the bot token was reset or revoked; put the current token in DISCORD_TOKEN and restart.' };
  }
  if (code === 4014) {
    return {
      code: 'gateway_disallowed_intents',
      detail,
      message: 'Discord closed the gateway with 4014 Disallowed intents — switch on Message Content Intent in the Developer Portal (your application → Bot → Privileged Gateway Intents) and restart.',
    };
  }
  return { code: 'gateway_unrecoverable', detail, message: `Discord closed the gateway with ${code} ${name}, which cannot be resumed — restart the bot.` };
}
