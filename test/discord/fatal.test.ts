import { describe, expect, it } from 'vitest';
import { AUTH_LOST_EXIT_CODE, fatalFromGatewayClose, fatalFromRest } from '../../src/discord/fatal.js';

describe('lost credentials', () => {
  it('given the gateway close codes discord.js cannot resume (4004, 4010–4014), then each is fatal with its cause; resumable ones are not', () => {
    expect(fatalFromGatewayClose(4004)?.code).toBe('gateway_auth_failed');
    expect(fatalFromGatewayClose(4014)?.code).toBe('gateway_disallowed_intents');
    for (const code of [4010, 4011, 4012, 4013]) expect(fatalFromGatewayClose(code)?.message).toMatch(new RegExp(`${code} .*cannot be resumed`));
    for (const code of [1000, 1006, 4000, 4007, 4008, 4009]) expect(fatalFromGatewayClose(code)).toBeNull();
  });

  it('given a 401, then it is fatal only on a request that carried the token (not interaction callbacks or webhooks)', () => {
    expect(fatalFromRest({ method: 'post', path: '/channels/1/messages', data: {} }, 401)?.message).toMatch(/401 Unauthorized on POST \/channels\/1\/messages/);
    expect(fatalFromRest({ method: 'post', path: '/interactions/1/t/callback', data: { auth: false } }, 401)).toBeNull();
    expect(fatalFromRest({ method: 'post', path: '/channels/1/messages', data: {} }, 403)).toBeNull();
    expect(AUTH_LOST_EXIT_CODE).toBe(78);
  });
});
