import { describe, expect, it } from 'vitest';
import { chatTrigger, mentionsBot, stripBotMention, threadName } from '../../src/discord/chat.js';
import { channelAllowed } from '../../src/discord/context.js';

const BOT = '100000000000000001';

describe('chat helpers', () => {
  it('given a message mentioning the bot (new or legacy form), when stripped, then only the question is left', () => {
    expect(mentionsBot(`<@${BOT}> hi`, BOT)).toBe(true);
    expect(mentionsBot(`<@!${BOT}> hi`, BOT)).toBe(true);
    expect(mentionsBot('<@999> hi', BOT)).toBe(false);
    expect(stripBotMention(`<@${BOT}> What did Annan say?`, BOT)).toBe('What did Annan say?');
    expect(stripBotMention(`<@!${BOT}>, what did Annan say to <@999>?`, BOT)).toBe('what did Annan say to <@999>?');
    expect(stripBotMention(`Hey <@${BOT}>   where was that?`, BOT)).toBe('Hey where was that?');
    expect(stripBotMention(`<@${BOT}>`, BOT)).toBe('');
  });

  it('given the facts about a message, when deciding, then DMs, mentions, replies, bot threads and answer channels trigger, in that order', () => {
    const none = { isDM: false, mentioned: false, replyToBot: false, inBotThread: false, inAnswerChannel: false };
    expect(chatTrigger(none)).toBeNull();
    expect(chatTrigger({ ...none, isDM: true, mentioned: true })).toBe('dm');
    expect(chatTrigger({ ...none, mentioned: true, replyToBot: true })).toBe('mention');
    expect(chatTrigger({ ...none, replyToBot: true, inBotThread: true })).toBe('reply');
    expect(chatTrigger({ ...none, inBotThread: true })).toBe('thread');
    expect(chatTrigger({ ...none, inAnswerChannel: true })).toBe('channel');
  });

  it('given a long question, when it names a thread, then the name fits 100 chars', () => {
    expect(threadName('What did Annan say?')).toBe('What did Annan say?');
    const n = threadName('why '.repeat(60));
    expect(n.length).toBeLessThanOrEqual(100);
    expect(n.endsWith('…')).toBe(true);
  });

  it('given an allow-list, when checking channels, then listed channels and their threads pass, others and disabled DMs do not', () => {
    const cfg = { DISCORD_ALLOWED_CHANNELS: ['1'], DISCORD_ALLOW_DMS: false };
    expect(channelAllowed(cfg, { guild: true, channelId: '1' })).toBe(true);
    expect(channelAllowed(cfg, { guild: true, channelId: '5', parentId: '1' })).toBe(true);
    expect(channelAllowed(cfg, { guild: true, channelId: '2' })).toBe(false);
    expect(channelAllowed(cfg, { guild: false, channelId: '3' })).toBe(false);
    expect(channelAllowed({ DISCORD_ALLOWED_CHANNELS: [], DISCORD_ALLOW_DMS: true }, { guild: true, channelId: '2' })).toBe(true);
    expect(channelAllowed({ DISCORD_ALLOWED_CHANNELS: [], DISCORD_ALLOW_DMS: true }, { guild: false, channelId: '3' })).toBe(true);
  });
});
