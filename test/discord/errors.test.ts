import { Writable } from 'node:stream';
import { MessageFlags, type RepliableInteraction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { GENERIC_ERROR, replyWithError } from '../../src/discord/errors.js';
import { UserError } from '../../src/errors.js';
import { createLogger } from '../../src/log.js';

function captureLogger() {
  const lines: any[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      cb();
    },
  });
  return { logger: createLogger({ level: 'debug', destination, secrets: ['super-secret-token-value'] }), lines };
}

function fakeInteraction(state: { deferred: boolean; replied: boolean; ephemeral: boolean | null }) {
  const calls: { method: string; payload?: any }[] = [];
  const i = {
    ...state,
    reply: async (payload: any) => void calls.push({ method: 'reply', payload }),
    followUp: async (payload: any) => void calls.push({ method: 'followUp', payload }),
    deleteReply: async () => void calls.push({ method: 'deleteReply' }),
  };
  return { interaction: i as unknown as RepliableInteraction, calls };
}

describe('replyWithError', () => {
  it('given a fresh interaction and a bug, when handled, then the user gets the generic message ephemerally and the log has the error and its cause', async () => {
    const { logger, lines } = captureLogger();
    const { interaction, calls } = fakeInteraction({ deferred: false, replied: false, ephemeral: null });
    const err = new Error('engine exploded', { cause: new Error('disk full') });
    await replyWithError(interaction, err, logger, { source: 'slash:ask', userId: '4' });
    expect(calls).toEqual([{ method: 'reply', payload: { content: GENERIC_ERROR, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } } }]);
    const line = lines.find((l) => l.msg === 'interaction failed');
    expect(line).toMatchObject({ level: 50, source: 'slash:ask', userId: '4', outcome: 'error' });
    expect(line.err.message).toContain('engine exploded');
    expect(line.err.message).toContain('disk full');
  });

  it('given a publicly deferred interaction, when it fails, then the thinking message is removed and the apology is an ephemeral follow-up', async () => {
    const { logger } = captureLogger();
    const { interaction, calls } = fakeInteraction({ deferred: true, replied: false, ephemeral: false });
    await replyWithError(interaction, new Error('x'), logger);
    expect(calls.map((c) => c.method)).toEqual(['deleteReply', 'followUp']);
    expect(calls[1].payload.flags).toBe(MessageFlags.Ephemeral);
  });

  it('given an interaction already replied to, when a UserError follows, then its message is an ephemeral follow-up and it is logged as refused', async () => {
    const { logger, lines } = captureLogger();
    const { interaction, calls } = fakeInteraction({ deferred: false, replied: true, ephemeral: false });
    await replyWithError(interaction, new UserError('Please ask a question.'), logger);
    expect(calls).toEqual([{ method: 'followUp', payload: { content: 'Please ask a question.', flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } } }]);
    expect(lines.find((l) => l.msg === 'interaction refused')).toMatchObject({ outcome: 'refused', reason: 'Please ask a question.' });
  });

  it('given a rate-limit UserError, when handled, then the outcome is rate-limited', async () => {
    const { logger, lines } = captureLogger();
    const { interaction } = fakeInteraction({ deferred: false, replied: false, ephemeral: null });
    await replyWithError(interaction, new UserError('slow down', { code: 'rate_limited' }), logger);
    expect(lines.at(-1)).toMatchObject({ outcome: 'rate-limited' });
  });

  it('given replying itself fails, when handled, then it does not throw and the failure is logged; the token never appears', async () => {
    const { logger, lines } = captureLogger();
    const i = {
      deferred: false,
      replied: false,
      ephemeral: null,
      reply: async () => {
        throw new Error('Unknown interaction super-secret-token-value');
      },
    } as unknown as RepliableInteraction;
    await expect(replyWithError(i, new Error('boom'), logger)).resolves.toBeUndefined();
    expect(lines.some((l) => l.msg === 'could not tell the user about an error')).toBe(true);
    expect(JSON.stringify(lines)).not.toContain('super-secret-token-value');
  });
});
